package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Metric state lives in variables and merges across instances (Keras's {@code metric.variables},
 * Keras 2's {@code merge_state}): two instances fed halves of the data and merged give the result
 * of one instance fed all of it.
 */
class MergeStateTest {
  private static final int N = 24;
  private static final int C = 6;

  /** Rows of one batch: values (or targets and predictions) and sample weights. */
  private record Part(Tensor yTrue, Tensor yPred, Tensor weights) {}

  // Values are multiples of 1/8 and weights of 1/4, so the state's sums are exact in float32 and
  // the whole and the merged halves differ by the rounding of the metric's own function only.
  private static final Random RANDOM = new Random(7);
  private static final float[] PRED = eighths(N * C, 1, 7);
  private static final float[] VALUES = eighths(N * 3, -16, 16);
  private static final float[] WEIGHTS = quarters(N);
  private static final int[] LABELS = labels();

  private static float[] eighths(int n, int lo, int hi) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (lo + RANDOM.nextInt(hi - lo + 1)) / 8f;
    }
    return out;
  }

  private static float[] quarters(int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (1 + RANDOM.nextInt(4)) / 4f;
    }
    return out;
  }

  private static int[] labels() {
    int[] out = new int[N];
    for (int i = 0; i < N; i++) {
      out[i] = RANDOM.nextInt(C);
    }
    return out;
  }

  /** Rows [from, to) of the data fitting this metric. */
  private static Part part(Metric m, int from, int to) {
    int n = to - from;
    float[] w = java.util.Arrays.copyOfRange(WEIGHTS, from, to);
    if (m instanceof Mean || m instanceof Sum) {
      float[] v = java.util.Arrays.copyOfRange(VALUES, from * 3, to * 3);
      return new Part(Tensor.of(v, n, 3), null, Tensor.of(w, n));
    }
    Tensor pred = Tensor.of(java.util.Arrays.copyOfRange(PRED, from * C, to * C), n, C);
    int[] labels = java.util.Arrays.copyOfRange(LABELS, from, to);
    if (m.className().startsWith("Sparse")) {
      return new Part(Tensor.ofInts(labels, n), pred, Tensor.of(w, n));
    }
    float[] oneHot = new float[n * C];
    for (int i = 0; i < n; i++) {
      oneHot[i * C + labels[i]] = 1f;
    }
    return new Part(Tensor.of(oneHot, n, C), pred, Tensor.of(w, n));
  }

  private static void update(Metric m, Part p) {
    if (m instanceof Mean mean) {
      mean.updateState(p.yTrue(), p.weights());
    } else if (m instanceof Sum sum) {
      sum.updateState(p.yTrue(), p.weights());
    } else {
      m.updateState(p.yTrue(), p.yPred(), p.weights());
    }
  }

  private static void assertSameResult(Tensor expected, Tensor actual, String what) {
    assertArrayEquals(ShapeRefs.of(expected), ShapeRefs.of(actual), what);
    float[] e = expected.toFloatArray();
    float[] a = actual.toFloatArray();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-6 * Math.max(1, Math.abs(e[i])), what + " [" + i + "]");
    }
  }

  @Test
  void everyRegisteredMetricMergesHalvesIntoTheWholeResult() {
    int checked = 0;
    for (String name : Metrics.names()) {
      Metric whole = Metrics.get(name);
      Metric first = Metrics.get(name);
      Metric second = Metrics.get(name);
      update(whole, part(whole, 0, N));
      update(first, part(first, 0, N / 2));
      update(second, part(second, N / 2, N));
      Tensor secondBefore = second.result();
      first.mergeState(second);

      String what = name + " (" + whole.className() + ")";
      assertFalse(whole.variables().isEmpty(), what + " keeps its state in variables");
      assertEquals(whole.variables().size(), first.variables().size(), what);
      assertSameResult(whole.result(), first.result(), what);
      assertSameResult(secondBefore, second.result(), what + ": the merged-in metric is unchanged");
      for (Variable v : whole.variables()) {
        assertFalse(v.trainable(), what + ": state is not trainable");
      }
      checked++;
    }
    assertTrue(checked >= 40, "every name Metrics knows: " + checked);
  }

  @Test
  void resetStateZeroesTheVariables() {
    for (String name : List.of("auc", "precision", "mse", "r2_score", "f1_score", "mean")) {
      Metric m = Metrics.get(name);
      update(m, part(m, 0, N));
      assertTrue(
          m.variables().stream().anyMatch(v -> maxAbs(v) > 0), name + " accumulated something");
      m.resetState();
      for (Variable v : m.variables()) {
        assertEquals(0f, maxAbs(v), 0f, name + "/" + v.name());
      }
    }
  }

  private static float maxAbs(Variable v) {
    float max = 0;
    for (float f : v.numpy().toFloatArray()) {
      max = Math.max(max, Math.abs(f));
    }
    return max;
  }

  @Test
  void variablesAreKerasState() {
    Mean mean = new Mean();
    mean.updateState(Tensor.of(1f, 3f, 5f), Tensor.of(1f, 1f, 2f));
    // Keras's Mean: total = 1 + 3 + 10 = 14, count = 4.
    assertEquals(List.of("total", "count"), mean.variables().stream().map(Variable::name).toList());
    assertEquals(14f, mean.variables().get(0).numpy().item(), 0f);
    assertEquals(4f, mean.variables().get(1).numpy().item(), 0f);
    AUC auc = new AUC(5);
    assertEquals(
        List.of("true_positives", "false_positives", "true_negatives", "false_negatives"),
        auc.variables().stream().map(Variable::name).toList());
    assertArrayEquals(new int[] {5}, auc.variables().get(0).shape());
    Precision p = new Precision().thresholds(0.3, 0.6);
    assertEquals(
        List.of("true_positives", "false_positives"),
        p.variables().stream().map(Variable::name).toList());
    assertArrayEquals(new int[] {2}, p.variables().get(1).shape());
  }

  @Test
  void aMetricWhoseStateComesWithItsFirstBatchMergesBothWays() {
    List<Supplier<Metric>> kinds =
        List.of(
            R2Score::new,
            () -> new FBetaScore().average("macro"),
            () -> new AUC().multiLabel(true));
    for (Supplier<Metric> kind : kinds) {
      Metric empty = kind.get();
      Metric fed = kind.get();
      String what = empty.className();
      assertTrue(empty.variables().isEmpty(), what + " has no state before its first batch");
      update(fed, part(fed, 0, N));
      Tensor expected = fed.result();
      empty.mergeState(fed);
      assertSameResult(expected, empty.result(), what + ": fed merged into empty");
      fed.mergeState(kind.get());
      assertSameResult(expected, fed.result(), what + ": empty merged into fed");
    }
  }

  @Test
  void mergingAnotherKindOfMetricFailsNamingBoth() {
    Mean mean = new Mean();
    var e = assertThrows(IllegalArgumentException.class, () -> mean.mergeState(new Sum()));
    assertTrue(
        e.getMessage().contains("Mean 'mean' can only merge the state of other Mean"),
        e.getMessage());
    Precision a = new Precision().thresholds(0.5);
    Precision b = new Precision().thresholds(0.2, 0.7);
    var e2 = assertThrows(IllegalArgumentException.class, () -> a.mergeState(b));
    String msg = e2.getMessage().toLowerCase(Locale.ROOT);
    assertTrue(
        msg.contains("not compatible")
            && msg.contains("received: [true_positives(2,), false_positives(2,)]"),
        msg);
  }
}
