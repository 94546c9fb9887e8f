package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;

/** Numerically stable softmax, log-softmax and logsumexp along one axis. */
final class SoftmaxOps {
  private SoftmaxOps() {}

  /** Iterates the 1-D lines of a tensor along an axis: (outer, n, inner) decomposition. */
  record Lines(int outer, int n, int inner) {
    static Lines of(int[] shape, int axis) {
      int ax = Shapes.axis(axis, shape.length);
      int outer = 1;
      for (int i = 0; i < ax; i++) {
        outer *= shape[i];
      }
      int inner = 1;
      for (int i = ax + 1; i < shape.length; i++) {
        inner *= shape[i];
      }
      return new Lines(outer, shape[ax], inner);
    }

    int base(int o, int i) {
      return o * n * inner + i;
    }
  }

  static Tensor softmax(Tensor x, int axis) {
    float[] src = x.asFloat().floats();
    int[] shape = x.shape();
    Lines l = Lines.of(shape, axis);
    float[] y = io.keras4j.backend.Buffers.floats(src.length);
    for (int o = 0; o < l.outer; o++) {
      for (int i = 0; i < l.inner; i++) {
        int b = l.base(o, i);
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < l.n; j++) {
          m = Math.max(m, src[b + j * l.inner]);
        }
        double s = 0;
        for (int j = 0; j < l.n; j++) {
          float e = (float) Math.exp(src[b + j * l.inner] - m);
          y[b + j * l.inner] = e;
          s += e;
        }
        float inv = (float) (1.0 / s);
        for (int j = 0; j < l.n; j++) {
          y[b + j * l.inner] *= inv;
        }
      }
    }
    Tensor out = Tensor.wrap(y, shape);
    GradientTape.record(
        out,
        new Tensor[] {x},
        g -> {
          // dx = y * (g - sum(g * y))
          float[] gv = g.floats();
          float[] gx = io.keras4j.backend.Buffers.floats(y.length);
          for (int o = 0; o < l.outer; o++) {
            for (int i = 0; i < l.inner; i++) {
              int b = l.base(o, i);
              double dot = 0;
              for (int j = 0; j < l.n; j++) {
                dot += gv[b + j * l.inner] * y[b + j * l.inner];
              }
              for (int j = 0; j < l.n; j++) {
                int p = b + j * l.inner;
                gx[p] = (float) (y[p] * (gv[p] - dot));
              }
            }
          }
          return new Tensor[] {Tensor.wrap(gx, shape)};
        });
    return out;
  }

  static Tensor logSoftmax(Tensor x, int axis) {
    float[] src = x.asFloat().floats();
    int[] shape = x.shape();
    Lines l = Lines.of(shape, axis);
    float[] y = io.keras4j.backend.Buffers.floats(src.length);
    for (int o = 0; o < l.outer; o++) {
      for (int i = 0; i < l.inner; i++) {
        int b = l.base(o, i);
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < l.n; j++) {
          m = Math.max(m, src[b + j * l.inner]);
        }
        double s = 0;
        for (int j = 0; j < l.n; j++) {
          s += Math.exp(src[b + j * l.inner] - m);
        }
        // (x - m) - log(s), not x - (m + log(s)): the latter loses digits when |m| is large.
        double logS = Math.log(s);
        for (int j = 0; j < l.n; j++) {
          y[b + j * l.inner] = (float) ((src[b + j * l.inner] - m) - logS);
        }
      }
    }
    Tensor out = Tensor.wrap(y, shape);
    GradientTape.record(
        out,
        new Tensor[] {x},
        g -> {
          // dx = g - softmax * sum(g)
          float[] gv = g.floats();
          float[] gx = io.keras4j.backend.Buffers.floats(y.length);
          for (int o = 0; o < l.outer; o++) {
            for (int i = 0; i < l.inner; i++) {
              int b = l.base(o, i);
              double sg = 0;
              for (int j = 0; j < l.n; j++) {
                sg += gv[b + j * l.inner];
              }
              for (int j = 0; j < l.n; j++) {
                int p = b + j * l.inner;
                gx[p] = (float) (gv[p] - Math.exp(y[p]) * sg);
              }
            }
          }
          return new Tensor[] {Tensor.wrap(gx, shape)};
        });
    return out;
  }

  /**
   * log(sum(exp(x))) over axes (all when null or empty), shifted by the maximum so it neither
   * overflows nor underflows. The gradient is the softmax over the reduced elements.
   */
  static Tensor logsumexp(Tensor x, int[] axes, boolean keepdims) {
    int[] shape = x.shape();
    boolean[] red = Reductions.reducedAxes(shape.length, axes);
    int[] kept = Reductions.keptShape(shape, red);
    int[] map = Reductions.indexMap(shape, kept);
    float[] src = x.asFloat().floats();
    int n = (int) Shapes.size(kept);
    float[] m = io.keras4j.backend.Buffers.floats(n);
    java.util.Arrays.fill(m, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < src.length; i++) {
      m[map[i]] = Math.max(m[map[i]], src[i]);
    }
    double[] s = new double[n];
    for (int i = 0; i < src.length; i++) {
      float mi = m[map[i]];
      // An infinite maximum is the answer itself; shifting by it would give inf - inf.
      s[map[i]] += Float.isInfinite(mi) ? (src[i] == mi ? 1 : 0) : Math.exp(src[i] - mi);
    }
    float[] lse = io.keras4j.backend.Buffers.floats(n);
    for (int o = 0; o < n; o++) {
      lse[o] = (float) (m[o] + Math.log(s[o]));
    }
    Tensor out = Tensor.wrap(lse, Reductions.outShape(shape, red, keepdims));
    GradientTape.record(
        out,
        new Tensor[] {x},
        g -> {
          float[] gv = g.floats();
          float[] gx = io.keras4j.backend.Buffers.floats(src.length);
          for (int i = 0; i < src.length; i++) {
            gx[i] = (float) (gv[map[i]] * Math.exp(src[i] - lse[map[i]]));
          }
          return new Tensor[] {Tensor.wrap(gx, shape)};
        });
    return out;
  }
}
