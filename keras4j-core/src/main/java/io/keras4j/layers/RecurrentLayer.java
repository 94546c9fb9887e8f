package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The base of SimpleRNN, LSTM and GRU: an {@link RNN} over its own cell, whose options it takes as
 * chained options (Keras's constructor arguments), and whose config holds the cell's keys and the
 * RNN's, without a nested cell, as Keras writes them.
 *
 * @param <L> the concrete layer, so that chained options return it
 * @param <C> its cell
 */
public abstract class RecurrentLayer<L extends RecurrentLayer<L, C>, C extends RecurrentCell<C>>
    extends RNN {
  protected RecurrentLayer(C cell) {
    super(cell);
  }

  @SuppressWarnings("unchecked")
  protected final L self() {
    return (L) this;
  }

  @SuppressWarnings("unchecked")
  public C cellLayer() {
    return (C) cell;
  }

  public int units() {
    return cellLayer().units();
  }

  @Override
  public L returnSequences(boolean v) {
    super.returnSequences(v);
    return self();
  }

  @Override
  public L returnState(boolean v) {
    super.returnState(v);
    return self();
  }

  @Override
  public L goBackwards(boolean v) {
    super.goBackwards(v);
    return self();
  }

  @Override
  public L stateful(boolean v) {
    super.stateful(v);
    return self();
  }

  @Override
  public L unroll(boolean v) {
    super.unroll(v);
    return self();
  }

  @Override
  public L zeroOutputForMask(boolean v) {
    super.zeroOutputForMask(v);
    return self();
  }

  public L activation(String name) {
    cellLayer().activation(name);
    return self();
  }

  public L activation(ActivationFunction f) {
    cellLayer().activation(f);
    return self();
  }

  public L useBias(boolean v) {
    cellLayer().useBias(v);
    return self();
  }

  public L kernelInitializer(String name) {
    cellLayer().kernelInitializer(name);
    return self();
  }

  public L kernelInitializer(Initializer init) {
    cellLayer().kernelInitializer(init);
    return self();
  }

  public L recurrentInitializer(String name) {
    cellLayer().recurrentInitializer(name);
    return self();
  }

  public L recurrentInitializer(Initializer init) {
    cellLayer().recurrentInitializer(init);
    return self();
  }

  public L biasInitializer(String name) {
    cellLayer().biasInitializer(name);
    return self();
  }

  public L biasInitializer(Initializer init) {
    cellLayer().biasInitializer(init);
    return self();
  }

  public L kernelRegularizer(Regularizer r) {
    cellLayer().kernelRegularizer(r);
    return self();
  }

  public L kernelRegularizer(String name) {
    cellLayer().kernelRegularizer(name);
    return self();
  }

  public L recurrentRegularizer(Regularizer r) {
    cellLayer().recurrentRegularizer(r);
    return self();
  }

  public L recurrentRegularizer(String name) {
    cellLayer().recurrentRegularizer(name);
    return self();
  }

  public L biasRegularizer(Regularizer r) {
    cellLayer().biasRegularizer(r);
    return self();
  }

  public L biasRegularizer(String name) {
    cellLayer().biasRegularizer(name);
    return self();
  }

  public L kernelConstraint(Constraint c) {
    cellLayer().kernelConstraint(c);
    return self();
  }

  public L kernelConstraint(String name) {
    cellLayer().kernelConstraint(name);
    return self();
  }

  public L recurrentConstraint(Constraint c) {
    cellLayer().recurrentConstraint(c);
    return self();
  }

  public L recurrentConstraint(String name) {
    cellLayer().recurrentConstraint(name);
    return self();
  }

  public L biasConstraint(Constraint c) {
    cellLayer().biasConstraint(c);
    return self();
  }

  public L biasConstraint(String name) {
    cellLayer().biasConstraint(name);
    return self();
  }

  public L dropout(double rate) {
    cellLayer().dropout(rate);
    return self();
  }

  public L recurrentDropout(double rate) {
    cellLayer().recurrentDropout(rate);
    return self();
  }

  public L seed(long seed) {
    cellLayer().seed(seed);
    return self();
  }

  /** Keras 3's order: the base keys, the RNN's options, then the cell's. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = BaseConfigs.write(this);
    c.remove("activity_regularizer");
    putRnnOptions(c);
    c.put("units", units());
    cellLayer()
        .putCellOptions(
            c,
            true,
            activityRegularizer() == null
                ? null
                : io.keras4j.regularizers.Regularizers.serialize(activityRegularizer()));
    return c;
  }

  /** Reads the RNN options and the base config (the cell's options are read by the subclass). */
  protected static <L extends RecurrentLayer<L, ?>> L readLayer(Config c, L layer) {
    layer.readRnnOptions(c);
    return layer.applyBaseConfig(c, layer);
  }
}
