package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Reductions.Lines;
import io.keras4j.internal.ShapeRefs;

/**
 * The cross-entropies and their gradients, as Keras 3 computes them. Probabilities are clipped to
 * {@code [1e-7, 1 - 1e-7]}; from logits the stable forms are used. Categorical and sparse
 * categorical cross-entropy from logits along the last axis are fused with the softmax: per row,
 * one max, one sum of exponentials and (dense targets) one shifted dot product, all vectorized; the
 * gradient is {@code dy * (softmax(z) * sum(t) - t)} written in one pass. Other layouts run in
 * plain Java with double-precision sums.
 */
final class CrossEntropyKernels {
  static final float LOW = 1e-7f;
  // As Keras: 1 - epsilon in double, then float32 (0.99999988).
  static final float HIGH = (float) (1.0 - 1e-7);

  private final RowLoops rows;
  private final BinaryLoops binary;

  CrossEntropyKernels(RowLoops rows, BinaryLoops binary) {
    this.rows = rows;
    this.binary = binary;
  }

  private static float clip(float p) {
    return Math.min(Math.max(p, LOW), HIGH);
  }

  private static boolean inside(float p) {
    return p >= LOW && p <= HIGH;
  }

  // ---- binary --------------------------------------------------------------------------------

  static Tensor binary(Tensor target, Tensor output, boolean fromLogits) {
    float[] t = JvmTensors.floats(target);
    float[] o = JvmTensors.floats(output);
    float[] loss = JvmTensors.output(o.length);
    if (fromLogits) {
      for (int i = 0; i < o.length; i++) {
        double z = o[i];
        loss[i] = (float) (Math.max(z, 0) - z * t[i] + Math.log1p(Math.exp(-Math.abs(z))));
      }
    } else {
      for (int i = 0; i < o.length; i++) {
        double p = clip(o[i]);
        loss[i] = (float) -(t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p));
      }
    }
    return JvmTensors.wrap(loss, output.shape());
  }

  static Tensor[] binaryBackward(
      Tensor target, Tensor output, boolean fromLogits, Tensor dy, boolean needTarget) {
    float[] t = JvmTensors.floats(target);
    float[] o = JvmTensors.floats(output);
    float[] g = JvmTensors.floats(dy);
    float[] gt = needTarget ? JvmTensors.output(o.length) : null;
    float[] go = JvmTensors.output(o.length);
    for (int i = 0; i < o.length; i++) {
      if (fromLogits) {
        if (gt != null) {
          gt[i] = -g[i] * o[i];
        }
        go[i] = g[i] * (ScalarUnaryLoops.sigmoidOf(o[i]) - t[i]);
      } else {
        double p = clip(o[i]);
        if (gt != null) {
          gt[i] = (float) (-g[i] * (Math.log(p) - Math.log(1 - p)));
        }
        go[i] = inside(o[i]) ? (float) (g[i] * (-t[i] / p + (1 - t[i]) / (1 - p))) : 0f;
      }
    }
    int[] shape = output.shape();
    return new Tensor[] {
      gt == null ? null : JvmTensors.wrap(gt, shape), JvmTensors.wrap(go, shape)
    };
  }

  // ---- categorical (dense targets) -----------------------------------------------------------

  Tensor categorical(Tensor target, Tensor output, boolean fromLogits, int axis) {
    int[] shape = ShapeRefs.of(output);
    Lines l = Lines.of(shape, axis);
    float[] t = JvmTensors.floats(target);
    float[] o = JvmTensors.floats(output);
    int n = l.n();
    int lines = l.outer() * l.inner();
    float[] loss = JvmTensors.output(lines);
    if (fromLogits && l.inner() == 1) {
      for (int r = 0, off = 0; r < lines; r++, off += n) {
        float m = rows.max(o, off, n);
        float logS = (float) Math.log(rows.expSum(o, off, m, n));
        // -sum(t * ((z - m) - log s))
        loss[r] = rows.sum(t, off, n) * logS - rows.dotShifted(t, off, o, off, m, n);
      }
    } else {
      for (int r = 0; r < lines; r++) {
        int b = base(l, r);
        int step = l.inner();
        double acc = 0;
        if (fromLogits) {
          float m = maxAlong(o, b, step, n);
          double logS = Math.log(expSumAlong(o, b, step, n, m));
          for (int j = 0, p = b; j < n; j++, p += step) {
            acc += t[p] * ((o[p] - m) - logS);
          }
        } else {
          double s = sumAlong(o, b, step, n);
          for (int j = 0, p = b; j < n; j++, p += step) {
            acc += t[p] * Math.log(clip((float) (o[p] / s)));
          }
        }
        loss[r] = (float) -acc;
      }
    }
    return JvmTensors.wrap(loss, withoutAxis(shape, axis));
  }

  Tensor[] categoricalBackward(
      Tensor target, Tensor output, boolean fromLogits, int axis, Tensor dy, boolean needTarget) {
    int[] shape = output.shape();
    Lines l = Lines.of(shape, axis);
    float[] t = JvmTensors.floats(target);
    float[] o = JvmTensors.floats(output);
    float[] g = JvmTensors.floats(dy);
    float[] gt = needTarget ? JvmTensors.output(o.length) : null;
    float[] go = JvmTensors.output(o.length);
    int n = l.n();
    int lines = l.outer() * l.inner();
    if (fromLogits && l.inner() == 1) {
      for (int r = 0, off = 0; r < lines; r++, off += n) {
        float m = rows.max(o, off, n);
        float s = rows.expStore(o, off, m, go, off, n);
        float d = g[r];
        float c = d * rows.sum(t, off, n) / s;
        // dy * (softmax(z) * sum(t) - t), with go holding exp(z - m)
        for (int j = off; j < off + n; j++) {
          go[j] = go[j] * c - d * t[j];
        }
        if (gt != null) {
          float logS = (float) Math.log(s);
          for (int j = off; j < off + n; j++) {
            gt[j] = -d * ((o[j] - m) - logS);
          }
        }
      }
    } else {
      double[] a = new double[n];
      for (int r = 0; r < lines; r++) {
        int b = base(l, r);
        int step = l.inner();
        double d = g[r];
        if (fromLogits) {
          float m = maxAlong(o, b, step, n);
          double logS = Math.log(expSumAlong(o, b, step, n, m));
          double tsum = sumAlong(t, b, step, n);
          for (int j = 0, p = b; j < n; j++, p += step) {
            double logP = (o[p] - m) - logS;
            go[p] = (float) (d * (Math.exp(logP) * tsum - t[p]));
            if (gt != null) {
              gt[p] = (float) (-d * logP);
            }
          }
        } else {
          // Through q = o / sum(o): dq_j/do_k = (delta_jk - q_j) / sum(o).
          double s = sumAlong(o, b, step, n);
          double aq = 0;
          for (int j = 0, p = b; j < n; j++, p += step) {
            float q = (float) (o[p] / s);
            a[j] = inside(q) ? -t[p] / clip(q) : 0;
            aq += a[j] * q;
            if (gt != null) {
              gt[p] = (float) (-d * Math.log(clip(q)));
            }
          }
          for (int j = 0, p = b; j < n; j++, p += step) {
            go[p] = (float) (d * (a[j] - aq) / s);
          }
        }
      }
    }
    return new Tensor[] {
      gt == null ? null : JvmTensors.wrap(gt, shape), JvmTensors.wrap(go, shape)
    };
  }

  // ---- sparse categorical (integer labels) ---------------------------------------------------

  Tensor sparse(Tensor labels, Tensor output, boolean fromLogits, int axis) {
    int[] shape = ShapeRefs.of(output);
    Lines l = Lines.of(shape, axis);
    int[] lab = JvmTensors.ints(labels);
    float[] o = JvmTensors.floats(output);
    int n = l.n();
    int lines = l.outer() * l.inner();
    float[] loss = JvmTensors.output(lines);
    if (fromLogits && l.inner() == 1) {
      for (int r = 0, off = 0; r < lines; r++, off += n) {
        float m = rows.max(o, off, n);
        float logS = (float) Math.log(rows.expSum(o, off, m, n));
        loss[r] = logS - (o[off + lab[r]] - m);
      }
    } else {
      for (int r = 0; r < lines; r++) {
        int b = base(l, r);
        int step = l.inner();
        int p = b + lab[r] * step;
        if (fromLogits) {
          float m = maxAlong(o, b, step, n);
          loss[r] = (float) (Math.log(expSumAlong(o, b, step, n, m)) - (o[p] - m));
        } else {
          double s = sumAlong(o, b, step, n);
          loss[r] = (float) -Math.log(clip((float) (o[p] / s)));
        }
      }
    }
    return JvmTensors.wrap(loss, withoutAxis(shape, axis));
  }

  Tensor sparseBackward(Tensor labels, Tensor output, boolean fromLogits, int axis, Tensor dy) {
    int[] shape = output.shape();
    Lines l = Lines.of(shape, axis);
    int[] lab = JvmTensors.ints(labels);
    float[] o = JvmTensors.floats(output);
    float[] g = JvmTensors.floats(dy);
    float[] go = JvmTensors.output(o.length);
    int n = l.n();
    int lines = l.outer() * l.inner();
    if (fromLogits && l.inner() == 1) {
      // dy * (softmax(z) - onehot(label))
      for (int r = 0, off = 0; r < lines; r++, off += n) {
        float m = rows.max(o, off, n);
        float s = rows.expStore(o, off, m, go, off, n);
        binary.mulScalar(go, off, g[r] / s, go, off, n);
        go[off + lab[r]] -= g[r];
      }
    } else {
      for (int r = 0; r < lines; r++) {
        int b = base(l, r);
        int step = l.inner();
        double d = g[r];
        int label = lab[r];
        if (fromLogits) {
          float m = maxAlong(o, b, step, n);
          double logS = Math.log(expSumAlong(o, b, step, n, m));
          for (int j = 0, p = b; j < n; j++, p += step) {
            go[p] = (float) (d * (Math.exp((o[p] - m) - logS) - (j == label ? 1 : 0)));
          }
        } else {
          double s = sumAlong(o, b, step, n);
          int pl = b + label * step;
          float ql = (float) (o[pl] / s);
          double al = inside(ql) ? -1 / clip(ql) : 0;
          double aq = al * ql;
          for (int j = 0, p = b; j < n; j++, p += step) {
            go[p] = (float) (d * ((j == label ? al : 0) - aq) / s);
          }
        }
      }
    }
    return JvmTensors.wrap(go, shape);
  }

  // ---- strided lines -------------------------------------------------------------------------

  private static int base(Lines l, int r) {
    return (r / l.inner()) * l.n() * l.inner() + r % l.inner();
  }

  private static float maxAlong(float[] a, int b, int step, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int j = 0, p = b; j < n; j++, p += step) {
      m = Math.max(m, a[p]);
    }
    return m;
  }

  private static double expSumAlong(float[] a, int b, int step, int n, float m) {
    double s = 0;
    for (int j = 0, p = b; j < n; j++, p += step) {
      s += Math.exp(a[p] - m);
    }
    return s;
  }

  private static double sumAlong(float[] a, int b, int step, int n) {
    double s = 0;
    for (int j = 0, p = b; j < n; j++, p += step) {
      s += a[p];
    }
    return s;
  }

  static int[] withoutAxis(int[] shape, int axis) {
    int[] s = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != axis) {
        s[j++] = shape[d];
      }
    }
    return s;
  }
}
