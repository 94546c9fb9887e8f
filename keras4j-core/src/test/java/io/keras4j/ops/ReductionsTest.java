package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.iota;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ReductionsTest {

  // x = iota(2, 3, 4): x[i][j][k] = 12 i + 4 j + k + 1.
  private final Tensor x = iota(2, 3, 4);

  @Test
  void sumOverAxes() {
    assertTensor(Ops.sum(x), shape(), 300);
    assertTensor(Ops.sum(x, 0), shape(3, 4), 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36);
    assertTensor(Ops.sum(x, -1), shape(2, 3), 10, 26, 42, 58, 74, 90);
    assertTensor(Ops.sum(x, new int[] {0, 2}, false), shape(3), 68, 100, 132);
    assertTensor(Ops.sum(x, new int[] {0, 2}, true), shape(1, 3, 1), 68, 100, 132);
    assertTensor(Ops.sum(x, new int[] {1}, true), shape(2, 1, 4), 15, 18, 21, 24, 51, 54, 57, 60);
    assertTensor(Ops.sum(x, null, true), shape(1, 1, 1), 300);
  }

  @Test
  void meanOverAxes() {
    assertTensor(Ops.mean(x), shape(), 12.5f);
    assertTensor(Ops.mean(x, 1), shape(2, 4), 5, 6, 7, 8, 17, 18, 19, 20);
    assertTensor(Ops.mean(x, new int[] {0, 2}, true), shape(1, 3, 1), 8.5f, 12.5f, 16.5f);
  }

  @Test
  void maxAndMinOverAxes() {
    assertTensor(Ops.max(x), shape(), 24);
    assertTensor(Ops.min(x), shape(), 1);
    assertTensor(Ops.max(x, 1), shape(2, 4), 9, 10, 11, 12, 21, 22, 23, 24);
    assertTensor(Ops.min(x, new int[] {0, 1}, true), shape(1, 1, 4), 1, 2, 3, 4);
    Tensor mixed = Tensor.of(new float[] {3, -1, 7, 2, 9, -4}, 2, 3);
    assertTensor(Ops.max(mixed, -1), shape(2), 7, 9);
    assertTensor(Ops.min(mixed, 0), shape(3), 2, -1, -4);
  }

  @Test
  void argmaxAndArgmin() {
    Tensor m = Tensor.of(new float[] {3, -1, 7, 9, 9, -4}, 2, 3);
    Tensor am = Ops.argmax(m, 1);
    assertEquals(DType.INT32, am.dtype());
    assertArrayEquals(new int[] {2, 0}, am.toIntArray()); // first of the tie
    assertArrayEquals(new int[] {1, 1, 0}, Ops.argmax(m, 0).toIntArray());
    assertArrayEquals(new int[] {1, 2}, Ops.argmin(m, -1).toIntArray());
  }

  @Test
  void maxGradientIsSharedBetweenTies() {
    Tensor t = Tensor.of(new float[] {1, 5, 5, 2}, 2, 2);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(t);
      assertClose(tape.gradient(Ops.max(t), List.of(t)).get(0), 0f, 0.5f, 0.5f, 0f);
    }
  }

  @Test
  void cumsumFloatAndInt() {
    Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertTensor(Ops.cumsum(m, 1), shape(2, 3), 1, 3, 6, 4, 9, 15);
    assertTensor(Ops.cumsum(m, 0), shape(2, 3), 1, 2, 3, 5, 7, 9);
    assertTensor(Ops.cumsum(m), shape(6), 1, 3, 6, 10, 15, 21);
    Tensor i = Ops.cumsum(Tensor.ofInts(new int[] {1, 2, 3, 4}, 2, 2), -1);
    assertEquals(DType.INT32, i.dtype());
    assertArrayEquals(new int[] {1, 3, 3, 7}, i.toIntArray());
  }

  /** Axes (null = all) and keepdims for every reduction. */
  static final int[][] AXES = {null, {0}, {1}, {-1}, {0, 2}, {1, 2}, {0, 1, 2}};

  @TestFactory
  Stream<DynamicTest> gradients() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int[] axes : AXES) {
      for (boolean keep : new boolean[] {false, true}) {
        String s = Arrays.toString(axes) + (keep ? " keepdims" : "");
        Tensor in = rand(5, 2, 3, 4);
        Tensor distinct = distinct();
        tests.add(
            dynamicTest(
                "sum " + s, () -> GradientCheck.checkUnary(t -> Ops.sum(t, axes, keep), in)));
        tests.add(
            dynamicTest(
                "mean " + s, () -> GradientCheck.checkUnary(t -> Ops.mean(t, axes, keep), in)));
        tests.add(
            dynamicTest(
                "max " + s, () -> GradientCheck.checkUnary(t -> Ops.max(t, axes, keep), distinct)));
        tests.add(
            dynamicTest(
                "min " + s, () -> GradientCheck.checkUnary(t -> Ops.min(t, axes, keep), distinct)));
      }
    }
    for (int axis : new int[] {0, 1, -1}) {
      tests.add(
          dynamicTest(
              "cumsum axis " + axis,
              () -> GradientCheck.checkUnary(t -> Ops.cumsum(t, axis), rand(7, 2, 3, 4))));
    }
    tests.add(
        dynamicTest("cumsum flat", () -> GradientCheck.checkUnary(Ops::cumsum, rand(8, 2, 3))));
    return tests.stream();
  }

  /** 24 values 0.1 apart in scrambled order: max and min have one clear winner. */
  private static Tensor distinct() {
    int n = 24;
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((i * 7) % n - n / 2f) * 0.1f + 0.05f;
    }
    return Tensor.of(v, 2, 3, 4);
  }
}
