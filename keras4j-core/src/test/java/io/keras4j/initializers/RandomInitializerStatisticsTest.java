package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mean, standard deviation and bounds on samples of 240,000 values (a 400 x 600 kernel: fan-in 400,
 * fan-out 600, fan_avg 500). Standard errors are about 0.2% of the std, so 1.5% tolerances are
 * loose enough never to flake and tight enough to catch a wrong formula (e.g. a missing truncation
 * correction is 12%).
 */
class RandomInitializerStatisticsTest {
  private static final int[] SHAPE = {400, 600};
  private static final double TRUNC = 0.87962566103423978;

  @Test
  void randomNormal() {
    Stats s = Stats.of(new RandomNormal(0.5, 2.0, 1).apply(SHAPE));
    assertEquals(0.5, s.mean(), 0.02);
    assertEquals(2.0, s.std(), 2.0 * 0.015);
  }

  @Test
  void randomNormalDefaults() {
    Stats s = Stats.of(new RandomNormal().apply(SHAPE));
    assertEquals(0.0, s.mean(), 0.001);
    assertEquals(0.05, s.std(), 0.05 * 0.015);
  }

  @Test
  void randomUniform() {
    Stats s = Stats.of(new RandomUniform(-1, 3, 2).apply(SHAPE));
    assertTrue(s.min() >= -1 && s.max() < 3, s.toString());
    assertEquals(1.0, s.mean(), 0.02);
    assertEquals(4 / Math.sqrt(12), s.std(), 0.015);
    Stats d = Stats.of(new RandomUniform().apply(SHAPE));
    assertTrue(d.min() >= -0.05 && d.max() < 0.05 && d.max() > 0.0499, d.toString());
  }

  @Test
  void truncatedNormal() {
    Stats s = Stats.of(new TruncatedNormal(1.0, 0.1, 3).apply(SHAPE));
    assertTrue(s.min() >= 0.8 - 1e-6 && s.max() <= 1.2 + 1e-6, s.toString());
    assertEquals(1.0, s.mean(), 0.001);
    assertEquals(0.1 * TRUNC, s.std(), 0.1 * 0.015);
  }

  /** (class, expected std of the values, limit for uniform or NaN). */
  static Stream<Arguments> varianceScaling() {
    return Stream.of(
        Arguments.of(new VarianceScaling(1, "fan_in", "truncated_normal", 4L), 1 / 400.0, false),
        Arguments.of(new VarianceScaling(2, "fan_out", "truncated_normal", 5L), 2 / 600.0, false),
        Arguments.of(new VarianceScaling(3, "fan_avg", "untruncated_normal", 6L), 3 / 500.0, false),
        Arguments.of(new VarianceScaling(0.5, "fan_in", "uniform", 7L), 0.5 / 400.0, true),
        Arguments.of(new VarianceScaling(1, "fan_avg", "normal", 8L), 1 / 500.0, false),
        Arguments.of(new GlorotUniform(9), 1 / 500.0, true),
        Arguments.of(new GlorotNormal(10), 1 / 500.0, false),
        Arguments.of(new HeUniform(11), 2 / 400.0, true),
        Arguments.of(new HeNormal(12), 2 / 400.0, false),
        Arguments.of(new LecunUniform(13), 1 / 400.0, true),
        Arguments.of(new LecunNormal(14), 1 / 400.0, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("varianceScaling")
  void varianceScalingHasVarianceScaleOverFan(
      VarianceScaling init, double variance, boolean uniform) {
    Stats s = Stats.of(init.apply(SHAPE));
    double std = Math.sqrt(variance);
    assertEquals(0.0, s.mean(), std * 0.01, "mean");
    assertEquals(std, s.std(), std * 0.015, "std");
    if (uniform) {
      double limit = Math.sqrt(3 * variance);
      assertTrue(s.min() >= -limit && s.max() < limit, "within +-" + limit + ": " + s);
      assertTrue(s.max() > limit * 0.999, "reaches the limit " + limit + ": " + s);
    } else if (init.distribution().equals("truncated_normal")) {
      double bound = 2 * std / TRUNC;
      assertTrue(s.max() <= bound * (1 + 1e-6) && s.min() >= -bound * (1 + 1e-6), s.toString());
      assertTrue(s.max() > bound * 0.99, "truncated near " + bound + ": " + s);
    } else {
      assertTrue(s.max() > 4 * std, "untruncated tails: " + s);
    }
  }

  @Test
  void convKernelsCountTheReceptiveField() {
    // 3x3 kernel, 16 -> 32 channels: fan_in 144, fan_out 288.
    Stats he = Stats.of(new HeNormal(1).apply(3, 3, 16, 32));
    assertEquals(Math.sqrt(2.0 / 144), he.std(), Math.sqrt(2.0 / 144) * 0.05);
    Stats glorot = Stats.of(new GlorotUniform(2).apply(3, 3, 16, 32));
    double limit = Math.sqrt(6.0 / (144 + 288));
    assertTrue(glorot.max() < limit && glorot.max() > 0.99 * limit, glorot.toString());
  }

  @Test
  void explicitAxesOverrideTheFans() {
    // Einsum-style kernel (heads, in, out) with fan-in over axes 0 and 1: 4 * 50 = 200.
    var init = new VarianceScaling(1.0, "fan_in", "uniform", 3L, new int[] {0, 1}, new int[] {2});
    Stats s = Stats.of(init.apply(4, 50, 300));
    double limit = Math.sqrt(3.0 / 200);
    assertTrue(s.max() < limit && s.max() > 0.99 * limit, s.toString());
  }

  @Test
  void fansFallBackToOneForEmptyShapes() {
    // max(1, fan) keeps a (0, 5) kernel from dividing by zero.
    assertArrayEquals(new int[] {0, 5}, new GlorotUniform(1).apply(0, 5).shape());
    assertEquals(1, new GlorotUniform(1).apply().size());
  }
}
