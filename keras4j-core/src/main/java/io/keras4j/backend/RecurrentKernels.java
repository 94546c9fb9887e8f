package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Recurrent layers run through time as one kernel call: the LSTM recurrence over a whole sequence,
 * forward and backward through time, with the recurrent product and the gates of a step fused.
 *
 * <p>Part of {@link Backend}; tensors in, new float32 tensors out; arguments are validated by the
 * caller ({@code io.keras4j.ops.RecurrentOps}). Sequences are <b>time-major</b>: the input
 * projection of every step ({@code x @ kernel + bias}, computed before as one product) is {@code
 * [time, batch, 4*units]} with the gates in Keras's order i, f, c, o; a mask is float {@code [time,
 * batch]} (0 masks a step of a row). Activations are Keras's defaults: sigmoid for the gates, tanh
 * for the cell.
 *
 * <p>A masked step keeps the previous states; its output repeats the previous output (zeros before
 * the first step), or is zero with {@code zeroOutputForMask}, as Keras's {@code backend.rnn}.
 */
public interface RecurrentKernels {

  /** How the sequence is walked and what it returns. */
  record Options(boolean reverse, boolean returnSequences, boolean zeroOutputForMask) {}

  /**
   * What the backward pass needs from the forward one, all time-major and indexed by the time of
   * the step (not the order of processing): the activated gates {@code [time, batch, 4*units]}, the
   * states before the step {@code hPrev}, {@code cPrev} and the cell state after it {@code cNew}
   * ({@code [time, batch, units]} each).
   */
  record LstmSaved(Tensor gates, Tensor hPrev, Tensor cPrev, Tensor cNew) {}

  /**
   * The forward pass: {@code packed} is {@code [s + 3, batch, units]}, where rows {@code 0..s-1}
   * are the outputs of every step in processing order ({@code s = time} with {@code
   * returnSequences}, else 0), row {@code s} the last output, {@code s+1} the final h, {@code s+2}
   * the final c. {@code saved} is null unless {@code keep}.
   */
  record LstmForward(Tensor packed, LstmSaved saved) {}

  /** Gradients with respect to the projection, the recurrent kernel and the initial states. */
  record LstmGradients(Tensor projected, Tensor recurrentKernel, Tensor h0, Tensor c0) {}

  /**
   * Runs an LSTM over the sequence: at each step {@code z = projected[t] + h @ recurrentKernel},
   * {@code c = f * c + i * tanh(z_c)}, {@code h = o * tanh(c)} with {@code i, f, o} the sigmoids of
   * their columns of z.
   *
   * @param projected {@code [time, batch, 4*units]}
   * @param recurrentKernel {@code [units, 4*units]}
   * @param h0 {@code [batch, units]}
   * @param c0 {@code [batch, units]}
   * @param mask {@code [time, batch]} float, or null
   * @param keep whether to keep what {@link #lstmBackward} needs
   */
  LstmForward lstm(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor h0,
      Tensor c0,
      Tensor mask,
      Options options,
      boolean keep);

  /**
   * Backward through time: {@code dPacked} is the gradient of the forward pass's {@code packed}
   * output.
   */
  LstmGradients lstmBackward(
      Tensor dPacked, LstmSaved saved, Tensor recurrentKernel, Tensor mask, Options options);

  /**
   * What the GRU backward pass needs, time-major and indexed by the time of the step: {@code gates}
   * {@code [time, batch, 4*units]} holds per row z, r, the candidate hh and the recurrent product's
   * h part with its bias; {@code hPrev} the states before the steps.
   */
  record GruSaved(Tensor gates, Tensor hPrev) {}

  /**
   * The GRU forward pass: {@code packed} is {@code [s + 2, batch, units]}: the outputs of every
   * step ({@code s = time} with {@code returnSequences}, else 0), the last output, the final state.
   */
  record GruForward(Tensor packed, GruSaved saved) {}

  /** Gradients with respect to the projection, the recurrent kernel and bias, the initial state. */
  record GruGradients(Tensor projected, Tensor recurrentKernel, Tensor recurrentBias, Tensor h0) {}

  /**
   * Runs Keras's GRU with {@code reset_after} (Keras 3's default) over the sequence: at each step
   * {@code a = h @ recurrentKernel + recurrentBias}, {@code z = sigmoid(p_z + a_z)}, {@code r =
   * sigmoid(p_r + a_r)}, {@code hh = tanh(p_h + r * a_h)}, {@code h = z * h + (1 - z) * hh}, gates
   * in Keras's order z, r, h.
   *
   * @param projected {@code [time, batch, 3*units]}: the input projection with the input bias
   * @param recurrentKernel {@code [units, 3*units]}
   * @param recurrentBias {@code [3*units]}, or null
   * @param h0 {@code [batch, units]}
   * @param mask {@code [time, batch]} float, or null
   * @param keep whether to keep what {@link #gruBackward} needs
   */
  GruForward gru(
      Tensor projected,
      Tensor recurrentKernel,
      Tensor recurrentBias,
      Tensor h0,
      Tensor mask,
      Options options,
      boolean keep);

  /**
   * Backward through time of {@link #gru}; the recurrent bias's gradient is null when the forward
   * pass had none.
   */
  GruGradients gruBackward(
      Tensor dPacked,
      GruSaved saved,
      Tensor recurrentKernel,
      boolean withBias,
      Tensor mask,
      Options options);
}
