package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The metrics that average a loss function. Docstring numbers are Keras's own outputs; the streamed
 * ones come from loss_metrics_reference.py (numpy, Keras's formulas), named as there.
 */
class LossMetricsTest {
  private static final Tolerance TOL = Tolerance.absOrRel(1e-6, 1e-5);

  private static Tensor rows(float[][] r) {
    return Tensor.of(r);
  }

  private static void assertScalar(double expected, Metric m) {
    Closeness.assertClose(m.name(), new int[0], new double[] {expected}, m.result(), TOL);
  }

  // ---- Keras docstring examples --------------------------------------------------------------

  private static final Tensor DOC_T = rows(new float[][] {{0, 1}, {0, 0}});
  private static final Tensor DOC_P = rows(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
  private static final Tensor DOC_COUNTS = rows(new float[][] {{1, 1}, {0, 0}});
  private static final Tensor DOC_W = Tensor.of(1f, 0f);

  private static void doc(Metric m, Tensor t, Tensor p, Tensor w, double plain, double weighted) {
    m.updateState(t, p);
    assertScalar(plain, m);
    m.resetState();
    m.updateState(t, p, w);
    assertScalar(weighted, m);
  }

  @Test
  void docstringExamples() {
    doc(new KLDivergence(), DOC_T, DOC_P, DOC_W, 0.45814306, 0.9162892);
    doc(new Poisson(), DOC_T, DOC_COUNTS, DOC_W, 0.49999997, 0.99999994);
    doc(new BinaryCrossentropy(), DOC_T, DOC_P, DOC_W, 0.81492424, 0.9162905);
    Tensor oneHot = rows(new float[][] {{0, 1, 0}, {0, 0, 1}});
    Tensor probs = rows(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
    Tensor w37 = Tensor.of(0.3f, 0.7f);
    doc(new CategoricalCrossentropy(), oneHot, probs, w37, 1.1769392, 1.6271976);
    doc(new SparseCategoricalCrossentropy(), Tensor.of(1f, 2f), probs, w37, 1.1769392, 1.6271976);
    doc(new Hinge(), DOC_T, DOC_P, DOC_W, 1.3, 1.1);
    doc(new SquaredHinge(), DOC_T, DOC_P, DOC_W, 1.86, 1.46);
    doc(new CategoricalHinge(), DOC_T, DOC_P, DOC_W, 1.4000001, 1.2);
    Tensor cosT = rows(new float[][] {{0, 1}, {1, 1}});
    Tensor cosP = rows(new float[][] {{1, 0}, {1, 1}});
    doc(new CosineSimilarity().axis(1), cosT, cosP, w37, 0.49999997, 0.6999999);
    doc(new LogCoshError(), DOC_T, DOC_COUNTS, DOC_W, 0.10844523, 0.21689045);
  }

  // ---- two batches, unweighted and weighted (loss_metrics_reference.py) -----------------------

  private static final Tensor[] P = {
    rows(new float[][] {{0.2f, 0.7f, 0.1f}, {0.5f, 0.3f, 0.2f}}),
    rows(new float[][] {{0, 0.3f, 0.7f}})
  };
  private static final Tensor[] Z = {
    rows(new float[][] {{1.5f, -0.5f, 0.3f}, {-2, 0.8f, 0.1f}}),
    rows(new float[][] {{0.4f, -1.2f, 2.5f}})
  };
  private static final Tensor[] B = {
    rows(new float[][] {{0, 1, 0}, {1, 1, 0}}), rows(new float[][] {{0, 0, 1}})
  };
  private static final Tensor[] T = {
    rows(new float[][] {{0, 1, 0}, {0, 0, 1}}), rows(new float[][] {{1, 0, 0}})
  };
  private static final Tensor[] L = {Tensor.of(1f, 2f), Tensor.of(0f)};
  private static final Tensor[] K = {
    rows(new float[][] {{0.1f, 0.6f, 0.3f}, {0, 0.5f, 0.5f}}),
    rows(new float[][] {{0.2f, 0.2f, 0.6f}})
  };
  private static final Tensor[] C = {
    rows(new float[][] {{1, 0, 2}, {3, 1, 0}}), rows(new float[][] {{0, 2, 1}})
  };
  private static final Tensor[] R = {
    rows(new float[][] {{0.8f, 0.3f, 1.5f}, {2.5f, 1.2f, 0.4f}}),
    rows(new float[][] {{0.2f, 1.7f, 0.9f}})
  };
  private static final Tensor[] S = {B[0], rows(new float[][] {{-1, 1, 1}})};
  private static final Tensor[] X = {
    rows(new float[][] {{1, 2, 3}, {0.5f, -1, 2}}), rows(new float[][] {{0, 0, 0}})
  };
  private static final Tensor[] Y = {
    rows(new float[][] {{1.5f, 1, 3.5f}, {0, -0.5f, 4}}), rows(new float[][] {{1, 0.4f, 2.5f}})
  };
  private static final Tensor[] W = {Tensor.of(1f, 3f), Tensor.of(2f)};

  private static void stream(Metric m, Tensor[] t, Tensor[] p, Tensor[] w, Tensor[] mask) {
    for (int i = 0; i < 2; i++) {
      m.updateState(t[i], p[i], w == null ? null : w[i], mask == null ? null : mask[i]);
    }
  }

  private static void check(Metric m, Tensor[] t, Tensor[] p, double plain, double weighted) {
    stream(m, t, p, null, null);
    assertScalar(plain, m);
    m.resetState();
    stream(m, t, p, W, null);
    assertScalar(weighted, m);
  }

  @Test
  void streamedOverTwoBatchesMatchNumpy() {
    check(new BinaryCrossentropy(), B, P, 0.390976951, 0.470703865);
    check(
        new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.2),
        B,
        Z,
        0.888606478,
        0.878194246);
    check(new CategoricalCrossentropy(), T, P, 6.02806951, 6.23686333);
    check(
        new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.1),
        T,
        Z,
        1.89307277,
        1.71320355);
    check(new SparseCategoricalCrossentropy(), L, P, 6.02806951, 6.23686333);
    check(new SparseCategoricalCrossentropy().fromLogits(true), L, Z, 1.91418388, 1.71098132);
    check(new KLDivergence(), K, P, 1.20316114, 1.29412414);
    check(new Poisson(), C, R, 0.558346992, 0.511491046);
    check(new Hinge(), S, Z, 1.46666667, 1.41111112);
    check(new SquaredHinge(), S, Z, 3.0266667, 3.03000003);
    check(new CategoricalHinge(), T, Z, 2.6, 2.38333334);
    check(new CosineSimilarity(), X, Y, 0.623548754, 0.618529155);
    check(new LogCoshError(), X, Y, 0.507171566, 0.556683894);
  }

  @Test
  void sparseLabelsWithATrailingAxisOfOne() {
    Tensor[] labels = {Tensor.of(new float[] {1, 2}, 2, 1), Tensor.of(new float[] {0}, 1, 1)};
    check(new SparseCategoricalCrossentropy(), labels, P, 6.02806951, 6.23686333);
  }

  @Test
  void masksMultiplyTheWeights() {
    Metric m = new Poisson();
    stream(m, C, R, W, new Tensor[] {Tensor.of(1f, 0f), Tensor.of(1f)});
    assertScalar(0.633380072, m);
  }

  @Test
  void ignoreClassLeavesSamplesOut() {
    // scce_ignore2(_w): the sample labelled 2 gets weight 0, with or without sample weights.
    SparseCategoricalCrossentropy m = new SparseCategoricalCrossentropy().ignoreClass(2);
    check(m, L, P, 8.2373853, 10.8642888);
    m.resetState();
    // A mask from the model combines with it: dropping sample 0 of batch 1 leaves batch 2 alone,
    // -log(clip(0)) = -log(1e-7) = 16.1180957 (by hand).
    stream(m, L, P, W, new Tensor[] {Tensor.of(0f, 1f), Tensor.of(1f)});
    assertScalar(16.1180957, m);
  }

  @Test
  void otherAxes() {
    CategoricalCrossentropy cce = new CategoricalCrossentropy().axis(0);
    cce.updateState(
        rows(new float[][] {{0, 1}, {1, 0}, {0, 0}}),
        rows(new float[][] {{0.2f, 0.5f}, {0.6f, 0.3f}, {0.2f, 0.2f}}));
    assertScalar(0.601986405, cce);
    CosineSimilarity cos = new CosineSimilarity().axis(0);
    cos.updateState(X[0], Y[0]);
    assertScalar(0.953263528, cos);
  }

  @Test
  void directionsAndDefaultNames() {
    Object[][] cases = {
      {new BinaryCrossentropy(), "binary_crossentropy", "down"},
      {new CategoricalCrossentropy(), "categorical_crossentropy", "down"},
      {new SparseCategoricalCrossentropy(), "sparse_categorical_crossentropy", "down"},
      {new KLDivergence(), "kl_divergence", "down"},
      {new Poisson(), "poisson", "down"},
      {new Hinge(), "hinge", "down"},
      {new SquaredHinge(), "squared_hinge", "down"},
      {new CategoricalHinge(), "categorical_hinge", "down"},
      {new CosineSimilarity(), "cosine_similarity", null},
      {new LogCoshError(), "logcosh", "down"},
    };
    for (Object[] c : cases) {
      Metric m = (Metric) c[0];
      assertEquals(c[1], m.name());
      assertEquals(c[2], m.direction(), m.name());
      assertEquals(0f, m.result().item(), m.name() + " before any batch");
    }
    assertEquals("kld", new KLDivergence("kld").name());
    assertInstanceOf(Hinge.class, new Hinge().name("h"));
  }

  @Test
  void badArguments() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new BinaryCrossentropy().labelSmoothing(1.5));
    assertEquals(
        "BinaryCrossentropy: labelSmoothing must be in [0, 1]. Received: labelSmoothing=1.5",
        e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CategoricalCrossentropy().labelSmoothing(-0.1));
    assertEquals(
        "CategoricalCrossentropy: labelSmoothing must be in [0, 1]. Received: labelSmoothing=-0.1",
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CategoricalCrossentropy().updateState(T[0], P[1]));
    assertEquals(
        "CategoricalCrossentropy: yTrue and yPred must have the same shape. Received:"
            + " yTrue.shape=(2, 3), yPred.shape=(1, 3)",
        e3.getMessage());
    var e4 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SparseCategoricalCrossentropy().ignoreClass(2).updateState(T[0], P[0]));
    assertEquals(true, e4.getMessage().startsWith("SparseCategoricalCrossentropy: yTrue must"));
    assertNull(new SparseCategoricalCrossentropy().ignoreClass());
  }
}
