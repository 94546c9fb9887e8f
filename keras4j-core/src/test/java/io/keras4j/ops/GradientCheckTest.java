package io.keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.backend.jvm.JvmTensors;
import io.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The checker itself: it must catch a wrong gradient and a function that changes its input. */
class GradientCheckTest {

  /** x * y with a deliberately wrong gradient for y at flat index 2. */
  private static Tensor badMultiply(Tensor x, Tensor y) {
    Tensor out = Tensor.of(Ops.multiply(x, y).toFloatArray(), x.shape());
    GradientTape.record(
        out,
        new Tensor[] {x, y},
        g -> {
          float[] gy = Ops.multiply(g, x).toFloatArray();
          gy[2] += 0.5f;
          return new Tensor[] {Ops.multiply(g, y), Tensor.of(gy, y.shape())};
        });
    return out;
  }

  @Test
  void namesTheInputAndElementOfAWrongGradient() {
    Tensor x = TestTensors.rand(1, 2, 2);
    Tensor y = TestTensors.rand(2, 2, 2);
    var e =
        assertThrows(
            AssertionFailedError.class,
            () -> GradientCheck.check(xs -> badMultiply(xs.get(0), xs.get(1)), x, y));
    String m = e.getMessage();
    assertTrue(m.contains("input 1") && m.contains("element 2") && m.contains("[1, 0]"), m);
  }

  @Test
  void catchesAFunctionThatChangesItsInput() {
    Tensor x = TestTensors.rand(3, 3);
    var e =
        assertThrows(
            AssertionFailedError.class,
            () ->
                GradientCheck.checkUnary(
                    t -> {
                      JvmTensors.mutableFloats(t)[0] = 42f; // what no op may ever do
                      return Ops.square(t);
                    },
                    x));
    assertTrue(e.getMessage().contains("changed its input 0"), e.getMessage());
  }

  @Test
  void tolerancesAndStepCanBeChosen() {
    GradientCheck.withTolerance(1e-3, 1e-4)
        .delta(1e-3)
        .verify(xs -> Ops.tanh(xs.get(0)), TestTensors.rand(4, 5));
    GradientCheck.withDelta(1e-3).verify(xs -> Ops.exp(xs.get(0)), TestTensors.rand(5, 3));
  }
}
