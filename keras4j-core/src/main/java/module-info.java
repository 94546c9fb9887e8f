/**
 * keras4j: the Keras 3 API on the JVM. A modular application reads it with {@code requires
 * io.keras4j;}.
 *
 * <p>The module is named after its root package, {@code io.keras4j} (where {@code Tensor} and
 * {@code Input} live), as the module-naming convention asks; later modules take sub-names ({@code
 * io.keras4j.examples}, a future {@code io.keras4j.spark}) and their own packages.
 *
 * <p>Exported: the packages of the API contract and the backend interface. Not exported: {@code
 * io.keras4j.backend.jvm} (the pure-Java backend: its storage and kernels), {@code
 * io.keras4j.backend.pool} (the step buffer pool) and {@code io.keras4j.internal} (shape arrays
 * without copies). Exported packages that still hold internals are listed in docs/architecture.md,
 * "Modules and layering".
 */
module io.keras4j {
  // Optional: the Vector API kernels are used only when the application resolves the module
  // (--add-modules jdk.incubator.vector); otherwise KernelsProvider picks the scalar kernels.
  requires static jdk.incubator.vector;
  requires java.logging; // KernelsProvider says which kernels it chose, and why
  requires java.management; // KernelsProvider reads the JVM's flags (-Xint, TieredStopAtLevel)
  // The diagnostic command MBean, through which JitHints gives the JIT its one compiler directive.
  requires jdk.management;
  requires java.net.http; // Cifar10.load() fetches the archive once
  requires java.desktop; // javax.imageio decodes image files (io.keras4j.utils.Images); in the JDK
  requires com.fasterxml.jackson.databind; // Keras JSON; no Jackson type is part of the API
  requires io.jhdf; // HDF5 reading (io.keras4j.saving); no jhdf type is part of the API
  // jhdf is an automatic module: the named modules it uses at run time are not resolved on its
  // behalf, so an application on the module path would fail in Model.load without these two.
  requires org.slf4j;

  uses org.slf4j.spi.SLF4JServiceProvider; // only to see whether the application has one

  requires org.apache.commons.lang3;

  exports io.keras4j;
  exports io.keras4j.activations;
  exports io.keras4j.callbacks;
  exports io.keras4j.constraints;
  exports io.keras4j.data;
  exports io.keras4j.datasets;
  exports io.keras4j.initializers;
  exports io.keras4j.layers;
  exports io.keras4j.losses;
  exports io.keras4j.metrics;
  exports io.keras4j.models;
  exports io.keras4j.ops;
  exports io.keras4j.optimizers;
  exports io.keras4j.optimizers.schedules;
  exports io.keras4j.preprocessing.image;
  exports io.keras4j.random;
  exports io.keras4j.regularizers;
  exports io.keras4j.saving;
  exports io.keras4j.utils;
  // Exported for now: Trainer and the loops are internals that Model calls; they move to an
  // unexported package (docs/architecture.md, "Modules and layering").
  exports io.keras4j.trainers;
  // The backend SPI (Backend, its families, BackendProvider). Not exported: io.keras4j.backend.jvm,
  // the pure-Java backend, found through ServiceLoader like any other (META-INF/services serves
  // the class path, the provides clause the module path).
  exports io.keras4j.backend;
  // Not part of the API: the headless switch that keras4j-plots shares with plotModel.
  exports io.keras4j.internal to
      io.keras4j.plots;

  uses io.keras4j.backend.BackendProvider;
  // History.plot draws through the module io.keras4j.plots (JFreeChart) when it is present.
  uses io.keras4j.callbacks.HistoryPlotter;
  uses io.keras4j.callbacks.SummaryWriters; // TensorBoard's event files (keras4j-tensorboard)

  provides io.keras4j.backend.BackendProvider with
      io.keras4j.backend.jvm.JvmBackendProvider;

  // The CSV files bundled under io/keras4j/datasets are for applications to read too (the
  // WideAndDeep example reads one with CsvReader): a resource of a named module is visible to
  // other modules only when its package is open.
  opens io.keras4j.datasets;
}
