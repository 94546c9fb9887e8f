package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** The elementwise minimum of a list of inputs; masked values never win. */
public class Minimum extends Merge {
  public Minimum() {}

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return mergeMasked(Ops::minimum, inputs, masks);
  }

  public static Minimum fromConfig(Config c) {
    Minimum m = new Minimum();
    return m.applyBaseConfig(c, m);
  }
}
