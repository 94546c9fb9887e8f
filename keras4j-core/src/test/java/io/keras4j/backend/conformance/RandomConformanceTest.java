package io.keras4j.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.RandomKernels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The random fills of {@link io.keras4j.backend.RandomKernels}: shapes (empty, size 1, several
 * chunks), the same values for the same seed whatever the thread count, different values for
 * different seeds, and the distributions' moments and supports against their formulas (mean,
 * variance, the truncated normal's variance factor, the dropout rate), with bounds of about five
 * standard errors.
 */
class RandomConformanceTest extends ConformanceBase {
  private static final int N = 200_003; // several chunks of 64Ki and an odd tail

  private RandomKernels random() {
    return backend().random();
  }

  @Test
  void shapesIncludingEmptyAndScalar() {
    assertArrayEquals(new int[] {0, 3}, random().normal(new int[] {0, 3}, 0, 1, 1).shape());
    assertEquals(0, random().uniform(new int[] {2, 0}, 0, 1, 1).size());
    assertArrayEquals(new int[] {}, random().truncatedNormal(new int[] {}, 0, 1, 1).shape());
    assertEquals(1, random().dropoutMask(new int[] {1}, 0.5, 1).size());
  }

  @Test
  void sameSeedSameValuesWhateverTheThreadCount() {
    Backend b = backend();
    int threads = b.threads();
    try {
      b.setThreads(1);
      float[][] one = draws(7);
      b.setThreads(Math.max(2, threads));
      float[][] many = draws(7);
      for (int i = 0; i < one.length; i++) {
        assertArrayEquals(one[i], many[i], "distribution " + i);
      }
      float[][] other = draws(8);
      for (int i = 0; i < one.length; i++) {
        assertFalse(Arrays.equals(one[i], other[i]), "another seed, other values: " + i);
      }
    } finally {
      b.setThreads(threads);
    }
  }

  private float[][] draws(long seed) {
    int[] shape = {N};
    return new float[][] {
      random().uniform(shape, -1, 3, seed).toFloatArray(),
      random().normal(shape, 0.5, 2, seed).toFloatArray(),
      random().truncatedNormal(shape, 0.5, 2, seed).toFloatArray(),
      random().dropoutMask(shape, 0.7, seed).toFloatArray()
    };
  }

  @Test
  void uniformMomentsAndSupport() {
    double lo = -1;
    double hi = 3;
    float[] v = random().uniform(new int[] {N}, lo, hi, 11).toFloatArray();
    for (float x : v) {
      assertTrue(x >= lo && x < hi, "in [minval, maxval): " + x);
    }
    double sd = (hi - lo) / Math.sqrt(12);
    assertMoments("uniform", v, (lo + hi) / 2, sd);
    // maxval (as float32) is excluded even where rounding to float32 would reach it.
    float[] narrow = random().uniform(new int[] {10_000}, 1.0, 1.0 + 1e-9, 3).toFloatArray();
    for (float x : narrow) {
      assertTrue(x < (float) (1.0 + 1e-9), "below maxval: " + x);
    }
  }

  @Test
  void normalMoments() {
    float[] v = random().normal(new int[] {N}, 0.5, 2, 12).toFloatArray();
    assertMoments("normal", v, 0.5, 2);
  }

  @Test
  void truncatedNormalMomentsAndSupport() {
    double mean = 0.5;
    double sd = 2;
    float[] v = random().truncatedNormal(new int[] {N}, mean, sd, 13).toFloatArray();
    for (float x : v) {
      assertTrue(Math.abs(x - mean) <= 2 * sd + 1e-5, "within two standard deviations: " + x);
    }
    // The standard deviation of a normal truncated to +-2 sigma: sigma * sqrt(1 - 2 * 2 phi(2) /
    // (2 Phi(2) - 1)).
    double phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    double mass = 0.9544997361036416; // 2 Phi(2) - 1
    double factor = Math.sqrt(1 - 4 * phi2 / mass);
    assertMoments("truncated normal", v, mean, sd * factor);
  }

  @Test
  void dropoutMaskRateAndValues() {
    double keep = 0.7;
    float[] v = random().dropoutMask(new int[] {N}, keep, 14).toFloatArray();
    float scale = (float) (1 / keep);
    int kept = 0;
    for (float x : v) {
      assertTrue(x == 0f || x == scale, "0 or 1/keep: " + x);
      kept += x == 0f ? 0 : 1;
    }
    double se = Math.sqrt(keep * (1 - keep) / N);
    assertEquals(keep, (double) kept / N, 5 * se, "kept fraction");
  }

  /** Mean and standard deviation within about five standard errors of the formulas. */
  private static void assertMoments(String what, float[] v, double mean, double sd) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    double m = s / v.length;
    double ss = 0;
    for (float x : v) {
      ss += (x - m) * (x - m);
    }
    double var = ss / (v.length - 1);
    assertEquals(mean, m, 5 * sd / Math.sqrt(v.length), what + " mean");
    // The variance's standard error is about sd^2 * sqrt(2 / n) for these light-tailed laws.
    assertEquals(sd * sd, var, 5 * sd * sd * Math.sqrt(2.0 / v.length), what + " variance");
  }
}
