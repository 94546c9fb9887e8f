package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow.js itself (the node package {@code @tensorflow/tfjs}, cpu backend) loads the files
 * keras4j writes in the TF.js layers format and predicts the same numbers, and keras4j loads the
 * models TensorFlow.js writes with the same predictions. The scripts (predict.js, save.js) and
 * their {@code package.json} are in {@code src/test/tfjs} (property {@code keras4j.tfjs.dir});
 * {@code .ci/run} installs the package there with {@code npm ci}. Without node or the package the
 * test is skipped, saying which is missing.
 */
class TfJsNodeTest {
  private static final Path SCRIPT_DIR =
      Path.of(System.getProperty("keras4j.tfjs.dir", "src/test/tfjs")).toAbsolutePath();

  @TempDir Path tmp;

  private static void assumeTensorFlowJs() {
    assumeTrue(
        Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@tensorflow/tfjs")),
        "the node package @tensorflow/tfjs is not installed in "
            + SCRIPT_DIR
            + " (run npm ci there; .ci/run does when CI=true)");
    assumeTrue(nodeVersion() != null, "node is not on the PATH");
  }

  /**
   * Models TensorFlow.js builds and saves itself (Conv2D + BatchNormalization, whose moving
   * statistics tfjs lists after every trainable weight; Embedding + LSTM + GRU; two inputs and a
   * Concatenate) load through Model.load and predict what TensorFlow.js predicted.
   */
  @Test
  @SuppressWarnings("unchecked")
  void keras4jLoadsWhatTensorFlowJsWritesAndPredictsTheSame() throws Exception {
    assumeTensorFlowJs();
    String printed = run("save.js", tmp);
    List<String> cases = List.of("tfjs_cnn", "tfjs_embedding_lstm", "tfjs_two_inputs");
    assertEquals(cases, printed.strip().lines().filter(l -> l.startsWith("tfjs_")).toList());
    for (String name : cases) {
      Path dir = tmp.resolve(name);
      Model model = Model.load(dir);
      Map<String, Object> io = GoldenData.readJson(dir.resolve("io.json"));
      List<Tensor> inputs = new ArrayList<>();
      for (Object o : (List<Object>) io.get("inputs")) {
        Map<String, Object> m = (Map<String, Object>) o;
        int[] shape = GoldenData.ints(m.get("shape"));
        inputs.add(
            "int32".equals(m.get("dtype"))
                ? Tensor.ofInts(GoldenData.ints(m.get("data")), shape)
                : Tensor.of(GoldenData.floats(m.get("data")), shape));
      }
      List<Tensor> got =
          inputs.size() == 1
              ? List.of(model.predict(inputs.get(0), Quiet.predict()))
              : model.predict(inputs, Quiet.predict().batchSize(32));
      List<Object> expected = (List<Object>) io.get("outputs");
      assertEquals(expected.size(), got.size(), name);
      for (int i = 0; i < got.size(); i++) {
        Map<String, Object> e = (Map<String, Object>) expected.get(i);
        assertArrayEquals(GoldenData.ints(e.get("shape")), got.get(i).shape(), name);
        assertArrayEquals(GoldenData.floats(e.get("data")), got.get(i).toFloatArray(), 1e-5f, name);
      }
    }
  }

  @Test
  void tensorflowJsLoadsWhatKeras4jWritesAndPredictsTheSame() throws Exception {
    assumeTensorFlowJs();
    for (TfJsTestModels.Case c : TfJsTestModels.all()) {
      Path dir = tmp.resolve(c.name());
      c.model().saveTfJs(dir);
      List<Object> inputs = new ArrayList<>();
      for (Tensor x : c.inputs()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", Config.list(x.shape()));
        m.put("dtype", x.dtype().kerasName());
        m.put("data", x.dtype().isFloating() ? x.toFloatArray() : x.toIntArray());
        inputs.add(m);
      }
      Files.writeString(dir.resolve("inputs.json"), Json.write(inputs));
      List<Object> outputs = runNode(dir);
      List<Tensor> expected =
          c.inputs().size() == 1
              ? List.of(c.model().predict(c.inputs().get(0), Quiet.predict()))
              : c.model().predict(c.inputs(), Quiet.predict().batchSize(32));
      assertEquals(expected.size(), outputs.size(), c.name());
      for (int i = 0; i < outputs.size(); i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) outputs.get(i);
        int[] shape = GoldenData.ints(out.get("shape"));
        assertArrayEquals(expected.get(i).shape(), shape, c.name());
        float[] want = expected.get(i).toFloatArray();
        float[] got = GoldenData.floats(out.get("data"));
        double maxAbs = 0;
        for (float v : want) {
          maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs > 1e-3, c.name() + ": outputs too small to tell models apart");
        assertArrayEquals(want, got, 1e-5f, c.name() + " output " + i);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> runNode(Path dir) throws IOException, InterruptedException {
    String stdout = run("predict.js", dir);
    String last = stdout.strip();
    last = last.substring(last.lastIndexOf('\n') + 1);
    return (List<Object>) Json.readObject("{\"o\":" + last + "}").get("o");
  }

  /** Runs a script of SCRIPT_DIR on a directory; its standard output. */
  private static String run(String script, Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("node", SCRIPT_DIR.resolve(script).toString(), dir.toString())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node did not finish");
    String stdout = new String(out, StandardCharsets.UTF_8);
    assertEquals(
        0,
        p.exitValue(),
        "node "
            + script
            + " failed on "
            + dir
            + ": "
            + new String(err, StandardCharsets.UTF_8)
            + stdout);
    return stdout;
  }

  private static String nodeVersion() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? v : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
