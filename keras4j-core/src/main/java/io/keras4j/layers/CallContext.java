package io.keras4j.layers;

import io.keras4j.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a layer's {@code call} gets besides its inputs: the training flag and the input masks. */
public final class CallContext {
  private static final CallContext INFERENCE = new CallContext(false, List.of());

  private final boolean training;
  private final List<Tensor> masks;

  private CallContext(boolean training, List<Tensor> masks) {
    this.training = training;
    this.masks = masks;
  }

  /** Inference, no masks. */
  public static CallContext inference() {
    return INFERENCE;
  }

  public static CallContext of(boolean training) {
    return training ? new CallContext(true, List.of()) : INFERENCE;
  }

  /** A context with one mask per input (null entries for inputs without a mask). */
  public static CallContext of(boolean training, List<Tensor> masks) {
    return new CallContext(training, Collections.unmodifiableList(new ArrayList<>(masks)));
  }

  /** Whether the layer runs in training mode (dropout and noise active). */
  public boolean training() {
    return training;
  }

  /** The mask of the first input, or null. */
  public Tensor mask() {
    return masks.isEmpty() ? null : masks.get(0);
  }

  /** One mask per input, null where an input has none; empty when there are none at all. */
  public List<Tensor> masks() {
    return masks;
  }

  public boolean hasMask() {
    for (Tensor m : masks) {
      if (m != null) {
        return true;
      }
    }
    return false;
  }
}
