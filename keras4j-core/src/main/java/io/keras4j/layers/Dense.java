package io.keras4j.layers;

import io.keras4j.Shapes;
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
import java.util.Map;

/**
 * The densely-connected layer: {@code activation(inputs @ kernel + bias)} on the last axis of an
 * input of any rank >= 2.
 */
public class Dense extends Layer {
  private final int units;
  private ActivationFunction activation = Activations.get("linear");
  private boolean useBias = true;
  private Initializer kernelInitializer = Initializers.get("glorot_uniform");
  private Initializer biasInitializer = Initializers.get("zeros");
  private Regularizer kernelRegularizer;
  private Regularizer biasRegularizer;
  private Constraint kernelConstraint;
  private Constraint biasConstraint;
  private Variable kernel;
  private Variable bias;

  public Dense(int units) {
    if (units <= 0) {
      throw new IllegalArgumentException(
          "Argument `units` of layer Dense must be a positive integer. Received: units=" + units);
    }
    this.units = units;
    // As in Keras 3: a mask over the leading axes (e.g. timesteps) still applies to the output.
    this.supportsMasking = true;
  }

  public Dense(int units, String activation) {
    this(units);
    activation(activation);
  }

  public Dense(int units, ActivationFunction activation) {
    this(units);
    activation(activation);
  }

  public Dense activation(String name) {
    checkNotBuilt("activation");
    this.activation = Activations.get(name);
    return this;
  }

  public Dense activation(ActivationFunction f) {
    checkNotBuilt("activation");
    this.activation = f;
    return this;
  }

  public Dense useBias(boolean useBias) {
    checkNotBuilt("useBias");
    this.useBias = useBias;
    return this;
  }

  public Dense kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public Dense kernelInitializer(Initializer init) {
    checkNotBuilt("kernelInitializer");
    this.kernelInitializer = init;
    return this;
  }

  public Dense biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public Dense biasInitializer(Initializer init) {
    checkNotBuilt("biasInitializer");
    this.biasInitializer = init;
    return this;
  }

  public Dense kernelRegularizer(Regularizer r) {
    checkNotBuilt("kernelRegularizer");
    this.kernelRegularizer = r;
    return this;
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public Dense kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public Dense biasRegularizer(Regularizer r) {
    checkNotBuilt("biasRegularizer");
    this.biasRegularizer = r;
    return this;
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public Dense biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  /** A penalty on the output (Keras's {@code activity_regularizer}), returning this Dense. */
  @Override
  public Dense activityRegularizer(Regularizer r) {
    super.activityRegularizer(r);
    return this;
  }

  /** A penalty on the output by Keras name with Keras's defaults ({@code "l2"}: 0.01). */
  @Override
  public Dense activityRegularizer(String name) {
    super.activityRegularizer(name);
    return this;
  }

  public Dense kernelConstraint(Constraint c) {
    checkNotBuilt("kernelConstraint");
    this.kernelConstraint = c;
    return this;
  }

  /** A constraint by Keras name with Keras's defaults: {@code "max_norm"} is {@code MaxNorm(2)}. */
  public Dense kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public Dense biasConstraint(Constraint c) {
    checkNotBuilt("biasConstraint");
    this.biasConstraint = c;
    return this;
  }

  /** A constraint by Keras name with Keras's defaults: {@code "non_neg"} is {@code NonNeg()}. */
  public Dense biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  public int units() {
    return units;
  }

  /** The kernel variable, {@code [inputDim, units]} (null before build). */
  public Variable kernel() {
    return kernel;
  }

  /** The bias variable, {@code [units]} (null before build or without bias). */
  public Variable bias() {
    return bias;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int inputDim = inputShape.length == 0 ? -1 : inputShape[inputShape.length - 1];
    if (inputShape.length < 2 || inputDim < 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Dense) needs an input of rank >= 2 with a known last dimension. Received:"
              + " input_shape="
              + Shapes.toString(inputShape));
    }
    kernel =
        addWeight(
            "kernel",
            new int[] {inputDim, units},
            kernelInitializer,
            kernelRegularizer,
            kernelConstraint,
            true);
    if (useBias) {
      bias =
          addWeight(
              "bias", new int[] {units}, biasInitializer, biasRegularizer, biasConstraint, true);
    }
    inputSpec(InputSpec.minNdim(2).withAxis(-1, inputDim));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    // One fused op (product, bias, activation) when the backend can apply the activation in the
    // product's epilogue; other activations run after a fused linear product.
    FusedActivation fused = fusedActivation(activation);
    Tensor b = bias == null ? null : bias.value();
    if (fused != null) {
      return Ops.linear(inputs, kernel.value(), b, fused);
    }
    return activation.apply(Ops.linear(inputs, kernel.value(), b, FusedActivation.LINEAR));
  }

  private static final ActivationFunction LINEAR = Activations.get("linear");
  private static final ActivationFunction RELU = Activations.get("relu");
  private static final ActivationFunction SIGMOID = Activations.get("sigmoid");
  private static final ActivationFunction TANH = Activations.get("tanh");

  /** The backend's fused form of a built-in activation, or null. */
  static FusedActivation fusedActivation(ActivationFunction f) {
    if (f == LINEAR) {
      return FusedActivation.LINEAR;
    } else if (f == RELU) {
      return FusedActivation.RELU;
    } else if (f == SIGMOID) {
      return FusedActivation.SIGMOID;
    } else if (f == TANH) {
      return FusedActivation.TANH;
    }
    return null;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    int[] out = inputShape.clone();
    out[out.length - 1] = units;
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("units", units);
    c.put("activation", Activations.serialize(activation));
    c.put("use_bias", useBias);
    c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
    c.put("bias_initializer", Initializers.serialize(biasInitializer));
    c.put(
        "kernel_regularizer",
        kernelRegularizer == null ? null : Regularizers.serialize(kernelRegularizer));
    c.put(
        "bias_regularizer",
        biasRegularizer == null ? null : Regularizers.serialize(biasRegularizer));
    c.put(
        "kernel_constraint",
        kernelConstraint == null ? null : Constraints.serialize(kernelConstraint));
    c.put("bias_constraint", biasConstraint == null ? null : Constraints.serialize(biasConstraint));
    return c;
  }

  public static Dense fromConfig(Config c) {
    Dense d = new Dense(c.getInt("units"));
    d.activation(c.activation("activation", "linear"));
    d.useBias(c.getBoolean("use_bias", true));
    d.kernelInitializer(c.initializer("kernel_initializer", "glorot_uniform"));
    d.biasInitializer(c.initializer("bias_initializer", "zeros"));
    d.kernelRegularizer(c.regularizer("kernel_regularizer"));
    d.biasRegularizer(c.regularizer("bias_regularizer"));
    d.kernelConstraint(c.constraint("kernel_constraint"));
    d.biasConstraint(c.constraint("bias_constraint"));
    return d.applyBaseConfig(c, d);
  }
}
