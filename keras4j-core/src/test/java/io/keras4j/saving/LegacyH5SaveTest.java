package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhdf.HdfFile;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legacy HDF5 {@code .h5} files written by keras4j ({@code model.save("m.h5")}): the groups,
 * datasets and attributes of the real Keras 3 legacy file, and identical predictions after {@code
 * Model.load}.
 */
class LegacyH5SaveTest {
  private static final PredictOptions QUIET = new PredictOptions().verbose(0);

  @TempDir Path dir;

  /** The MNIST CNN Keras 3.13 saved as .h5, re-saved by keras4j: the same nodes and types. */
  @Test
  void mnistCnnHasTheStructureKeras3Wrote() throws IOException {
    Path real = KerasArchiveTest.file("keras_models/keras3/mnist_cnn_keras3.13_legacy.h5");
    Model m = Model.load(real);
    m.compile(new Adam(), "sparse_categorical_crossentropy", "accuracy");
    Tensor x = KerasSaveTest.uniform(1, 4, 28, 28, 1);
    Tensor y = Tensor.ofInts(new int[] {1, 2, 3, 4}, 4);
    m.fit(x, y, new FitOptions().epochs(1).batchSize(4).verbose(0));
    Path ours = dir.resolve("mnist.h5");
    m.save(ours);
    byte[] a = Files.readAllBytes(real);
    byte[] b = Files.readAllBytes(ours);
    try (HdfFile ha = Hdf5.open(real, a);
        HdfFile hb = Hdf5.open(ours, b)) {
      // The optimizer's name is unique in the JVM (adam, adam_1, ...), as in Keras.
      String opt = m.optimizer().name();
      List<String> described =
          KerasSaveStructureTest.describe(hb).stream()
              .map(s -> s.replace("optimizer_weights/" + opt + "/", "optimizer_weights/adam/"))
              .sorted()
              .toList();
      assertEquals(KerasSaveStructureTest.describe(ha), described);
      assertEquals(
          Hdf5.stringsAttribute(
              real, (io.jhdf.api.Group) ha.getChild("model_weights"), "layer_names"),
          Hdf5.stringsAttribute(
              ours, (io.jhdf.api.Group) hb.getChild("model_weights"), "layer_names"));
      assertEquals(
          List.of("sequential/dense/kernel", "sequential/dense/bias"),
          Hdf5.stringsAttribute(
                  ours,
                  (io.jhdf.api.Group)
                      ((io.jhdf.api.Group) hb.getChild("model_weights")).getChild("dense"),
                  "weight_names")
              .stream()
              .toList());
      assertEquals(
          KerasFiles.readJson(real, Hdf5.stringAttribute(real, ha, "training_config").getBytes())
              .keySet(),
          KerasFiles.readJson(ours, Hdf5.stringAttribute(ours, hb, "training_config").getBytes())
              .keySet());
      assertEquals("3.13.2", Hdf5.stringAttribute(ours, hb, "keras_version"));
    }
    assertPredictionsEqual(m, Model.load(ours), List.of(x), "mnist");
  }

  /** The optimizer state goes through optimizer_weights: one more step gives the same weights. */
  @Test
  void trainingContinuesExactlyAfterLoad() {
    Keras.setRandomSeed(7);
    var m = new Sequential(Input.of(4), new Dense(5, "tanh"), new Dense(2));
    m.compile(new Adam(0.01), "mean_squared_error");
    Tensor x = KerasSaveTest.uniform(8, 8, 4);
    Tensor y = KerasSaveTest.uniform(9, 8, 2);
    FitOptions once = new FitOptions().epochs(1).batchSize(4).verbose(0).shuffle(false);
    m.fit(x, y, once);
    Path file = dir.resolve("trained.h5");
    m.save(file);
    Model back = Model.load(file);
    assertTrue(back.isCompiled());
    assertEquals("Adam", back.optimizer().className());
    List<Tensor> a = m.optimizer().variables().stream().map(v -> v.value()).toList();
    List<Tensor> b = back.optimizer().variables().stream().map(v -> v.value()).toList();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), "optimizer var " + i);
    }
    m.fit(x, y, once);
    back.fit(x, y, once);
    List<Tensor> w0 = m.getWeights();
    List<Tensor> w1 = back.getWeights();
    for (int i = 0; i < w0.size(); i++) {
      assertArrayEquals(w0.get(i).toFloatArray(), w1.get(i).toFloatArray(), "weight " + i);
    }
  }

  @Test
  void anUncompiledFunctionalModelRoundTrips() {
    Keras.setRandomSeed(3);
    var in = Input.of(5);
    var h = new Dense(4, "relu").apply(in);
    var out = new Dense(2).apply(new Dropout(0.2).apply(h));
    Model m = new Model(in, out);
    Path file = dir.resolve("f.hdf5");
    m.save(file);
    Model back = Model.load(file);
    assertTrue(!back.isCompiled());
    assertPredictionsEqual(m, back, List.of(KerasSaveTest.uniform(4, 3, 5)), "functional");
  }

  @Test
  void aSaveThatFailsMidwayLeavesThePreviousFile() throws IOException {
    Keras.setRandomSeed(5);
    var m = new Sequential(Input.of(3), new Dense(2));
    Path file = dir.resolve("m.h5");
    m.save(file);
    byte[] before = Files.readAllBytes(file);
    m.layers().getLast().setWeights(List.of(Tensor.ones(3, 2), Tensor.ones(2)));
    KerasFileException e =
        assertThrows(
            KerasFileException.class,
            () ->
                KerasArchiveWriter.saveModel(
                    m,
                    file,
                    step -> {
                      throw new IOException("disk full at " + step);
                    }));
    assertTrue(e.getMessage().contains("disk full at half"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  static void assertPredictionsEqual(Model a, Model b, List<Tensor> x, String name) {
    List<Tensor> expected = a.predict(x, QUIET);
    List<Tensor> actual = b.predict(x, QUIET);
    assertEquals(expected.size(), actual.size(), name);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).shape(), actual.get(i).shape(), name);
      assertArrayEquals(expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), name);
    }
  }

  /** h5py reads the file: string attributes as str, weight names as arrays, float32 weights. */
  @Test
  @SuppressWarnings("unchecked")
  void h5pyReadsOurLegacyFile() throws Exception {
    assumeTrue(
        KerasH5pyTest.h5pyAvailable(),
        "h5py is not installed for /usr/bin/python3 (apt-get install python3-h5py; CI installs it)");
    Keras.setRandomSeed(9);
    var m = new Sequential(Input.of(3), new Dense(2), new Dropout(0.1));
    m.compile(new Adam(0.01), "mean_squared_error");
    Path file = dir.resolve("m.h5");
    m.save(file);
    Map<String, Map<String, Object>> byPath = KerasH5pyTest.h5py(file);
    Map<String, Object> root = (Map<String, Object>) byPath.get("/").get("attrs");
    assertEquals("3.13.2", root.get("keras_version"));
    assertEquals("tensorflow", root.get("backend"));
    assertTrue(((String) root.get("model_config")).contains("\"Sequential\""));
    Map<String, Object> mw = (Map<String, Object>) byPath.get("model_weights").get("attrs");
    assertEquals("ndarray", ((List<Object>) mw.get("layer_names")).get(0));
    String dense = m.layers().get(0).name();
    Map<String, Object> kernel =
        byPath.get("model_weights/" + dense + "/" + m.name() + "/" + dense + "/kernel");
    assertEquals("float32", kernel.get("dtype"));
    assertEquals(
        List.of(3L, 2L),
        ((List<Object>) kernel.get("shape")).stream().map(o -> ((Number) o).longValue()).toList());
    float[] k = m.layers().get(0).getWeights().get(0).toFloatArray();
    List<Object> values = (List<Object>) kernel.get("values");
    for (int i = 0; i < k.length; i++) {
      assertEquals(k[i], ((Number) values.get(i)).floatValue());
    }
    Map<String, Object> dropout =
        (Map<String, Object>) byPath.get("model_weights/" + m.layers().get(1).name()).get("attrs");
    assertTrue(
        ((List<Object>) dropout.get("weight_names")).get(1).toString().contains("float64"),
        dropout.toString());
  }
}
