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
 * What Keras's BatchNormalization, LayerNormalization and GroupNormalization share: {@code
 * epsilon}, the learned offset {@code beta} ({@code center}) and scale {@code gamma} ({@code
 * scale}) with their initializers, regularizers and constraints, chained on the concrete layer, and
 * their config keys.
 */
abstract class BaseNormalization<T extends BaseNormalization<T>> extends Layer {
  double epsilon = 1e-3;
  boolean center = true;
  boolean scale = true;
  private Initializer betaInitializer = Initializers.get("zeros");
  private Initializer gammaInitializer = Initializers.get("ones");
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;

  Variable gamma;
  Variable beta;

  BaseNormalization() {
    this.supportsMasking = true;
  }

  abstract T self();

  /** The Keras class name, for messages. */
  abstract String layerClass();

  public T epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException(
          "Argument `epsilon` of layer "
              + layerClass()
              + " must be >= 0. Received: epsilon="
              + epsilon);
    }
    this.epsilon = epsilon;
    return self();
  }

  /** Whether to add the offset {@code beta}. */
  public T center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return self();
  }

  /** Whether to multiply by {@code gamma}. */
  public T scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return self();
  }

  public T betaInitializer(String name) {
    return betaInitializer(Initializers.get(name));
  }

  public T betaInitializer(Initializer init) {
    checkNotBuilt("betaInitializer");
    this.betaInitializer = init;
    return self();
  }

  public T gammaInitializer(String name) {
    return gammaInitializer(Initializers.get(name));
  }

  public T gammaInitializer(Initializer init) {
    checkNotBuilt("gammaInitializer");
    this.gammaInitializer = init;
    return self();
  }

  public T betaRegularizer(Regularizer r) {
    checkNotBuilt("betaRegularizer");
    this.betaRegularizer = r;
    return self();
  }

  public T betaRegularizer(String name) {
    return betaRegularizer(Regularizers.get(name));
  }

  public T gammaRegularizer(Regularizer r) {
    checkNotBuilt("gammaRegularizer");
    this.gammaRegularizer = r;
    return self();
  }

  public T gammaRegularizer(String name) {
    return gammaRegularizer(Regularizers.get(name));
  }

  public T betaConstraint(Constraint c) {
    checkNotBuilt("betaConstraint");
    this.betaConstraint = c;
    return self();
  }

  public T betaConstraint(String name) {
    return betaConstraint(Constraints.get(name));
  }

  public T gammaConstraint(Constraint c) {
    checkNotBuilt("gammaConstraint");
    this.gammaConstraint = c;
    return self();
  }

  public T gammaConstraint(String name) {
    return gammaConstraint(Constraints.get(name));
  }

  public double epsilon() {
    return epsilon;
  }

  /** The scale {@code gamma} (null before build or without scale). */
  public Variable gamma() {
    return gamma;
  }

  /** The offset {@code beta} (null before build or without center). */
  public Variable beta() {
    return beta;
  }

  /** Creates {@code gamma} (when {@code withGamma}) and {@code beta} (when {@code withBeta}). */
  void addGammaBeta(int[] shape, boolean withGamma, boolean withBeta) {
    if (withGamma) {
      gamma = addWeight("gamma", shape, gammaInitializer, gammaRegularizer, gammaConstraint, true);
    }
    if (withBeta) {
      beta = addWeight("beta", shape, betaInitializer, betaRegularizer, betaConstraint, true);
    }
  }

  /** Puts {@code epsilon}, {@code center} and {@code scale}. */
  void putNormalizationConfig(Map<String, Object> c) {
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
  }

  /** Puts the beta/gamma initializers (Keras writes the penalties after other keys). */
  void putBetaGammaInitializers(Map<String, Object> c) {
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
  }

  /** Puts the beta/gamma regularizers and constraints. */
  void putBetaGammaPenalties(Map<String, Object> c) {
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
  }

  /** Reads what {@link #putNormalizationConfig} and the two beta/gamma puts write. */
  T readNormalizationConfig(Config c) {
    epsilon(c.getDouble("epsilon", 1e-3));
    center(c.getBoolean("center", true));
    scale(c.getBoolean("scale", true));
    betaInitializer(c.initializer("beta_initializer", "zeros"));
    gammaInitializer(c.initializer("gamma_initializer", "ones"));
    betaRegularizer(c.regularizer("beta_regularizer"));
    gammaRegularizer(c.regularizer("gamma_regularizer"));
    betaConstraint(c.constraint("beta_constraint"));
    gammaConstraint(c.constraint("gamma_constraint"));
    return self();
  }
}
