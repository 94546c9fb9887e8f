package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.iota;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class RepeatOpsTest {

  @Test
  void tileAsNumpy() {
    Tensor x = iota(2, 2); // [[1, 2], [3, 4]]
    assertTensor(Ops.tile(x, 1, 2), shape(2, 4), 1, 2, 1, 2, 3, 4, 3, 4);
    assertTensor(Ops.tile(x, 2, 1), shape(4, 2), 1, 2, 3, 4, 1, 2, 3, 4);
    // Fewer repeats than axes: leading 1s.
    assertTensor(Ops.tile(x, 2), shape(2, 4), 1, 2, 1, 2, 3, 4, 3, 4);
    // More repeats than axes: the input gains leading axes.
    assertTensor(Ops.tile(Tensor.of(1f, 2f), 2, 2), shape(2, 4), 1, 2, 1, 2, 1, 2, 1, 2);
    assertTensor(Ops.tile(x, 0, 1), shape(0, 2));
    Tensor ints = Ops.tile(Tensor.ofInts(new int[] {5, 6}, 2), 3);
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {5, 6, 5, 6, 5, 6}, ints.toIntArray());
    assertThrows(IllegalArgumentException.class, () -> Ops.tile(x, -1));
  }

  @Test
  void repeatAsNumpy() {
    Tensor x = iota(2, 2);
    assertTensor(Ops.repeat(x, 2), shape(8), 1, 1, 2, 2, 3, 3, 4, 4);
    assertTensor(Ops.repeat(x, 2, 0), shape(4, 2), 1, 2, 1, 2, 3, 4, 3, 4);
    assertTensor(Ops.repeat(x, 3, -1), shape(2, 6), 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4);
    assertTensor(Ops.repeat(x, new int[] {0, 2}, 1), shape(2, 2), 2, 2, 4, 4);
    assertThrows(IllegalArgumentException.class, () -> Ops.repeat(x, new int[] {1}, 1));
    assertThrows(IllegalArgumentException.class, () -> Ops.repeat(x, -1, 0));
  }

  @Test
  void gradientsSumTheCopies() {
    GradientCheck.checkUnary(t -> Ops.tile(t, 2, 3), rand(1, 2, 2));
    GradientCheck.checkUnary(t -> Ops.tile(t, 2, 1, 2), rand(2, 3, 2));
    GradientCheck.checkUnary(t -> Ops.repeat(t, 2, 1), rand(3, 2, 3));
    GradientCheck.checkUnary(t -> Ops.repeat(t, new int[] {3, 0, 1}, 0), rand(4, 3, 2));
    GradientCheck.checkUnary(t -> Ops.repeat(t, 2), rand(5, 2, 2));
  }
}
