package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.Tensor;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import io.keras4j.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code .keras} file written by keras4j against the real Keras 3 files it imitates
 * (../shared/data/keras_models/keras3): each real model is loaded, compiled and trained one step as
 * Keras had it, saved, and both files are read with jhdf: the same zip entries in the same order,
 * the same config keys, and the same HDF5 groups, datasets (dtype, shape) and attributes (name,
 * type), with the weights bit for bit.
 */
class KerasSaveStructureTest {
  @TempDir Path dir;

  @Test
  void mnistCnnHasTheStructureKeras3Wrote() throws IOException {
    Path real = KerasArchiveTest.file("keras_models/keras3/mnist_cnn_keras3.13.keras");
    Model m = loadMnistKeras(real);
    m.compile(new Adam(), "sparse_categorical_crossentropy", "accuracy");
    Tensor x = KerasSaveTest.uniform(1, 4, 28, 28, 1);
    Tensor y = Tensor.ofInts(new int[] {1, 2, 3, 4}, 4);
    m.fit(x, y, new FitOptions().epochs(1).batchSize(4).verbose(0));
    List<String> ours = compare(real, m, "mnist.keras");
    assertTrue(ours.contains("optimizer/vars/0 dataset FixedPoint8[]"), ours.toString());
    assertTrue(ours.contains("optimizer/vars/1 dataset FloatingPoint4[]"), ours.toString());
    assertTrue(
        ours.contains("layers/dense/vars/0 dataset FloatingPoint4[1600, 128]"), ours.toString());
    assertTrue(
        ours.contains("layers/dropout/vars/ group @name:VariableLength scalar String"),
        ours.toString());
    assertEquals(47, ours.size()); // root, layers, 8 x 2 layer groups, 8 weights, 3 + 18 optimizer
  }

  @Test
  void gruForecastHasTheStructureKeras3Wrote() throws IOException {
    Path real = KerasArchiveTest.file("keras_models/keras3/gru_forecast_keras3.15.keras");
    Model m = Model.load(real);
    m.compile(new Adam(0.0015477559063583612), "mean_squared_error");
    m.fit(
        KerasSaveTest.uniform(2, 2, 480, 3),
        KerasSaveTest.uniform(3, 2, 1),
        new FitOptions().epochs(1).batchSize(2).verbose(0));
    List<String> ours = compare(real, m, "gru.keras");
    assertTrue(
        ours.contains("layers/gru/cell/vars/2 dataset FloatingPoint4[2, 192]"), ours.toString());
  }

  /**
   * Loads the real MNIST .keras file: its compile_config names no optimizer, so it compiles with
   * Keras's default (rmsprop), whose 10 variables cannot take the file's 18 Adam variables: Keras
   * warns and leaves them; so does keras4j (checked here, and kept off the console).
   */
  static Model loadMnistKeras(Path real) {
    try (LogCapture log = LogCapture.of(CompiledState.class)) {
      Model m = Model.load(real);
      assertTrue(m.isCompiled());
      assertEquals("RMSprop", m.optimizer().className());
      assertTrue(
          log.messages()
              .toString()
              .contains("because it has 10 variables whereas the saved" + " optimizer has 18"),
          log.messages().toString());
      return m;
    }
  }

  private List<String> compare(Path real, Model m, String name) throws IOException {
    Path ours = dir.resolve(name);
    List<String> described;
    m.save(ours);
    assertEquals(entryNames(real), entryNames(ours));
    Map<String, byte[]> a = entries(real);
    Map<String, byte[]> b = entries(ours);
    assertEquals(
        KerasFiles.readJson(real, a.get("metadata.json")).keySet(),
        KerasFiles.readJson(ours, b.get("metadata.json")).keySet());
    Map<String, Object> ca = KerasFiles.readJson(real, a.get("config.json"));
    Map<String, Object> cb = KerasFiles.readJson(ours, b.get("config.json"));
    assertEquals(ca.keySet(), cb.keySet());
    assertEquals(map(ca.get("config")).keySet(), map(cb.get("config")).keySet());
    Map<String, Object> compiled = new TreeMap<>(map(cb.get("compile_config")));
    if (!map(ca.get("compile_config")).containsKey("optimizer")) {
      compiled.remove("optimizer"); // Keras 3.13 left it out of that file
    }
    assertEquals(new TreeMap<>(map(ca.get("compile_config"))).keySet(), compiled.keySet());
    try (HdfFile ha = Hdf5.open(real, a.get("model.weights.h5"));
        HdfFile hb = Hdf5.open(ours, b.get("model.weights.h5"))) {
      described = describe(hb);
      assertEquals(describe(ha), described);
      for (String path : datasets(hb)) {
        if (path.startsWith("layers/")) { // the weights: the model's, bit for bit
          Dataset d = (Dataset) hb.getByPath(path);
          Tensor t = Hdf5.tensor(ours, d);
          assertArrayEquals(t.toFloatArray(), (float[]) d.getDataFlat(), path);
        }
      }
    }
    List<Tensor> w = m.getWeights();
    List<Tensor> back = Model.load(ours).getWeights();
    for (int i = 0; i < w.size(); i++) {
      assertArrayEquals(w.get(i).toFloatArray(), back.get(i).toFloatArray());
    }
    return described;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  static List<String> entryNames(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      return z.stream().map(ZipEntry::getName).toList();
    }
  }

  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : z.stream().toList()) {
        out.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  /**
   * Every node as "path kind dtype shape @attribute:type", sorted; paths relative to the file's
   * root group ("." for the root itself).
   */
  static List<String> describe(HdfFile h5) {
    List<String> out = new ArrayList<>();
    walk(h5, out);
    out.sort(null);
    return out;
  }

  private static void walk(Node n, List<String> out) {
    String path = n.getPath().substring(1);
    StringBuilder s = new StringBuilder(path.isEmpty() ? "." : path);
    if (n instanceof Dataset d) {
      s.append(" dataset ")
          .append(d.getDataType().getClass().getSimpleName())
          .append(d.getDataType().getSize())
          .append(Arrays.toString(d.isScalar() ? new int[0] : d.getDimensions()));
    } else {
      s.append(" group");
    }
    for (Map.Entry<String, Attribute> a : new TreeMap<>(n.getAttributes()).entrySet()) {
      s.append(" @")
          .append(a.getKey())
          .append(':')
          .append(a.getValue().getDataType().getClass().getSimpleName())
          .append(a.getValue().isScalar() ? " scalar" : " array")
          .append(' ')
          .append(a.getValue().getJavaType().getSimpleName());
    }
    out.add(s.toString());
    if (n instanceof Group g) {
      for (Node c : g.getChildren().values()) {
        walk(c, out);
      }
    }
  }

  private static List<String> datasets(HdfFile h5) {
    List<String> out = new ArrayList<>();
    for (String line : describe(h5)) {
      if (line.contains(" dataset ")) {
        out.add(line.substring(0, line.indexOf(' ')));
      }
    }
    return out;
  }
}
