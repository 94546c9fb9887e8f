package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code BaseDepthwiseConv}: DepthwiseConv1D and DepthwiseConv2D, each input channel
 * convolved with its own {@code depthMultiplier} filters (kernel {@code (k..., in,
 * depth_multiplier)}, output channels {@code in * depth_multiplier}), by {@code Ops.depthwiseConv}.
 * The depthwise kernel options are shared with the separable convolutions.
 */
abstract class BaseDepthwiseConv<T extends BaseDepthwiseConv<T>> extends ConvLayer<T> {
  int depthMultiplier = 1;
  Initializer depthwiseInitializer = Initializers.get("glorot_uniform");
  Regularizer depthwiseRegularizer;
  Constraint depthwiseConstraint;
  Variable depthwiseKernel;

  BaseDepthwiseConv(int rank, int[] kernelSize) {
    super(rank, kernelSize);
  }

  public T depthMultiplier(int depthMultiplier) {
    checkNotBuilt("depthMultiplier");
    checkPositive("depth_multiplier", depthMultiplier);
    this.depthMultiplier = depthMultiplier;
    return self();
  }

  public int depthMultiplier() {
    return depthMultiplier;
  }

  public T depthwiseInitializer(String name) {
    return depthwiseInitializer(Initializers.get(name));
  }

  public T depthwiseInitializer(Initializer init) {
    checkNotBuilt("depthwiseInitializer");
    this.depthwiseInitializer = init;
    return self();
  }

  public T depthwiseRegularizer(Regularizer r) {
    checkNotBuilt("depthwiseRegularizer");
    this.depthwiseRegularizer = r;
    return self();
  }

  public T depthwiseRegularizer(String name) {
    return depthwiseRegularizer(Regularizers.get(name));
  }

  public T depthwiseConstraint(Constraint c) {
    checkNotBuilt("depthwiseConstraint");
    this.depthwiseConstraint = c;
    return self();
  }

  public T depthwiseConstraint(String name) {
    return depthwiseConstraint(Constraints.get(name));
  }

  @Override
  int outputChannels(int inputChannels) {
    return inputChannels * depthMultiplier;
  }

  /** Keras names the depthwise layers' kernel {@code kernel}, the separable ones' otherwise. */
  String depthwiseName() {
    return "kernel";
  }

  /**
   * Creates the depthwise kernel {@code (k..., in, depth_multiplier)}; returns the input channels.
   */
  int addDepthwiseKernel(int[] inputShape) {
    int c = inputChannels(inputShape);
    convOutputSpatial(inputShape);
    int[] shape = Arrays.copyOf(kernelSize, rank + 2);
    shape[rank] = c;
    shape[rank + 1] = depthMultiplier;
    depthwiseKernel =
        addWeight(
            depthwiseName(),
            shape,
            depthwiseInitializer,
            depthwiseRegularizer,
            depthwiseConstraint,
            true);
    inputSpec(InputSpec.ndim(rank + 2).withAxis(channelsFirst() ? 1 : -1, c));
    return c;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int c = addDepthwiseKernel(inputShape);
    if (useBias) {
      bias =
          addWeight(
              "bias",
              new int[] {c * depthMultiplier},
              biasInitializer,
              biasRegularizer,
              biasConstraint,
              true);
    }
  }

  /** The depthwise kernel variable (null before build). */
  public Variable kernel() {
    return depthwiseKernel;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor y =
        Ops.depthwiseConv(
            inputs, depthwiseKernel.value(), strides, padding, dataFormat, dilationRate);
    return finish(y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("depth_multiplier", depthMultiplier);
    putGeometry(c);
    putActivation(c);
    c.put("depthwise_initializer", Initializers.serialize(depthwiseInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("depthwise_regularizer", serialize(depthwiseRegularizer));
    c.put("bias_regularizer", serialize(biasRegularizer));
    c.put("depthwise_constraint", serialize(depthwiseConstraint));
    c.put("bias_constraint", serialize(biasConstraint));
    return c;
  }

  T readDepthwise(Config c) {
    depthMultiplier(c.getInt("depth_multiplier", 1));
    depthwiseInitializer(c.initializer("depthwise_initializer", "glorot_uniform"));
    depthwiseRegularizer(c.regularizer("depthwise_regularizer"));
    depthwiseConstraint(c.constraint("depthwise_constraint"));
    return readCommon(c);
  }
}
