package io.keras4j.layers;

import io.keras4j.Shapes;
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
 * The parametric ReLU: {@code x} for {@code x >= 0}, {@code alpha * x} below, with a learned {@code
 * alpha} per input position. {@link #sharedAxes} share one alpha along axes (e.g. the spatial axes
 * of an image, keeping one alpha per channel).
 */
public class PReLU extends Layer {
  private Initializer alphaInitializer = Initializers.get("Zeros");
  private Regularizer alphaRegularizer;
  private Constraint alphaConstraint;
  private int[] sharedAxes;
  private Variable alpha;

  public PReLU() {
    this.supportsMasking = true;
  }

  public PReLU alphaInitializer(String name) {
    return alphaInitializer(Initializers.get(name));
  }

  public PReLU alphaInitializer(Initializer init) {
    checkNotBuilt("alphaInitializer");
    this.alphaInitializer = init;
    return this;
  }

  public PReLU alphaRegularizer(Regularizer r) {
    checkNotBuilt("alphaRegularizer");
    this.alphaRegularizer = r;
    return this;
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public PReLU alphaRegularizer(String name) {
    return alphaRegularizer(Regularizers.get(name));
  }

  public PReLU alphaConstraint(Constraint c) {
    checkNotBuilt("alphaConstraint");
    this.alphaConstraint = c;
    return this;
  }

  /** A constraint by Keras name with Keras's defaults: {@code "non_neg"} is {@code NonNeg()}. */
  public PReLU alphaConstraint(String name) {
    return alphaConstraint(Constraints.get(name));
  }

  /** Axes (1-based, the batch axis is 0) along which alpha is shared. */
  public PReLU sharedAxes(int... sharedAxes) {
    checkNotBuilt("sharedAxes");
    for (int a : sharedAxes) {
      if (a < 1) {
        throw new IllegalArgumentException(
            "Argument `shared_axes` of layer PReLU must hold axes >= 1 (axis 0 is the batch)."
                + " Received: shared_axes="
                + Arrays.toString(sharedAxes));
      }
    }
    this.sharedAxes = sharedAxes.clone();
    return this;
  }

  /** The alpha weight (null before build). */
  public Variable alpha() {
    return alpha;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int[] paramShape = Shapes.dropFirst(inputShape);
    if (sharedAxes != null) {
      for (int a : sharedAxes) {
        if (a >= inputShape.length) {
          throw new IllegalArgumentException(
              "Layer '"
                  + name()
                  + "' (PReLU): shared axis "
                  + a
                  + " does not exist in an input of shape "
                  + Shapes.toString(inputShape)
                  + ". Received: shared_axes="
                  + Arrays.toString(sharedAxes));
        }
        paramShape[a - 1] = 1;
      }
    }
    alpha =
        addWeight("alpha", paramShape, alphaInitializer, alphaRegularizer, alphaConstraint, true);
    InputSpec spec = InputSpec.ndim(inputShape.length);
    if (sharedAxes != null && sharedAxes.length > 0) {
      for (int i = 1; i < inputShape.length; i++) {
        final int axis = i;
        if (Arrays.stream(sharedAxes).noneMatch(a -> a == axis)) {
          spec = spec.withAxis(i, inputShape[i]);
        }
      }
    }
    inputSpec(spec);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor pos = Ops.relu(inputs);
    Tensor neg = Ops.multiply(alpha.value(), Ops.relu(Ops.negative(inputs)));
    return Ops.subtract(pos, neg);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha_initializer", Initializers.serialize(alphaInitializer));
    c.put(
        "alpha_regularizer",
        alphaRegularizer == null ? null : Regularizers.serialize(alphaRegularizer));
    c.put(
        "alpha_constraint",
        alphaConstraint == null ? null : Constraints.serialize(alphaConstraint));
    c.put("shared_axes", sharedAxes == null ? null : Config.list(sharedAxes));
    return c;
  }

  public static PReLU fromConfig(Config c) {
    PReLU p = new PReLU();
    p.alphaInitializer(c.initializer("alpha_initializer", "Zeros"));
    p.alphaRegularizer(c.regularizer("alpha_regularizer"));
    p.alphaConstraint(c.constraint("alpha_constraint"));
    if (c.has("shared_axes")) {
      p.sharedAxes(c.getIntArray("shared_axes"));
    }
    return p.applyBaseConfig(c, p);
  }
}
