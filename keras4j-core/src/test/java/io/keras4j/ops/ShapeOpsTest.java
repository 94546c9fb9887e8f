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
import org.junit.jupiter.api.Test;

class ShapeOpsTest {

  @Test
  void reshape() {
    Tensor x = iota(2, 3);
    assertTensor(Ops.reshape(x, 3, 2), shape(3, 2), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.reshape(x, -1), shape(6), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.reshape(x, 1, -1, 2), shape(1, 3, 2), 1, 2, 3, 4, 5, 6);
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.reshape(x, 4, -1));
    assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Ops.reshape(x, -1, -1));
    GradientCheck.checkUnary(t -> Ops.reshape(t, 3, -1), rand(1, 2, 3, 2));
  }

  @Test
  void transpose() {
    Tensor x = iota(2, 3);
    assertTensor(Ops.transpose(x), shape(3, 2), 1, 4, 2, 5, 3, 6);
    Tensor y = iota(2, 3, 4);
    Tensor t = Ops.transpose(y, 1, 2, 0);
    assertArrayEquals(new int[] {3, 4, 2}, t.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          assertEquals(y.getFloat(i, j, k), t.getFloat(j, k, i));
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> Ops.transpose(y, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Ops.transpose(y, 0, 1));
    Tensor ints = Ops.transpose(Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3));
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, ints.toIntArray());
    GradientCheck.checkUnary(Ops::transpose, rand(2, 2, 3));
    GradientCheck.checkUnary(u -> Ops.transpose(u, 2, 0, 1), rand(3, 2, 3, 4));
    GradientCheck.checkUnary(u -> Ops.transpose(u, -1, 0, 1), rand(4, 2, 3, 4));
  }

  @Test
  void broadcastTo() {
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 3);
    assertTensor(Ops.broadcastTo(x, 2, 3), shape(2, 3), 1, 2, 3, 1, 2, 3);
    Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
    assertTensor(Ops.broadcastTo(col, 2, 3), shape(2, 3), 1, 1, 1, 2, 2, 2);
    assertTensor(Ops.broadcastTo(Tensor.scalar(7), 2), shape(2), 7, 7);
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.broadcastTo(x, 2, 4));
    assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
    GradientCheck.checkUnary(t -> Ops.broadcastTo(t, 2, 3), rand(5, 3));
    GradientCheck.checkUnary(t -> Ops.broadcastTo(t, 4, 2, 3), rand(6, 2, 1));
    GradientCheck.checkUnary(t -> Ops.broadcastTo(t, 2, 3), rand(7));
  }

  @Test
  void expandDimsAndSqueeze() {
    Tensor x = iota(2, 3);
    assertTensor(Ops.expandDims(x, 0), shape(1, 2, 3), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.expandDims(x, 1), shape(2, 1, 3), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.expandDims(x, -1), shape(2, 3, 1), 1, 2, 3, 4, 5, 6);
    Tensor y = Ops.reshape(x, 1, 2, 1, 3);
    assertTensor(Ops.squeeze(y), shape(2, 3), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.squeeze(y, 2), shape(1, 2, 3), 1, 2, 3, 4, 5, 6);
    assertTensor(Ops.squeeze(y, 0, -2), shape(2, 3), 1, 2, 3, 4, 5, 6);
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.squeeze(y, 1));
    assertTrue(e.getMessage().contains("size 2"), e.getMessage());
    GradientCheck.checkUnary(t -> Ops.expandDims(t, 1), rand(8, 2, 3));
    GradientCheck.checkUnary(t -> Ops.squeeze(t, 0), rand(9, 1, 3));
    GradientCheck.checkUnary(Ops::squeeze, rand(10, 2, 1, 3, 1));
  }
}
