package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/**
 * The elementwise product of a list of inputs. Masked values count as 1 (they do not change the
 * product); when every input has a mask, positions masked in all inputs are 0, as in Keras.
 */
public class Multiply extends Merge {
  public Multiply() {}

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    boolean allMasked = !anyNull(masks);
    Tensor output = null;
    Tensor outputMask = null;
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      if (masks.get(i) != null) {
        Tensor mask = maskLike(masks.get(i), x);
        x = Ops.where(mask, x, Tensor.scalar(1f));
        if (allMasked) {
          outputMask = outputMask == null ? mask : or(outputMask, mask);
        }
      }
      output = output == null ? x : Ops.multiply(output, x);
    }
    if (allMasked && outputMask != null) {
      output = Ops.where(outputMask, output, Tensor.scalar(0f));
    }
    return output;
  }

  public static Multiply fromConfig(Config c) {
    Multiply m = new Multiply();
    return m.applyBaseConfig(c, m);
  }
}
