package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.RecurrentKernels;
import io.keras4j.backend.RecurrentKernels.GruForward;
import io.keras4j.backend.RecurrentKernels.GruGradients;
import io.keras4j.backend.RecurrentKernels.LstmForward;
import io.keras4j.backend.RecurrentKernels.LstmGradients;
import io.keras4j.backend.RecurrentKernels.Options;
import io.keras4j.internal.ShapeRefs;

/**
 * Recurrent layers through time as one op: the LSTM and GRU recurrences over a whole sequence, with
 * the recurrent product and the gates of a step fused in the backend ({@link RecurrentKernels}),
 * and the gradient through time as one backward. Keras's LSTM and GRU (reset_after) layers with
 * their default activations run here; other activations and cells run step by step with ops.
 */
public final class RecurrentOps {
  private RecurrentOps() {}

  /**
   * The outputs of {@link #lstm}: the outputs of every step in processing order {@code [batch,
   * time, units]} (null unless asked for), the last output and the final states {@code [batch,
   * units]}.
   */
  public record LstmResult(Tensor sequence, Tensor lastOutput, Tensor h, Tensor c) {}

  /**
   * Runs an LSTM (sigmoid gates, tanh cell, Keras's gate order i, f, c, o) over a sequence whose
   * input projection {@code x @ kernel + bias} is already computed, time-major.
   *
   * @param projected {@code [time, batch, 4*units]}
   * @param recurrentKernel {@code [units, 4*units]}
   * @param h0 the initial output state {@code [batch, units]}
   * @param c0 the initial cell state {@code [batch, units]}
   * @param mask {@code [time, batch]} (nonzero: the step counts), or null
   * @param goBackwards whether the steps run from the last to the first
   * @param returnSequences whether to return the output of every step
   * @param zeroOutputForMask whether a masked step outputs zeros (else the previous output)
   */
  public static LstmResult lstm(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor h0,
      Tensor c0,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask) {
    int[] ps = ShapeRefs.of(projected);
    if (ps.length != 3 || ps[2] % 4 != 0 || ps[2] == 0 || ps[0] == 0) {
      throw new IllegalArgumentException(
          "lstm: expected the projected sequence [time, batch, 4*units] with at least one step."
              + " Received: projected.shape="
              + Shapes.toString(ps));
    }
    int time = ps[0];
    int batch = ps[1];
    int units = ps[2] / 4;
    expect("lstm", "recurrent_kernel", recurrentKernel, units, 4 * units);
    expect("lstm", "h0", h0, batch, units);
    expect("lstm", "c0", c0, batch, units);
    Tensor m = mask == null ? null : floatMask("lstm", mask, time, batch);
    checkFloat("lstm", projected, recurrentKernel, h0, c0);
    Options options = new Options(goBackwards, returnSequences, zeroOutputForMask);
    RecurrentKernels kernels = Backend.current().recurrent();
    LstmForward f =
        kernels.lstm(projected, recurrentKernel, h0, c0, m, options, GradientTape.recording());
    Tensor packed = f.packed();
    if (f.saved() != null) {
      Tensor fm = m;
      GradientTape.record(
          packed,
          new Tensor[] {projected, recurrentKernel, h0, c0},
          g -> {
            LstmGradients d = kernels.lstmBackward(g, f.saved(), recurrentKernel, fm, options);
            return new Tensor[] {d.projected(), d.recurrentKernel(), d.h0(), d.c0()};
          });
    }
    int s = returnSequences ? time : 0;
    return new LstmResult(
        sequence(packed, s, batch, units),
        row(packed, s, batch, units),
        row(packed, s + 1, batch, units),
        row(packed, s + 2, batch, units));
  }

  /** The outputs of {@link #gru}: as {@link LstmResult}, with the one state. */
  public record GruResult(Tensor sequence, Tensor lastOutput, Tensor h) {}

  /**
   * Runs Keras's GRU with {@code reset_after} (sigmoid gates, tanh candidate, gate order z, r, h)
   * over a sequence whose input projection {@code x @ kernel + input_bias} is already computed,
   * time-major.
   *
   * @param projected {@code [time, batch, 3*units]}
   * @param recurrentKernel {@code [units, 3*units]}
   * @param recurrentBias {@code [3*units]}, or null
   * @param h0 the initial state {@code [batch, units]}
   * @param mask {@code [time, batch]} (nonzero: the step counts), or null
   */
  public static GruResult gru(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor recurrentBias,
      Tensor h0,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask) {
    int[] ps = ShapeRefs.of(projected);
    if (ps.length != 3 || ps[2] % 3 != 0 || ps[2] == 0 || ps[0] == 0) {
      throw new IllegalArgumentException(
          "gru: expected the projected sequence [time, batch, 3*units] with at least one step."
              + " Received: projected.shape="
              + Shapes.toString(ps));
    }
    int time = ps[0];
    int batch = ps[1];
    int units = ps[2] / 3;
    expect("gru", "recurrent_kernel", recurrentKernel, units, 3 * units);
    expect("gru", "h0", h0, batch, units);
    if (recurrentBias != null
        && !java.util.Arrays.equals(ShapeRefs.of(recurrentBias), new int[] {3 * units})) {
      throw new IllegalArgumentException(
          "gru: expected recurrent_bias of shape ("
              + 3 * units
              + ",). Received: recurrent_bias.shape="
              + Shapes.toString(ShapeRefs.of(recurrentBias)));
    }
    Tensor m = mask == null ? null : floatMask("gru", mask, time, batch);
    checkFloat("gru", projected, recurrentKernel, recurrentBias, h0);
    Options options = new Options(goBackwards, returnSequences, zeroOutputForMask);
    RecurrentKernels kernels = Backend.current().recurrent();
    GruForward f =
        kernels.gru(
            projected, recurrentKernel, recurrentBias, h0, m, options, GradientTape.recording());
    Tensor packed = f.packed();
    if (f.saved() != null) {
      boolean withBias = recurrentBias != null;
      GradientTape.record(
          packed,
          new Tensor[] {projected, recurrentKernel, recurrentBias, h0},
          g -> {
            GruGradients d =
                kernels.gruBackward(g, f.saved(), recurrentKernel, withBias, m, options);
            return new Tensor[] {d.projected(), d.recurrentKernel(), d.recurrentBias(), d.h0()};
          });
    }
    int s = returnSequences ? time : 0;
    return new GruResult(
        sequence(packed, s, batch, units),
        row(packed, s, batch, units),
        row(packed, s + 1, batch, units));
  }

  private static Tensor sequence(Tensor packed, int s, int batch, int units) {
    return s == 0
        ? null
        : Ops.transpose(
            Ops.slice(packed, new int[] {0, 0, 0}, new int[] {s, batch, units}), 1, 0, 2);
  }

  private static Tensor floatMask(String op, Tensor mask, int time, int batch) {
    expect(op, "mask", mask, time, batch);
    return mask.dtype() == DType.FLOAT32 ? mask : Ops.cast(mask, DType.FLOAT32);
  }

  private static void checkFloat(String op, Tensor... ts) {
    for (Tensor t : ts) {
      if (t != null && t.dtype() != DType.FLOAT32) {
        throw new IllegalArgumentException(
            op + ": expected float32 tensors. Received: dtype=" + t.dtype().kerasName());
      }
    }
  }

  private static Tensor row(Tensor packed, int index, int batch, int units) {
    return Ops.reshape(
        Ops.slice(packed, new int[] {index, 0, 0}, new int[] {1, batch, units}), batch, units);
  }

  private static void expect(String op, String name, Tensor t, int rows, int cols) {
    int[] s = ShapeRefs.of(t);
    if (s.length != 2 || s[0] != rows || s[1] != cols) {
      throw new IllegalArgumentException(
          op
              + ": expected "
              + name
              + " of shape ("
              + rows
              + ", "
              + cols
              + "). Received: "
              + name
              + ".shape="
              + Shapes.toString(s));
    }
  }
}
