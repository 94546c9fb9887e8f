package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;

/**
 * The axis argument of the normalization layers that take an int or a list of ints (Keras's {@code
 * axis=-1} or {@code axis=[1, 2]}): the axes as given, whether they were a list (so that the config
 * writes them back as they came), and the helpers the layers share.
 */
record NormAxes(int[] axes, boolean list) {
  NormAxes {
    axes = axes.clone();
  }

  static NormAxes of(int axis) {
    return new NormAxes(new int[] {axis}, false);
  }

  static NormAxes of(String layer, int... axes) {
    if (axes.length == 0) {
      throw new IllegalArgumentException(
          "Argument `axis` of layer " + layer + " must name at least one axis. Received: axis=[]");
    }
    return new NormAxes(axes, true);
  }

  /** Reads an int or a list of ints. */
  static NormAxes read(String layer, Config c, int dflt) {
    Object raw = c.has("axis") ? c.get("axis") : null;
    int[] axes = c.getInts("axis", new int[] {dflt});
    if (axes == null) {
      throw new IllegalArgumentException(
          "Argument `axis` of layer " + layer + " must be an int or a list. Received: axis=null");
    }
    return raw instanceof List<?> ? of(layer, axes) : of(axes[0]);
  }

  /**
   * The config value: an int, or a list when a list was given (negative axes stay negative; {@code
   * Config.list} writes them as None, a shape's unknown size).
   */
  Object config() {
    if (!list) {
      return axes[0];
    }
    List<Object> out = new java.util.ArrayList<>(axes.length);
    for (int a : axes) {
      out.add(a);
    }
    return out;
  }

  /** The axes normalized for a rank, in the given order; an error names the layer. */
  int[] resolve(Layer layer, int rank) {
    int[] out = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      if (axes[i] < -rank || axes[i] >= rank) {
        throw new IllegalArgumentException(
            "Layer '"
                + layer.name()
                + "' ("
                + layer.getClass().getSimpleName()
                + "): `axis` is out of range for an input of rank "
                + rank
                + ". Received: axis="
                + (list ? Arrays.toString(axes) : String.valueOf(axes[0])));
      }
      out[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
    }
    return out;
  }

  /** The sizes of {@code shape} at the resolved axes (a weight's shape); they must be known. */
  static int[] sizes(Layer layer, int[] shape, int[] resolved) {
    int[] out = new int[resolved.length];
    for (int i = 0; i < resolved.length; i++) {
      out[i] = shape[resolved[i]];
      if (out[i] < 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + layer.name()
                + "' ("
                + layer.getClass().getSimpleName()
                + ") needs known sizes on the normalized axes. Received: input_shape="
                + Shapes.toString(shape));
      }
    }
    return out;
  }

  /** The spec of later inputs: the normalized axes keep their sizes. */
  InputSpec spec(int[] sizes) {
    InputSpec spec = InputSpec.minNdim(1);
    for (int i = 0; i < axes.length; i++) {
      spec = spec.withAxis(axes[i], sizes[i]);
    }
    return spec;
  }

  /**
   * A weight over the normalized axes, reshaped (as Keras does) to broadcast against {@code x}
   * unless it is 1-D on the last axis or already of {@code x}'s rank.
   */
  static Tensor broadcast(Tensor weight, Tensor x, int[] resolved) {
    int rank = x.rank();
    if (weight.rank() == rank || (resolved.length == 1 && resolved[0] == rank - 1)) {
      return weight;
    }
    int[] shape = new int[rank];
    Arrays.fill(shape, 1);
    int[] xs = ShapeRefs.of(x);
    for (int a : resolved) {
      shape[a] = xs[a];
    }
    return Ops.reshape(weight, shape);
  }
}
