package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;
import java.util.Arrays;

/**
 * The projections and the multi-head dot-product attention of {@link MultiHeadAttention} and {@link
 * GroupedQueryAttention}, written with ops (transpose, reshape, matmul, softmax) so that the tape
 * differentiates them.
 */
final class AttentionCore {
  private AttentionCore() {}

  /**
   * Keras's EinsumDense of the attention layers: contracts the last {@code bound} axes of {@code x}
   * with the first {@code bound} axes of the kernel, giving {@code x}'s other axes followed by the
   * kernel's remaining ones, plus the bias (of the kernel's remaining shape) when not null.
   */
  static Tensor project(Tensor x, Variable kernel, Variable bias, int bound) {
    int[] xs = ShapeRefs.of(x);
    int[] ks = ShapeRefs.of(kernel);
    int in = 1;
    for (int i = 0; i < bound; i++) {
      in *= ks[i];
    }
    int[] outAxes = Arrays.copyOfRange(ks, bound, ks.length);
    int out = (int) Shapes.size(outAxes);
    int[] lead = Arrays.copyOfRange(xs, 0, xs.length - bound);
    Tensor x2 = Ops.reshape(x, Shapes.concat(lead, new int[] {in}));
    Tensor k2 = Ops.reshape(kernel.value(), in, out);
    Tensor b = bias == null ? null : Ops.reshape(bias.value(), out);
    return Ops.reshape(Ops.linear(x2, k2, b, FusedActivation.LINEAR), Shapes.concat(lead, outAxes));
  }

  /** The activity penalty of a projection's output, per sample as the layers' own penalty. */
  static Tensor penalty(Regularizer r, Tensor output) {
    Tensor p = r.apply(output);
    int batch = ShapeRefs.of(output)[0];
    return batch > 0 ? Ops.divide(p, Tensor.scalar(batch)) : p;
  }

  /** The attention output {@code (B, ..., N, Hv)} and the scores over the attention axes. */
  record Result(Tensor output, Tensor scores) {}

  /**
   * Dot-product attention of projected {@code q (B, <dims>, N, H)}, {@code k (B, <dims>, N, H)},
   * {@code v (B, <dims>, N, Hv)} over {@code axes} (of the projected rank, heads excluded), as
   * Keras's einsum equations: scores {@code (<batch dims incl. heads>, <q axes>, <k axes>)}, a
   * softmax jointly over the key axes where the mask (expanded as Keras does, then broadcast) is
   * set, dropout in training, then the weighted values.
   *
   * @param zeroMasked Keras's explicit path (Softmax layer: masked weights are 0); otherwise its
   *     fused {@code dot_product_attention} path (masked logits only get a large negative)
   */
  static Result attend(
      Tensor q,
      Tensor k,
      Tensor v,
      int[] axes,
      Tensor mask,
      float scale,
      boolean zeroMasked,
      double dropout,
      boolean training,
      SeedGenerator seeds) {
    int rank = q.rank();
    int[] batchAxes = new int[rank - 1 - axes.length];
    int n = 0;
    for (int i = 0; i < rank - 1; i++) {
      if (!contains(axes, i)) {
        batchAxes[n++] = i;
      }
    }
    int[] perm = Shapes.concat(Shapes.concat(batchAxes, axes), new int[] {rank - 1});
    Tensor qt = Ops.transpose(Ops.multiply(q, scale), perm);
    Tensor kt = Ops.transpose(k, perm);
    Tensor vt = Ops.transpose(v, perm);
    int[] qs = ShapeRefs.of(qt);
    int[] ks = ShapeRefs.of(kt);
    int[] vs = ShapeRefs.of(vt);
    int nb = (int) Shapes.size(Arrays.copyOfRange(qs, 0, batchAxes.length));
    int[] qAttn = Arrays.copyOfRange(qs, batchAxes.length, rank - 1);
    int[] kAttn = Arrays.copyOfRange(ks, batchAxes.length, rank - 1);
    int tq = (int) Shapes.size(qAttn);
    int tk = (int) Shapes.size(kAttn);
    Tensor q3 = Ops.reshape(qt, nb, tq, qs[rank - 1]);
    Tensor k3 = Ops.reshape(kt, nb, tk, ks[rank - 1]);
    Tensor v3 = Ops.reshape(vt, nb, tk, vs[rank - 1]);
    Tensor logits = Ops.matmul(q3, k3, false, true);
    int[] full =
        Shapes.concat(Shapes.concat(Arrays.copyOfRange(qs, 0, batchAxes.length), qAttn), kAttn);
    Tensor m3 = null;
    if (mask != null) {
      Tensor m = mask;
      int expandAt = -axes.length * 2 - 1;
      while (m.rank() < full.length) {
        m = Ops.expandDims(m, expandAt);
      }
      m3 = Ops.reshape(Ops.broadcastTo(m, full), nb, tq, tk);
    }
    Tensor weights = AttentionMasks.maskedSoftmax(logits, m3, zeroMasked);
    Tensor dropped = weights;
    if (training && dropout > 0) {
      dropped =
          dropout >= 1
              ? Ops.multiply(weights, 0f)
              : Ops.multiply(
                  weights, Noise.dropoutMask(ShapeRefs.of(weights), 1 - dropout, seeds.next()));
    }
    Tensor o3 = Ops.matmul(dropped, v3);
    int[] oShape = Shapes.concat(Arrays.copyOfRange(qs, 0, batchAxes.length), qAttn);
    oShape = Shapes.concat(oShape, new int[] {vs[rank - 1]});
    Tensor out = Ops.transpose(Ops.reshape(o3, oShape), inverse(perm));
    return new Result(out, Ops.reshape(weights, full));
  }

  private static boolean contains(int[] a, int x) {
    for (int y : a) {
      if (y == x) {
        return true;
      }
    }
    return false;
  }

  private static int[] inverse(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }
}
