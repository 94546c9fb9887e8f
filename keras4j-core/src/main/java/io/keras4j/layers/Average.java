package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** The elementwise mean of a list of inputs. */
public class Average extends Merge {
  public Average() {}

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    Tensor out = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      out = Ops.add(out, inputs.get(i));
    }
    return Ops.divide(out, Tensor.scalar(inputs.size()));
  }

  public static Average fromConfig(Config c) {
    Average a = new Average();
    return a.applyBaseConfig(c, a);
  }
}
