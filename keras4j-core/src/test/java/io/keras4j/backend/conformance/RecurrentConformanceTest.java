package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.uniform;

import io.keras4j.Tensor;
import io.keras4j.backend.RecurrentKernels;
import io.keras4j.backend.RecurrentKernels.LstmForward;
import io.keras4j.backend.RecurrentKernels.LstmGradients;
import io.keras4j.backend.RecurrentKernels.Options;
import org.junit.jupiter.api.Test;

/**
 * The LSTM primitives of {@link RecurrentKernels} against a double-precision LSTM written here step
 * by step from Keras's definitions (gates i, f, c, o; a masked step keeps the states and repeats
 * the previous output, zeros before the first step, or outputs zeros with zero_output_for_mask),
 * with its backward through time written out by hand; and the kernel's backward against finite
 * differences of its forward. Run in vector and in scalar mode, with unit counts that leave vector
 * tails, and batches large enough for the parallel path and partial micro-kernel tiles.
 */
class RecurrentConformanceTest extends ConformanceBase {

  private RecurrentKernels recurrent() {
    return backend().recurrent();
  }

  /** The reference: forward packed output and, for {@code dPacked}, the four gradients. */
  private record Reference(double[] packed, double[] dp, double[] dr, double[] dh0, double[] dc0) {}

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static Reference reference(
      Tensor projected,
      Tensor rk,
      Tensor h0,
      Tensor c0,
      double[] mask,
      Options o,
      double[] dPacked) {
    int[] ps = projected.shape();
    int time = ps[0];
    int batch = ps[1];
    int g = ps[2];
    int u = g / 4;
    double[] p = doubles(projected);
    double[] r = doubles(rk);
    double[] h = doubles(h0);
    double[] c = doubles(c0);
    double[] out = new double[batch * u];
    int s = o.returnSequences() ? time : 0;
    double[] packed = new double[(s + 3) * batch * u];
    double[][] gates = new double[time][batch * g];
    double[][] hp = new double[time][];
    double[][] cp = new double[time][];
    double[][] cn = new double[time][];
    for (int k = 0; k < time; k++) {
      int t = o.reverse() ? time - 1 - k : k;
      hp[k] = h.clone();
      cp[k] = c.clone();
      for (int b = 0; b < batch; b++) {
        if (mask != null && mask[t * batch + b] == 0) {
          if (o.zeroOutputForMask()) {
            java.util.Arrays.fill(out, b * u, (b + 1) * u, 0);
          }
          continue;
        }
        for (int j = 0; j < u; j++) {
          double[] z = new double[4];
          for (int q = 0; q < 4; q++) {
            double v = p[(t * batch + b) * g + q * u + j];
            for (int i = 0; i < u; i++) {
              v += hp[k][b * u + i] * r[i * g + q * u + j];
            }
            z[q] = v;
          }
          double ig = sigmoid(z[0]);
          double fg = sigmoid(z[1]);
          double cg = Math.tanh(z[2]);
          double og = sigmoid(z[3]);
          double[] gt = gates[k];
          gt[b * g + j] = ig;
          gt[b * g + u + j] = fg;
          gt[b * g + 2 * u + j] = cg;
          gt[b * g + 3 * u + j] = og;
          c[b * u + j] = fg * cp[k][b * u + j] + ig * cg;
          h[b * u + j] = og * Math.tanh(c[b * u + j]);
          out[b * u + j] = h[b * u + j];
        }
      }
      cn[k] = c.clone();
      if (s > 0) {
        System.arraycopy(out, 0, packed, k * batch * u, batch * u);
      }
    }
    int slab = batch * u;
    System.arraycopy(out, 0, packed, s * slab, slab);
    System.arraycopy(h, 0, packed, (s + 1) * slab, slab);
    System.arraycopy(c, 0, packed, (s + 2) * slab, slab);
    if (dPacked == null) {
      return new Reference(packed, null, null, null, null);
    }
    double[] dp = new double[time * batch * g];
    double[] dr = new double[u * g];
    double[] dh = java.util.Arrays.copyOfRange(dPacked, (s + 1) * slab, (s + 2) * slab);
    double[] dc = java.util.Arrays.copyOfRange(dPacked, (s + 2) * slab, (s + 3) * slab);
    double[] carry = java.util.Arrays.copyOfRange(dPacked, s * slab, (s + 1) * slab);
    for (int k = time - 1; k >= 0; k--) {
      int t = o.reverse() ? time - 1 - k : k;
      double[] dhPrev = new double[slab];
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < u; j++) {
          carry[b * u + j] += s > 0 ? dPacked[(k * batch + b) * u + j] : 0;
        }
        if (mask != null && mask[t * batch + b] == 0) {
          for (int j = 0; j < u; j++) {
            dhPrev[b * u + j] = dh[b * u + j];
            if (o.zeroOutputForMask()) {
              carry[b * u + j] = 0;
            }
          }
          continue;
        }
        for (int j = 0; j < u; j++) {
          double[] gt = gates[k];
          double ig = gt[b * g + j];
          double fg = gt[b * g + u + j];
          double cg = gt[b * g + 2 * u + j];
          double og = gt[b * g + 3 * u + j];
          double tc = Math.tanh(cn[k][b * u + j]);
          double dhTot = carry[b * u + j] + dh[b * u + j];
          carry[b * u + j] = 0;
          double dcTot = dc[b * u + j] + dhTot * og * (1 - tc * tc);
          double[] dz = {
            dcTot * cg * ig * (1 - ig),
            dcTot * cp[k][b * u + j] * fg * (1 - fg),
            dcTot * ig * (1 - cg * cg),
            dhTot * tc * og * (1 - og)
          };
          dc[b * u + j] = dcTot * fg;
          for (int q = 0; q < 4; q++) {
            dp[(t * batch + b) * g + q * u + j] = dz[q];
            for (int i = 0; i < u; i++) {
              dr[i * g + q * u + j] += hp[k][b * u + i] * dz[q];
              dhPrev[b * u + i] += dz[q] * r[i * g + q * u + j];
            }
          }
        }
      }
      dh = dhPrev;
    }
    return new Reference(packed, dp, dr, dh, dc);
  }

  private void checkAgainstReference(int time, int batch, int u, boolean masked, Options o) {
    String what = "lstm T=" + time + " B=" + batch + " u=" + u + " mask=" + masked + " " + o;
    long seed = 31L * time + 7L * batch + u + (masked ? 1 : 0);
    Tensor p = uniform(seed, -1, 1, time, batch, 4 * u);
    Tensor r = uniform(seed + 1, -0.5, 0.5, u, 4 * u);
    Tensor h0 = uniform(seed + 2, -1, 1, batch, u);
    Tensor c0 = uniform(seed + 3, -1, 1, batch, u);
    double[] m = masked ? MathReference.randomMask(seed + 4, time, batch) : null;
    Tensor mt = masked ? MathReference.tensor(m, time, batch) : null;
    int s = o.returnSequences() ? time : 0;
    int[] packedShape = {s + 3, batch, u};
    Tensor dy = uniform(seed + 5, -1, 1, packedShape);
    Reference ref = reference(p, r, h0, c0, m, o, doubles(dy));
    LstmForward inference = recurrent().lstm(p, r, h0, c0, mt, o, false);
    assertClose(what + " (inference)", packedShape, ref.packed(), inference.packed(), 1e-4, 1e-5);
    LstmForward f = recurrent().lstm(p, r, h0, c0, mt, o, true);
    assertClose(what + " (training)", packedShape, ref.packed(), f.packed(), 1e-4, 1e-5);
    LstmGradients d = recurrent().lstmBackward(dy, f.saved(), r, mt, o);
    assertClose(what + " d projected", p.shape(), ref.dp(), d.projected(), 1e-3, 1e-4);
    assertClose(what + " d recurrent kernel", r.shape(), ref.dr(), d.recurrentKernel(), 1e-3, 1e-4);
    assertClose(what + " d h0", h0.shape(), ref.dh0(), d.h0(), 1e-3, 1e-4);
    assertClose(what + " d c0", c0.shape(), ref.dc0(), d.c0(), 1e-3, 1e-4);
  }

  @Test
  void lstmMatchesTheReferenceInEveryMode() {
    for (boolean reverse : new boolean[] {false, true}) {
      for (boolean sequences : new boolean[] {false, true}) {
        for (boolean zero : new boolean[] {false, true}) {
          Options o = new Options(reverse, sequences, zero);
          checkAgainstReference(5, 3, 5, true, o);
          checkAgainstReference(4, 2, 16, false, o);
        }
      }
    }
  }

  @Test
  void lstmMatchesTheReferenceOnTheParallelPath() {
    // 37 rows: blocks of whole 8-row tiles plus a partial one; 4*21 columns: a partial panel.
    checkAgainstReference(7, 37, 21, true, new Options(false, true, false));
    checkAgainstReference(6, 40, 32, false, new Options(true, false, false));
    checkAgainstReference(3, 64, 64, true, new Options(false, false, true));
  }

  @Test
  void lstmBackwardMatchesFiniteDifferences() {
    for (boolean masked : new boolean[] {false, true}) {
      Options o = new Options(masked, true, false);
      int time = 4;
      int batch = 3;
      int u = 3;
      Tensor mt =
          masked
              ? MathReference.tensor(MathReference.randomMask(5, time, batch), time, batch)
              : null;
      FiniteDifferences.check(
          "lstm mask=" + masked,
          in -> recurrent().lstm(in[0], in[1], in[2], in[3], mt, o, false).packed(),
          (in, dy) -> {
            LstmForward f = recurrent().lstm(in[0], in[1], in[2], in[3], mt, o, true);
            LstmGradients d = recurrent().lstmBackward(dy, f.saved(), in[1], mt, o);
            return new Tensor[] {d.projected(), d.recurrentKernel(), d.h0(), d.c0()};
          },
          new int[] {0, 1, 2, 3},
          uniform(11, -1, 1, time, batch, 4 * u),
          uniform(12, -0.5, 0.5, u, 4 * u),
          uniform(13, -1, 1, batch, u),
          uniform(14, -1, 1, batch, u));
    }
  }
}
