package io.keras4j.models;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The data of one training, test or prediction step: what Keras hands to {@code train_step(data)}
 * as {@code x, y, sample_weight}. {@code fit} makes one per batch and gives it to {@link
 * Model#trainStep}; {@link #x()} and {@link #y()} are the single input and target of a model with
 * one of each, {@link #inputs()} and {@link #targets()} the lists (in the model's input and output
 * order).
 *
 * @param inputs the input tensors, one per model input
 * @param targets the target tensors, one per model output; empty for prediction
 * @param sampleWeight one weight per sample, or null
 */
public record StepData(List<Tensor> inputs, List<Tensor> targets, Tensor sampleWeight) {
  public StepData {
    inputs = copy(inputs, "inputs");
    targets = copy(targets, "targets");
  }

  private static List<Tensor> copy(List<Tensor> ts, String what) {
    if (ts == null) {
      return List.of();
    }
    for (Tensor t : ts) {
      if (t == null) {
        throw new IllegalArgumentException(
            "StepData: " + what + " must not contain null. Received: " + what + "=" + ts);
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(ts));
  }

  /** Inputs only, as {@code predictStep} gets them. */
  public static StepData of(Tensor x) {
    return new StepData(List.of(x), List.of(), null);
  }

  public static StepData of(Tensor x, Tensor y) {
    return new StepData(List.of(x), List.of(y), null);
  }

  public static StepData of(Tensor x, Tensor y, Tensor sampleWeight) {
    return new StepData(List.of(x), List.of(y), sampleWeight);
  }

  public static StepData of(List<Tensor> x, List<Tensor> y) {
    return new StepData(x, y, null);
  }

  /** The single input; throws when there are several (use {@link #inputs()}). */
  public Tensor x() {
    return single(inputs, "x", "inputs");
  }

  /** The single target; throws when there are none or several (use {@link #targets()}). */
  public Tensor y() {
    return single(targets, "y", "targets");
  }

  private static Tensor single(List<Tensor> ts, String name, String list) {
    if (ts.size() != 1) {
      throw new IllegalStateException(
          "StepData."
              + name
              + "() needs exactly one tensor; use "
              + list
              + "(). Received: "
              + ts.size()
              + " "
              + list);
    }
    return ts.get(0);
  }

  /** The number of samples: the rows of the first input (0 when there is no input). */
  public int batchSize() {
    if (inputs.isEmpty()) {
      return targets.isEmpty() ? 0 : rows(targets.get(0));
    }
    return rows(inputs.get(0));
  }

  private static int rows(Tensor t) {
    return t.rank() == 0 ? 1 : ShapeRefs.of(t)[0];
  }

  @Override
  public String toString() {
    return "StepData[inputs="
        + inputs.stream().map(t -> Shapes.toString(ShapeRefs.of(t))).toList()
        + ", targets="
        + targets.stream().map(t -> Shapes.toString(ShapeRefs.of(t))).toList()
        + ", sampleWeight="
        + (sampleWeight == null ? "null" : Shapes.toString(ShapeRefs.of(sampleWeight)))
        + "]";
  }
}
