package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.RecurrentKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * The Java backend's {@link RecurrentKernels}. The rows of a batch are independent through time, so
 * the batch is cut into blocks of rows that threads run from the first step to the last without
 * waiting for each other. A step of a block is one product of its states with the recurrent kernel,
 * packed once per sequence ({@link PackedMatrix}), then one pass over each row that applies the
 * gates ({@link ScalarRecurrentLoops}, Vector API when chosen). Nothing is allocated per step.
 *
 * <p>Backward, each block walks the steps in reverse: the gate gradients of a step are written
 * straight into the projection's gradient, and the state gradient of the step before is their
 * product with the transposed recurrent kernel (packed once). The recurrent kernel's gradient is
 * then one product over all steps, {@code hPrev^T @ dz}, with the states kept in time order.
 */
final class JvmRecurrent implements RecurrentKernels {
  private final ScalarRecurrentLoops loops;
  private final GemmKernel gemm;
  private final JvmGru gru;

  /** Vector API loops when the backend chose the Vector API kernels, else scalar ones. */
  JvmRecurrent(Kernels kernels) {
    ScalarRecurrentLoops chosen = new ScalarRecurrentLoops();
    if (kernels.getClass() != ScalarKernels.class) {
      try {
        chosen = VectorRecurrentLoopsFactory.create();
      } catch (LinkageError e) {
        chosen = new ScalarRecurrentLoops();
      }
    }
    this.loops = chosen;
    this.gemm = ArrayLoops.forKernels(kernels).gemm();
    this.gru = new JvmGru(chosen, gemm);
  }

  @Override
  public LstmForward lstm(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor h0,
      Tensor c0,
      Tensor mask,
      Options options,
      boolean keep) {
    int[] ps = ShapeRefs.of(projected);
    int time = ps[0];
    int batch = ps[1];
    int g = ps[2];
    int u = g / 4;
    float[] p = JvmTensors.floats(projected);
    float[] m = mask == null ? null : JvmTensors.floats(mask);
    PackedMatrix r = new PackedMatrix(gemm, false, u, g, JvmTensors.floats(recurrentKernel), 0, g);
    int s = options.returnSequences() ? time : 0;
    int slab = batch * u;
    float[] packed = JvmTensors.output((s + 3) * slab);
    Arrays.fill(packed, s * slab, (s + 1) * slab, 0f);
    System.arraycopy(JvmTensors.floats(h0), 0, packed, (s + 1) * slab, slab);
    System.arraycopy(JvmTensors.floats(c0), 0, packed, (s + 2) * slab, slab);
    float[] gates = keep ? JvmTensors.output(time * batch * g) : null;
    float[] hPrev = keep ? JvmTensors.output(time * slab) : null;
    float[] cPrev = keep ? JvmTensors.output(time * slab) : null;
    float[] cNew = keep ? JvmTensors.output(time * slab) : null;
    ForwardThroughTime walk =
        new ForwardThroughTime(time, batch, u, options, packed, m, r, gates, g) {
          @Override
          void before(int t, int r0, int n) {
            if (keep) {
              int at = (t * batch + r0) * u;
              System.arraycopy(packed, hBase + r0 * u, hPrev, at, n * u);
              System.arraycopy(packed, hBase + slab + r0 * u, cPrev, at, n * u);
            }
          }

          @Override
          void row(float[] z, int zAt, int t, int b, int hAt) {
            loops.lstmRow(z, zAt, p, (t * batch + b) * g, packed, hAt + slab, packed, hAt, u);
          }

          @Override
          void after(int t, int r0, int n) {
            if (keep) {
              System.arraycopy(packed, hBase + slab + r0 * u, cNew, (t * batch + r0) * u, n * u);
            }
          }
        };
    walk.run((long) time * batch * u * g, gemm.mr);
    Tensor out = JvmTensors.wrap(packed, s + 3, batch, u);
    if (!keep) {
      return new LstmForward(out, null);
    }
    return new LstmForward(
        out,
        new LstmSaved(
            JvmTensors.wrap(gates, time, batch, g),
            JvmTensors.wrap(hPrev, time, batch, u),
            JvmTensors.wrap(cPrev, time, batch, u),
            JvmTensors.wrap(cNew, time, batch, u)));
  }

  @Override
  public LstmGradients lstmBackward(
      Tensor dPacked, LstmSaved saved, Tensor recurrentKernel, Tensor mask, Options options) {
    int[] gs = ShapeRefs.of(saved.gates());
    int time = gs[0];
    int batch = gs[1];
    int g = gs[2];
    int u = g / 4;
    int slab = batch * u;
    int s = options.returnSequences() ? time : 0;
    float[] dp = JvmTensors.floats(dPacked);
    float[] gates = JvmTensors.floats(saved.gates());
    float[] hPrev = JvmTensors.floats(saved.hPrev());
    float[] cPrev = JvmTensors.floats(saved.cPrev());
    float[] cNew = JvmTensors.floats(saved.cNew());
    float[] m = mask == null ? null : JvmTensors.floats(mask);
    float[] rk = JvmTensors.floats(recurrentKernel);
    PackedMatrix rt = new PackedMatrix(gemm, true, g, u, rk, 0, g);
    float[] dz = JvmTensors.output(time * batch * g);
    float[] dc = JvmTensors.output(slab);
    System.arraycopy(dp, (s + 2) * slab, dc, 0, slab);
    BackwardThroughTime walk =
        new BackwardThroughTime(time, batch, u, options, dp, m, rt, dz, g) {
          @Override
          void row(int t, int b) {
            int zAt = (t * batch + b) * g;
            int at = (t * batch + b) * u;
            int hb = b * u;
            loops.lstmRowBackward(gates, zAt, cPrev, at, cNew, at, dh, hb, dc, hb, dz, zAt, u);
            // h_prev reaches h only through the recurrent product.
            Arrays.fill(dh, hb, hb + u, 0f);
          }

          @Override
          void maskedRow(int t, int b) {
            int zAt = (t * batch + b) * g;
            Arrays.fill(dz, zAt, zAt + g, 0f);
          }
        };
    walk.run((long) time * batch * u * g, gemm.mr);
    float[] dh = walk.dh;
    float[] dr = JvmTensors.output(u * g);
    Gemm.multiply(gemm, true, false, u, g, time * batch, hPrev, 0, u, dz, 0, g, dr, 0, g, false);
    return new LstmGradients(
        JvmTensors.wrap(dz, time, batch, g),
        JvmTensors.wrap(dr, u, g),
        JvmTensors.wrap(dh, batch, u),
        JvmTensors.wrap(dc, batch, u));
  }

  @Override
  public GruForward gru(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor recurrentBias,
      Tensor h0,
      Tensor mask,
      Options options,
      boolean keep) {
    return gru.forward(projected, recurrentKernel, recurrentBias, h0, mask, options, keep);
  }

  @Override
  public GruGradients gruBackward(
      Tensor dPacked,
      GruSaved saved,
      Tensor recurrentKernel,
      boolean withBias,
      Tensor mask,
      Options options) {
    return gru.backward(dPacked, saved, recurrentKernel, withBias, mask, options);
  }
}
