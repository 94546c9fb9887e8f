package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientTapeTest {

  @Test
  void recordsNothingForUnwatchedInputs() {
    Tensor a = Tensor.of(1f, 2f);
    Tensor b = Tensor.of(3f, 4f);
    try (GradientTape tape = new GradientTape()) {
      Tensor y = Ops.sum(Ops.multiply(Ops.exp(a), b));
      assertEquals(0, tape.recordCount());
      List<Tensor> g = tape.gradient(y, List.of(a, b));
      assertClose(g.get(0), 0f, 0f);
      assertClose(g.get(1), 0f, 0f);
    }
  }

  @Test
  void recordsOnlyOpsThatDependOnAWatchedTensor() {
    Tensor a = Tensor.of(1f, 2f);
    Tensor b = Tensor.of(3f, 4f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a);
      Tensor c = Ops.square(b); // not recorded
      Tensor y = Ops.sum(Ops.multiply(a, c)); // multiply and sum
      assertEquals(2, tape.recordCount());
      List<Tensor> g = tape.gradient(y, List.of(a, b));
      assertClose(g.get(0), 9f, 16f);
      assertClose(g.get(1), 0f, 0f);
    }
  }

  @Test
  void noRecordingWithoutATapeOrAfterClose() {
    Tensor a = Tensor.of(1f, 2f);
    GradientTape tape = new GradientTape();
    tape.watch(a);
    tape.close();
    Ops.exp(a);
    assertEquals(0, tape.recordCount());
    assertFalse(GradientTape.recording());
  }

  @Test
  void gradientOfProductRule() {
    Tensor x = Tensor.of(0.5f, -1.5f, 2f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      // y = x * sin(x): dy/dx = sin(x) + x cos(x); x used twice, both paths accumulate.
      Tensor y = Ops.multiply(x, Ops.sin(x));
      Tensor g = tape.gradient(y, List.of(x)).get(0);
      float[] e = new float[3];
      float[] xs = x.toFloatArray();
      for (int i = 0; i < 3; i++) {
        e[i] = (float) (Math.sin(xs[i]) + xs[i] * Math.cos(xs[i]));
      }
      assertClose(g, e);
    }
  }

  @Test
  void outputGradientWeightsTheTarget() {
    Tensor x = Tensor.of(1f, 2f, 3f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = Ops.square(x);
      Tensor g = tape.gradient(y, List.of(x), Tensor.of(1f, 0f, -2f)).get(0);
      assertClose(g, 2f, 0f, -12f);
    }
  }

  @Test
  void gradientCanBeTakenTwiceAndInsideTheBlock() {
    Tensor x = Tensor.of(3f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = Ops.square(x);
      assertClose(tape.gradient(y, List.of(x)).get(0), 6f);
      // Recording continues after a gradient call inside the block.
      Tensor z = Ops.multiply(y, x);
      assertClose(tape.gradient(z, List.of(x)).get(0), 27f);
      assertClose(tape.gradient(y, List.of(x)).get(0), 6f);
    }
  }

  @Test
  void nestedTapesRecordIndependently() {
    Tensor x = Tensor.of(2f);
    Tensor w = Tensor.of(5f);
    try (GradientTape outer = new GradientTape()) {
      outer.watch(x);
      Tensor y;
      try (GradientTape inner = new GradientTape()) {
        inner.watch(w);
        y = Ops.multiply(x, w); // both tapes record
        Tensor gw = inner.gradient(y, List.of(w, x)).get(0);
        assertClose(gw, 2f);
        // The inner tape does not watch x: no gradient for it.
        assertClose(inner.gradient(y, List.of(x)).get(0), 0f);
        assertEquals(1, inner.recordCount());
      }
      Tensor z = Ops.square(y); // only the outer tape is open now
      List<Tensor> g = outer.gradient(z, List.of(x, w));
      assertClose(g.get(0), 2 * 10f * 5f);
      assertClose(g.get(1), 0f); // w is not watched by the outer tape
      assertEquals(2, outer.recordCount());
    }
  }

  @Test
  void watchesVariables() {
    Variable v = new Variable("w", Tensor.of(1f, -2f), true);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(List.of(v));
      Tensor y = Ops.sum(Ops.square(v.value()));
      assertClose(tape.gradient(y, List.of(v.value())).get(0), 2f, -4f);
    }
  }

  @Test
  void watchesTrainableVariablesReadWhileOpenWithoutWatch() {
    Variable w = new Variable("w", Tensor.of(new float[] {1f, -2f, 0.5f, 3f}, 2, 2), true);
    Variable b = new Variable("b", Tensor.of(0.5f, -1f), true);
    Tensor x = Tensor.of(new float[] {2f, 1f}, 1, 2);
    try (GradientTape tape = new GradientTape()) {
      // y = sum((x w + b)^2); x w + b = [2 + 0.5 + 0.5, -4 + 3 - 1] = [3, -2]
      Tensor y = Ops.sum(Ops.square(Ops.add(Ops.matmul(x, w.value()), b.value())));
      List<Tensor> g = tape.gradient(y, List.of(w, b));
      // dy/db = 2 (x w + b) = [6, -4]; dy/dw = x^T [6, -4] = [[12, -8], [6, -4]]
      assertClose(g.get(0), 12f, -8f, 6f, -4f);
      assertArrayEquals(new int[] {2, 2}, g.get(0).shape());
      assertClose(g.get(1), 6f, -4f);
    }
  }

  @Test
  void gradientByVariablesEqualsGradientByTheirValues() {
    Variable v = new Variable("v", Tensor.of(0.3f, -1.2f, 2f), true);
    List<Tensor> byVariable;
    List<Tensor> byValue;
    try (GradientTape tape = new GradientTape()) {
      Tensor y = Ops.sum(Ops.multiply(Ops.tanh(v.value()), v.value()));
      byVariable = tape.gradient(y, List.of(v));
      byValue = tape.gradient(y, List.of(v.value()));
    }
    assertArrayEquals(byValue.get(0).toFloatArray(), byVariable.get(0).toFloatArray(), 0f);
    // d/dv (v tanh v) = tanh v + v (1 - tanh^2 v)
    float[] vs = {0.3f, -1.2f, 2f};
    float[] expected = new float[3];
    for (int i = 0; i < 3; i++) {
      double t = Math.tanh(vs[i]);
      expected[i] = (float) (t + vs[i] * (1 - t * t));
    }
    assertClose(byVariable.get(0), expected);
  }

  @Test
  void leavesNonTrainableVariablesAndOptedOutTapesAlone() {
    Variable frozen = new Variable("f", Tensor.of(1f, 2f), false);
    Variable w = new Variable("w", Tensor.of(1f, 2f), true);
    try (GradientTape tape = new GradientTape()) {
      Tensor y = Ops.sum(Ops.multiply(frozen.value(), frozen.value()));
      assertEquals(0, tape.recordCount());
      assertClose(tape.gradient(y, List.of(frozen)).get(0), 0f, 0f);
    }
    try (GradientTape tape = new GradientTape(false)) {
      Tensor y = Ops.sum(Ops.multiply(w.value(), w.value()));
      assertEquals(0, tape.recordCount());
      assertClose(tape.gradient(y, List.of(w)).get(0), 0f, 0f);
      tape.watch(w);
      Tensor z = Ops.sum(Ops.multiply(w.value(), w.value()));
      assertClose(tape.gradient(z, List.of(w)).get(0), 2f, 4f);
    }
    // Without an open tape a read records nothing and leaves no tape behind.
    w.value();
    assertFalse(GradientTape.recording());
  }

  @Test
  void unusedSourceGetsZerosOfItsShape() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor other = Tensor.ofInts(new int[] {1, 2, 3}, 3);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = Ops.sum(x);
      List<Tensor> g = tape.gradient(y, List.of(other));
      assertArrayEquals(new int[] {3}, g.get(0).shape());
      assertClose(g.get(0), 0f, 0f, 0f);
    }
  }

  @Test
  void backwardDoesNotRecordOnTheTape() {
    Tensor x = Tensor.of(1f, 2f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = Ops.sum(Ops.multiply(x, x));
      int before = tape.recordCount();
      tape.gradient(y, List.of(x));
      assertEquals(before, tape.recordCount());
      assertTrue(GradientTape.recording());
    }
  }

  @Test
  void opsNeverChangeTheirInputs() {
    float[] av = {1.5f, -2f, 0.25f, 3f, -0.5f, 1f};
    float[] bv = {0.5f, 2f, -1f};
    Tensor a = Tensor.of(av, 2, 3);
    Tensor b = Tensor.of(bv, 3);
    Tensor ids = Tensor.ofInts(new int[] {1, 0, 1}, 3);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a).watch(b);
      Tensor y =
          Ops.sum(
              Ops.add(Ops.multiply(Ops.relu(a), b), Ops.mean(Ops.take(Ops.softmax(a), ids, 0), 0)));
      Tensor z = Ops.concatenate(List.of(Ops.transpose(a), Ops.reshape(Ops.tile(b, 2), 3, 2)), 1);
      Tensor loss = Ops.add(y, Ops.sum(Ops.clip(Ops.cumsum(z, 0), -1f, 2f)));
      List<Tensor> g = tape.gradient(loss, List.of(a, b));
      assertNotSame(a, g.get(0));
    }
    assertArrayEquals(av, a.toFloatArray());
    assertArrayEquals(bv, b.toFloatArray());
    assertArrayEquals(new int[] {1, 0, 1}, ids.toIntArray());
  }
}
