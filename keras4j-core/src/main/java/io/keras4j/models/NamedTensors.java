package io.keras4j.models;

import io.keras4j.Tensor;
import io.keras4j.internal.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tensors keyed by input or output name (Keras's dicts for x and y), put in the model's order. */
final class NamedTensors {
  private NamedTensors() {}

  /**
   * The tensors of {@code byName} in the order of {@code names}; every key must be one of the names
   * and every name must have a tensor.
   *
   * @param method "fit", "evaluate", ... for the error
   * @param argument "x" or "y"
   * @param kind "input" or "output"
   */
  static List<Tensor> inOrder(
      Map<String, Tensor> byName,
      List<String> names,
      String model,
      String method,
      String argument,
      String kind) {
    if (byName == null) {
      throw new IllegalArgumentException(
          method + ": " + argument + " is null. Received: " + argument + "=null");
    }
    for (String key : byName.keySet()) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException(
            method
                + ": "
                + argument
                + " has the key '"
                + key
                + "', which is not an "
                + kind
                + " name of model '"
                + model
                + "'. Its "
                + kind
                + "s are "
                + names
                + "."
                + Suggest.didYouMean(key, names));
      }
    }
    List<Tensor> out = new ArrayList<>(names.size());
    for (String name : names) {
      Tensor t = byName.get(name);
      if (t == null) {
        throw new IllegalArgumentException(
            method
                + ": "
                + argument
                + " has no tensor for the "
                + kind
                + " '"
                + name
                + "' of model '"
                + model
                + "'. Its "
                + kind
                + "s are "
                + names
                + ". Received keys: "
                + byName.keySet());
      }
      out.add(t);
    }
    return out;
  }
}
