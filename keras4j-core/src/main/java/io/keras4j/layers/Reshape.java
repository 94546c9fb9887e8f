package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reshapes every sample to {@code targetShape} (batch axis excluded); one dimension may be -1, to
 * be inferred from the size of the input.
 */
public class Reshape extends Layer {
  private final int[] targetShape;

  public Reshape(int... targetShape) {
    int unknown = 0;
    for (int d : targetShape) {
      if (d < -1) {
        throw new IllegalArgumentException(
            "Each dimension in `target_shape` of layer Reshape must be a non-negative integer, or"
                + " `-1` for a single unknown dimension. Received: target_shape="
                + format(targetShape));
      }
      unknown += d == -1 ? 1 : 0;
    }
    if (unknown > 1) {
      throw new IllegalArgumentException(
          "There must be at most one unknown dimension (-1) in `target_shape` of layer Reshape."
              + " Received: target_shape="
              + format(targetShape));
    }
    this.targetShape = targetShape.clone();
  }

  public int[] targetShape() {
    return targetShape.clone();
  }

  /**
   * The target shape with its -1 resolved against a sample shape (batch axis excluded); -1 stays
   * when the sample shape has an unknown dimension.
   */
  private int[] resolve(int[] sampleShape) {
    for (int d : sampleShape) {
      if (d < 0) {
        return targetShape.clone();
      }
    }
    long size = Shapes.size(sampleShape);
    long known = 1;
    int unknownAt = -1;
    for (int i = 0; i < targetShape.length; i++) {
      if (targetShape[i] == -1) {
        unknownAt = i;
      } else {
        known *= targetShape[i];
      }
    }
    int[] out = targetShape.clone();
    if (unknownAt < 0 ? known != size : known == 0 || size % known != 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Reshape): the total size of the tensor must be unchanged. Received:"
              + " input_shape="
              + Shapes.toString(sampleShape)
              + " ("
              + size
              + " values), target_shape="
              + format(targetShape));
    }
    if (unknownAt >= 0) {
      out[unknownAt] = (int) (size / known);
    }
    return out;
  }

  /** A target shape as Keras prints it, -1 included: {@code (-1, 5)}. */
  private static String format(int[] shape) {
    String s = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return "(" + s + (shape.length == 1 ? ",)" : ")");
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ShapeRefs.of(inputs);
    int[] resolved = resolve(Shapes.dropFirst(s));
    return Ops.reshape(inputs, Shapes.withBatch(s[0], resolved));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return Shapes.withBatch(inputShape[0], resolve(Shapes.dropFirst(inputShape)));
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    // Keras writes the -1 as is (not None), so it is not Config.list.
    c.put("target_shape", Arrays.stream(targetShape).boxed().toList());
    return c;
  }

  public static Reshape fromConfig(Config c) {
    Reshape r = new Reshape(c.getIntArray("target_shape"));
    return r.applyBaseConfig(c, r);
  }
}
