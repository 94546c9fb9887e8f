package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.iota;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceOpsTest {

  private final Tensor a = iota(2, 3); // [[1, 2, 3], [4, 5, 6]]
  private final Tensor b = Tensor.of(new float[] {7, 8, 9, 10}, 2, 2);

  @Test
  void concatenateValues() {
    assertTensor(Ops.concatenate(List.of(a, b), 1), shape(2, 5), 1, 2, 3, 7, 8, 4, 5, 6, 9, 10);
    assertTensor(
        Ops.concatenate(List.of(a, a), 0), shape(4, 3), 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.concatenate(List.of(a, a)), shape(4, 3), 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.concatenate(List.of(a, b), -1), shape(2, 5), 1, 2, 3, 7, 8, 4, 5, 6, 9, 10);
    Tensor v = Ops.concatenate(List.of(Tensor.of(1f), Tensor.of(2f, 3f)), 0);
    assertTensor(v, shape(3), 1, 2, 3);
  }

  @Test
  void concatenateKeepsInt32AndPromotesMixed() {
    Tensor i = Tensor.ofInts(new int[] {1, 2}, 2);
    Tensor j = Tensor.ofInts(new int[] {3}, 1);
    Tensor ij = Ops.concatenate(List.of(i, j), 0);
    assertEquals(DType.INT32, ij.dtype());
    assertArrayEquals(new int[] {1, 2, 3}, ij.toIntArray());
    Tensor mixed = Ops.concatenate(List.of(i, Tensor.of(0.5f)), 0);
    assertEquals(DType.FLOAT32, mixed.dtype());
    assertTensor(mixed, shape(3), 1, 2, 0.5f);
  }

  @Test
  void concatenateErrorsNameTheShapes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(a, b), 0));
    assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2, 2)"));
    assertThrows(IllegalArgumentException.class, () -> Ops.concatenate(List.of(), 0));
  }

  @Test
  void stackValues() {
    Tensor x = Tensor.of(1f, 2f);
    Tensor y = Tensor.of(3f, 4f);
    assertTensor(Ops.stack(List.of(x, y)), shape(2, 2), 1, 2, 3, 4);
    assertTensor(Ops.stack(List.of(x, y), 1), shape(2, 2), 1, 3, 2, 4);
    assertTensor(Ops.stack(List.of(x, y), -1), shape(2, 2), 1, 3, 2, 4);
    assertTensor(Ops.stack(List.of(a, a), 1), shape(2, 2, 3), 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6);
    assertThrows(IllegalArgumentException.class, () -> Ops.stack(List.of(a, b)));
  }

  @Test
  void splitValues() {
    Tensor x = iota(2, 4);
    List<Tensor> halves = Ops.split(x, 2, 1);
    assertEquals(2, halves.size());
    assertTensor(halves.get(0), shape(2, 2), 1, 2, 5, 6);
    assertTensor(halves.get(1), shape(2, 2), 3, 4, 7, 8);
    List<Tensor> rows = Ops.split(x, 2);
    assertTensor(rows.get(1), shape(1, 4), 5, 6, 7, 8);
    List<Tensor> parts = Ops.split(x, new int[] {1, 3}, -1);
    assertEquals(3, parts.size());
    assertTensor(parts.get(0), shape(2, 1), 1, 5);
    assertTensor(parts.get(1), shape(2, 2), 2, 3, 6, 7);
    assertTensor(parts.get(2), shape(2, 1), 4, 8);
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.split(x, 3, 1));
    assertTrue(e.getMessage().contains("size 4") && e.getMessage().contains("sections=3"));
    assertThrows(IllegalArgumentException.class, () -> Ops.split(x, new int[] {3, 1}, 1));
  }

  @Test
  void sliceValues() {
    Tensor x = iota(3, 4);
    assertTensor(Ops.slice(x, new int[] {1, 1}, new int[] {2, 2}), shape(2, 2), 6, 7, 10, 11);
    assertTensor(
        Ops.slice(x, new int[] {0, 2}, new int[] {-1, 2}), shape(3, 2), 3, 4, 7, 8, 11, 12);
    assertTensor(Ops.slice(x, new int[] {2, 0}, new int[] {1, 0}), shape(1, 0));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Ops.slice(x, new int[] {2, 0}, new int[] {2, 4}));
    assertTrue(e.getMessage().contains("axis 0"), e.getMessage());
    Tensor ints = Ops.slice(Tensor.ofInts(new int[] {1, 2, 3, 4}, 4), new int[] {1}, new int[] {2});
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {2, 3}, ints.toIntArray());
  }

  @Test
  void padValues() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    assertTensor(
        Ops.pad(x, new int[][] {{1, 0}, {0, 2}}), shape(3, 4), 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0);
    assertTensor(Ops.pad(Tensor.of(1f, 2f), new int[][] {{2, 1}}, -1f), shape(5), -1, -1, 1, 2, -1);
    assertTensor(
        Ops.pad(x, new int[][] {{1, 1}}, 9f),
        shape(4, 4),
        9,
        9,
        9,
        9,
        9,
        1,
        2,
        9,
        9,
        3,
        4,
        9,
        9,
        9,
        9,
        9);
    assertThrows(IllegalArgumentException.class, () -> Ops.pad(x, new int[][] {{-1, 0}, {0, 0}}));
    assertThrows(
        IllegalArgumentException.class, () -> Ops.pad(x, new int[][] {{0, 0}, {0, 0}, {0, 0}}));
  }

  @Test
  void gradients() {
    Tensor x = rand(1, 2, 3);
    Tensor y = rand(2, 2, 2);
    GradientCheck.check(xs -> Ops.concatenate(xs, 1), x, y);
    GradientCheck.check(xs -> Ops.concatenate(xs, 0), rand(3, 1, 3), x, rand(4, 3, 3));
    GradientCheck.check(xs -> Ops.stack(xs, 1), x, rand(5, 2, 3));
    GradientCheck.check(xs -> Ops.stack(xs, 0), x, rand(6, 2, 3));
    GradientCheck.checkUnary(
        t -> Ops.slice(t, new int[] {0, 1, 1}, new int[] {2, 2, 2}), rand(7, 3, 3, 4));
    GradientCheck.checkUnary(t -> Ops.pad(t, new int[][] {{1, 2}, {0, 1}}, 3f), x);
    // Each part of a split carries its own gradient; use all of them, unequally.
    GradientCheck.checkUnary(
        t -> {
          List<Tensor> p = Ops.split(t, new int[] {1, 3}, 1);
          return Ops.concatenate(
              List.of(Ops.multiply(p.get(2), 3f), p.get(0), Ops.square(p.get(1))), 1);
        },
        rand(8, 2, 4));
    GradientCheck.checkUnary(t -> Ops.split(t, 2, 0).get(1), rand(9, 4, 2));
  }
}
