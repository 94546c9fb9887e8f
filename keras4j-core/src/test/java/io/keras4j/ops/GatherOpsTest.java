package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
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

class GatherOpsTest {

  private final Tensor table = iota(4, 3); // row r = [3r+1, 3r+2, 3r+3]

  @Test
  void embeddingLookup() {
    Tensor ids = Tensor.ofInts(new int[][] {{2, 0}, {3, 2}});
    Tensor y = Ops.take(table, ids, 0);
    assertTensor(y, shape(2, 2, 3), 7, 8, 9, 1, 2, 3, 10, 11, 12, 7, 8, 9);
  }

  @Test
  void takeAlongOtherAxesAndFlat() {
    Tensor cols = Ops.take(table, Tensor.ofInts(new int[] {2, 0}, 2), 1);
    assertTensor(cols, shape(4, 2), 3, 1, 6, 4, 9, 7, 12, 10);
    Tensor flat = Ops.take(table, Tensor.ofInts(new int[] {0, 11, 5}, 3));
    assertTensor(flat, shape(3), 1, 12, 6);
    Tensor scalarIndex = Ops.take(table, Tensor.ofInts(new int[] {1}), 0);
    assertTensor(scalarIndex, shape(3), 4, 5, 6);
    Tensor negative = Ops.take(table, Tensor.ofInts(new int[] {-1}, 1), 0);
    assertTensor(negative, shape(1, 3), 10, 11, 12);
    Tensor ints = Ops.take(Tensor.ofInts(new int[] {5, 6, 7}, 3), Tensor.ofInts(new int[] {2}, 1));
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {7}, ints.toIntArray());
    // Float indices holding whole numbers are accepted.
    assertTensor(Ops.take(table, Tensor.of(1f), 0), shape(1, 3), 4, 5, 6);
  }

  @Test
  void outOfRangeIndexIsNamed() {
    Tensor ids = Tensor.ofInts(new int[][] {{0, 1}, {7, 2}});
    var e = assertThrows(IndexOutOfBoundsException.class, () -> Ops.take(table, ids, 0));
    String m = e.getMessage();
    assertTrue(m.contains("index 7") && m.contains("size 4") && m.contains("[1, 0]"), m);
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> Ops.take(table, Tensor.ofInts(new int[] {-5}, 1), 0));
    var f = assertThrows(IllegalArgumentException.class, () -> Ops.take(table, Tensor.of(0.5f), 0));
    assertTrue(f.getMessage().contains("0.5"), f.getMessage());
  }

  @Test
  void gradientScatterAddsRepeatedIndices() {
    Tensor w = rand(1, 4, 3);
    Tensor ids = Tensor.ofInts(new int[] {1, 3, 1, 1}, 4);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(w);
      Tensor y = Ops.take(w, ids, 0);
      Tensor g = tape.gradient(y, List.of(w)).get(0);
      assertClose(g, 0, 0, 0, 3, 3, 3, 0, 0, 0, 1, 1, 1);
    }
    GradientCheck.check(xs -> Ops.take(xs.get(0), xs.get(1), 0), w, ids);
    GradientCheck.check(
        xs -> Ops.take(xs.get(0), xs.get(1), 1),
        rand(2, 2, 3, 2),
        Tensor.ofInts(new int[][] {{2, 0}, {2, 2}, {-1, 1}}));
    GradientCheck.check(xs -> Ops.take(xs.get(0), xs.get(1)), w, ids);
  }

  @Test
  void oneHotValues() {
    Tensor y = Ops.oneHot(Tensor.ofInts(new int[] {0, 2, -1}, 3), 3);
    assertEquals(DType.FLOAT32, y.dtype());
    assertTensor(y, shape(3, 3), 1, 0, 0, 0, 0, 1, 0, 0, 0);
    Tensor m = Ops.oneHot(Tensor.ofInts(new int[][] {{1, 0}, {2, 1}}), 3);
    assertTensor(m, shape(2, 2, 3), 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0);
    // The class axis first: out[c][i] = (x[i] == c).
    Tensor first = Ops.oneHot(Tensor.ofInts(new int[] {1, 0, 1}, 3), 2, 0);
    assertTensor(first, shape(2, 3), 0, 1, 0, 1, 0, 1);
    Tensor middle = Ops.oneHot(Tensor.ofInts(new int[][] {{1, 0}, {0, 0}}), 2, 1);
    assertTensor(middle, shape(2, 2, 2), 0, 1, 1, 0, 1, 1, 0, 0);
  }

  @Test
  void oneHotRejectsTooLargeIndices() {
    var e =
        assertThrows(
            IndexOutOfBoundsException.class,
            () -> Ops.oneHot(Tensor.ofInts(new int[] {0, 3}, 2), 3));
    assertTrue(e.getMessage().contains("index 3") && e.getMessage().contains("[1]"));
    assertThrows(
        IllegalArgumentException.class, () -> Ops.oneHot(Tensor.ofInts(new int[] {0}, 1), 0));
  }
}
