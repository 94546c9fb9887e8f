package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
  // 4 rows of 2 features: row r is (10r, 10r + 1).
  private static final Tensor X = Tensor.of(new float[] {0, 1, 10, 11, 20, 21, 30, 31}, 4, 2);
  private static final Tensor Y = Tensor.ofInts(new int[] {5, 6, 7, 8}, 4);

  @Test
  void accessorsOfInputsAndTargets() {
    Dataset d = Dataset.of(X, Y);
    assertEquals(4, d.size());
    assertSame(X, d.x());
    assertSame(Y, d.y());
    assertEquals(List.of(X), d.inputs());
    assertEquals(List.of(Y), d.targets());
    assertNull(d.sampleWeights());
    assertNull(d.batchSize());
    assertNull(d.featureNames());
    assertEquals(1, d.numBatches());

    Dataset inputsOnly = Dataset.of(X);
    assertTrue(inputsOnly.targets().isEmpty());
    assertThrows(IllegalStateException.class, inputsOnly::y);
  }

  @Test
  void batchSetsTheBatchSize() {
    Dataset d = Dataset.of(X, Y).batch(3);
    assertEquals(3, d.batchSize());
    assertEquals(2, d.numBatches()); // ceil(4 / 3)
    var e = assertThrows(IllegalArgumentException.class, () -> d.batch(0));
    assertEquals(
        "Dataset: batchSize must be a positive integer. Received: batchSize=0", e.getMessage());
  }

  @Test
  void rowCountMismatchNamesBothTensors() {
    Tensor y3 = Tensor.ofInts(new int[] {1, 2, 3}, 3);
    var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(X, y3));
    assertEquals(
        "Dataset: all tensors must have the same number of rows (first dimension), but x has 4"
            + " rows and y has 3. Received: y.shape=(3,)",
        e.getMessage());

    var multi =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(List.of(X, Tensor.zeros(5, 1)), List.of(Y)));
    assertTrue(multi.getMessage().contains("x[0] has 4 rows and x[1] has 5"), multi.getMessage());

    var weights =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dataset.of(X, Y).withSampleWeights(Tensor.ones(2)));
    assertTrue(
        weights.getMessage().contains("x has 4 rows and sampleWeights has 2"),
        weights.getMessage());

    var scalar = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Tensor.scalar(1f)));
    assertTrue(scalar.getMessage().contains("x is a scalar"), scalar.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(List.of(), List.of()));
  }

  @Test
  void takeGathersRowsOfFloatAndIntTensorsAndWeights() {
    Dataset d = Dataset.of(X, Y).withSampleWeights(Tensor.of(0.1f, 0.2f, 0.3f, 0.4f)).batch(2);
    Dataset t = d.take(new int[] {3, 0, 3});
    assertEquals(3, t.size());
    assertArrayEquals(new int[] {3, 2}, t.x().shape());
    assertArrayEquals(new float[] {30, 31, 0, 1, 30, 31}, t.x().toFloatArray());
    assertEquals(DType.INT32, t.y().dtype());
    assertArrayEquals(new int[] {8, 5, 8}, t.y().toIntArray());
    assertArrayEquals(new float[] {0.4f, 0.1f, 0.4f}, t.sampleWeights().toFloatArray());
    assertEquals(2, t.batchSize());

    var e = assertThrows(IllegalArgumentException.class, () -> d.take(new int[] {0, 4}));
    assertEquals(
        "Dataset.take: row indices must be in [0, 4). Received: rowIndices[1]=4", e.getMessage());
  }

  @Test
  void takeKeepsTrailingDimensions() {
    // 3 rows of 2x2 ints; row r holds 4r .. 4r + 3.
    Tensor images = Tensor.ofInts(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 2, 2);
    Dataset t = Dataset.of(images).take(new int[] {2, 1});
    assertArrayEquals(new int[] {2, 2, 2}, t.x().shape());
    assertArrayEquals(new int[] {8, 9, 10, 11, 4, 5, 6, 7}, t.x().toIntArray());
  }

  @Test
  void sliceCopiesConsecutiveRows() {
    Dataset s = Dataset.of(X, Y).slice(1, 3);
    assertEquals(2, s.size());
    assertArrayEquals(new float[] {10, 11, 20, 21}, s.x().toFloatArray());
    assertArrayEquals(new int[] {6, 7}, s.y().toIntArray());
    assertEquals(0, Dataset.of(X, Y).slice(2, 2).size());
    var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(X, Y).slice(3, 5));
    assertEquals(
        "Dataset.slice: expected 0 <= from <= to <= size (4). Received: from=3, to=5",
        e.getMessage());
  }

  @Test
  void featureNamesMustNameEveryColumn() {
    Dataset d = Dataset.of(X, Y).withFeatureNames(List.of("a", "b"));
    assertEquals(List.of("a", "b"), d.featureNames());
    assertEquals(List.of("a", "b"), d.take(new int[] {1}).featureNames());
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Dataset.of(X, Y).withFeatureNames(List.of("a")));
    assertEquals(
        "Dataset: featureNames must name each of the 2 input columns. Received: 1 names [a]",
        e.getMessage());
  }
}
