package io.keras4j.layers;

import io.keras4j.Shapes;
import java.util.Map;

/**
 * What a layer accepts, checked at every call, as Keras's {@code InputSpec}: a rank (exact or a
 * minimum) and the sizes of some axes (e.g. a built Dense fixes its last axis).
 */
public record InputSpec(int ndim, int minNdim, Map<Integer, Integer> axes) {

  public static InputSpec minNdim(int minNdim) {
    return new InputSpec(-1, minNdim, Map.of());
  }

  public static InputSpec ndim(int ndim) {
    return new InputSpec(ndim, -1, Map.of());
  }

  public InputSpec withAxis(int axis, int size) {
    java.util.Map<Integer, Integer> m = new java.util.HashMap<>(axes);
    m.put(axis, size);
    return new InputSpec(ndim, minNdim, Map.copyOf(m));
  }

  /** Throws, naming the layer, when {@code shape} does not satisfy this spec. */
  void check(Layer layer, int inputIndex, int[] shape) {
    String which = inputIndex == 0 ? "input" : "input " + inputIndex;
    if (ndim >= 0 && shape.length != ndim) {
      throw new IllegalArgumentException(
          "Input "
              + inputIndex
              + " of layer '"
              + layer.name()
              + "' is incompatible with the layer: expected ndim="
              + ndim
              + ", found ndim="
              + shape.length
              + ". Full shape received: "
              + Shapes.toString(shape));
    }
    if (minNdim >= 0 && shape.length < minNdim) {
      throw new IllegalArgumentException(
          "Input "
              + inputIndex
              + " of layer '"
              + layer.name()
              + "' is incompatible with the layer: expected min_ndim="
              + minNdim
              + ", found ndim="
              + shape.length
              + ". Full shape received: "
              + Shapes.toString(shape));
    }
    for (Map.Entry<Integer, Integer> e : axes.entrySet()) {
      int ax = e.getKey() < 0 ? e.getKey() + shape.length : e.getKey();
      if (ax < 0 || ax >= shape.length) {
        continue;
      }
      int got = shape[ax];
      if (got >= 0 && got != e.getValue()) {
        throw new IllegalArgumentException(
            "Input "
                + inputIndex
                + " of layer '"
                + layer.name()
                + "' is incompatible with the layer: expected axis "
                + e.getKey()
                + " of the "
                + which
                + " shape to have value "
                + e.getValue()
                + ", but received input with shape "
                + Shapes.toString(shape));
      }
    }
  }
}
