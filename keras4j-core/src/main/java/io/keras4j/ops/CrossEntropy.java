package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.SoftmaxOps.Lines;
import java.util.Arrays;

/**
 * The cross-entropies of {@code keras.ops}, computed as Keras 3's backends compute them, fused with
 * their gradients. Probabilities are clipped to {@code [eps, 1 - eps]} ({@code eps = 1e-7}, Keras's
 * {@code backend.epsilon()}); from logits, the stable forms are used.
 */
final class CrossEntropy {
  private CrossEntropy() {}

  static final float EPSILON = 1e-7f;
  private static final float LOW = EPSILON;
  // As Keras: 1 - epsilon in double, then float32 (0.99999988).
  private static final float HIGH = (float) (1.0 - 1e-7);

  private static float clip(float p) {
    return Math.min(Math.max(p, LOW), HIGH);
  }

  private static boolean inside(float p) {
    return p >= LOW && p <= HIGH;
  }

  /**
   * Elementwise binary cross-entropy (not reduced, as {@code keras.ops.binary_crossentropy}; the
   * loss of the same name takes the mean over the last axis). From logits z with target t: {@code
   * max(z, 0) - z t + log1p(exp(-|z|))}.
   */
  static Tensor binary(Tensor target, Tensor output, boolean fromLogits) {
    requireSameShape("binary_crossentropy", target, output);
    float[] t = target.asFloat().floats();
    float[] o = output.asFloat().floats();
    float[] loss = io.keras4j.backend.Buffers.floats(o.length);
    for (int i = 0; i < o.length; i++) {
      double z = o[i];
      if (fromLogits) {
        loss[i] = (float) (Math.max(z, 0) - z * t[i] + Math.log1p(Math.exp(-Math.abs(z))));
      } else {
        double p = clip(o[i]);
        loss[i] = (float) -(t[i] * Math.log(p) + (1 - t[i]) * Math.log(1 - p));
      }
    }
    int[] shape = output.shape();
    Tensor out = Tensor.wrap(loss, shape);
    GradientTape.record(
        out,
        new Tensor[] {target, output},
        g -> {
          float[] gv = g.floats();
          float[] gt = io.keras4j.backend.Buffers.floats(o.length);
          float[] go = io.keras4j.backend.Buffers.floats(o.length);
          for (int i = 0; i < o.length; i++) {
            if (fromLogits) {
              gt[i] = -gv[i] * o[i];
              go[i] = gv[i] * (UnaryOps.sigmoidOf(o[i]) - t[i]);
            } else {
              double p = clip(o[i]);
              gt[i] = (float) (-gv[i] * (Math.log(p) - Math.log(1 - p)));
              go[i] = inside(o[i]) ? (float) (gv[i] * (-t[i] / p + (1 - t[i]) / (1 - p))) : 0f;
            }
          }
          return new Tensor[] {Tensor.wrap(gt, shape), Tensor.wrap(go, shape)};
        });
    return out;
  }

  /**
   * Categorical cross-entropy {@code -sum(target * log(p))} over {@code axis}. From probabilities,
   * p is the output divided by its sum over the axis, then clipped; from logits, p is the softmax.
   */
  static Tensor categorical(Tensor target, Tensor output, boolean fromLogits, int axis) {
    requireSameShape("categorical_crossentropy", target, output);
    if (output.rank() < 1) {
      throw new IllegalArgumentException(
          "categorical_crossentropy: target and output must be at least rank 1. Received:"
              + " shape=()");
    }
    return classAxis(target, null, output, fromLogits, axis);
  }

  /**
   * Cross-entropy with integer class labels: {@code -log(p[label])}. The target has the output's
   * shape without the class axis (a trailing axis of size 1 is dropped, as Keras does).
   */
  static Tensor sparseCategorical(Tensor target, Tensor output, boolean fromLogits, int axis) {
    int[] so = output.shapeRef();
    if (so.length < 1) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: output must be at least rank 1. Received: shape=()");
    }
    int ax = Shapes.axis(axis, so.length);
    int[] st = target.shapeRef();
    if (st.length == so.length && st[st.length - 1] == 1) {
      st = Arrays.copyOf(st, st.length - 1);
    }
    int[] expected = new int[so.length - 1];
    for (int d = 0, j = 0; d < so.length; d++) {
      if (d != ax) {
        expected[j++] = so[d];
      }
    }
    if (!Arrays.equals(st, expected)) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: target must have the output's shape without the class"
              + " axis: expected "
              + Shapes.toString(expected)
              + ". Received: target.shape="
              + Shapes.toString(target.shapeRef())
              + ", output.shape="
              + Shapes.toString(so));
    }
    int[] labels = GatherOps.integerValues(target, "sparse_categorical_crossentropy");
    int n = so[ax];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= n) {
        throw new IllegalArgumentException(
            "sparse_categorical_crossentropy: label "
                + labels[i]
                + " is out of range: expected 0 <= label < "
                + n
                + " (the number of classes). Received: target"
                + GatherOps.position(st, i)
                + "="
                + labels[i]);
      }
    }
    return classAxis(null, labels, output, fromLogits, axis);
  }

  /**
   * Shared by the dense form (a float32 target) and the sparse one (labels, one per row); the other
   * argument is null.
   */
  private static Tensor classAxis(
      Tensor target, int[] labels, Tensor output, boolean fromLogits, int axis) {
    int[] shape = output.shape();
    Lines l = Lines.of(shape, axis);
    float[] t = target == null ? null : target.asFloat().floats();
    float[] o = output.asFloat().floats();
    // logP: the log-probabilities used; q: the renormalized probabilities (from probabilities).
    double[] logP = new double[o.length];
    float[] q = fromLogits ? null : io.keras4j.backend.Buffers.floats(o.length);
    double[] sums = new double[l.outer() * l.inner()];
    float[] loss = io.keras4j.backend.Buffers.floats(sums.length);
    for (int r = 0; r < sums.length; r++) {
      int b = l.base(r / l.inner(), r % l.inner());
      int step = l.inner();
      double s = 0;
      if (fromLogits) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < l.n(); j++) {
          m = Math.max(m, o[b + j * step]);
        }
        for (int j = 0; j < l.n(); j++) {
          s += Math.exp(o[b + j * step] - m);
        }
        double lse = m + Math.log(s);
        for (int j = 0; j < l.n(); j++) {
          logP[b + j * step] = o[b + j * step] - lse;
        }
      } else {
        for (int j = 0; j < l.n(); j++) {
          s += o[b + j * step];
        }
        for (int j = 0; j < l.n(); j++) {
          int p = b + j * step;
          q[p] = (float) (o[p] / s);
          logP[p] = Math.log(clip(q[p]));
        }
      }
      sums[r] = s;
      double acc = 0;
      if (labels != null) {
        acc = logP[b + labels[r] * step];
      } else {
        for (int j = 0; j < l.n(); j++) {
          acc += t[b + j * step] * logP[b + j * step];
        }
      }
      loss[r] = (float) -acc;
    }
    int ax = Shapes.axis(axis, shape.length);
    int[] outShape = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != ax) {
        outShape[j++] = shape[d];
      }
    }
    Tensor out = Tensor.wrap(loss, outShape);
    GradientTape.record(
        out,
        new Tensor[] {target, output},
        g -> {
          float[] gv = g.floats();
          float[] gt = t == null ? null : io.keras4j.backend.Buffers.floats(o.length);
          float[] go = io.keras4j.backend.Buffers.floats(o.length);
          double[] a = new double[l.n()];
          for (int r = 0; r < sums.length; r++) {
            int b = l.base(r / l.inner(), r % l.inner());
            int step = l.inner();
            // a[j] = dLoss/d(log-probability or renormalized probability) of class j.
            double tsum = 0;
            for (int j = 0; j < l.n(); j++) {
              int p = b + j * step;
              double tj = labels != null ? (labels[r] == j ? 1 : 0) : t[p];
              tsum += tj;
              if (gt != null) {
                gt[p] = (float) (-gv[r] * logP[p]);
              }
              a[j] = fromLogits ? -tj : (inside(q[p]) ? -tj / clip(q[p]) : 0);
            }
            if (fromLogits) {
              // d/dz of -sum t log_softmax(z) = softmax(z) * sum(t) - t
              for (int j = 0; j < l.n(); j++) {
                int p = b + j * step;
                go[p] = (float) (gv[r] * (Math.exp(logP[p]) * tsum + a[j]));
              }
            } else {
              // Through q = o / sum(o): dq_j/do_k = (delta_jk - q_j) / sum(o).
              double aq = 0;
              for (int j = 0; j < l.n(); j++) {
                aq += a[j] * q[b + j * step];
              }
              for (int j = 0; j < l.n(); j++) {
                go[b + j * step] = (float) (gv[r] * (a[j] - aq) / sums[r]);
              }
            }
          }
          return new Tensor[] {gt == null ? null : Tensor.wrap(gt, shape), Tensor.wrap(go, shape)};
        });
    return out;
  }

  private static void requireSameShape(String op, Tensor target, Tensor output) {
    if (!Arrays.equals(target.shapeRef(), output.shapeRef())) {
      throw new IllegalArgumentException(
          op
              + ": target and output must have the same shape. Received: target.shape="
              + Shapes.toString(target.shapeRef())
              + ", output.shape="
              + Shapes.toString(output.shapeRef()));
    }
  }
}
