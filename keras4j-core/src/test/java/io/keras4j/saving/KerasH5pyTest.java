package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.LSTM;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDF5 keras4j writes, opened by the reference implementation: h5py (Debian's python3-h5py; CI
 * installs it) lists the groups, dataset dtypes, shapes and values, and the attribute types of a
 * saved model's {@code model.weights.h5}. The interpreter is the first {@code python3} on the PATH
 * that imports h5py (a pyenv shim may come first without it), or {@code -Dkeras4j.python}.
 */
class KerasH5pyTest {
  /** A python3 that imports h5py, or null. */
  private static final String PYTHON = pythonWithH5py();

  @TempDir Path dir;

  static boolean h5pyAvailable() {
    return PYTHON != null;
  }

  private static String pythonWithH5py() {
    List<String> candidates = new ArrayList<>();
    String given = System.getProperty("keras4j.python");
    if (given != null) {
      candidates.add(given);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isExecutable(p)) {
        candidates.add(p.toString());
      }
    }
    for (String python : candidates) {
      if (importsH5py(python)) {
        return python;
      }
    }
    return null;
  }

  private static boolean importsH5py(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import h5py").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void h5pyReadsOurWeightsFile() throws IOException, InterruptedException, URISyntaxException {
    assumeTrue(
        h5pyAvailable(),
        "h5py is not installed for any python3 on the PATH (apt-get install python3-h5py; CI"
            + " installs it)");
    Keras.setRandomSeed(11);
    var m =
        new Sequential(
            Input.of(5), new Embedding(20, 4), new Bidirectional(new LSTM(3)), new Dense(2));
    m.compile(new Adam(0.01), "mean_squared_error");
    m.fit(
        KerasSaveTest.ids(1, 20, 8, 5),
        KerasSaveTest.uniform(2, 8, 2),
        new FitOptions().epochs(1).batchSize(4).verbose(0));
    Path keras = dir.resolve("bilstm.keras");
    m.save(keras);
    Path h5 = dir.resolve("model.weights.h5");
    Files.write(h5, KerasSaveStructureTest.entries(keras).get("model.weights.h5"));
    Map<String, Map<String, Object>> byPath = h5py(h5);
    // The weights, in Keras's get_weights() order, under the groups Keras 3 uses.
    List<String> weightPaths = new ArrayList<>();
    weightPaths.add("layers/embedding/vars/0");
    for (String side : List.of("forward_layer", "backward_layer")) {
      for (int i = 0; i < 3; i++) {
        weightPaths.add(String.join("/", "layers", "bidirectional", side, "cell", "vars", "" + i));
      }
    }
    weightPaths.add("layers/dense/vars/0");
    weightPaths.add("layers/dense/vars/1");
    List<Tensor> weights = m.getWeights();
    assertEquals(weights.size(), weightPaths.size());
    for (int i = 0; i < weights.size(); i++) {
      Map<String, Object> d = byPath.get(weightPaths.get(i));
      assertEquals("dataset", d.get("kind"), weightPaths.get(i));
      assertEquals("float32", d.get("dtype"));
      List<Object> shape = (List<Object>) d.get("shape");
      int[] expectedShape = weights.get(i).shape();
      assertEquals(expectedShape.length, shape.size());
      for (int k = 0; k < shape.size(); k++) {
        assertEquals(expectedShape[k], ((Number) shape.get(k)).intValue());
      }
      float[] expected = weights.get(i).toFloatArray();
      List<Object> values = (List<Object>) d.get("values");
      assertEquals(expected.length, values.size());
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], ((Number) values.get(k)).floatValue(), weightPaths.get(i));
      }
    }
    for (String group :
        List.of(
            "layers/bidirectional/vars",
            "layers/bidirectional/forward_layer/vars",
            "layers/bidirectional/backward_layer/cell/vars",
            "vars",
            "optimizer/vars")) {
      List<Object> name = (List<Object>) map(byPath.get(group).get("attrs")).get("name");
      assertEquals("str", name.get(0), group + " @name is a variable-length str");
    }
    assertEquals(
        m.name(), ((List<Object>) map(byPath.get("vars").get("attrs")).get("name")).get(1));
    Map<String, Object> iterations = byPath.get("optimizer/vars/0");
    assertEquals("int64", iterations.get("dtype"));
    assertEquals(List.of(), iterations.get("shape"));
    assertEquals(2L, ((Number) ((List<Object>) iterations.get("values")).get(0)).longValue());
    Map<String, Object> lr = byPath.get("optimizer/vars/1");
    assertEquals("float32", lr.get("dtype"));
    assertEquals(0.01f, ((Number) ((List<Object>) lr.get("values")).get(0)).floatValue());
  }

  /** Groups too big for one symbol node or one B-tree node (several nodes, two levels). */
  @Test
  @SuppressWarnings("unchecked")
  void h5pyReadsBigGroups() throws IOException, InterruptedException, URISyntaxException {
    assumeTrue(
        h5pyAvailable(),
        "h5py is not installed for any python3 on the PATH (apt-get install python3-h5py; CI"
            + " installs it)");
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    Hdf5Tree.Group vars = root.group("vars");
    int n = 700;
    for (int i = 0; i < n; i++) {
      vars.floats(Integer.toString(i), new float[] {i, 0.5f}, new int[] {2});
      vars.group("g" + i).attribute("name", "é" + i);
    }
    Path h5 = dir.resolve("big.h5");
    Files.write(h5, Hdf5Writer.write(root));
    Map<String, Map<String, Object>> byPath = h5py(h5);
    assertEquals(2 * n + 2, byPath.size()); // and "/" and "vars"
    for (int i = 0; i < n; i++) {
      Map<String, Object> d = byPath.get("vars/" + i);
      assertEquals(List.of((double) i, 0.5), d.get("values"));
      List<Object> name = (List<Object>) map(byPath.get("vars/g" + i).get("attrs")).get("name");
      assertEquals(List.of("str", "é" + i), name);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> h5py(Path h5)
      throws IOException, InterruptedException, URISyntaxException {
    Path script =
        Path.of(KerasH5pyTest.class.getResource("h5py_describe.py").toURI()).toAbsolutePath();
    Process p = new ProcessBuilder(PYTHON, script.toString(), h5.toString()).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "h5py timed out");
    assertEquals(0, p.exitValue(), err);
    List<Object> nodes =
        (List<Object>) Json.readObject(new String(out, StandardCharsets.UTF_8)).get("nodes");
    Map<String, Map<String, Object>> byPath = new HashMap<>();
    for (Object o : nodes) {
      Map<String, Object> node = (Map<String, Object>) o;
      byPath.put((String) node.get("path"), node);
    }
    return byPath;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
