package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every schedule at several steps (boundaries included) against Python implementations of Keras 3's
 * formulas, evaluated in float64:
 *
 * <pre>
 * def expo(i, ds, r, stair):
 *     return lambda s: i * r ** (math.floor(s / ds) if stair else s / ds)
 * def inv(i, ds, r, stair):
 *     return lambda s: i / (1 + r * (math.floor(s / ds) if stair else s / ds))
 * def pw(b, v):
 *     def f(s):
 *         for bi, vi in zip(b, v):
 *             if s <= bi: return vi
 *         return v[-1]
 *     return f
 * def poly(i, ds, end, p, cycle):
 *     def f(s):
 *         d = ds
 *         if cycle: d = ds * (1 if s == 0 else math.ceil(s / ds))
 *         else: s = min(s, ds)
 *         return (i - end) * (1 - s / d) ** p + end
 *     return f
 * def cos(i, ds, alpha=0.0, target=None, ws=0):
 *     def decay(s, frm): return frm * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * s / ds)) + alpha)
 *     def f(s):
 *         if target is None: return decay(min(s, ds), i)
 *         s = min(s, ds + ws)
 *         if s < ws: return (target - i) * (s / ws) + i
 *         return decay(s - ws, target)
 *     return f
 * def restarts(i, first, tmul=2.0, mmul=1.0, alpha=0.0):
 *     def f(s):
 *         c = s / first
 *         if tmul == 1.0:
 *             r = math.floor(c); c -= r
 *         else:
 *             r = math.floor(math.log(1 - c * (1 - tmul)) / math.log(tmul))
 *             c = (c - (1 - tmul ** r) / (1 - tmul)) / tmul ** r
 *         return i * ((1 - alpha) * 0.5 * mmul ** r * (1 + math.cos(math.pi * c)) + alpha)
 *     return f
 * </pre>
 */
class SchedulesTest {
  private static void check(LearningRateSchedule s, long[] steps, double[] expected) {
    for (int i = 0; i < steps.length; i++) {
      double tol = 1e-12 + 1e-12 * Math.abs(expected[i]);
      assertEquals(expected[i], s.apply(steps[i]), tol, s + " at step " + steps[i]);
    }
  }

  private static void fails(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  /** expo(0.1, 10, 0.5, False) and expo(0.1, 10, 0.5, True). */
  @Test
  void exponentialDecay() {
    check(
        new ExponentialDecay(0.1, 10, 0.5),
        new long[] {0, 5, 10, 15, 30},
        new double[] {0.1, 0.07071067811865477, 0.05, 0.03535533905932738, 0.0125});
    check(
        new ExponentialDecay(0.1, 10, 0.5).staircase(true),
        new long[] {0, 9, 10, 19, 20, 35},
        new double[] {0.1, 0.1, 0.05, 0.05, 0.025, 0.0125});
  }

  /** inv(0.1, 10, 0.5, False) and inv(0.1, 10, 0.5, True). */
  @Test
  void inverseTimeDecay() {
    check(
        new InverseTimeDecay(0.1, 10, 0.5),
        new long[] {0, 5, 10, 25},
        new double[] {0.1, 0.08, 0.06666666666666667, 0.044444444444444446});
    check(
        new InverseTimeDecay(0.1, 10, 0.5, true),
        new long[] {0, 9, 10, 25},
        new double[] {0.1, 0.1, 0.06666666666666667, 0.05});
  }

  /** pw([10, 20], [1.0, 0.5, 0.1]): a boundary step still has the value before it. */
  @Test
  void piecewiseConstantDecay() {
    check(
        new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1.0, 0.5, 0.1}),
        new long[] {0, 10, 11, 20, 21, 1000},
        new double[] {1.0, 1.0, 0.5, 0.5, 0.1, 0.1});
    check(
        new PiecewiseConstantDecay(new long[] {}, new double[] {0.3}),
        new long[] {0, 100},
        new double[] {0.3, 0.3});
  }

  /** poly(0.1, 10, 0.01, 1.0, False), poly(..., 2.0, False), poly(..., 1.0, True). */
  @Test
  void polynomialDecay() {
    check(
        new PolynomialDecay(0.1, 10).endLearningRate(0.01),
        new long[] {0, 5, 10, 20},
        new double[] {0.1, 0.05500000000000001, 0.01, 0.01});
    check(
        new PolynomialDecay(0.1, 10, 0.01, 2.0, false),
        new long[] {0, 3, 10, 20},
        new double[] {0.1, 0.0541, 0.01, 0.01});
    check(
        new PolynomialDecay(0.1, 10, 0.01, 1.0, true),
        new long[] {0, 5, 10, 11, 15, 20, 21},
        new double[] {0.1, 0.05500000000000001, 0.01, 0.0505, 0.0325, 0.01, 0.037000000000000005});
    // Keras's default end rate is 0.0001: halfway, (0.1 - 0.0001) / 2 + 0.0001.
    check(new PolynomialDecay(0.1, 10), new long[] {5}, new double[] {0.05005});
  }

  /** cos(0.1, 10), cos(0.1, 10, alpha=0.1), cos(0.0, 10, alpha=0.1, target=0.2, ws=4). */
  @Test
  void cosineDecay() {
    check(new CosineDecay(0.1, 10), new long[] {0, 5, 10, 20}, new double[] {0.1, 0.05, 0, 0});
    check(
        new CosineDecay(0.1, 10, 0.1),
        new long[] {0, 5, 10, 20},
        new double[] {0.1, 0.05500000000000001, 0.010000000000000002, 0.010000000000000002});
    check(
        new CosineDecay(0.0, 10, 0.1, 0.2, 4),
        new long[] {0, 1, 3, 4, 9, 14, 100},
        new double[] {
          0.0,
          0.05,
          0.15000000000000002,
          0.2,
          0.11000000000000001,
          0.020000000000000004,
          0.020000000000000004
        });
    check(
        new CosineDecay(0.0, 10).alpha(0.1).warmupTarget(0.2).warmupSteps(4),
        new long[] {3, 9},
        new double[] {0.15000000000000002, 0.11000000000000001});
  }

  /**
   * restarts(0.1, 10), restarts(0.1, 10, tmul=1.5, mmul=0.5, alpha=0.1), restarts(0.1, 10,
   * tmul=1.0, mmul=0.5); restarts at steps 10, 30 and 70 for tMul = 2.
   */
  @Test
  void cosineDecayRestarts() {
    check(
        new CosineDecayRestarts(0.1, 10),
        new long[] {0, 5, 10, 20, 29, 30, 70},
        new double[] {0.1, 0.05, 0.1, 0.05, 0.0006155829702431171, 0.1, 0.1});
    check(
        new CosineDecayRestarts(0.1, 10, 1.5, 0.5, 0.1),
        new long[] {0, 5, 10, 15, 25, 40},
        new double[] {
          0.1,
          0.05500000000000001,
          0.05500000000000001,
          0.043750000000000004,
          0.0325,
          0.015625000000000003
        });
    check(
        new CosineDecayRestarts(0.1, 10).tMul(1.0).mMul(0.5),
        new long[] {0, 5, 10, 15, 20},
        new double[] {0.1, 0.05, 0.05, 0.025, 0.025});
  }

  /**
   * restarts(0.1, 1, tmul=10.0) at steps 12 and 110; periods start at 1, 11 and 111. At 111 the
   * float64 reference itself slips (log(1000) / log(10) = 2.9999999999999996, floor 2, giving 0):
   * by the definition the third period starts there, at the full rate 0.1.
   */
  @Test
  void cosineDecayRestartsAtAnInexactLogarithm() {
    check(
        new CosineDecayRestarts(0.1, 1).tMul(10),
        new long[] {12, 110, 111},
        new double[] {0.09997532801828658, 2.467198171342e-05, 0.1});
  }

  @Test
  void badArguments() {
    fails(
        "ExponentialDecay: decaySteps must be > 0. Received: decaySteps=0",
        () -> new ExponentialDecay(0.1, 0, 0.5));
    fails(
        "InverseTimeDecay: decaySteps must be > 0. Received: decaySteps=-5",
        () -> new InverseTimeDecay(0.1, -5, 0.5));
    fails(
        "PolynomialDecay: decaySteps must be > 0. Received: decaySteps=0",
        () -> new PolynomialDecay(0.1, 0));
    fails(
        "CosineDecay: decaySteps must be > 0. Received: decaySteps=0",
        () -> new CosineDecay(0.1, 0));
    fails(
        "CosineDecayRestarts: firstDecaySteps must be > 0. Received: firstDecaySteps=0",
        () -> new CosineDecayRestarts(0.1, 0));
    fails(
        "CosineDecay: warmupSteps must be >= 0. Received: warmupSteps=-1",
        () -> new CosineDecay(0.1, 10).warmupSteps(-1));
    fails(
        "CosineDecayRestarts: tMul must be a finite number > 0. Received: tMul=0.0",
        () -> new CosineDecayRestarts(0.1, 10).tMul(0));
    fails(
        "ExponentialDecay: initialLearningRate must be a finite number. Received:"
            + " initialLearningRate=NaN",
        () -> new ExponentialDecay(Double.NaN, 10, 0.5));
    fails(
        "PiecewiseConstantDecay: the length of boundaries should be 1 less than the length of"
            + " values. Received: boundaries=[10, 20] of length 2, and values=[1.0, 0.5] of"
            + " length 2.",
        () -> new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1.0, 0.5}));
    fails(
        "PiecewiseConstantDecay: boundaries must be strictly increasing. Received:"
            + " boundaries=[20, 10]",
        () -> new PiecewiseConstantDecay(new long[] {20, 10}, new double[] {1.0, 0.5, 0.1}));
    fails(
        "CosineDecay: name must be a non-empty string. Received: name=",
        () -> new CosineDecay(0.1, 10).name(""));
  }
}
