package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Ops#linear}: the fused Dense op against the unfused ops, its gradients and its errors. */
class LinearOpsTest {

  private static Tensor unfused(Tensor x, Tensor w, Tensor b, FusedActivation act) {
    Tensor y = Ops.matmul(x, w);
    if (b != null) {
      y = Ops.add(y, b);
    }
    return switch (act) {
      case LINEAR -> y;
      case RELU -> Ops.relu(y);
      case SIGMOID -> Ops.sigmoid(y);
      case TANH -> Ops.tanh(y);
    };
  }

  /** Same numbers as matmul, add and the activation op, on ranks 2 and 3, odd widths included. */
  @Test
  void matchesTheUnfusedOps() {
    int[][] xShapes = {{4, 7}, {2, 3, 7}, {33, 7}};
    for (int[] xs : xShapes) {
      for (FusedActivation act : FusedActivation.values()) {
        for (boolean withBias : new boolean[] {true, false}) {
          Tensor x = rand(1, xs);
          Tensor w = rand(2, 7, 19);
          Tensor b = withBias ? rand(3, 19) : null;
          Tensor fused = Ops.linear(x, w, b, act);
          Tensor ref = unfused(x, w, b, act);
          assertArrayEquals(ref.shape(), fused.shape());
          float[] f = fused.toFloatArray();
          float[] r = ref.toFloatArray();
          for (int i = 0; i < f.length; i++) {
            assertEquals(r[i], f[i], 1e-6 + 1e-6 * Math.abs(r[i]), act + " at " + i);
          }
        }
      }
    }
  }

  /** Finite differences for every fused activation, with and without bias, through the tape. */
  @Test
  void gradientsForEveryActivationWithAndWithoutBias() {
    for (FusedActivation act : FusedActivation.values()) {
      Tensor x = rand(10 + act.ordinal(), 3, 4);
      final Tensor w = rand(20 + act.ordinal(), 4, 5);
      Tensor b = rand(30 + act.ordinal(), 5);
      if (act == FusedActivation.RELU) {
        // Away from the kink: one-hot rows pick kernel rows (|v| >= 0.2), the bias shifts by
        // 0.05, so every pre-activation has |z| >= 0.15, far more than the step moves it.
        x = Tensor.of(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, 3, 4);
        b = Tensor.full(0.05f, 5);
      }
      Function<List<Tensor>, Tensor> withBias =
          xs -> Ops.linear(xs.get(0), xs.get(1), xs.get(2), act);
      Function<List<Tensor>, Tensor> noBias = xs -> Ops.linear(xs.get(0), xs.get(1), null, act);
      GradientCheck.check(withBias, x, w, b);
      GradientCheck.check(noBias, x, w);
      GradientCheck.check(xs -> Ops.linear(xs.get(0), w, null, act), Ops.reshape(x, 3, 1, 4));
    }
  }

  /** One tape record, and the data fed to it gets no gradient work (needsGradient). */
  @Test
  void recordsOnceAndSkipsTheUntrackedInput() {
    Tensor x = rand(5, 8, 6);
    Tensor w = rand(6, 6, 3);
    Tensor b = rand(7, 3);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(w);
      tape.watch(b);
      Tensor y = Ops.linear(x, w, b, FusedActivation.TANH);
      assertEquals(1, tape.recordCount());
      List<Tensor> g = tape.gradient(Ops.sum(y), List.of(w, b, x));
      assertArrayEquals(new int[] {6, 3}, g.get(0).shape());
      assertArrayEquals(new int[] {3}, g.get(1).shape());
      // x is not watched: its gradient is the zero default, not computed.
      assertTrue(isZero(g.get(2)));
    }
  }

  @Test
  void refusesMismatchedShapes() {
    Tensor x = rand(1, 2, 3);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.linear(x, rand(2, 4, 5), null, FusedActivation.RELU));
    assertEquals(
        "linear: expected x of shape [..., k] and kernel of shape [k, n]. Received: x.shape=(2, 3),"
            + " kernel.shape=(4, 5)",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.linear(x, rand(2, 3, 5), rand(3, 4), FusedActivation.RELU));
    assertEquals(
        "linear: expected bias of shape [5] (the kernel's columns). Received: bias.shape=(4,)",
        e.getMessage());
  }

  private static boolean isZero(Tensor t) {
    for (float v : t.toFloatArray()) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }
}
