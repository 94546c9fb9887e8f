package io.keras4j.activations;

import static io.keras4j.activations.ActivationValuesTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares with {@code cases/activations.json}, values written by TF.js 4.22 (cpu backend). Its
 * {@code hardSigmoid} is Keras 2's max(0, min(1, 0.2 x + 0.5)), not Keras 3's relu6(x + 3) / 6, so
 * that entry is skipped.
 */
class ActivationGoldenTest {
  private static final Map<String, UnaryOperator<Tensor>> BY_GOLDEN_NAME =
      Map.ofEntries(
          Map.entry("linear", Activations::linear),
          Map.entry("relu", Activations::relu),
          Map.entry("relu6", Activations::relu6),
          Map.entry("sigmoid", Activations::sigmoid),
          Map.entry("tanh", Activations::tanh),
          Map.entry("elu", Activations::elu),
          Map.entry("selu", Activations::selu),
          Map.entry("softplus", Activations::softplus),
          Map.entry("softsign", Activations::softsign),
          Map.entry("swish", Activations::swish),
          Map.entry("mish", Activations::mish),
          Map.entry("gelu", Activations::gelu),
          Map.entry("softmax", Activations::softmax),
          Map.entry("LeakyReLU(alpha=0.3)", x -> Activations.leakyRelu(x, 0.3)));

  @Test
  void matchesTfjsGoldenValues() throws IOException {
    Path dir = Path.of(System.getProperty("keras4j.golden.dir", "../shared/data/golden"));
    Path file = dir.resolve("cases/activations.json");
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "golden file absent: " + file.toAbsolutePath() + " (set -Dkeras4j.golden.dir)");
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode input = root.get("input");
    float[] x = new float[input.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) input.get(i).asDouble();
    }
    int checked = 0;
    for (Map.Entry<String, JsonNode> e : root.get("outputs").properties()) {
      String name = e.getKey();
      if (name.equals("hardSigmoid")) {
        // Not compared: TF.js computes Keras 2's 0.2x + 0.5, Keras 3 uses relu6(x + 3) / 6
        // (GoldenCasesTest's summary notes it too).
        continue;
      }
      UnaryOperator<Tensor> fn = BY_GOLDEN_NAME.get(name);
      if (fn == null) {
        throw new AssertionError("Golden activation without a mapping in this test: " + name);
      }
      float[] y = fn.apply(Tensor.of(x)).toFloatArray();
      JsonNode expected = e.getValue();
      assertEquals(x.length, expected.size(), name);
      for (int i = 0; i < x.length; i++) {
        // TF.js computed in float32 too; allow a couple of ulps on each side.
        assertClose(expected.get(i).asDouble(), y[i], name + " at x=" + x[i]);
      }
      checked++;
    }
    assertEquals(BY_GOLDEN_NAME.size(), checked, "every golden activation was compared");
  }
}
