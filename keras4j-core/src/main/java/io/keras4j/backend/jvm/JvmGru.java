package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.RecurrentKernels.GruForward;
import io.keras4j.backend.RecurrentKernels.GruGradients;
import io.keras4j.backend.RecurrentKernels.GruSaved;
import io.keras4j.backend.RecurrentKernels.Options;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * The GRU (reset_after) of {@link JvmRecurrent}, organized as its LSTM: blocks of batch rows run
 * through time on their own threads; a step is the product of the states with the recurrent kernel
 * (packed once), then one pass over each row ({@link ScalarRecurrentLoops#gruRow}). The product's
 * output rows have room for the four values a unit saves for the backward pass. Backward, the
 * gradient of the recurrent product (which differs from the projection's in its h part, scaled by
 * r) gives the previous state's gradient, and afterwards the recurrent kernel's (one product over
 * all steps) and the recurrent bias's (its column sums).
 */
final class JvmGru {
  private final ScalarRecurrentLoops loops;
  private final GemmKernel gemm;

  JvmGru(ScalarRecurrentLoops loops, GemmKernel gemm) {
    this.loops = loops;
    this.gemm = gemm;
  }

  GruForward forward(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor recurrentBias,
      Tensor h0,
      Tensor mask,
      Options options,
      boolean keep) {
    int[] ps = ShapeRefs.of(projected);
    int time = ps[0];
    int batch = ps[1];
    int g3 = ps[2];
    int u = g3 / 3;
    int g4 = 4 * u;
    float[] p = JvmTensors.floats(projected);
    float[] m = mask == null ? null : JvmTensors.floats(mask);
    float[] rb = recurrentBias == null ? new float[g3] : JvmTensors.floats(recurrentBias);
    PackedMatrix r =
        new PackedMatrix(gemm, false, u, g3, JvmTensors.floats(recurrentKernel), 0, g3);
    int s = options.returnSequences() ? time : 0;
    int slab = batch * u;
    float[] packed = JvmTensors.output((s + 2) * slab);
    Arrays.fill(packed, s * slab, (s + 1) * slab, 0f);
    System.arraycopy(JvmTensors.floats(h0), 0, packed, (s + 1) * slab, slab);
    float[] gates = keep ? JvmTensors.output(time * batch * g4) : null;
    float[] hPrev = keep ? JvmTensors.output(time * slab) : null;
    ForwardThroughTime walk =
        new ForwardThroughTime(time, batch, u, options, packed, m, r, gates, g4) {
          @Override
          void before(int t, int r0, int n) {
            if (keep) {
              System.arraycopy(packed, hBase + r0 * u, hPrev, (t * batch + r0) * u, n * u);
            }
          }

          @Override
          void row(float[] a, int aAt, int t, int b, int hAt) {
            loops.gruRow(a, aAt, p, (t * batch + b) * g3, rb, packed, hAt, u);
          }
        };
    walk.run((long) time * batch * u * g3, gemm.mr);
    Tensor out = JvmTensors.wrap(packed, s + 2, batch, u);
    if (!keep) {
      return new GruForward(out, null);
    }
    return new GruForward(
        out,
        new GruSaved(
            JvmTensors.wrap(gates, time, batch, g4), JvmTensors.wrap(hPrev, time, batch, u)));
  }

  GruGradients backward(
      Tensor dPacked,
      GruSaved saved,
      Tensor recurrentKernel,
      boolean withBias,
      Tensor mask,
      Options options) {
    int[] gs = ShapeRefs.of(saved.gates());
    int time = gs[0];
    int batch = gs[1];
    int g4 = gs[2];
    int u = g4 / 4;
    int g3 = 3 * u;
    int slab = batch * u;
    int s = options.returnSequences() ? time : 0;
    float[] dp = JvmTensors.floats(dPacked);
    float[] gates = JvmTensors.floats(saved.gates());
    float[] hPrev = JvmTensors.floats(saved.hPrev());
    float[] m = mask == null ? null : JvmTensors.floats(mask);
    PackedMatrix rt =
        new PackedMatrix(gemm, true, g3, u, JvmTensors.floats(recurrentKernel), 0, g3);
    float[] dProj = JvmTensors.output(time * batch * g3);
    float[] da = JvmTensors.output(time * batch * g3);
    BackwardThroughTime walk =
        new BackwardThroughTime(time, batch, u, options, dp, m, rt, da, g3) {
          @Override
          void row(int t, int b) {
            int at = (t * batch + b) * g3;
            loops.gruRowBackward(
                gates,
                (t * batch + b) * g4,
                hPrev,
                (t * batch + b) * u,
                dh,
                b * u,
                dProj,
                at,
                da,
                at,
                u);
          }

          @Override
          void maskedRow(int t, int b) {
            int at = (t * batch + b) * g3;
            Arrays.fill(dProj, at, at + g3, 0f);
            Arrays.fill(da, at, at + g3, 0f);
          }
        };
    walk.run((long) time * batch * u * g3, gemm.mr);
    float[] dh = walk.dh;
    float[] dr = JvmTensors.output(u * g3);
    Gemm.multiply(gemm, true, false, u, g3, time * batch, hPrev, 0, u, da, 0, g3, dr, 0, g3, false);
    Tensor drb = null;
    if (withBias) {
      float[] sums = new float[g3];
      for (int row = 0, rows = time * batch; row < rows; row++) {
        int off = row * g3;
        for (int j = 0; j < g3; j++) {
          sums[j] += da[off + j];
        }
      }
      drb = JvmTensors.wrap(sums, g3);
    }
    return new GruGradients(
        JvmTensors.wrap(dProj, time, batch, g3),
        JvmTensors.wrap(dr, u, g3),
        drb,
        JvmTensors.wrap(dh, batch, u));
  }
}
