package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import org.junit.jupiter.api.Test;

/** Mean, Sum and MeanMetricWrapper: Keras's reduce_to_samplewise_values rules, by hand. */
class ReductionMetricsTest {
  private static final double TOL = 1e-6;

  private static float value(Metric m) {
    Tensor r = m.result();
    assertArrayEquals(new int[0], ShapeRefs.of(r), "a scalar result");
    return r.item();
  }

  @Test
  void meanAndSumDocstringExamples() {
    // Keras docstrings: Mean([1, 3, 5, 7]) = 4, with weights [1, 1, 0, 0] = 2; Sum = 16 and 4.
    Mean mean = new Mean();
    mean.updateState(Tensor.of(1f, 3f, 5f, 7f));
    assertEquals(4.0, value(mean), TOL);
    mean.resetState();
    mean.updateState(Tensor.of(1f, 3f, 5f, 7f), Tensor.of(1f, 1f, 0f, 0f));
    assertEquals(2.0, value(mean), TOL);
    Sum sum = new Sum();
    sum.updateState(Tensor.of(1f, 3f, 5f, 7f));
    assertEquals(16.0, value(sum), TOL);
    sum.resetState();
    sum.updateState(Tensor.of(1f, 3f, 5f, 7f), Tensor.of(1f, 1f, 0f, 0f));
    assertEquals(4.0, value(sum), TOL);
    assertEquals("mean", mean.name());
    assertEquals("sum", sum.name());
  }

  @Test
  void meanStreamsOverBatches() {
    Mean m = new Mean();
    m.updateState(Tensor.of(1f, 2f), Tensor.of(3f, 1f)); // total 5, count 4
    m.updateState(Tensor.of(10f)); // total 15, count 5
    assertEquals(3.0, value(m), TOL);
    assertEquals(15.0, m.total(), TOL);
    assertEquals(5.0, m.count(), TOL);
    m.resetState();
    assertEquals(0.0, value(m), 0.0); // divide_no_nan before any value
  }

  @Test
  void rankTwoValuesAreAveragedPerSampleFirst() {
    // values (2, 2) = [[1, 3], [5, 7]]: per-sample means [2, 6]; weights [1, 3]:
    // total = 2*1 + 6*3 = 20, count = 4 -> 5. Sum reduces by sum: 4*1 + 12*3 = 40.
    Tensor v = Tensor.of(new float[][] {{1, 3}, {5, 7}});
    Mean m = new Mean();
    m.updateState(v, Tensor.of(1f, 3f));
    assertEquals(5.0, value(m), TOL);
    Sum s = new Sum();
    s.updateState(v, Tensor.of(1f, 3f));
    assertEquals(40.0, value(s), TOL);
    // Without weights: the sample means [2, 6] -> 4, count 2.
    Mean unweighted = new Mean();
    unweighted.updateState(v);
    assertEquals(4.0, value(unweighted), TOL);
    assertEquals(2.0, unweighted.count(), TOL);
  }

  @Test
  void elementWeightsAndColumnWeights() {
    Tensor v = Tensor.of(new float[][] {{1, 3}, {5, 7}});
    // Weights (2, 2) [[1, 0], [1, 1]]: per sample mean(v*w) = [0.5, 6], mean(w) = [0.5, 1]
    // -> total 6.5, count 1.5.
    Mean m = new Mean();
    m.updateState(v, Tensor.of(new float[][] {{1, 0}, {1, 1}}));
    assertEquals(6.5 / 1.5, value(m), TOL);
    // Weights (2, 1) are squeezed to (2,): as per-sample weights [2, 0] -> 2.
    Mean col = new Mean();
    col.updateState(v, Tensor.of(new float[] {2, 0}, 2, 1));
    assertEquals(2.0, value(col), TOL);
  }

  @Test
  void scalarWeightScalesTheBatchMean() {
    // Keras reduces the values to the weight's rank (0): total += w * mean(v), count += w.
    Mean m = new Mean();
    m.updateState(Tensor.of(1f, 3f, 5f, 7f), Tensor.scalar(2f));
    assertEquals(4.0, value(m), TOL);
    assertEquals(2.0, m.count(), TOL);
    m.updateState(Tensor.of(10f, 20f), Tensor.scalar(1f)); // total 8 + 15, count 3
    assertEquals(23.0 / 3, value(m), TOL);
    Sum s = new Sum();
    s.updateState(Tensor.of(1f, 3f, 5f, 7f), Tensor.scalar(0.5f));
    assertEquals(8.0, value(s), TOL);
  }

  @Test
  void badWeightsAndTheThreeArgumentForm() {
    Mean m = new Mean();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.updateState(Tensor.of(1f, 2f, 3f), Tensor.of(1f, 2f)));
    assertEquals(
        "Mean: sample_weight of shape (2,) cannot be broadcast to shape (3,). Received:"
            + " sample_weight.shape=(2,)",
        e.getMessage());
    var u =
        assertThrows(
            UnsupportedOperationException.class,
            () -> m.updateState(Tensor.of(1f), Tensor.of(1f), Tensor.of(1f)));
    assertTrue(u.getMessage().startsWith("Mean takes values, not (y_true, y_pred)"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> new Sum().updateState(Tensor.of(1f), Tensor.of(1f), null));
  }

  @Test
  void meanMetricWrapperAveragesAFunctionWithWeightsAndMask() {
    // fn = |y_true - y_pred| elementwise on (3,) inputs: [1, 2, 4].
    MeanMetricWrapper m =
        new MeanMetricWrapper(
            (t, p) -> {
              float[] a = t.toFloatArray();
              float[] b = p.toFloatArray();
              float[] out = new float[a.length];
              for (int i = 0; i < a.length; i++) {
                out[i] = Math.abs(a[i] - b[i]);
              }
              return Tensor.of(out, t.shape());
            },
            "abs_error");
    Tensor t = Tensor.of(0f, 0f, 0f);
    Tensor p = Tensor.of(1f, -2f, 4f);
    m.updateState(t, p);
    assertEquals(7.0 / 3, value(m), TOL);
    m.resetState();
    m.updateState(t, p, Tensor.of(1f, 1f, 2f)); // (1 + 2 + 8) / 4
    assertEquals(11.0 / 4, value(m), TOL);
    m.resetState();
    m.updateState(t, p, null, Tensor.of(1f, 0f, 1f)); // mask drops the 2: (1 + 4) / 2
    assertEquals(2.5, value(m), TOL);
    m.resetState();
    m.updateState(t, p, Tensor.of(2f, 1f, 1f), Tensor.of(1f, 0f, 1f)); // (2 + 4) / 3
    assertEquals(2.0, value(m), TOL);
    assertEquals("abs_error", m.name());
    assertEquals(null, m.direction());
  }

  @Test
  void meanMetricWrapperNeedsAFunction() {
    var e = assertThrows(IllegalArgumentException.class, () -> new MeanMetricWrapper(null, "x"));
    assertEquals(
        "MeanMetricWrapper: fn must be a function of (y_true, y_pred). Received: fn=null",
        e.getMessage());
  }
}
