package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** Adds a list of inputs of the same (or broadcastable) shape. */
public class Add extends Merge {
  public Add() {}

  @Override
  protected Tensor merge(List<Tensor> inputs, List<Tensor> masks) {
    Tensor out = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      out = Ops.add(out, inputs.get(i));
    }
    return out;
  }

  public static Add fromConfig(Config c) {
    Add a = new Add();
    return a.applyBaseConfig(c, a);
  }
}
