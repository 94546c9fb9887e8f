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
 * Keras's {@code BaseSeparableConv}: SeparableConv1D and SeparableConv2D, a depthwise convolution
 * (kernel {@code depthwise_kernel (k..., in, depth_multiplier)}) then a 1x1 convolution to {@code
 * filters} (kernel {@code pointwise_kernel (1..., in * depth_multiplier, filters)}), by {@code
 * Ops.separableConv}. It reuses the depthwise options of {@link BaseDepthwiseConv}.
 */
abstract class BaseSeparableConv<T extends BaseSeparableConv<T>> extends BaseDepthwiseConv<T> {
  final int filters;
  Initializer pointwiseInitializer = Initializers.get("glorot_uniform");
  Regularizer pointwiseRegularizer;
  Constraint pointwiseConstraint;
  Variable pointwiseKernel;

  BaseSeparableConv(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize);
    checkPositive("filters", filters);
    this.filters = filters;
  }

  public T pointwiseInitializer(String name) {
    return pointwiseInitializer(Initializers.get(name));
  }

  public T pointwiseInitializer(Initializer init) {
    checkNotBuilt("pointwiseInitializer");
    this.pointwiseInitializer = init;
    return self();
  }

  public T pointwiseRegularizer(Regularizer r) {
    checkNotBuilt("pointwiseRegularizer");
    this.pointwiseRegularizer = r;
    return self();
  }

  public T pointwiseRegularizer(String name) {
    return pointwiseRegularizer(Regularizers.get(name));
  }

  public T pointwiseConstraint(Constraint c) {
    checkNotBuilt("pointwiseConstraint");
    this.pointwiseConstraint = c;
    return self();
  }

  public T pointwiseConstraint(String name) {
    return pointwiseConstraint(Constraints.get(name));
  }

  public int filters() {
    return filters;
  }

  /** The depthwise kernel variable (null before build). */
  public Variable depthwiseKernel() {
    return depthwiseKernel;
  }

  /** The pointwise kernel variable (null before build). */
  public Variable pointwiseKernel() {
    return pointwiseKernel;
  }

  @Override
  String depthwiseName() {
    return "depthwise_kernel";
  }

  @Override
  int outputChannels(int inputChannels) {
    return filters;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int c = addDepthwiseKernel(inputShape);
    int[] shape = new int[rank + 2];
    Arrays.fill(shape, 1);
    shape[rank] = c * depthMultiplier;
    shape[rank + 1] = filters;
    pointwiseKernel =
        addWeight(
            "pointwise_kernel",
            shape,
            pointwiseInitializer,
            pointwiseRegularizer,
            pointwiseConstraint,
            true);
    if (useBias) {
      bias =
          addWeight(
              "bias", new int[] {filters}, biasInitializer, biasRegularizer, biasConstraint, true);
    }
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor y =
        Ops.separableConv(
            inputs,
            depthwiseKernel.value(),
            pointwiseKernel.value(),
            strides,
            padding,
            dataFormat,
            dilationRate);
    return finish(y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    c.put("pointwise_initializer", Initializers.serialize(pointwiseInitializer));
    c.put("pointwise_regularizer", serialize(pointwiseRegularizer));
    c.put("pointwise_constraint", serialize(pointwiseConstraint));
    return c;
  }

  T readSeparable(Config c) {
    pointwiseInitializer(c.initializer("pointwise_initializer", "glorot_uniform"));
    pointwiseRegularizer(c.regularizer("pointwise_regularizer"));
    pointwiseConstraint(c.constraint("pointwise_constraint"));
    return readDepthwise(c);
  }
}
