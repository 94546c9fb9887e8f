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
import java.util.List;
import java.util.Map;

/**
 * Normalizes each sample over {@link #axis} (default the last), as Keras's {@code
 * LayerNormalization}: {@code (x - mean) / sqrt(variance + epsilon) * gamma + beta}, the mean and
 * the variance (divided by the count) taken over the given axes of each sample, {@code gamma} and
 * {@code beta} spanning those axes. With {@link #rmsScaling} the output is {@code x / sqrt(variance
 * + epsilon) * gamma} (Keras's formula: the variance is still taken around the mean), and {@code
 * center} and {@code scale} are ignored.
 */
public class LayerNormalization extends Layer {
  private NormAxes axis = NormAxes.of(-1);
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private boolean rmsScaling;
  private Initializer betaInitializer = Initializers.get("zeros");
  private Initializer gammaInitializer = Initializers.get("ones");
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;

  private Variable gamma;
  private Variable beta;

  public LayerNormalization() {
    this.supportsMasking = true;
  }

  /** The axis to normalize over (Keras's {@code axis=-1}). */
  public LayerNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of(axis);
    return this;
  }

  /** The axes to normalize over, as a list (Keras's {@code axis=[1, 2]}). */
  public LayerNormalization axis(int... axes) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of("LayerNormalization", axes);
    return this;
  }

  public LayerNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException(
          "Argument `epsilon` of layer LayerNormalization must be >= 0. Received: epsilon="
              + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  public LayerNormalization center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return this;
  }

  public LayerNormalization scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return this;
  }

  /** Scales by {@code gamma / sqrt(variance + epsilon)} only (no centering, no {@code beta}). */
  public LayerNormalization rmsScaling(boolean rmsScaling) {
    checkNotBuilt("rmsScaling");
    this.rmsScaling = rmsScaling;
    return this;
  }

  public LayerNormalization betaInitializer(String name) {
    return betaInitializer(Initializers.get(name));
  }

  public LayerNormalization betaInitializer(Initializer init) {
    checkNotBuilt("betaInitializer");
    this.betaInitializer = init;
    return this;
  }

  public LayerNormalization gammaInitializer(String name) {
    return gammaInitializer(Initializers.get(name));
  }

  public LayerNormalization gammaInitializer(Initializer init) {
    checkNotBuilt("gammaInitializer");
    this.gammaInitializer = init;
    return this;
  }

  public LayerNormalization betaRegularizer(Regularizer r) {
    checkNotBuilt("betaRegularizer");
    this.betaRegularizer = r;
    return this;
  }

  public LayerNormalization betaRegularizer(String name) {
    return betaRegularizer(Regularizers.get(name));
  }

  public LayerNormalization gammaRegularizer(Regularizer r) {
    checkNotBuilt("gammaRegularizer");
    this.gammaRegularizer = r;
    return this;
  }

  public LayerNormalization gammaRegularizer(String name) {
    return gammaRegularizer(Regularizers.get(name));
  }

  public LayerNormalization betaConstraint(Constraint c) {
    checkNotBuilt("betaConstraint");
    this.betaConstraint = c;
    return this;
  }

  public LayerNormalization betaConstraint(String name) {
    return betaConstraint(Constraints.get(name));
  }

  public LayerNormalization gammaConstraint(Constraint c) {
    checkNotBuilt("gammaConstraint");
    this.gammaConstraint = c;
    return this;
  }

  public LayerNormalization gammaConstraint(String name) {
    return gammaConstraint(Constraints.get(name));
  }

  /** The scale {@code gamma} (null before build, or without scale and rms scaling). */
  public Variable gamma() {
    return gamma;
  }

  /** The offset {@code beta} (null before build, without center, or with rms scaling). */
  public Variable beta() {
    return beta;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int[] resolved = axis.resolve(this, inputShape.length);
    int[] shape = NormAxes.sizes(this, inputShape, resolved);
    if (scale || rmsScaling) {
      gamma = addWeight("gamma", shape, gammaInitializer, gammaRegularizer, gammaConstraint, true);
    }
    if (center && !rmsScaling) {
      beta = addWeight("beta", shape, betaInitializer, betaRegularizer, betaConstraint, true);
    }
    inputSpec(axis.spec(shape));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] resolved = axis.resolve(this, inputs.rank());
    Tensor g = gamma == null ? null : NormAxes.broadcast(gamma.value(), inputs, resolved);
    List<Tensor> moments = Ops.moments(inputs, resolved, true);
    Tensor inv = Ops.rsqrt(Ops.add(moments.get(1), (float) epsilon));
    if (rmsScaling) {
      return Ops.multiply(Ops.multiply(inputs, inv), g);
    }
    if (g != null) {
      inv = Ops.multiply(inv, g);
    }
    Tensor res = Ops.negative(Ops.multiply(moments.get(0), inv));
    if (beta != null) {
      res = Ops.add(res, NormAxes.broadcast(beta.value(), inputs, resolved));
    }
    return Ops.add(Ops.multiply(inputs, inv), res);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    axis.resolve(this, inputShape.length);
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis.config());
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    c.put("rms_scaling", rmsScaling);
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    c.put(
        "beta_regularizer",
        betaRegularizer == null ? null : Regularizers.serialize(betaRegularizer));
    c.put(
        "gamma_regularizer",
        gammaRegularizer == null ? null : Regularizers.serialize(gammaRegularizer));
    c.put("beta_constraint", betaConstraint == null ? null : Constraints.serialize(betaConstraint));
    c.put(
        "gamma_constraint",
        gammaConstraint == null ? null : Constraints.serialize(gammaConstraint));
    return c;
  }

  public static LayerNormalization fromConfig(Config c) {
    LayerNormalization l = new LayerNormalization();
    l.axis = NormAxes.read("LayerNormalization", c, -1);
    l.epsilon(c.getDouble("epsilon", 1e-3));
    l.center(c.getBoolean("center", true));
    l.scale(c.getBoolean("scale", true));
    l.rmsScaling(c.getBoolean("rms_scaling", false));
    l.betaInitializer(c.initializer("beta_initializer", "zeros"));
    l.gammaInitializer(c.initializer("gamma_initializer", "ones"));
    l.betaRegularizer(c.regularizer("beta_regularizer"));
    l.gammaRegularizer(c.regularizer("gamma_regularizer"));
    l.betaConstraint(c.constraint("beta_constraint"));
    l.gammaConstraint(c.constraint("gamma_constraint"));
    return l.applyBaseConfig(c, l);
  }
}
