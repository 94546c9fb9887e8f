package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.grid;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareOpsTest {

  private final Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
  private final Tensor b = Tensor.of(3f, 2f, 6f); // broadcast over the rows

  @Test
  void comparisonsBroadcastAndGiveOnesAndZeros() {
    Tensor eq = Ops.equal(a, b);
    assertEquals(DType.FLOAT32, eq.dtype());
    assertTensor(eq, shape(2, 3), 0, 1, 0, 0, 0, 1);
    assertTensor(Ops.notEqual(a, b), shape(2, 3), 1, 0, 1, 1, 1, 0);
    assertTensor(Ops.greater(a, b), shape(2, 3), 0, 0, 0, 1, 1, 0);
    assertTensor(Ops.greaterEqual(a, b), shape(2, 3), 0, 1, 0, 1, 1, 1);
    assertTensor(Ops.less(a, b), shape(2, 3), 1, 0, 1, 0, 0, 0);
    assertTensor(Ops.lessEqual(a, b), shape(2, 3), 1, 1, 1, 0, 0, 1);
    assertTensor(Ops.greater(a, Tensor.scalar(3.5f)), shape(2, 3), 0, 0, 0, 1, 1, 1);
  }

  @Test
  void comparisonsWithIntsAndNan() {
    Tensor ids = Tensor.ofInts(new int[] {0, 3, 0}, 3);
    assertTensor(Ops.notEqual(ids, Tensor.ofInts(new int[] {0})), shape(3), 0, 1, 0);
    Tensor nan = Tensor.of(Float.NaN, 1f);
    assertClose(Ops.equal(nan, nan), 0f, 1f);
    assertClose(Ops.notEqual(nan, nan), 1f, 0f);
  }

  @Test
  void logic() {
    Tensor x = Tensor.of(0f, 0f, 2f, -1f);
    Tensor y = Tensor.of(0f, 3f, 0f, 0.5f);
    assertClose(Ops.logicalAnd(x, y), 0, 0, 0, 1);
    assertClose(Ops.logicalOr(x, y), 0, 1, 1, 1);
    assertClose(Ops.logicalNot(x), 1, 1, 0, 0);
    assertClose(Ops.logicalNot(Tensor.of(Float.NaN)), 0); // NaN is true, as numpy
    assertTensor(
        Ops.logicalAnd(Tensor.of(new float[] {1, 0}, 2, 1), Tensor.of(1f, 1f, 0f)),
        shape(2, 3),
        1,
        1,
        0,
        0,
        0,
        0);
  }

  @Test
  void comparisonsAreNotRecorded() {
    Tensor x = rand(1, 3);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Ops.greater(x, Tensor.scalar(0f));
      Ops.logicalNot(x);
      assertEquals(0, tape.recordCount());
    }
  }

  @Test
  void whereBroadcastsAllThree() {
    Tensor cond = Tensor.of(new float[] {1, 0}, 2, 1);
    Tensor y = Ops.where(cond, a, Tensor.scalar(-1f));
    assertTensor(y, shape(2, 3), 1, 2, 3, -1, -1, -1);
    Tensor z = Ops.where(Ops.greater(a, b), a, b);
    assertTensor(z, shape(2, 3), 3, 2, 6, 4, 5, 6);
    Tensor ints =
        Ops.where(
            Tensor.of(1f, 0f), Tensor.ofInts(new int[] {1, 2}, 2), Tensor.ofInts(new int[] {9}));
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, 9}, ints.toIntArray());
  }

  @Test
  void whereGradientGoesToTheBranchTaken() {
    Tensor cond = Tensor.of(new float[] {1, 0, 1, 0, 0, 1}, 2, 3);
    Tensor x = rand(2, 2, 3);
    Tensor y = rand(3, 3);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x).watch(y).watch(cond);
      List<Tensor> g = tape.gradient(Ops.where(cond, x, y), List.of(x, y, cond));
      assertClose(g.get(0), 1, 0, 1, 0, 0, 1);
      assertClose(g.get(1), 1, 2, 0);
      assertClose(g.get(2), 0, 0, 0, 0, 0, 0);
    }
    // An int32 condition is not differentiated (a float one would flip at 0 under the step).
    Tensor intCond = Tensor.ofInts(new int[] {1, 0, 1, 0, 0, 1}, 2, 3);
    GradientCheck.check(xs -> Ops.where(xs.get(0), xs.get(1), xs.get(2)), intCond, x, y);
    // A condition computed from the input: still piecewise, away from the switch.
    GradientCheck.checkUnary(
        t -> Ops.where(Ops.greater(t, Tensor.scalar(0f)), Ops.square(t), Ops.negative(t)),
        grid(4, 0.2, 2, 3));
  }
}
