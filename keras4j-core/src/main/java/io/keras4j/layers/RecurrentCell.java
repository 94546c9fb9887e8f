package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.FusedActivation;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * What Keras's SimpleRNNCell, LSTMCell and GRUCell share: {@code units}, the activation, the kernel
 * {@code [input, k*units]}, recurrent kernel {@code [units, k*units]} and bias with their
 * initializers, regularizers and constraints, and {@code dropout} / {@code recurrentDropout} (in
 * training only, one mask per sequence, the same at every step, as Keras). The input projection of
 * all steps is one product in {@link #prepare}.
 *
 * @param <C> the concrete cell, so that chained options return it
 */
public abstract class RecurrentCell<C extends RecurrentCell<C>> extends CellOptions<C>
    implements RnnCell {
  protected final int units;
  private final int gates;
  protected Variable kernel;
  protected Variable recurrentKernel;
  protected Variable bias;

  /** The recurrent dropout mask of the running sequence ({@code [batch, units]}), or null. */
  protected Tensor recurrentMask;

  /** The input dropout mask of the running sequence ({@code [batch, 1, features]}), or null. */
  private Tensor inputMask;

  /** Whether the masks of the running sequence are drawn (until {@link #finish}). */
  private boolean masksDrawn;

  protected RecurrentCell(String cls, int units, int gates) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Received an invalid value for argument `units` of "
              + cls
              + ": expected a positive integer. Received: units="
              + units);
    }
    this.units = units;
    this.gates = gates;
  }

  public int units() {
    return units;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable recurrentKernel() {
    return recurrentKernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  public int outputSize() {
    return units;
  }

  /** The bias's shape (GRU with reset_after: {@code [2, 3*units]}). */
  protected int[] biasShape() {
    return new int[] {gates * units};
  }

  /** The bias's initializer (LSTM with unit_forget_bias: ones on the forget gate). */
  protected Initializer effectiveBiasInitializer() {
    return biasInitializer;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int inputDim = inputShape[inputShape.length - 1];
    if (inputShape.length != 2 || inputDim < 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") needs the shape [batch, features] of one step with known features. Received:"
              + " input_shape="
              + io.keras4j.Shapes.toString(inputShape));
    }
    kernel =
        addWeight(
            "kernel",
            new int[] {inputDim, gates * units},
            kernelInitializer,
            kernelRegularizer,
            kernelConstraint,
            true);
    recurrentKernel =
        addWeight(
            "recurrent_kernel",
            new int[] {units, gates * units},
            recurrentInitializer,
            recurrentRegularizer,
            recurrentConstraint,
            true);
    if (useBias) {
      bias =
          addWeight(
              "bias",
              biasShape(),
              effectiveBiasInitializer(),
              biasRegularizer,
              biasConstraint,
              true);
    }
  }

  /** The bias added to the input projection (all of it, unless a subclass splits it). */
  protected Tensor inputBias() {
    return bias == null ? null : bias.value();
  }

  /**
   * The input projection of every step at once: {@code (x * dropoutMask) @ kernel + bias}, {@code
   * [batch, time, gates*units]}. The first call of a sequence draws its dropout masks, which later
   * calls (a stacked cell projects step by step) reuse until {@link #finish}.
   */
  @Override
  public Tensor prepare(Tensor sequence, boolean training) {
    return Ops.linear(
        dropInput(sequence, training), kernel.value(), inputBias(), FusedActivation.LINEAR);
  }

  /**
   * {@link #prepare} time-major, {@code [time, batch, gates*units]}, as the fused recurrent ops
   * take it (the input is transposed before the product, where it is smaller).
   */
  Tensor prepareTimeMajor(Tensor sequence, boolean training) {
    Tensor x = Ops.transpose(dropInput(sequence, training), 1, 0, 2);
    return Ops.linear(x, kernel.value(), inputBias(), FusedActivation.LINEAR);
  }

  /** Draws the dropout masks of the sequence (once) and applies the input one. */
  private Tensor dropInput(Tensor sequence, boolean training) {
    Tensor x = sequence;
    int[] s = x.shape();
    if (!masksDrawn) {
      masksDrawn = true;
      if (training && dropout > 0 && dropout < 1) {
        inputMask = Noise.dropoutMask(new int[] {s[0], 1, s[2]}, 1 - dropout, seedGenerator.next());
      }
      if (training && recurrentDropout > 0 && recurrentDropout < 1) {
        recurrentMask =
            Noise.dropoutMask(new int[] {s[0], units}, 1 - recurrentDropout, seedGenerator.next());
      }
    }
    return inputMask == null ? x : Ops.multiply(x, inputMask);
  }

  /**
   * Whether {@link #runFused} computes this cell in one fused op (LSTM, GRU with reset_after): by
   * default no.
   */
  boolean fusable(boolean training) {
    return false;
  }

  /**
   * Keras's default activations (tanh, and sigmoid for the gates) and no recurrent dropout in this
   * call: what the fused recurrent kernels compute.
   */
  final boolean defaultActivations(boolean training) {
    return activation == Activations.get("tanh")
        && gateActivation() == Activations.get("sigmoid")
        && !(training && recurrentDropout > 0 && recurrentDropout < 1);
  }

  /**
   * The whole sequence in one fused op, with what {@link RnnLoop} returns: the time-major input
   * projection (dropout as {@link #prepare}), the mask transposed to {@code [time, batch]}, then
   * {@link #fusedSequence}.
   */
  final RnnLoop.Result runFused(
      Tensor x,
      List<Tensor> states,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask,
      boolean training) {
    try {
      Tensor projected = prepareTimeMajor(x, training);
      Tensor m = mask == null ? null : Ops.transpose(Ops.cast(mask, DType.FLOAT32));
      return fusedSequence(projected, states, m, goBackwards, returnSequences, zeroOutputForMask);
    } finally {
      finish();
    }
  }

  /** The fused op of a {@link #fusable} cell on the time-major projection and mask. */
  RnnLoop.Result fusedSequence(
      Tensor projected,
      List<Tensor> states,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no fused kernel");
  }

  /** The state multiplied by the recurrent dropout mask of the sequence, if any. */
  protected Tensor dropRecurrent(Tensor h) {
    return recurrentMask == null ? h : Ops.multiply(h, recurrentMask);
  }

  @Override
  public void finish() {
    recurrentMask = null;
    inputMask = null;
    masksDrawn = false;
  }

  /** Columns {@code [from, from+n)} of a {@code [batch, k]} tensor. */
  protected static Tensor columns(Tensor t, int from, int n) {
    return Ops.slice(t, new int[] {0, from}, new int[] {t.shape()[0], n});
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    putCellOptions(c, false, null);
    return c;
  }

  /** The gate activation of a gated cell (LSTM, GRU), or null. */
  ActivationFunction gateActivation() {
    return null;
  }

  /**
   * Whether the cell computes Keras 2's hard sigmoid (read from a Keras 2 or TF.js config), which a
   * config without {@code implementation} would read back as Keras 3's: a copy made from the config
   * (Bidirectional's) then adds that key.
   */
  public boolean usesKeras2HardSigmoid() {
    return activation == RnnActivations.KERAS2_HARD_SIGMOID
        || gateActivation() == RnnActivations.KERAS2_HARD_SIGMOID;
  }

  /**
   * Writes the options every cell and recurrent layer config holds, in Keras's order; a layer's
   * config ({@code layerKeys}) also holds the activity regularizer, after the bias regularizer.
   */
  void putCellOptions(Map<String, Object> c, boolean layerKeys, Object activityRegularizer) {
    c.put("activation", RnnActivations.serialize(activation));
    putGateActivation(c);
    c.put("use_bias", useBias);
    putBeforeInitializers(c);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("recurrent_initializer", Initializers.serialize(recurrentInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    putAfterInitializers(c);
    c.put("kernel_regularizer", reg(kernelRegularizer));
    c.put("recurrent_regularizer", reg(recurrentRegularizer));
    c.put("bias_regularizer", reg(biasRegularizer));
    if (layerKeys) {
      c.put("activity_regularizer", activityRegularizer);
    }
    c.put("kernel_constraint", con(kernelConstraint));
    c.put("recurrent_constraint", con(recurrentConstraint));
    c.put("bias_constraint", con(biasConstraint));
    c.put("dropout", dropout);
    c.put("recurrent_dropout", recurrentDropout);
    putAfterDropout(c);
    c.put("seed", seed);
  }

  void putGateActivation(Map<String, Object> c) {}

  void putBeforeInitializers(Map<String, Object> c) {}

  void putAfterInitializers(Map<String, Object> c) {}

  void putAfterDropout(Map<String, Object> c) {}

  private static Object reg(Regularizer r) {
    return r == null ? null : Regularizers.serialize(r);
  }

  private static Object con(Constraint c) {
    return c == null ? null : Constraints.serialize(c);
  }

  /** Reads the options every cell shares (a Keras 2 config's hard_sigmoid as Keras 2's). */
  void readCellOptions(Config c) {
    activation(RnnActivations.read(c, "activation", "tanh"));
    useBias(c.getBoolean("use_bias", true));
    kernelInitializer(c.initializer("kernel_initializer", "glorot_uniform"));
    recurrentInitializer(c.initializer("recurrent_initializer", "orthogonal"));
    biasInitializer(c.initializer("bias_initializer", "zeros"));
    kernelRegularizer(c.regularizer("kernel_regularizer"));
    recurrentRegularizer(c.regularizer("recurrent_regularizer"));
    biasRegularizer(c.regularizer("bias_regularizer"));
    kernelConstraint(c.constraint("kernel_constraint"));
    recurrentConstraint(c.constraint("recurrent_constraint"));
    biasConstraint(c.constraint("bias_constraint"));
    dropout(c.getDouble("dropout", 0));
    recurrentDropout(c.getDouble("recurrent_dropout", 0));
    if (c.get("seed") instanceof Number n) {
      seed(n.longValue());
    }
    // Keras 2 and TF.js write `implementation` (1 or 2: how the product is split, same numbers).
    c.get("implementation");
  }
}
