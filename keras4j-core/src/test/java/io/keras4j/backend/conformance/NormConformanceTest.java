package io.keras4j.backend.conformance;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.NormKernels;
import io.keras4j.ops.Ops;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.GradientCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The normalization family ({@link NormKernels}) against a double-precision reference written here:
 * per channel {@code mean = sum(x) / n}, {@code var = sum((x - mean)^2) / n}, {@code y = (x - mean)
 * / sqrt(var + eps) * gamma + beta}, and the gradients {@code dbeta = sum(dy)}, {@code dgamma =
 * sum(dy * xhat)}, {@code dx = gamma / sqrt(var + eps) * (dy - dbeta / n - xhat * dgamma / n)}.
 * Shapes cover channels last and first, the axis 0, sizes below and above the parallel threshold,
 * and a mean large against the spread. A backend runs this suite by overriding {@link #backend()}.
 */
class NormConformanceTest extends ConformanceBase {
  private static final Closeness.Tolerance TOL = tolerance(1e-5, 1e-5);

  private NormKernels norm() {
    return backend().normalization();
  }

  private static float[] random(long seed, int n, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return v;
  }

  /** Reference results: {y, mean, var, dx, dgamma, dbeta}, in double. */
  private static double[][] reference(
      float[] x, float[] dy, int[] shape, int axis, float[] g, float[] b, float eps) {
    int outer = 1;
    int inner = 1;
    for (int d = 0; d < axis; d++) {
      outer *= shape[d];
    }
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int c = shape[axis];
    double n = (double) outer * inner;
    double[] mean = new double[c];
    double[] var = new double[c];
    for (int i = 0; i < x.length; i++) {
      mean[(i / inner) % c] += x[i];
    }
    for (int j = 0; j < c; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - mean[(i / inner) % c];
      var[(i / inner) % c] += d * d;
    }
    double[] inv = new double[c];
    for (int j = 0; j < c; j++) {
      var[j] /= n;
      inv[j] = 1 / Math.sqrt(var[j] + eps);
    }
    double[] y = new double[x.length];
    double[] dbeta = new double[c];
    double[] dgamma = new double[c];
    for (int i = 0; i < x.length; i++) {
      int j = (i / inner) % c;
      double xhat = (x[i] - mean[j]) * inv[j];
      y[i] = xhat * (g == null ? 1 : g[j]) + (b == null ? 0 : b[j]);
      dbeta[j] += dy[i];
      dgamma[j] += dy[i] * xhat;
    }
    double[] dx = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int j = (i / inner) % c;
      double xhat = (x[i] - mean[j]) * inv[j];
      double k = (g == null ? 1 : g[j]) * inv[j];
      dx[i] = k * (dy[i] - dbeta[j] / n - xhat * dgamma[j] / n);
    }
    return new double[][] {y, mean, var, dx, dgamma, dbeta};
  }

  private void check(String what, int[] shape, int axis, boolean affine, double offset) {
    int size = (int) Shapes.size(shape);
    int c = shape[axis];
    float[] x = random(1, size, offset - 2, offset + 3);
    float[] dy = random(2, size, -1, 1);
    float[] g = affine ? random(3, c, 0.5, 1.5) : null;
    float[] b = affine ? random(4, c, -0.5, 0.5) : null;
    float eps = 1e-3f;
    double[][] ref = reference(x, dy, shape, axis, g, b, eps);
    Tensor xt = Tensor.of(x, shape);
    Tensor gt = g == null ? null : Tensor.of(g, c);
    Tensor bt = b == null ? null : Tensor.of(b, c);
    Tensor[] fwd = norm().batchNormTraining(xt, axis, gt, bt, eps);
    String at = what + " " + Shapes.toString(shape) + " axis " + axis;
    Closeness.assertClose(at + ": y", shape, ref[0], fwd[0], TOL);
    Closeness.assertClose(at + ": mean", new int[] {c}, ref[1], fwd[1], tolerance(1e-6, 1e-6));
    Closeness.assertClose(at + ": variance", new int[] {c}, ref[2], fwd[2], TOL);
    Tensor[] bwd =
        norm().batchNormTrainingBackward(Tensor.of(dy, shape), xt, fwd[1], fwd[2], axis, gt, eps);
    Closeness.assertClose(at + ": dx", shape, ref[3], bwd[0], TOL);
    // Sums of many products: a tolerance relative to the count.
    Closeness.Tolerance sums = tolerance(1e-6 * size / c, 1e-5);
    Closeness.assertClose(at + ": dgamma", new int[] {c}, ref[4], bwd[1], sums);
    Closeness.assertClose(at + ": dbeta", new int[] {c}, ref[5], bwd[2], sums);
  }

  @Test
  void channelsLast() {
    check("small", new int[] {6, 5}, 1, true, 0);
    check("no gamma, beta", new int[] {3, 4, 7}, 2, false, 0);
    check("parallel", new int[] {64, 8, 8, 16}, 3, true, 0);
  }

  @Test
  void channelsFirstAndAxisZero() {
    check("small", new int[] {4, 6, 3, 5}, 1, true, 0);
    check("parallel", new int[] {16, 8, 16, 16}, 1, true, 0);
    check("odd runs", new int[] {3, 2, 7}, 1, false, 0);
    check("axis 0", new int[] {7, 3}, 0, true, 0);
  }

  @Test
  void aLargeMeanKeepsAnExactVariance() {
    check("offset 100", new int[] {32, 4, 4, 8}, 3, true, 100);
    check("offset 100, channels first", new int[] {8, 4, 9, 9}, 1, true, 100);
  }

  @Test
  void theOpsGradientMatchesFiniteDifferences() {
    GradientCheck.check(
        xs -> Ops.batchNormalizationTraining(xs.get(0), xs.get(1), xs.get(2), -1, 1e-3f).get(0),
        Tensor.of(random(5, 24, -2, 2), 4, 2, 3),
        Tensor.of(random(6, 3, -0.5, 0.5), 3),
        Tensor.of(random(7, 3, 0.5, 1.5), 3));
    GradientCheck.check(
        xs -> Ops.batchNormalizationTraining(xs.get(0), null, xs.get(1), 1, 1e-3f).get(0),
        Tensor.of(random(8, 36, -2, 2), 3, 3, 4),
        Tensor.of(random(9, 3, 0.5, 1.5), 3));
  }

  /** The backend under test; a subclass overrides it to run the suite on another backend. */
  @Override
  protected Backend backend() {
    return super.backend();
  }
}
