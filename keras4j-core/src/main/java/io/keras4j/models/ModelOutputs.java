package io.keras4j.models;

import io.keras4j.Tensor;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The outputs of one call of a model, in output order, with the mask each output carries (null
 * where it has none): Keras's {@code y_pred} with its {@code _keras_mask}. It is a list of the
 * output tensors, so it goes wherever {@code yPred} goes, and {@link Model#computeLoss} and {@link
 * Model#computeMetrics} find the masks on it; a list made by hand carries none.
 */
public final class ModelOutputs extends AbstractList<Tensor> implements RandomAccess {
  private final List<Tensor> outputs;
  private final List<Tensor> masks;

  /**
   * @param outputs the output tensors
   * @param masks one mask (or null) per output
   */
  public ModelOutputs(List<Tensor> outputs, List<Tensor> masks) {
    if (masks.size() != outputs.size()) {
      throw new IllegalArgumentException(
          "ModelOutputs needs one mask (or null) per output. Received: "
              + outputs.size()
              + " outputs and "
              + masks.size()
              + " masks");
    }
    this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
    this.masks = Collections.unmodifiableList(new ArrayList<>(masks));
  }

  /** Outputs without masks. */
  public static ModelOutputs of(List<Tensor> outputs) {
    return outputs instanceof ModelOutputs m
        ? m
        : new ModelOutputs(outputs, Collections.nCopies(outputs.size(), null));
  }

  @Override
  public Tensor get(int index) {
    return outputs.get(index);
  }

  @Override
  public int size() {
    return outputs.size();
  }

  /** One mask per output, null where an output has none. */
  public List<Tensor> masks() {
    return masks;
  }

  /** The mask of output {@code index}, or null. */
  public Tensor mask(int index) {
    return masks.get(index);
  }

  /** The masks {@code yPred} carries: its masks when it is a ModelOutputs, otherwise none. */
  public static List<Tensor> masksOf(List<Tensor> yPred) {
    return yPred instanceof ModelOutputs m ? m.masks : List.of();
  }
}
