package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import java.util.List;

/**
 * Updates variables from their gradients, as Keras's {@code keras.optimizers.Optimizer}: clips
 * gradients, applies weight decay, then each subclass's {@code updateStep}, then counts the
 * iteration. Skeleton: the optimizers work completes it.
 */
public abstract class Optimizer {
  protected Optimizer(double learningRate, String name) {}

  protected Optimizer(LearningRateSchedule learningRate, String name) {}

  public String name() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** The current learning rate (a schedule's value at the current iteration). */
  public double learningRate() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Sets a constant learning rate while training (callbacks use this). */
  public void setLearningRate(double learningRate) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Number of updates applied so far. */
  public long iterations() {
    throw new UnsupportedOperationException("skeleton");
  }

  /** Applies one update: {@code grads.get(i)} is the gradient of {@code variables.get(i)}. */
  public void applyGradients(List<Tensor> grads, List<Variable> variables) {
    throw new UnsupportedOperationException("skeleton");
  }
}
