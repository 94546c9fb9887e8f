package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.NormKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * The Java backend's {@link NormKernels}. The input is viewed as {@code (outer, C, inner)}: rows of
 * C channels when the axis is last ({@code inner == 1}, channels_last), runs of {@code inner}
 * values of one channel otherwise (channels_first). Per-channel sums are taken in float over blocks
 * of {@link #BLOCK} rows, then in double (along a run: in double); the outer range is split over
 * {@link Parallel} threads, each with its own partial sums, added in a fixed order (the result does
 * not depend on timing). The row loops run over contiguous channels, the shape C2's auto-vectorizer
 * handles; there is no separate Vector API path.
 *
 * <p>Forward: a pass for the means, one for the squared deviations (two passes keep the variance
 * exact when the mean is large against the spread), one writing {@code y}. Backward: one pass for
 * both {@code sum(dy)} and {@code sum(dy * (x - mean))}, one writing {@code dx}.
 */
final class JvmNorm implements NormKernels {
  private final ScalarNormLoops loops;

  /** Vector API row loops when the backend chose the Vector API kernels, else scalar ones. */
  JvmNorm(Kernels kernels) {
    ScalarNormLoops chosen = new ScalarNormLoops();
    if (kernels.getClass() != ScalarKernels.class) {
      try {
        chosen = VectorNormLoopsFactory.create();
      } catch (LinkageError e) {
        chosen = new ScalarNormLoops();
      }
    }
    this.loops = chosen;
  }

  /** Elements below which one thread does all the work. */
  private static final int PARALLEL_MIN = 1 << 15;

  /**
   * Rows whose float sums join the double totals together: short enough that float error stays far
   * below float32 tolerance (16 values per float sum), long enough to amortize the flush.
   */
  private static final int BLOCK = 16;

  /** The (outer, C, inner) view of a shape around an axis. */
  private record View(int outer, int c, int inner) {
    static View of(Tensor x, int axis) {
      int[] s = ShapeRefs.of(x);
      int outer = 1;
      int inner = 1;
      for (int d = 0; d < axis; d++) {
        outer *= s[d];
      }
      for (int d = axis + 1; d < s.length; d++) {
        inner *= s[d];
      }
      return new View(outer, s[axis], inner);
    }

    long count() {
      return (long) outer * inner;
    }

    int chunks() {
      long size = (long) outer * c * inner;
      return size < PARALLEL_MIN ? 1 : Math.max(1, Math.min(outer, Parallel.threads() * 4));
    }

    int from(int chunk, int chunks) {
      return (int) ((long) outer * chunk / chunks);
    }
  }

  @Override
  public Tensor[] batchNormTraining(Tensor x, int axis, Tensor gamma, Tensor beta, float epsilon) {
    View v = View.of(x, axis);
    float[] xs = JvmTensors.floats(x);
    int c = v.c();
    double n = Math.max(1, v.count());
    double[] sums = channelSums(v, Sum.VALUES, xs, null, null);
    float[] mean = JvmTensors.output(c);
    for (int j = 0; j < c; j++) {
      mean[j] = (float) (sums[j] / n);
    }
    double[] squares = channelSums(v, Sum.SQUARES, xs, null, mean);
    float[] variance = JvmTensors.output(c);
    float[] scale = new float[c];
    float[] offset = new float[c];
    float[] g = gamma == null ? null : JvmTensors.floats(gamma);
    float[] b = beta == null ? null : JvmTensors.floats(beta);
    for (int j = 0; j < c; j++) {
      double var = squares[j] / n;
      variance[j] = (float) var;
      double inv = 1.0 / Math.sqrt((double) variance[j] + epsilon);
      scale[j] = (float) (g == null ? inv : inv * g[j]);
      offset[j] = b == null ? 0f : b[j];
    }
    float[] y = JvmTensors.output(xs.length);
    int chunks = v.chunks();
    Parallel.forEach(
        chunks,
        k -> normalize(v, xs, mean, scale, offset, y, v.from(k, chunks), v.from(k + 1, chunks)));
    return new Tensor[] {
      JvmTensors.wrap(y, x.shape()), JvmTensors.wrap(mean, c), JvmTensors.wrap(variance, c)
    };
  }

  @Override
  public Tensor[] batchNormTrainingBackward(
      Tensor dy, Tensor x, Tensor mean, Tensor variance, int axis, Tensor gamma, float epsilon) {
    View v = View.of(x, axis);
    float[] xs = JvmTensors.floats(x);
    float[] dys = JvmTensors.floats(dy);
    float[] m = JvmTensors.floats(mean);
    float[] var = JvmTensors.floats(variance);
    float[] g = gamma == null ? null : JvmTensors.floats(gamma);
    int c = v.c();
    double n = Math.max(1, v.count());
    // sum(dy) in [0, c), sum(dy * (x - mean)) in [c, 2c).
    double[] sums = channelSums(v, Sum.GRADIENTS, dys, xs, m);
    float[] dgamma = JvmTensors.output(c);
    float[] dbeta = JvmTensors.output(c);
    float[] k = new float[c];
    float[] p = new float[c];
    float[] q = new float[c];
    for (int j = 0; j < c; j++) {
      double inv = 1.0 / Math.sqrt((double) var[j] + epsilon);
      double kj = (g == null ? 1.0 : g[j]) * inv;
      dbeta[j] = (float) sums[j];
      dgamma[j] = (float) (sums[c + j] * inv);
      // dx = k * (dy - sum(dy) / n - (x - mean) * inv^2 * sum(dy * (x - mean)) / n)
      k[j] = (float) kj;
      p[j] = (float) (-kj * inv * inv * sums[c + j] / n);
      q[j] = (float) (-kj * sums[j] / n);
    }
    float[] dx = JvmTensors.output(xs.length);
    int chunks = v.chunks();
    Parallel.forEach(
        chunks,
        t -> backward(v, dys, xs, m, k, p, q, dx, v.from(t, chunks), v.from(t + 1, chunks)));
    return new Tensor[] {
      JvmTensors.wrap(dx, x.shape()), JvmTensors.wrap(dgamma, c), JvmTensors.wrap(dbeta, c)
    };
  }

  /** What {@link #channelSums} adds up per channel. */
  private enum Sum {
    /** {@code sum(a)}. */
    VALUES,
    /** {@code sum((a - center)^2)}. */
    SQUARES,
    /** {@code sum(a)} then {@code sum(a * (b - center))}, in one pass (2C results). */
    GRADIENTS
  }

  /** Per channel sums over the whole view, C values (2C for {@link Sum#GRADIENTS}). */
  private double[] channelSums(View v, Sum kind, float[] a, float[] b, float[] center) {
    int chunks = v.chunks();
    int width = kind == Sum.GRADIENTS ? 2 * v.c() : v.c();
    double[][] partial = new double[chunks][];
    Parallel.forEach(
        chunks,
        t -> {
          double[] acc = new double[width];
          int from = v.from(t, chunks);
          int to = v.from(t + 1, chunks);
          if (v.inner() == 1) {
            rowSums(v.c(), kind, a, b, center, from, to, acc);
          } else {
            runSums(v, kind, a, b, center, from, to, acc);
          }
          partial[t] = acc;
        });
    double[] out = partial[0];
    for (int t = 1; t < chunks; t++) {
      for (int j = 0; j < width; j++) {
        out[j] += partial[t][j];
      }
    }
    return out;
  }

  /**
   * Channels last: rows {@code [from, to)} of {@code c} channels. Float sums over blocks of {@link
   * #BLOCK} rows (loops over contiguous channels, which C2 vectorizes), added to double totals.
   */
  private void rowSums(
      int c, Sum kind, float[] a, float[] b, float[] center, int from, int to, double[] acc) {
    float[] s1 = new float[c];
    float[] s2 = kind == Sum.GRADIENTS ? new float[c] : null;
    for (int r0 = from; r0 < to; r0 += BLOCK) {
      int r1 = Math.min(to, r0 + BLOCK);
      java.util.Arrays.fill(s1, 0f);
      switch (kind) {
        case VALUES -> {
          for (int r = r0; r < r1; r++) {
            loops.addRow(s1, a, r * c, c);
          }
        }
        case SQUARES -> {
          for (int r = r0; r < r1; r++) {
            loops.addSquaredRow(s1, a, r * c, center, c);
          }
        }
        case GRADIENTS -> {
          java.util.Arrays.fill(s2, 0f);
          for (int r = r0; r < r1; r++) {
            loops.addGradientRow(s1, s2, a, b, r * c, center, c);
          }
          for (int j = 0; j < c; j++) {
            acc[c + j] += s2[j];
          }
        }
      }
      for (int j = 0; j < c; j++) {
        acc[j] += s1[j];
      }
    }
  }

  /** Channels first: for each outer index in {@code [from, to)}, one run of inner values each. */
  private static void runSums(
      View v, Sum kind, float[] a, float[] b, float[] center, int from, int to, double[] acc) {
    int c = v.c();
    int inner = v.inner();
    for (int o = from; o < to; o++) {
      for (int j = 0; j < c; j++) {
        int base = (o * c + j) * inner;
        float m = center == null ? 0f : center[j];
        double s0 = 0;
        double s1 = 0;
        double t0 = 0;
        double t1 = 0;
        int i = 0;
        switch (kind) {
          case VALUES -> {
            for (; i + 1 < inner; i += 2) {
              s0 += a[base + i];
              s1 += a[base + i + 1];
            }
            for (; i < inner; i++) {
              s0 += a[base + i];
            }
          }
          case SQUARES -> {
            for (; i + 1 < inner; i += 2) {
              float d0 = a[base + i] - m;
              float d1 = a[base + i + 1] - m;
              s0 += d0 * d0;
              s1 += d1 * d1;
            }
            for (; i < inner; i++) {
              float d = a[base + i] - m;
              s0 += d * d;
            }
          }
          case GRADIENTS -> {
            for (; i + 1 < inner; i += 2) {
              float g0 = a[base + i];
              float g1 = a[base + i + 1];
              s0 += g0;
              s1 += g1;
              t0 += g0 * (b[base + i] - m);
              t1 += g1 * (b[base + i + 1] - m);
            }
            for (; i < inner; i++) {
              float g = a[base + i];
              s0 += g;
              t0 += g * (b[base + i] - m);
            }
            acc[c + j] += t0 + t1;
          }
        }
        acc[j] += s0 + s1;
      }
    }
  }

  /** {@code y = (x - mean) * scale + offset} for outer indices {@code [from, to)}. */
  private void normalize(
      View v, float[] x, float[] mean, float[] scale, float[] offset, float[] y, int from, int to) {
    int c = v.c();
    int inner = v.inner();
    if (inner == 1) {
      for (int r = from; r < to; r++) {
        loops.normalizeRow(x, mean, scale, offset, y, r * c, c);
      }
      return;
    }
    for (int o = from; o < to; o++) {
      for (int j = 0; j < c; j++) {
        int base = (o * c + j) * inner;
        float m = mean[j];
        float s = scale[j];
        float f = offset[j];
        for (int i = base; i < base + inner; i++) {
          y[i] = (x[i] - m) * s + f;
        }
      }
    }
  }

  /** {@code dx = k * dy + p * (x - mean) + q} for outer indices {@code [from, to)}. */
  private void backward(
      View v,
      float[] dy,
      float[] x,
      float[] mean,
      float[] k,
      float[] p,
      float[] q,
      float[] dx,
      int from,
      int to) {
    int c = v.c();
    int inner = v.inner();
    if (inner == 1) {
      for (int r = from; r < to; r++) {
        loops.backwardRow(dy, x, mean, k, p, q, dx, r * c, c);
      }
      return;
    }
    for (int o = from; o < to; o++) {
      for (int j = 0; j < c; j++) {
        int base = (o * c + j) * inner;
        float m = mean[j];
        float kj = k[j];
        float pj = p[j];
        float qj = q[j];
        for (int i = base; i < base + inner; i++) {
          dx[i] = kj * dy[i] + pj * (x[i] - m) + qj;
        }
      }
    }
  }
}
