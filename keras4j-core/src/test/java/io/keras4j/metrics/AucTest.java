package io.keras4j.metrics;

import static io.keras4j.metrics.ConfusionMetricsTest.stream;
import static io.keras4j.metrics.ConfusionMetricsTest.streamMulti;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * AUC. The 3- and 5-threshold cases are the hand computations of Keras's own tests
 * (confusion_metrics_test.py, AUCTest and MultiAUCTest, whose comments list tp/fp/tn/fn); the
 * 200-threshold cases come from metrics_reference.py (numpy, Keras's thresholds and formulas).
 */
class AucTest {
  private static final Tolerance TOL = Tolerance.absOrRel(1e-6, 1e-5);

  private static void assertAuc(double expected, Metric m) {
    Closeness.assertClose(m.name(), new int[0], new double[] {expected}, m.result(), TOL);
  }

  // AUCTest inputs: thresholds [-1e-7, 0.5, 1 + 1e-7].
  private static final Tensor Y = Tensor.of(0f, 0f, 1f, 1f);
  private static final Tensor P = Tensor.of(0f, 0.5f, 0.3f, 0.9f);
  private static final Tensor W = Tensor.of(1f, 2f, 3f, 4f);

  private static AUC auc3() {
    return new AUC(3);
  }

  @Test
  void kerasHandComputedCases() {
    AUC m = auc3();
    m.updateState(Y, P);
    assertAuc(0.75, m); // tp [2, 1, 0], fp [2, 0, 0]: ((1 + 0.5) / 2) * 1
    m.resetState();
    m.updateState(Y, P, Tensor.of(1f, 0f, 0f, 1f));
    assertAuc(1.0, m); // docstring example
    // Weighted: tp [7, 4, 0], fp [3, 0, 0], fn [0, 3, 7], tn [0, 3, 3].
    AUC roc = auc3();
    AUC rocMaj = auc3().summationMethod("majoring");
    AUC rocMin = auc3().summationMethod("minoring");
    AUC prMaj = auc3().curve("PR").summationMethod("majoring");
    AUC prMin = auc3().curve("PR").summationMethod("minoring");
    AUC pr = auc3().curve("PR");
    AUC gainMaj = auc3().curve("PRGAIN").summationMethod("majoring");
    AUC gainMin = auc3().curve("PRGAIN").summationMethod("minoring");
    AUC gain = auc3().curve("PRGAIN");
    for (AUC a : new AUC[] {roc, rocMaj, rocMin, prMaj, prMin, pr, gainMaj, gainMin, gain}) {
      a.updateState(Y, P, W);
    }
    assertAuc((1 + 4.0 / 7) / 2, roc);
    assertAuc(1.0, rocMaj);
    assertAuc(4.0 / 7, rocMin);
    assertAuc(1.0, prMaj); // heights [1, 1], widths [3/7, 4/7]
    assertAuc(0.7 * 3 / 7, prMin);
    // slope [0.5, 1], intercept [2, 0], ratio [2.5, 1]: (0.5 (3 + 2 ln 2.5) + 4) / 7
    assertAuc((0.5 * (3 + 2 * Math.log(2.5)) + 4) / 7, pr);
    assertAuc(1.0, gainMaj);
    assertAuc(0.0, gainMin);
    assertAuc(0.5, gain);
    // Negative weights: the PR divisor max(tp + fn, 0) is 0 everywhere -> 0.
    AUC negative = auc3().curve("PR");
    negative.updateState(Y, P, Tensor.of(-1f, -2f, -3f, -4f));
    assertAuc(0.0, negative);
  }

  @Test
  void kerasPrGainAndAllCorrect() {
    AUC gain = auc3().curve("PRGAIN");
    gain.updateState(
        Tensor.of(0f, 0f, 0f, 1f, 0f, 1f, 0f, 1f, 1f, 1f),
        Tensor.of(0.1f, 0.2f, 0.3f, 0.3f, 0.4f, 0.4f, 0.6f, 0.6f, 0.8f, 0.9f));
    assertAuc(2.0 / 3 * 1.0 / 3 + 1.0 / 3 * 5.0 / 6, gain);
    AUC all = new AUC();
    all.updateState(Y, Y);
    assertAuc(1.0, all);
  }

  @Test
  void logitsAndManualThresholds() {
    // Logits of P (Keras's test: -log(1 / (p + 1e-12) - 1)) give the same 0.75.
    float[] logits = new float[4];
    float[] p = P.toFloatArray();
    for (int i = 0; i < 4; i++) {
      logits[i] = (float) -Math.log(1.0 / (p[i] + 1e-12) - 1.0);
    }
    AUC fromLogits = auc3().fromLogits(true);
    fromLogits.updateState(Y, Tensor.of(logits));
    assertAuc(0.75, fromLogits);
    AUC manual = new AUC(2).thresholds(0.5);
    assertEquals(3, manual.numThresholds());
    assertArrayEquals(new double[] {-1e-7, 0.5, 1 + 1e-7}, manual.thresholds(), 1e-12);
    manual.updateState(Y, P);
    assertAuc(0.75, manual);
  }

  @Test
  void extraDimensionsArePooled() {
    // Keras's test_extra_dims: labels (2, 2, 3), predictions expit(-logits) -> 0.5.
    float[] z = {-10, 10, -10, 10, -10, 10, -12, 12, -12, 12, -12, 12};
    float[] probs = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      probs[i] = (float) (1 / (1 + Math.exp(z[i])));
    }
    AUC m = new AUC();
    m.updateState(
        Tensor.of(new float[] {1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1}, 2, 2, 3),
        Tensor.of(probs, 2, 2, 3));
    assertAuc(0.5, m);
  }

  @Test
  void outOfRangePredictionsAreClippedOnTheBucketedPath() {
    // Evenly spaced thresholds: Keras clips to [0, 1], so 1.5 counts as 1 (below 1 + 1e-7) and
    // -0.5 as 0: tp [1, 1, 0], fp [1, 0, 0] -> tpr [1, 1, 0], fpr [1, 0, 0] -> AUC 1. By hand.
    AUC m = auc3();
    m.updateState(Tensor.of(1f, 0f), Tensor.of(1.5f, -0.5f));
    assertAuc(1.0, m);
  }

  // MultiAUCTest inputs: (4, 2), thresholds [-1e-7, 0.25, 0.5, 0.75, 1 + 1e-7].
  private static final Tensor MP =
      Tensor.of(new float[][] {{0, 0.1f}, {0.5f, 0.2f}, {0.3f, 0.3f}, {0.9f, 0.4f}});
  private static final Tensor GOOD = Tensor.of(new float[][] {{0, 0}, {0, 0}, {1, 1}, {1, 1}});

  private static AUC auc5() {
    return new AUC(5);
  }

  @Test
  void kerasMultiLabelCases() {
    AUC multi = auc5().multiLabel(true);
    multi.updateState(GOOD, MP);
    assertAuc((0.875 + 1.0) / 2, multi);
    AUC labelWeighted = auc5().multiLabel(true).labelWeights(0.75, 0.25);
    labelWeighted.updateState(GOOD, MP);
    assertAuc(0.875 * 0.75 + 1.0 * 0.25, labelWeighted);
    AUC manual = new AUC(2).thresholds(0.5).multiLabel(true);
    manual.updateState(GOOD, MP);
    assertAuc((0.75 + 0.5) / 2, manual);
    // Flat: tp [4, 4, 1, 1, 0], fp [4, 1, 0, 0, 0] -> 1 - 3/32.
    AUC flat = auc5();
    flat.updateState(GOOD, MP);
    assertAuc(1 - 3.0 / 32, flat);
    // Flat with row weights [1, 2, 3, 4]: tpr [1, 1, 2/7, 2/7, 0], fpr [1, 1/3, 0, 0, 0].
    AUC flatWeighted = auc5();
    flatWeighted.updateState(GOOD, MP, W);
    assertAuc(1 - (1.0 / 3) * (1 - 2.0 / 7) / 2, flatWeighted);
    // Flat with element weights arange(8) as (4, 2): tpr [1, 1, 3/11, 3/11, 0], fpr [1, 1/3, ...].
    AUC fullWeights = auc5();
    fullWeights.updateState(GOOD, MP, Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2));
    assertAuc(1 - (1.0 / 3) * (1 - 3.0 / 11) / 2, fullWeights);
    // Flat with label weights [0.75, 0.25]: tpr [1, 1, 0.375, 0.375, 0], fpr [1, 0.375, 0, 0, 0].
    AUC flatLabelWeights = auc5().labelWeights(0.75, 0.25);
    flatLabelWeights.updateState(GOOD, MP);
    assertAuc(1 - (1 - 0.375) * 0.375 / 2, flatLabelWeights);
    multi.resetState();
    assertAuc(0.0, multi);
  }

  @Test
  void twoHundredThresholdsMatchNumpy() {
    String[][] cases = {
      {"ROC", "interpolation"}, {"ROC", "minoring"}, {"ROC", "majoring"},
      {"PR", "interpolation"}, {"PR", "minoring"}, {"PR", "majoring"}
    };
    double[] expected = {0.64285714, 0.63265306, 0.65306122, 0.72238518, 0.56196581, 0.73812616};
    for (int i = 0; i < cases.length; i++) {
      AUC m = new AUC().curve(cases[i][0]).summationMethod(cases[i][1]);
      stream(m, false);
      assertAuc(expected[i], m);
    }
    AUC roc = new AUC();
    AUC pr = new AUC().curve("PR");
    stream(roc, true);
    stream(pr, true);
    assertAuc(0.62156863, roc);
    assertAuc(0.73330714, pr);
    // Explicit thresholds (not evenly spaced: plain comparisons).
    AUC manualRoc = new AUC().thresholds(0.8, 0.25, 0.5);
    AUC manualPr = new AUC().thresholds(0.25, 0.5, 0.8).curve("PR");
    stream(manualRoc, false);
    stream(manualPr, false);
    assertAuc(0.67346939, manualRoc);
    assertAuc(0.66593761, manualPr);
  }

  @Test
  void logitsMatchNumpy() {
    AUC m = new AUC().fromLogits(true);
    m.updateState(
        Tensor.of(1f, 0f, 1f, 0f, 0f, 1f, 0f, 1f),
        Tensor.of(2.0f, -1.5f, 0.3f, 0.0f, -3.0f, 1.2f, -0.4f, 4.0f));
    assertAuc(1.0, m);
  }

  @Test
  void multiLabelMatchesNumpy() {
    AUC mean = new AUC().multiLabel(true);
    AUC labelWeighted = new AUC().multiLabel(true).labelWeights(1, 2, 0.5);
    AUC pr = new AUC().multiLabel(true).numLabels(3).curve("PR");
    AUC pooled = new AUC();
    AUC pooledLabelWeights = new AUC().labelWeights(1, 2, 0.5);
    for (AUC a : new AUC[] {mean, labelWeighted, pr, pooled, pooledLabelWeights}) {
      streamMulti(a, false);
    }
    assertAuc(0.87962963, mean);
    assertAuc(0.84126984, labelWeighted);
    assertAuc(0.92546652, pr);
    assertAuc(0.88125, pooled);
    assertAuc(0.84235294, pooledLabelWeights);
    AUC sampleWeighted = new AUC().multiLabel(true);
    streamMulti(sampleWeighted, true);
    assertAuc(0.71428571, sampleWeighted);
  }

  @Test
  void badArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new AUC(1));
    assertEquals(
        "AUC: numThresholds must be an integer > 1. Received: numThresholds=1", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> new AUC().curve("Invalid"));
    assertEquals(
        "AUC: curve must be one of \"ROC\", \"PR\", \"PRGAIN\". Received: curve=Invalid",
        e2.getMessage());
    var e3 =
        assertThrows(IllegalArgumentException.class, () -> new AUC().summationMethod("trapezoid"));
    assertEquals(
        "AUC: summationMethod must be one of \"interpolation\", \"majoring\", \"minoring\"."
            + " Received: summationMethod=trapezoid",
        e3.getMessage());
    var e4 = assertThrows(IllegalArgumentException.class, () -> new AUC().thresholds(0.2, 1.2));
    assertEquals(
        "AUC: threshold values must be in [0, 1]. Received: [1.2] in thresholds=[0.2, 1.2]",
        e4.getMessage());
    var e5 =
        assertThrows(
            IllegalArgumentException.class, () -> new AUC().numLabels(2).updateState(GOOD, MP));
    assertEquals(
        "AUC: numLabels is needed only when multiLabel is true. Received: numLabels=2",
        e5.getMessage());
    var e6 =
        assertThrows(
            IllegalArgumentException.class, () -> new AUC().multiLabel(true).updateState(Y, P));
    assertEquals(
        "AUC: y_pred must have rank 2 when multiLabel is true. Received: y_pred.shape=(4,)",
        e6.getMessage());
    var e7 = assertThrows(IllegalArgumentException.class, () -> new AUC().labelWeights(1, -1));
    assertEquals(
        "AUC: labelWeights must be non-negative. Received: labelWeights=[1.0, -1.0]",
        e7.getMessage());
    // Lower-case names are Keras spellings too.
    assertEquals("PR", new AUC().curve("pr").getConfig().get("curve"));
    assertEquals(
        "minoring", new AUC().summationMethod("Minoring").getConfig().get("summation_method"));
  }
}
