package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.FusedActivation;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops of the array and optimizer families against their scalar twins, for lengths
 * around the vector width: the optimizer updates bit for bit (same operations in the same order),
 * the fused epilogue and its backward exactly for linear and relu and within a few ulp for sigmoid
 * and tanh (lanewise EXP and TANH).
 */
class VectorLoopsParityTest {
  private static final int[] LENGTHS = {0, 1, 3, 15, 16, 17, 31, 33, 64, 100, 1001};
  private final OptimizerLoops scalar = new OptimizerLoops();
  private final OptimizerLoops vector = VectorOptimizerLoops.create();
  private final SplittableRandom random = new SplittableRandom(11);

  private float[] values(int n, boolean positive) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double v = random.nextDouble() + 0.05;
      x[i] = (float) (positive || random.nextBoolean() ? v : -v);
    }
    return x;
  }

  /** One update run by both loops on copies of the same arrays (w, g, then slots). */
  @FunctionalInterface
  private interface Update {
    void run(OptimizerLoops loops, float[][] a, int n);
  }

  private void check(String name, int slots, Update update) {
    for (int n : LENGTHS) {
      float[][] a = new float[2 + slots][];
      for (int i = 0; i < a.length; i++) {
        a[i] = values(n, i >= 2);
      }
      float[][] b = new float[a.length][];
      for (int i = 0; i < a.length; i++) {
        b[i] = a[i].clone();
      }
      for (int step = 0; step < 3; step++) {
        update.run(scalar, a, n);
        update.run(vector, b, n);
      }
      for (int i = 0; i < a.length; i++) {
        assertArrayEquals(a[i], b[i], name + " n=" + n + " array " + i);
      }
    }
  }

  @Test
  void optimizerUpdatesAreBitIdentical() {
    check("sgd", 0, (l, a, n) -> l.sgd(a[0], a[1], 0, n, 0.1f));
    check("sgd momentum", 1, (l, a, n) -> l.sgdMomentum(a[0], a[1], a[2], 0, n, 0.1f, 0.9f));
    check("sgd nesterov", 1, (l, a, n) -> l.sgdNesterov(a[0], a[1], a[2], 0, n, 0.1f, 0.9f));
    check(
        "adam",
        2,
        (l, a, n) -> l.adam(a[0], a[1], a[2], a[3], a[3], 0, n, 0.1f, 0.001f, 1e-7f, 0.01f));
    check(
        "adam amsgrad",
        3,
        (l, a, n) -> l.adam(a[0], a[1], a[2], a[3], a[4], 0, n, 0.1f, 0.001f, 1e-7f, 0.01f));
    check(
        "rmsprop",
        1,
        (l, a, n) -> l.rmsprop(a[0], a[1], a[2], null, null, 0, n, 0.01f, 0.9f, 0.1f, 0f, 1e-7f));
    check(
        "rmsprop centered momentum",
        3,
        (l, a, n) -> {
          // a[4], the running mean, shrinks so that v - a^2 stays positive
          for (int i = 0; i < n; i++) {
            a[4][i] *= 0.01f;
          }
          l.rmsprop(a[0], a[1], a[2], a[3], a[4], 0, n, 0.01f, 0.9f, 0.1f, 0.5f, 1e-7f);
        });
    check("adagrad", 1, (l, a, n) -> l.adagrad(a[0], a[1], a[2], 0, n, 0.1f, 1e-7f));
    check(
        "adadelta",
        2,
        (l, a, n) -> l.adadelta(a[0], a[1], a[2], a[3], 0, n, 1f, 0.95f, 0.05f, 1e-7f));
    check(
        "adamax",
        2,
        (l, a, n) -> l.adamax(a[0], a[1], a[2], a[3], 0, n, 0.01f, 0.1f, 0.1f, 0.999f, 1e-7f));
    check("lion", 1, (l, a, n) -> l.lion(a[0], a[1], a[2], 0, n, 0.01f, 0.9f, 0.1f, 0.99f, 0.01f));
    check(
        "nadam",
        2,
        (l, a, n) ->
            l.nadam(a[0], a[1], a[2], a[3], 0, n, 0.01f, 0.1f, 0.001f, 1e-7f, 0.9f, 0.1f, 1.2f));
    check("weight decay", 0, (l, a, n) -> l.weightDecay(a[0], 0, n, 0.004f, 0.1f));
    check("scale", 0, (l, a, n) -> l.scale(a[1], 0.3f, a[0], 0, n));
    check("clip", 0, (l, a, n) -> l.clip(a[1], -0.4f, 0.4f, a[0], 0, n));
  }

  @Test
  void lionTakesTheSignOfZeroAsMathSignumDoes() {
    float[] w = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    float[] g = new float[17];
    float[] m = new float[17];
    g[0] = -0f;
    float[] w2 = w.clone();
    float[] m2 = m.clone();
    scalar.lion(w, g, m, 0, 17, 0.5f, 0.9f, 0.1f, 0.99f, 0.01f);
    vector.lion(w2, g.clone(), m2, 0, 17, 0.5f, 0.9f, 0.1f, 0.99f, 0.01f);
    assertArrayEquals(w, w2);
    assertEquals(1f, w2[0], "a zero step leaves w");
  }

  @Test
  void epilogueAndItsBackward() {
    for (FusedActivation act : FusedActivation.values()) {
      float tol = act == FusedActivation.SIGMOID || act == FusedActivation.TANH ? 3e-7f : 0f;
      for (int n : LENGTHS) {
        for (boolean withBias : new boolean[] {true, false}) {
          float[] c = values(n + 5, false);
          float[] bias = withBias ? values(n + 2, false) : null;
          float[] c2 = c.clone();
          ScalarEpilogue.row(c, 3, n, bias, 2, act);
          VectorEpilogue.row(c2, 3, n, bias, 2, act);
          assertArrayEquals(c, c2, tol, act + " epilogue n=" + n + " bias=" + withBias);
        }
        float[] dy = values(n + 4, false);
        float[] y = values(n + 4, false);
        float[] dz = new float[n + 4];
        float[] dz2 = new float[n + 4];
        float[] db = values(n, false);
        float[] db2 = db.clone();
        ScalarEpilogue.gradRow(act, dy, y, 4, dz, db, 0, n);
        VectorEpilogue.gradRow(act, dy, y, 4, dz2, db2, n);
        assertArrayEquals(dz, dz2, act + " backward dz n=" + n);
        assertArrayEquals(db, db2, act + " backward db n=" + n);
      }
    }
  }
}
