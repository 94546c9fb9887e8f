package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** Subtracts the second of exactly two inputs from the first. */
public class Subtract extends Merge {
  public Subtract() {}

  @Override
  int[] outputSampleShape(List<int[]> shapes) {
    if (shapes.size() != 2) {
      throw new IllegalArgumentException(
          "A `Subtract` layer should be called on exactly 2 inputs (layer '"
              + name()
              + "'). Received: input_shape="
              + Shapes.toString(shapes));
    }
    return super.outputSampleShape(shapes);
  }

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return Ops.subtract(inputs.get(0), inputs.get(1));
  }

  public static Subtract fromConfig(Config c) {
    Subtract s = new Subtract();
    return s.applyBaseConfig(c, s);
  }
}
