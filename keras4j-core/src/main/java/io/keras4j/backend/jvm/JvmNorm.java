package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.NormKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * The Java backend's {@link NormKernels}. The input is viewed as {@code (outer, C, inner)}: rows of
 * C channels when the axis is last ({@code inner == 1}, channels_last), runs of {@code inner}
 * values of one channel otherwise (channels_first). Per-channel sums are taken in double (the loops
 * are bound by memory, not by the adds); the outer range is split over {@link Parallel} threads,
 * each with its own partial sums, added in a fixed order (the result does not depend on the thread
 * count's timing). The row loops run over contiguous channels and the run loops over contiguous
 * values, the shapes C2's auto-vectorizer handles; there is no separate Vector API path.
 *
 * <p>Forward: a pass for the means, one for the squared deviations (two passes keep the variance
 * exact when the mean is large against the spread), one writing {@code y}. Backward: one pass for
 * {@code sum(dy)} and {@code sum(dy * (x - mean))}, one writing {@code dx}.
 */
final class JvmNorm implements NormKernels {
  /** Elements below which one thread does all the work. */
  private static final int PARALLEL_MIN = 1 << 15;

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
    double[] sums = channelSums(v, xs, null, null);
    float[] mean = JvmTensors.output(c);
    for (int j = 0; j < c; j++) {
      mean[j] = (float) (sums[j] / n);
    }
    double[] squares = channelSums(v, xs, null, mean);
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
    double[] sumDy = channelSums(v, dys, null, null);
    double[] sumDyX = channelSums(v, dys, xs, m);
    float[] dgamma = JvmTensors.output(c);
    float[] dbeta = JvmTensors.output(c);
    float[] k = new float[c];
    float[] p = new float[c];
    float[] q = new float[c];
    for (int j = 0; j < c; j++) {
      double inv = 1.0 / Math.sqrt((double) var[j] + epsilon);
      double kj = (g == null ? 1.0 : g[j]) * inv;
      dbeta[j] = (float) sumDy[j];
      dgamma[j] = (float) (sumDyX[j] * inv);
      // dx = k * (dy - sum(dy) / n - (x - mean) * inv^2 * sum(dy * (x - mean)) / n)
      k[j] = (float) kj;
      p[j] = (float) (-kj * inv * inv * sumDyX[j] / n);
      q[j] = (float) (-kj * sumDy[j] / n);
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

  /**
   * Per channel: {@code sum(a)} (b and center null), {@code sum((a - center)^2)} (b null), or
   * {@code sum(a * (b - center))}.
   */
  private static double[] channelSums(View v, float[] a, float[] b, float[] center) {
    int chunks = v.chunks();
    double[][] partial = new double[chunks][];
    Parallel.forEach(
        chunks,
        t -> {
          double[] acc = new double[v.c()];
          int from = v.from(t, chunks);
          int to = v.from(t + 1, chunks);
          if (v.inner() == 1) {
            rowSums(v.c(), a, b, center, from, to, acc);
          } else {
            runSums(v, a, b, center, from, to, acc);
          }
          partial[t] = acc;
        });
    double[] out = partial[0];
    for (int t = 1; t < chunks; t++) {
      for (int j = 0; j < out.length; j++) {
        out[j] += partial[t][j];
      }
    }
    return out;
  }

  /** Channels last: rows {@code [from, to)} of {@code c} channels. */
  private static void rowSums(
      int c, float[] a, float[] b, float[] center, int from, int to, double[] acc) {
    if (center == null) {
      for (int r = from; r < to; r++) {
        int base = r * c;
        for (int j = 0; j < c; j++) {
          acc[j] += a[base + j];
        }
      }
    } else if (b == null) {
      for (int r = from; r < to; r++) {
        int base = r * c;
        for (int j = 0; j < c; j++) {
          float d = a[base + j] - center[j];
          acc[j] += d * d;
        }
      }
    } else {
      for (int r = from; r < to; r++) {
        int base = r * c;
        for (int j = 0; j < c; j++) {
          acc[j] += a[base + j] * (b[base + j] - center[j]);
        }
      }
    }
  }

  /** Channels first: for each outer index in {@code [from, to)}, one run of inner values each. */
  private static void runSums(
      View v, float[] a, float[] b, float[] center, int from, int to, double[] acc) {
    int c = v.c();
    int inner = v.inner();
    for (int o = from; o < to; o++) {
      for (int j = 0; j < c; j++) {
        int base = (o * c + j) * inner;
        float m = center == null ? 0f : center[j];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        if (center == null) {
          for (; i + 3 < inner; i += 4) {
            s0 += a[base + i];
            s1 += a[base + i + 1];
            s2 += a[base + i + 2];
            s3 += a[base + i + 3];
          }
          for (; i < inner; i++) {
            s0 += a[base + i];
          }
        } else if (b == null) {
          for (; i + 3 < inner; i += 4) {
            float d0 = a[base + i] - m;
            float d1 = a[base + i + 1] - m;
            float d2 = a[base + i + 2] - m;
            float d3 = a[base + i + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
          }
          for (; i < inner; i++) {
            float d = a[base + i] - m;
            s0 += d * d;
          }
        } else {
          for (; i + 3 < inner; i += 4) {
            s0 += a[base + i] * (b[base + i] - m);
            s1 += a[base + i + 1] * (b[base + i + 1] - m);
            s2 += a[base + i + 2] * (b[base + i + 2] - m);
            s3 += a[base + i + 3] * (b[base + i + 3] - m);
          }
          for (; i < inner; i++) {
            s0 += a[base + i] * (b[base + i] - m);
          }
        }
        acc[j] += s0 + s1 + s2 + s3;
      }
    }
  }

  /** {@code y = (x - mean) * scale + offset} for outer indices {@code [from, to)}. */
  private static void normalize(
      View v, float[] x, float[] mean, float[] scale, float[] offset, float[] y, int from, int to) {
    int c = v.c();
    int inner = v.inner();
    if (inner == 1) {
      for (int r = from; r < to; r++) {
        int base = r * c;
        for (int j = 0; j < c; j++) {
          y[base + j] = (x[base + j] - mean[j]) * scale[j] + offset[j];
        }
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
  private static void backward(
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
        int base = r * c;
        for (int j = 0; j < c; j++) {
          dx[base + j] = k[j] * dy[base + j] + p[j] * (x[base + j] - mean[j]) + q[j];
        }
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
