package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** The elementwise maximum of a list of inputs; masked values never win. */
public class Maximum extends Merge {
  public Maximum() {}

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    return mergeMasked(Ops::maximum, inputs, masks);
  }

  public static Maximum fromConfig(Config c) {
    Maximum m = new Maximum();
    return m.applyBaseConfig(c, m);
  }
}
