package io.keras4j.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.backend.OptimizerKernels;
import io.keras4j.testing.Closeness;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The updates of {@link OptimizerKernels} against each optimizer's formula evaluated in double,
 * over three steps, on sizes that leave every vector tail (0, 1, 15, 16, 17, 67, 1000), plus the
 * step helpers (weight decay, sum of squares, scale, clip, fill, host arrays).
 */
class OptimizerConformanceTest extends ConformanceBase {
  private static final int[] SIZES = {0, 1, 15, 16, 17, 67, 1000};
  private static final int STEPS = 3;
  private static final Closeness.Tolerance TOL = tolerance(1e-5, 1e-4);

  private OptimizerKernels opt() {
    return backend().optimizers();
  }

  /** The state of one update: w, g and slots as tensors (library-owned) and as doubles. */
  private static final class State {
    final Tensor[] t;
    final double[][] d;

    /** Arrays of n values: index 0 is w, 1 is g, then the slots ({@code positive}: > 0). */
    State(int n, long seed, boolean... positive) {
      Random r = new Random(seed);
      t = new Tensor[2 + positive.length];
      d = new double[t.length][n];
      for (int a = 0; a < t.length; a++) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          boolean pos = a >= 2 && positive[a - 2];
          v[i] = (float) (pos ? 0.05 + r.nextDouble() : 2 * r.nextDouble() - 1);
          d[a][i] = v[i];
        }
        t[a] = Tensor.of(v, n);
      }
    }

    Tensor w() {
      return t[0];
    }

    Tensor g() {
      return t[1];
    }

    Tensor slot(int i) {
      return t[2 + i];
    }

    void check(String what) {
      for (int a = 0; a < t.length; a++) {
        if (a == 1) {
          continue; // the gradient is only read
        }
        Closeness.assertClose(
            what + (a == 0 ? " w" : " slot " + (a - 2)), d[a], t[a].toFloatArray(), TOL);
      }
    }
  }

  @Test
  void sgdPlainMomentumAndNesterov() {
    float lr = 0.1f;
    double mu = 0.9;
    for (int n : SIZES) {
      State plain = new State(n, n);
      State mom = new State(n, n, false);
      State nest = new State(n, n, false);
      for (int s = 0; s < STEPS; s++) {
        opt().sgd(plain.w(), plain.g(), null, lr, 0, false);
        opt().sgd(mom.w(), mom.g(), mom.slot(0), lr, mu, false);
        opt().sgd(nest.w(), nest.g(), nest.slot(0), lr, mu, true);
        for (int i = 0; i < n; i++) {
          plain.d[0][i] -= lr * plain.d[1][i];
          double[][] m = mom.d;
          m[2][i] = mu * m[2][i] - lr * m[1][i];
          m[0][i] += m[2][i];
          double[][] q = nest.d;
          q[2][i] = mu * q[2][i] - lr * q[1][i];
          q[0][i] += mu * q[2][i] - lr * q[1][i];
        }
      }
      plain.check("sgd n=" + n);
      mom.check("sgd momentum n=" + n);
      nest.check("sgd nesterov n=" + n);
    }
  }

  @Test
  void adamWithAndWithoutAmsgrad() {
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-7;
    for (boolean ams : new boolean[] {false, true}) {
      for (int n : SIZES) {
        State st = ams ? new State(n, n, false, true, true) : new State(n, n, false, true);
        double[][] d = st.d;
        for (int s = 1; s <= STEPS; s++) {
          float alpha = (float) (0.01 * Math.sqrt(1 - Math.pow(b2, s)) / (1 - Math.pow(b1, s)));
          opt()
              .adam(
                  st.w(),
                  st.g(),
                  st.slot(0),
                  st.slot(1),
                  ams ? st.slot(2) : null,
                  alpha,
                  b1,
                  b2,
                  eps);
          for (int i = 0; i < n; i++) {
            double g = d[1][i];
            d[2][i] += (g - d[2][i]) * (1 - b1);
            d[3][i] += (g * g - d[3][i]) * (1 - b2);
            double top = d[3][i];
            if (ams) {
              d[4][i] = Math.max(d[4][i], d[3][i]);
              top = d[4][i];
            }
            d[0][i] -= d[2][i] * alpha / (Math.sqrt(top) + eps);
          }
        }
        st.check("adam amsgrad=" + ams + " n=" + n);
      }
    }
  }

  @Test
  void rmspropPlainCenteredAndWithMomentum() {
    float lr = 0.01f;
    double rho = 0.9;
    double mu = 0.5;
    double eps = 1e-7;
    for (int variant = 0; variant < 3; variant++) {
      boolean centered = variant >= 1;
      boolean withMomentum = variant == 2;
      for (int n : SIZES) {
        State st = new State(n, n, true, false, false);
        double[][] d = st.d;
        // The running mean of the gradient starts at zero, as Keras's slot: v - a^2 stays > 0.
        opt().fill(st.slot(2), 0);
        java.util.Arrays.fill(d[4], 0);
        for (int s = 0; s < STEPS; s++) {
          opt()
              .rmsprop(
                  st.w(),
                  st.g(),
                  st.slot(0),
                  withMomentum ? st.slot(1) : null,
                  centered ? st.slot(2) : null,
                  lr,
                  rho,
                  withMomentum ? mu : 0,
                  eps);
          for (int i = 0; i < n; i++) {
            double g = d[1][i];
            d[2][i] = rho * d[2][i] + (1 - rho) * g * g;
            double den = d[2][i] + eps;
            if (centered) {
              d[4][i] = rho * d[4][i] + (1 - rho) * g;
              den = d[2][i] - d[4][i] * d[4][i] + eps;
            }
            double inc = lr * g / Math.sqrt(den);
            if (withMomentum) {
              d[3][i] = mu * d[3][i] + inc;
              d[0][i] -= d[3][i];
            } else {
              d[0][i] -= inc;
            }
          }
        }
        st.check("rmsprop variant " + variant + " n=" + n);
      }
    }
  }

  @Test
  void adagradAndAdadelta() {
    float lr = 0.1f;
    double rho = 0.95;
    double eps = 1e-7;
    for (int n : SIZES) {
      State ag = new State(n, n, true);
      State ad = new State(n, n, true, true);
      for (int s = 0; s < STEPS; s++) {
        opt().adagrad(ag.w(), ag.g(), ag.slot(0), lr, eps);
        opt().adadelta(ad.w(), ad.g(), ad.slot(0), ad.slot(1), lr, rho, eps);
        for (int i = 0; i < n; i++) {
          double[][] a = ag.d;
          a[2][i] += a[1][i] * a[1][i];
          a[0][i] -= lr * a[1][i] / Math.sqrt(a[2][i] + eps);
          double[][] b = ad.d;
          double g = b[1][i];
          b[2][i] = rho * b[2][i] + (1 - rho) * g * g;
          double delta = -Math.sqrt(b[3][i] + eps) * g / Math.sqrt(b[2][i] + eps);
          b[3][i] = rho * b[3][i] + (1 - rho) * delta * delta;
          b[0][i] += lr * delta;
        }
      }
      ag.check("adagrad n=" + n);
      ad.check("adadelta n=" + n);
    }
  }

  @Test
  void adamaxLionAndNadam() {
    float lr = 0.01f;
    double b1 = 0.9;
    double b2 = 0.99;
    double eps = 1e-7;
    for (int n : SIZES) {
      State ax = new State(n, n, false, true);
      State li = new State(n, n, false);
      State na = new State(n, n, false, true);
      for (int s = 1; s <= STEPS; s++) {
        float correction = (float) (1 - Math.pow(b1, s));
        opt().adamax(ax.w(), ax.g(), ax.slot(0), ax.slot(1), lr, correction, b1, b2, eps);
        opt().lion(li.w(), li.g(), li.slot(0), lr, b1, b2);
        float cm = 0.8f + 0.01f * s;
        float cg = 0.1f + 0.01f * s;
        float cv = 1.5f - 0.1f * s;
        opt().nadam(na.w(), na.g(), na.slot(0), na.slot(1), lr, cm, cg, cv, b1, b2, eps);
        for (int i = 0; i < n; i++) {
          double[][] x = ax.d;
          double g = x[1][i];
          x[2][i] += (g - x[2][i]) * (1 - b1);
          x[3][i] = Math.max(b2 * x[3][i], Math.abs(g));
          x[0][i] -= lr * x[2][i] / (correction * (x[3][i] + eps));
          double[][] l = li.d;
          l[0][i] -= lr * Math.signum(b1 * l[2][i] + (1 - b1) * l[1][i]);
          l[2][i] = b2 * l[2][i] + (1 - b2) * l[1][i];
          double[][] q = na.d;
          g = q[1][i];
          q[2][i] += (g - q[2][i]) * (1 - b1);
          q[3][i] += (g * g - q[3][i]) * (1 - b2);
          q[0][i] -= (cm * q[2][i] + cg * g) * lr / (Math.sqrt(q[3][i] * cv) + eps);
        }
      }
      ax.check("adamax n=" + n);
      li.check("lion n=" + n);
      na.check("nadam n=" + n);
    }
  }

  @Test
  void ftrlWithSquareRootAndGeneralPower() {
    float lr = 0.1f;
    double l1 = 0.01;
    double l2 = 0.02;
    double shrink = 0.03;
    double beta = 0.1;
    for (double power : new double[] {-0.5, -0.7}) {
      for (int n : SIZES) {
        State st = new State(n, n, true, false);
        double[][] d = st.d;
        for (int s = 0; s < STEPS; s++) {
          opt().ftrl(st.w(), st.g(), st.slot(0), st.slot(1), lr, power, l1, l2, shrink, beta);
          double l2Total = l2 + beta / (2.0 * lr);
          for (int i = 0; i < n; i++) {
            double g = d[1][i];
            double acc = d[2][i] + g * g;
            double pNew = Math.pow(acc, -power);
            double pOld = Math.pow(d[2][i], -power);
            d[3][i] += g + 2 * shrink * d[0][i] - (pNew - pOld) / lr * d[0][i];
            double quadratic = pNew / lr + 2 * l2Total;
            double clipped = Math.max(-l1, Math.min(l1, d[3][i]));
            d[0][i] = (clipped - d[3][i]) / quadratic;
            d[2][i] = acc;
          }
        }
        st.check("ftrl power " + power + " n=" + n);
      }
    }
  }

  @Test
  void stepHelpers() {
    for (int n : SIZES) {
      State st = new State(n, n, false);
      double[][] d = st.d;
      opt().weightDecay(st.w(), 0.04f, 0.5f);
      double squares = 0;
      for (int i = 0; i < n; i++) {
        d[0][i] -= d[0][i] * 0.04 * 0.5;
        squares += d[1][i] * d[1][i];
      }
      st.check("weightDecay n=" + n);
      assertEquals(squares, opt().sumOfSquares(st.g()), 1e-9 * (1 + squares), "sumOfSquares");
      Tensor out = Tensor.zeros(n);
      opt().scale(st.g(), 0.25f, out);
      double[] scaled = new double[n];
      double[] clipped = new double[n];
      for (int i = 0; i < n; i++) {
        scaled[i] = 0.25 * d[1][i];
        clipped[i] = Math.max(-0.3, Math.min(0.3, d[1][i]));
      }
      Closeness.assertClose("scale n=" + n, scaled, out.toFloatArray(), TOL);
      opt().clip(st.g(), -0.3f, 0.3f, out);
      Closeness.assertClose("clip n=" + n, clipped, out.toFloatArray(), TOL);
    }
    Tensor counter = Tensor.ofInts(new int[] {3});
    opt().fill(counter, 41);
    assertEquals(41, counter.getInt());
    Tensor rate = Tensor.scalar(0.5f);
    opt().fill(rate, 0.25);
    assertEquals(0.25f, rate.item());
  }

  @Test
  void hostFloatsAreLiveOrRefused() {
    Tensor t = Tensor.zeros(3);
    float[] host;
    try {
      host = opt().hostFloats(t);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this backend's tensors are not Java arrays (allowed): " + e.getMessage());
      return;
    }
    host[1] = 7f;
    assertEquals(7f, t.getFloat(1), "a write to the host array changes the tensor");
  }

  @Test
  void mismatchedSizesAreRefused() {
    Tensor w = Tensor.zeros(4);
    assertThrows(
        IllegalArgumentException.class, () -> opt().sgd(w, Tensor.zeros(5), null, 0.1f, 0, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> opt().adagrad(w, Tensor.zeros(4), Tensor.zeros(3), 0.1f, 1e-7));
  }
}
