package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dense runs as one fused op for relu, sigmoid, tanh and linear, and as a fused linear product
 * followed by the activation otherwise: the same numbers and gradients as matmul, add and the
 * activation run one after the other.
 */
class DenseFusionTest {

  private static Tensor unfused(Dense d, Tensor x, ActivationFunction act) {
    Tensor y = Ops.matmul(x, d.kernel().value());
    if (d.bias() != null) {
      y = Ops.add(y, d.bias().value());
    }
    return act.apply(y);
  }

  @Test
  void everyActivationPathGivesTheUnfusedNumbers() {
    ActivationFunction custom = ActivationFunction.of("cube", x -> Ops.multiply(x, Ops.square(x)));
    List<ActivationFunction> acts =
        List.of(
            Activations.get("relu"),
            Activations.get("sigmoid"),
            Activations.get("tanh"),
            Activations.get("linear"),
            Activations.get("softmax"),
            Activations.get("elu"),
            custom);
    for (ActivationFunction act : acts) {
      for (boolean useBias : new boolean[] {true, false}) {
        Dense d = new Dense(17).activation(act).useBias(useBias).biasInitializer("ones");
        Tensor x = random(3, 2, 5, 9);
        Tensor y = d.apply(x);
        Tensor ref = unfused(d, x, act);
        assertArrayEquals(ref.shape(), y.shape());
        float[] a = y.toFloatArray();
        float[] r = ref.toFloatArray();
        for (int i = 0; i < a.length; i++) {
          assertEquals(
              r[i], a[i], 1e-6 + 1e-6 * Math.abs(r[i]), act + " bias=" + useBias + " @" + i);
        }
      }
    }
  }

  /** The layer test case's finite differences (inputs and weights) on both paths. */
  @Test
  void gradientsThroughTheFusedAndTheFallbackPaths() {
    for (String act : new String[] {"sigmoid", "tanh", "linear", "softmax"}) {
      for (boolean useBias : new boolean[] {true, false}) {
        LayerTestCase.of(new Dense(4, act).useBias(useBias))
            .inputs(random(7, 2, 3))
            .expectedOutputShape(2, 4)
            .run();
      }
    }
  }
}
