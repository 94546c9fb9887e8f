package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.uniform;

import io.keras4j.Tensor;
import io.keras4j.backend.RecurrentKernels;
import io.keras4j.backend.RecurrentKernels.GruForward;
import io.keras4j.backend.RecurrentKernels.GruGradients;
import io.keras4j.backend.RecurrentKernels.Options;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The GRU primitives of {@link RecurrentKernels} (reset_after) against a double-precision GRU
 * written here step by step from Keras's definitions, with its backward through time by hand, and
 * the kernel's backward against finite differences of its forward; as {@link
 * RecurrentConformanceTest} does for the LSTM, in vector and scalar mode.
 */
class GruConformanceTest extends ConformanceBase {

  private RecurrentKernels recurrent() {
    return backend().recurrent();
  }

  private record Reference(double[] packed, double[] dp, double[] dr, double[] drb, double[] dh0) {}

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static Reference reference(
      Tensor projected, Tensor rk, double[] rb, Tensor h0, double[] mask, Options o, double[] dy) {
    int[] ps = projected.shape();
    int time = ps[0];
    int batch = ps[1];
    int u = ps[2] / 3;
    int g = 3 * u;
    double[] p = doubles(projected);
    double[] r = doubles(rk);
    double[] h = doubles(h0);
    double[] out = new double[batch * u];
    int s = o.returnSequences() ? time : 0;
    int slab = batch * u;
    double[] packed = new double[(s + 2) * slab];
    double[][] a = new double[time][];
    double[][] hp = new double[time][];
    double[][] zs = new double[time][slab];
    double[][] rs = new double[time][slab];
    double[][] hhs = new double[time][slab];
    for (int k = 0; k < time; k++) {
      int t = o.reverse() ? time - 1 - k : k;
      hp[k] = h.clone();
      a[k] = new double[batch * g];
      for (int b = 0; b < batch; b++) {
        for (int c = 0; c < g; c++) {
          double v = rb[c];
          for (int i = 0; i < u; i++) {
            v += hp[k][b * u + i] * r[i * g + c];
          }
          a[k][b * g + c] = v;
        }
        if (mask != null && mask[t * batch + b] == 0) {
          if (o.zeroOutputForMask()) {
            Arrays.fill(out, b * u, (b + 1) * u, 0);
          }
          continue;
        }
        for (int j = 0; j < u; j++) {
          int pi = (t * batch + b) * g;
          double z = sigmoid(p[pi + j] + a[k][b * g + j]);
          double rr = sigmoid(p[pi + u + j] + a[k][b * g + u + j]);
          double hh = Math.tanh(p[pi + 2 * u + j] + rr * a[k][b * g + 2 * u + j]);
          zs[k][b * u + j] = z;
          rs[k][b * u + j] = rr;
          hhs[k][b * u + j] = hh;
          h[b * u + j] = z * hp[k][b * u + j] + (1 - z) * hh;
          out[b * u + j] = h[b * u + j];
        }
      }
      if (s > 0) {
        System.arraycopy(out, 0, packed, k * slab, slab);
      }
    }
    System.arraycopy(out, 0, packed, s * slab, slab);
    System.arraycopy(h, 0, packed, (s + 1) * slab, slab);
    double[] dp = new double[time * batch * g];
    double[] dr = new double[u * g];
    double[] drb = new double[g];
    double[] dh = Arrays.copyOfRange(dy, (s + 1) * slab, (s + 2) * slab);
    double[] carry = Arrays.copyOfRange(dy, s * slab, (s + 1) * slab);
    for (int k = time - 1; k >= 0; k--) {
      int t = o.reverse() ? time - 1 - k : k;
      double[] next = new double[slab];
      for (int b = 0; b < batch; b++) {
        for (int j = 0; j < u; j++) {
          carry[b * u + j] += s > 0 ? dy[(k * batch + b) * u + j] : 0;
        }
        if (mask != null && mask[t * batch + b] == 0) {
          for (int j = 0; j < u; j++) {
            next[b * u + j] = dh[b * u + j];
            if (o.zeroOutputForMask()) {
              carry[b * u + j] = 0;
            }
          }
          continue;
        }
        for (int j = 0; j < u; j++) {
          int q = b * u + j;
          double d = carry[q] + dh[q];
          carry[q] = 0;
          double z = zs[k][q];
          double rr = rs[k][q];
          double hh = hhs[k][q];
          double ah = a[k][b * g + 2 * u + j];
          double dah = d * (1 - z) * (1 - hh * hh);
          double dar = dah * ah * rr * (1 - rr);
          double daz = d * (hp[k][q] - hh) * z * (1 - z);
          int pi = (t * batch + b) * g;
          dp[pi + j] = daz;
          dp[pi + u + j] = dar;
          dp[pi + 2 * u + j] = dah;
          double[] da = {daz, dar, dah * rr};
          next[q] += d * z;
          for (int c = 0; c < 3; c++) {
            drb[c * u + j] += da[c];
            for (int i = 0; i < u; i++) {
              dr[i * g + c * u + j] += hp[k][b * u + i] * da[c];
              next[b * u + i] += da[c] * r[i * g + c * u + j];
            }
          }
        }
      }
      dh = next;
    }
    return new Reference(packed, dp, dr, drb, dh);
  }

  private void check(int time, int batch, int u, boolean masked, boolean withBias, Options o) {
    String what =
        "gru T=" + time + " B=" + batch + " u=" + u + " mask=" + masked + " bias=" + withBias + " "
            + o;
    long seed = 17L * time + 5L * batch + u + (masked ? 1 : 0);
    Tensor p = uniform(seed, -1, 1, time, batch, 3 * u);
    Tensor r = uniform(seed + 1, -0.5, 0.5, u, 3 * u);
    Tensor rb = withBias ? uniform(seed + 2, -0.5, 0.5, 3 * u) : null;
    Tensor h0 = uniform(seed + 3, -1, 1, batch, u);
    double[] m = masked ? MathReference.randomMask(seed + 4, time, batch) : null;
    Tensor mt = masked ? MathReference.tensor(m, time, batch) : null;
    int s = o.returnSequences() ? time : 0;
    int[] packedShape = {s + 2, batch, u};
    Tensor dy = uniform(seed + 5, -1, 1, packedShape);
    double[] rbv = withBias ? doubles(rb) : new double[3 * u];
    Reference ref = reference(p, r, rbv, h0, m, o, doubles(dy));
    GruForward inference = recurrent().gru(p, r, rb, h0, mt, o, false);
    assertClose(what + " (inference)", packedShape, ref.packed(), inference.packed(), 1e-4, 1e-5);
    GruForward f = recurrent().gru(p, r, rb, h0, mt, o, true);
    assertClose(what + " (training)", packedShape, ref.packed(), f.packed(), 1e-4, 1e-5);
    GruGradients d = recurrent().gruBackward(dy, f.saved(), r, withBias, mt, o);
    assertClose(what + " d projected", p.shape(), ref.dp(), d.projected(), 1e-3, 1e-4);
    assertClose(what + " d recurrent kernel", r.shape(), ref.dr(), d.recurrentKernel(), 1e-3, 1e-4);
    assertClose(what + " d h0", h0.shape(), ref.dh0(), d.h0(), 1e-3, 1e-4);
    if (withBias) {
      assertClose(what + " d recurrent bias", rb.shape(), ref.drb(), d.recurrentBias(), 1e-3, 1e-4);
    } else if (d.recurrentBias() != null) {
      throw new AssertionError(what + ": a gradient for a recurrent bias that was not given");
    }
  }

  @Test
  void gruMatchesTheReferenceInEveryMode() {
    for (boolean reverse : new boolean[] {false, true}) {
      for (boolean sequences : new boolean[] {false, true}) {
        for (boolean zero : new boolean[] {false, true}) {
          Options o = new Options(reverse, sequences, zero);
          check(5, 3, 5, true, true, o);
          check(4, 2, 16, false, false, o);
        }
      }
    }
  }

  @Test
  void gruMatchesTheReferenceOnTheParallelPath() {
    check(7, 37, 21, true, true, new Options(false, true, false));
    check(3, 64, 64, true, true, new Options(true, false, true));
  }

  @Test
  void gruBackwardMatchesFiniteDifferences() {
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
          "gru mask=" + masked,
          in -> recurrent().gru(in[0], in[1], in[2], in[3], mt, o, false).packed(),
          (in, dy) -> {
            GruForward f = recurrent().gru(in[0], in[1], in[2], in[3], mt, o, true);
            GruGradients d = recurrent().gruBackward(dy, f.saved(), in[1], true, mt, o);
            return new Tensor[] {d.projected(), d.recurrentKernel(), d.recurrentBias(), d.h0()};
          },
          new int[] {0, 1, 2, 3},
          uniform(11, -1, 1, time, batch, 3 * u),
          uniform(12, -0.5, 0.5, u, 3 * u),
          uniform(13, -0.5, 0.5, 3 * u),
          uniform(14, -1, 1, batch, u));
    }
  }
}
