/**
 * keras4j: the Keras 3 API on the JVM. A modular application reads it with {@code requires
 * io.keras4j;}.
 *
 * <p>The module is named after its root package, {@code io.keras4j} (where {@code Tensor} and
 * {@code Input} live), as the module-naming convention asks; later modules take sub-names ({@code
 * io.keras4j.examples}, a future {@code io.keras4j.spark}) and their own packages.
 *
 * <p>Exported: the packages of the API contract and the backend interface. Not exported: {@code
 * io.keras4j.backend.jvm}, the pure-Java kernels. A few exported packages still hold internals (the
 * trainer and its loops in {@code trainers}, the step buffer pool in {@code backend}); where they
 * go is listed in docs/architecture.md, "Modules and layering".
 */
module io.keras4j {
  // Optional: the Vector API kernels are used only when the application resolves the module
  // (--add-modules jdk.incubator.vector); otherwise KernelsProvider picks the scalar kernels.
  requires static jdk.incubator.vector;
  requires java.logging; // KernelsProvider says which kernels it chose, and why
  requires java.management; // KernelsProvider reads the JVM's flags (-Xint, TieredStopAtLevel)
  requires com.fasterxml.jackson.databind; // Keras JSON; no Jackson type is part of the API

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
  exports io.keras4j.random;
  exports io.keras4j.regularizers;
  exports io.keras4j.saving;
  exports io.keras4j.utils;
  // Exported for now: Trainer and the loops are internals that Model calls; they move to an
  // unexported package (docs/architecture.md, "Modules and layering").
  exports io.keras4j.trainers;
  // The backend SPI: the kernel interface and its lookup (Buffers, the step pool, is internal and
  // moves out with the seam work).
  exports io.keras4j.backend;

// Not exported: io.keras4j.backend.jvm (ScalarKernels, VectorKernels, Gemm, Parallel).
//
// The backend seam will add here: `uses io.keras4j.backend.Backend;` (found by ServiceLoader)
// and `provides io.keras4j.backend.Backend with io.keras4j.backend.jvm.JvmBackend;` (the name
// of the provider is the seam work's), alongside META-INF/services for the class path.
}
