package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The accuracy metrics: the examples of Keras's docstrings (Keras's own outputs) and small cases
 * counted by hand in the comments.
 */
class AccuracyMetricsTest {
  private static final double TOL = 1e-6;

  private static Tensor col(float... v) {
    return Tensor.of(v, v.length, 1);
  }

  private static Tensor rows(float[][] r) {
    return Tensor.of(r);
  }

  @Test
  void accuracyDocstring() {
    Accuracy m = new Accuracy();
    m.updateState(col(1, 2, 3, 4), col(0, 2, 3, 4));
    assertEquals(0.75, m.result().item(), TOL);
    m.resetState();
    m.updateState(col(1, 2, 3, 4), col(0, 2, 3, 4), Tensor.of(1f, 1f, 0f, 0f));
    assertEquals(0.5, m.result().item(), TOL);
    assertEquals("accuracy", m.name());
    assertEquals("up", m.direction());
  }

  @Test
  void accuracyStreamsAndMatchesRanks() {
    // Labels (3, 1) against predictions (3,): Keras expands the predictions to (3, 1).
    Accuracy m = new Accuracy();
    m.updateState(col(1, 0, 1), Tensor.of(1f, 1f, 1f)); // 2 of 3
    m.updateState(Tensor.ofInts(new int[] {2, 2}, 2), Tensor.of(2f, 0f)); // 1 of 2, int labels
    assertEquals(3.0 / 5, m.result().item(), TOL);
  }

  @Test
  void binaryAccuracyDocstringAndThreshold() {
    BinaryAccuracy m = new BinaryAccuracy();
    m.updateState(col(1, 1, 0, 0), col(0.98f, 1, 0, 0.6f));
    assertEquals(0.75, m.result().item(), TOL);
    m.resetState();
    m.updateState(col(1, 1, 0, 0), col(0.98f, 1, 0, 0.6f), Tensor.of(1f, 0f, 0f, 1f));
    assertEquals(0.5, m.result().item(), TOL);
    // threshold 0.7: predictions > 0.7 -> [1, 1, 0, 0] all right; a second batch at exactly
    // the threshold is 0 (strictly greater), so [0.7] vs label 1 is wrong: 4 of 5.
    BinaryAccuracy t = new BinaryAccuracy().threshold(0.7);
    t.updateState(col(1, 1, 0, 0), col(0.98f, 1, 0, 0.6f));
    t.updateState(col(1), col(0.7f));
    assertEquals(0.8, t.result().item(), TOL);
  }

  @Test
  void binaryAccuracyAveragesPerSampleOverMultiLabelRows() {
    // (2, 2) rows: [[1, 0], [1, 1]] vs [[0.9, 0.8], [0.2, 0.7]] -> matches [[1, 0], [0, 1]],
    // per-sample means [0.5, 0.5]; weights [3, 1] -> (1.5 + 0.5) / 4 = 0.5; without: 0.5.
    // A (2, 2) weight [[1, 0], [0, 1]]: per-sample mean(v*w) = [0.5, 0.5], mean(w) = [0.5, 0.5]
    // -> 1.0.
    BinaryAccuracy m = new BinaryAccuracy();
    Tensor y = rows(new float[][] {{1, 0}, {1, 1}});
    Tensor p = rows(new float[][] {{0.9f, 0.8f}, {0.2f, 0.7f}});
    m.updateState(y, p, Tensor.of(3f, 1f));
    assertEquals(0.5, m.result().item(), TOL);
    m.resetState();
    m.updateState(y, p, rows(new float[][] {{1, 0}, {0, 1}}));
    assertEquals(1.0, m.result().item(), TOL);
  }

  @Test
  void categoricalAccuracyDocstringAndStreaming() {
    CategoricalAccuracy m = new CategoricalAccuracy();
    Tensor y = rows(new float[][] {{0, 0, 1}, {0, 1, 0}});
    Tensor p = rows(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
    m.updateState(y, p);
    assertEquals(0.5, m.result().item(), TOL);
    m.resetState();
    m.updateState(y, p, Tensor.of(0.7f, 0.3f));
    assertEquals(0.3, m.result().item(), TOL);
    // Second batch: logits work too; argmax ties take the first index ([2, 2, 1] -> 0).
    m.updateState(
        rows(new float[][] {{1, 0, 0}, {0, 0, 1}}),
        rows(new float[][] {{2, 2, 1}, {-1, -3, 5}}),
        Tensor.of(1f, 1f));
    assertEquals((0.3 + 2) / 3, m.result().item(), TOL);
  }

  @Test
  void categoricalAccuracyPerTimestep() {
    // (1, 2, 2) one-hot against (1, 2, 2): step 0 right, step 1 wrong; weights per step (1, 2)
    // [[1, 3]] -> 1 / 4.
    CategoricalAccuracy m = new CategoricalAccuracy();
    Tensor y = Tensor.of(new float[] {1, 0, 0, 1}, 1, 2, 2);
    Tensor p = Tensor.of(new float[] {0.8f, 0.2f, 0.6f, 0.4f}, 1, 2, 2);
    m.updateState(y, p, Tensor.of(new float[] {1, 3}, 1, 2));
    assertEquals(0.25, m.result().item(), TOL);
  }

  @Test
  void sparseCategoricalAccuracyDocstringAndLabelShapes() {
    SparseCategoricalAccuracy m = new SparseCategoricalAccuracy();
    Tensor p = rows(new float[][] {{0.1f, 0.6f, 0.3f}, {0.05f, 0.95f, 0}});
    m.updateState(col(2, 1), p);
    assertEquals(0.5, m.result().item(), TOL);
    m.resetState();
    m.updateState(col(2, 1), p, Tensor.of(0.7f, 0.3f));
    assertEquals(0.3, m.result().item(), TOL);
    // Integer labels of shape (N,) stream into the same state: 2 more right with weight 1 each.
    m.updateState(Tensor.ofInts(new int[] {1, 0}, 2), rows(new float[][] {{0, 1, 0}, {3, 1, 2}}));
    assertEquals((0.3 + 2) / 3, m.result().item(), TOL);
  }

  @Test
  void topKCategoricalAccuracy() {
    TopKCategoricalAccuracy m = new TopKCategoricalAccuracy(1);
    Tensor y = rows(new float[][] {{0, 0, 1}, {0, 1, 0}});
    Tensor p = rows(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
    m.updateState(y, p);
    assertEquals(0.5, m.result().item(), TOL);
    m.resetState();
    m.updateState(y, p, Tensor.of(0.7f, 0.3f));
    assertEquals(0.3, m.result().item(), TOL);
    // k = 2: both rows hit. Ties count in: the label's score 0.5 ties the second largest.
    TopKCategoricalAccuracy k2 = new TopKCategoricalAccuracy().k(2);
    k2.updateState(y, p);
    k2.updateState(
        rows(new float[][] {{1, 0, 0, 0}}), rows(new float[][] {{0.5f, 0.9f, 0.5f, 0.1f}}));
    assertEquals(1.0, k2.result().item(), TOL);
    k2.updateState(
        rows(new float[][] {{0, 0, 0, 1}}), rows(new float[][] {{0.5f, 0.9f, 0.5f, 0.1f}}));
    assertEquals(0.75, k2.result().item(), TOL);
    assertEquals(5, new TopKCategoricalAccuracy().k());
  }

  @Test
  void sparseTopKCategoricalAccuracy() {
    SparseTopKCategoricalAccuracy m = new SparseTopKCategoricalAccuracy(1);
    Tensor p = rows(new float[][] {{0.1f, 0.9f, 0.8f}, {0.05f, 0.95f, 0}});
    m.updateState(Tensor.of(2f, 1f), p);
    assertEquals(0.5, m.result().item(), TOL);
    m.resetState();
    m.updateState(Tensor.of(2f, 1f), p, Tensor.of(0.7f, 0.3f));
    assertEquals(0.3, m.result().item(), TOL);
    // Keras docstring: from_sorted_ids with k=1: [2, 1] vs ids [[1, 0, 3], [1, 2, 3]] -> 0.5.
    SparseTopKCategoricalAccuracy ids = new SparseTopKCategoricalAccuracy(1).fromSortedIds(true);
    ids.updateState(Tensor.of(2f, 1f), rows(new float[][] {{1, 0, 3}, {1, 2, 3}}));
    assertEquals(0.5, ids.result().item(), TOL);
    // k = 2 over ids: both labels appear among the first two ids.
    SparseTopKCategoricalAccuracy ids2 = new SparseTopKCategoricalAccuracy(2).fromSortedIds(true);
    ids2.updateState(
        Tensor.ofInts(new int[] {0, 2}, 2), Tensor.ofInts(new int[][] {{1, 0, 3}, {2, 1, 3}}));
    assertEquals(1.0, ids2.result().item(), TOL);
    // Labels (N, 1) and an out-of-range label (never in the top k).
    SparseTopKCategoricalAccuracy k2 = new SparseTopKCategoricalAccuracy(2);
    k2.updateState(col(2, 7), p);
    assertEquals(0.5, k2.result().item(), TOL);
  }

  @Test
  void badArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new TopKCategoricalAccuracy(0));
    assertEquals(
        "TopKCategoricalAccuracy: k must be a positive integer. Received: k=0", e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparseCategoricalAccuracy()
                    .updateState(Tensor.of(1f, 2f, 0f), rows(new float[][] {{1, 0}, {0, 1}})));
    assertEquals(
        "SparseCategoricalAccuracy: y_true must hold one integer label per row of y_pred."
            + " Received: y_true.shape=(3,), y_pred.shape=(2, 2)",
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Accuracy().updateState(Tensor.of(1f, 2f, 3f), Tensor.of(1f, 2f)));
    assertEquals(
        "Accuracy: y_true and y_pred must have broadcastable shapes. Received: y_true.shape=(3,),"
            + " y_pred.shape=(2,)",
        e3.getMessage());
    var e4 =
        assertThrows(
            IllegalArgumentException.class, () -> new BinaryAccuracy().threshold(Double.NaN));
    assertEquals(
        "BinaryAccuracy: threshold must be a finite number. Received: threshold=NaN",
        e4.getMessage());
  }
}
