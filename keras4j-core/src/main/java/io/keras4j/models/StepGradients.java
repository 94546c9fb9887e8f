package io.keras4j.models;

import io.keras4j.Tensor;
import java.util.List;

/**
 * The first half of a training step, {@link Model#computeGradients}: the loss of a batch, the
 * gradient of that loss for each trainable weight (in the order of {@link
 * Model#trainableWeights()}) and the predictions, before any weight changes. {@link
 * Model#applyGradients} is the second half; a data-parallel trainer averages the gradients of its
 * workers in between.
 *
 * @param loss the scalar loss the gradients are of
 * @param gradients one gradient per trainable weight
 * @param yPred the model's outputs in training mode (a {@link ModelOutputs}, with their masks)
 */
public record StepGradients(Tensor loss, List<Tensor> gradients, List<Tensor> yPred) {
  public StepGradients {
    gradients = List.copyOf(gradients);
  }
}
