package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.random.SeedGenerator;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;

/**
 * The options every recurrent cell takes as Keras's do (dense ones and ConvLSTM's): the activation,
 * {@code use_bias}, the kernel's, recurrent kernel's and bias's initializers, regularizers and
 * constraints, {@code dropout} / {@code recurrentDropout} and the seed of their masks, each a
 * chained option that returns the concrete cell.
 *
 * @param <C> the concrete cell, so that chained options return it
 */
public abstract class CellOptions<C extends CellOptions<C>> extends Layer {
  protected ActivationFunction activation = Activations.get("tanh");
  protected boolean useBias = true;
  protected Initializer kernelInitializer = Initializers.get("glorot_uniform");
  protected Initializer recurrentInitializer = Initializers.get("orthogonal");
  protected Initializer biasInitializer = Initializers.get("zeros");
  protected Regularizer kernelRegularizer;
  protected Regularizer recurrentRegularizer;
  protected Regularizer biasRegularizer;
  protected Constraint kernelConstraint;
  protected Constraint recurrentConstraint;
  protected Constraint biasConstraint;
  protected double dropout;
  protected double recurrentDropout;

  /** The seed given, or null (then masks draw from the global seed). */
  protected Long seed;

  /** Where the dropout masks' seeds come from. */
  protected SeedGenerator seedGenerator = new SeedGenerator();

  @SuppressWarnings("unchecked")
  protected final C self() {
    return (C) this;
  }

  /**
   * The name errors about an option give (the class's simple name unless a layer owns the cell).
   */
  String optionOwner() {
    return getClass().getSimpleName();
  }

  public C activation(String name) {
    return activation(Activations.get(name));
  }

  public C activation(ActivationFunction f) {
    checkNotBuilt("activation");
    this.activation = f == null ? Activations.get("linear") : f;
    return self();
  }

  public C useBias(boolean useBias) {
    checkNotBuilt("useBias");
    this.useBias = useBias;
    return self();
  }

  public C kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public C kernelInitializer(Initializer init) {
    checkNotBuilt("kernelInitializer");
    this.kernelInitializer = init;
    return self();
  }

  public C recurrentInitializer(String name) {
    return recurrentInitializer(Initializers.get(name));
  }

  public C recurrentInitializer(Initializer init) {
    checkNotBuilt("recurrentInitializer");
    this.recurrentInitializer = init;
    return self();
  }

  public C biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public C biasInitializer(Initializer init) {
    checkNotBuilt("biasInitializer");
    this.biasInitializer = init;
    return self();
  }

  public C kernelRegularizer(Regularizer r) {
    checkNotBuilt("kernelRegularizer");
    this.kernelRegularizer = r;
    return self();
  }

  public C kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public C recurrentRegularizer(Regularizer r) {
    checkNotBuilt("recurrentRegularizer");
    this.recurrentRegularizer = r;
    return self();
  }

  public C recurrentRegularizer(String name) {
    return recurrentRegularizer(Regularizers.get(name));
  }

  public C biasRegularizer(Regularizer r) {
    checkNotBuilt("biasRegularizer");
    this.biasRegularizer = r;
    return self();
  }

  public C biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  public C kernelConstraint(Constraint c) {
    checkNotBuilt("kernelConstraint");
    this.kernelConstraint = c;
    return self();
  }

  public C kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public C recurrentConstraint(Constraint c) {
    checkNotBuilt("recurrentConstraint");
    this.recurrentConstraint = c;
    return self();
  }

  public C recurrentConstraint(String name) {
    return recurrentConstraint(Constraints.get(name));
  }

  public C biasConstraint(Constraint c) {
    checkNotBuilt("biasConstraint");
    this.biasConstraint = c;
    return self();
  }

  public C biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  /** The fraction of the input dropped in training (masks drawn once per sequence). */
  public C dropout(double rate) {
    this.dropout = RandomLayer.unitInterval(optionOwner(), "dropout", rate);
    return self();
  }

  /** The fraction of the recurrent state dropped in the recurrent product (training). */
  public C recurrentDropout(double rate) {
    this.recurrentDropout = RandomLayer.unitInterval(optionOwner(), "recurrent_dropout", rate);
    return self();
  }

  public C seed(long seed) {
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return self();
  }
}
