package io.keras4j.layers;

import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The convolutions with {@code filters} outputs and one {@code kernel} (Conv and ConvTranspose):
 * the kernel's initializer, regularizer and constraint.
 */
abstract class FilterConv<T extends FilterConv<T>> extends ConvLayer<T> {
  final int filters;
  Initializer kernelInitializer = Initializers.get("glorot_uniform");
  Regularizer kernelRegularizer;
  Constraint kernelConstraint;
  Variable kernel;

  FilterConv(int rank, int filters, int[] kernelSize) {
    super(rank, kernelSize);
    checkPositive("filters", filters);
    this.filters = filters;
  }

  public T kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public T kernelInitializer(Initializer init) {
    checkNotBuilt("kernelInitializer");
    this.kernelInitializer = init;
    return self();
  }

  public T kernelRegularizer(Regularizer r) {
    checkNotBuilt("kernelRegularizer");
    this.kernelRegularizer = r;
    return self();
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public T kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public T kernelConstraint(Constraint c) {
    checkNotBuilt("kernelConstraint");
    this.kernelConstraint = c;
    return self();
  }

  /** A constraint by Keras name with Keras's defaults: {@code "max_norm"} is {@code MaxNorm(2)}. */
  public T kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public int filters() {
    return filters;
  }

  /** The kernel variable (null before build). */
  public Variable kernel() {
    return kernel;
  }

  /** Creates the kernel of the given shape and the bias of {@code filters}. */
  void addKernelAndBias(int[] kernelShape) {
    kernel =
        addWeight(
            "kernel", kernelShape, kernelInitializer, kernelRegularizer, kernelConstraint, true);
    if (useBias) {
      bias =
          addWeight(
              "bias", new int[] {filters}, biasInitializer, biasRegularizer, biasConstraint, true);
    }
  }

  /** The kernel and bias initializers, regularizers and constraints, in Keras's order. */
  void putWeights(Map<String, Object> c) {
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put("kernel_regularizer", serialize(kernelRegularizer));
    c.put("bias_regularizer", serialize(biasRegularizer));
    c.put("kernel_constraint", serialize(kernelConstraint));
    c.put("bias_constraint", serialize(biasConstraint));
  }

  T readKernel(Config c) {
    kernelInitializer(c.initializer("kernel_initializer", "glorot_uniform"));
    kernelRegularizer(c.regularizer("kernel_regularizer"));
    kernelConstraint(c.constraint("kernel_constraint"));
    return readCommon(c);
  }
}
