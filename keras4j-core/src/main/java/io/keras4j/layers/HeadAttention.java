package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options and the call of the projected multi-head attention layers ({@link
 * MultiHeadAttention}, {@link GroupedQueryAttention}): inputs {@code [query, value]} or {@code
 * [query, value, key]}, their Keras masks as query/value/key masks, an explicit attention mask
 * through {@link #attend}, the causal mask, and the attention scores as a second output.
 *
 * @param <L> the layer's own type, returned by the chained options
 */
abstract class HeadAttention<L extends HeadAttention<L>> extends Layer {
  double dropout;
  boolean useBias = true;
  Initializer kernelInitializer = Initializers.get("glorot_uniform");
  Initializer biasInitializer = Initializers.get("zeros");
  Regularizer kernelRegularizer;
  Regularizer biasRegularizer;
  Regularizer projectionActivity;
  Constraint kernelConstraint;
  Constraint biasConstraint;
  Long seed;
  SeedGenerator seedGenerator = new SeedGenerator();
  boolean returnAttentionScores;
  boolean useCausalMask;

  HeadAttention() {
    this.supportsMasking = true;
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** The dropout rate of the attention weights in training, in [0, 1]. */
  public L dropout(double dropout) {
    checkNotBuilt("dropout");
    this.dropout = RandomLayer.unitInterval(getClass().getSimpleName(), "dropout", dropout);
    return self();
  }

  public L useBias(boolean useBias) {
    checkNotBuilt("useBias");
    this.useBias = useBias;
    return self();
  }

  public L kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public L kernelInitializer(Initializer init) {
    checkNotBuilt("kernelInitializer");
    this.kernelInitializer = init;
    return self();
  }

  public L biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public L biasInitializer(Initializer init) {
    checkNotBuilt("biasInitializer");
    this.biasInitializer = init;
    return self();
  }

  public L kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public L kernelRegularizer(Regularizer r) {
    checkNotBuilt("kernelRegularizer");
    this.kernelRegularizer = r;
    return self();
  }

  public L biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  public L biasRegularizer(Regularizer r) {
    checkNotBuilt("biasRegularizer");
    this.biasRegularizer = r;
    return self();
  }

  public L kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public L kernelConstraint(Constraint c) {
    checkNotBuilt("kernelConstraint");
    this.kernelConstraint = c;
    return self();
  }

  public L biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  public L biasConstraint(Constraint c) {
    checkNotBuilt("biasConstraint");
    this.biasConstraint = c;
    return self();
  }

  /**
   * As Keras: the penalty goes to the outputs of the query, key, value and output projections
   * (Keras hands it to each projection sublayer).
   */
  @Override
  public L activityRegularizer(Regularizer r) {
    checkNotBuilt("activityRegularizer");
    this.projectionActivity = r;
    return self();
  }

  @Override
  public L activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  @Override
  public Regularizer activityRegularizer() {
    return projectionActivity;
  }

  public L seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return self();
  }

  /** Also return the attention scores (after masking and softmax) as a second output. */
  public L returnAttentionScores(boolean returnAttentionScores) {
    checkNotBuilt("returnAttentionScores");
    this.returnAttentionScores = returnAttentionScores;
    return self();
  }

  /** Whether query step i may only attend to steps j <= i (decoder self-attention). */
  public L useCausalMask(boolean useCausalMask) {
    checkNotBuilt("useCausalMask");
    this.useCausalMask = useCausalMask;
    return self();
  }

  public double dropout() {
    return dropout;
  }

  public boolean useBias() {
    return useBias;
  }

  /** Creates a projection weight (kernel or bias) with the layer's options. */
  Variable addProjectionWeight(String name, int[] shape, boolean kernel) {
    return kernel
        ? addWeight(name, shape, kernelInitializer, kernelRegularizer, kernelConstraint, true)
        : addWeight(name, shape, biasInitializer, biasRegularizer, biasConstraint, true);
  }

  /** A projection ({@link AttentionCore#project}) with its activity penalty. */
  Tensor project(Tensor x, Variable kernel, Variable bias, int bound) {
    Tensor y = AttentionCore.project(x, kernel, bias, bound);
    if (projectionActivity != null) {
      addLoss(AttentionCore.penalty(projectionActivity, y));
    }
    return y;
  }

  /** Checks the input shapes (2 or 3 of them) with errors naming the layer and the shapes. */
  abstract void checkShapes(List<int[]> shapes);

  /** The output and the scores given the inputs, their masks and an explicit attention mask. */
  abstract List<Tensor> compute(
      List<Tensor> inputs, List<Tensor> masks, Tensor attentionMask, boolean training);

  void checkCount(List<int[]> shapes) {
    if (shapes.size() < 2 || shapes.size() > 3) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") is called on [query, value] or [query, value, key]. Received: "
              + shapes.size()
              + " inputs");
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    return compute(inputs, ctx.masks(), null, ctx.training());
  }

  /**
   * Runs the layer eagerly with Keras's {@code attention_mask}: a mask {@code (B, T, S)} (or one
   * that broadcasts) of which query steps may attend to which key steps, ANDed with the masks in
   * {@code ctx} (query, value, key) and the causal mask. The inputs are {@code [query, value]} or
   * {@code [query, value, key]}; the result is the output, then the scores when {@link
   * #returnAttentionScores}.
   */
  public List<Tensor> attend(List<Tensor> inputs, Tensor attentionMask, CallContext ctx) {
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    checkCount(shapes);
    checkShapes(shapes);
    maybeBuild(shapes);
    return compute(inputs, ctx.masks(), attentionMask, ctx.training());
  }

  /** Keras's combined attention mask of the masks given with the inputs and the options. */
  Tensor attentionMask(List<Tensor> masks, Tensor explicit, int t, int s) {
    Tensor qMask = masks.size() > 0 ? masks.get(0) : null;
    Tensor vMask = masks.size() > 1 ? masks.get(1) : null;
    Tensor kMask = masks.size() > 2 ? masks.get(2) : null;
    return AttentionMasks.attentionMask(qMask, vMask, kMask, explicit, useCausalMask, t, s);
  }

  /** The query mask passes to the output (none for the scores). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(masks.isEmpty() ? null : masks.get(0));
    if (returnAttentionScores) {
      out.add(null);
    }
    return out;
  }

  /** The initializers, regularizers, constraints and seed, as Keras writes them. */
  void putCommon(Map<String, Object> c) {
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put(
        "kernel_regularizer",
        kernelRegularizer == null ? null : Regularizers.serialize(kernelRegularizer));
    c.put(
        "bias_regularizer",
        biasRegularizer == null ? null : Regularizers.serialize(biasRegularizer));
    c.put(
        "activity_regularizer",
        projectionActivity == null ? null : Regularizers.serialize(projectionActivity));
    c.put(
        "kernel_constraint",
        kernelConstraint == null ? null : Constraints.serialize(kernelConstraint));
    c.put("bias_constraint", biasConstraint == null ? null : Constraints.serialize(biasConstraint));
    c.put("seed", seed);
    // Keras's call arguments, written only when set so that keras4j's round trip keeps them.
    if (returnAttentionScores) {
      c.put("return_attention_scores", true);
    }
    if (useCausalMask) {
      c.put("use_causal_mask", true);
    }
  }

  /** Reads what {@link #putCommon} writes, plus dropout, use_bias and the base config. */
  L readCommon(Config c) {
    dropout(c.getDouble("dropout", 0.0));
    useBias(c.getBoolean("use_bias", true));
    kernelInitializer(c.initializer("kernel_initializer", "glorot_uniform"));
    biasInitializer(c.initializer("bias_initializer", "zeros"));
    kernelRegularizer(c.regularizer("kernel_regularizer"));
    biasRegularizer(c.regularizer("bias_regularizer"));
    kernelConstraint(c.constraint("kernel_constraint"));
    biasConstraint(c.constraint("bias_constraint"));
    Long s = c.getLong("seed");
    if (s != null) {
      seed(s);
    }
    returnAttentionScores(c.getBoolean("return_attention_scores", false));
    useCausalMask(c.getBoolean("use_causal_mask", false));
    return applyBaseConfig(c, self());
  }
}
