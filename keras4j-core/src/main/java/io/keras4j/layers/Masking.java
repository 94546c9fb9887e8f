package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's Masking: a timestep whose features all equal {@code maskValue} is masked for the layers
 * after this one (the mask is {@code any(x != maskValue, axis=-1)}), and, as Keras 3, its features
 * are set to zero in the output.
 */
public class Masking extends Layer {
  private final float maskValue;

  public Masking() {
    this(0f);
  }

  public Masking(double maskValue) {
    this.maskValue = (float) maskValue;
    this.supportsMasking = true;
  }

  public float maskValue() {
    return maskValue;
  }

  /** 1 where some feature differs from maskValue, as {@code [..., 1]}. */
  private Tensor keep(Tensor inputs) {
    return Ops.max(Ops.notEqual(inputs, Tensor.scalar(maskValue)), new int[] {-1}, true);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.multiply(inputs, keep(inputs));
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(Ops.max(Ops.notEqual(inputs.get(0), Tensor.scalar(maskValue)), -1));
    return out;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mask_value", (double) maskValue);
    return c;
  }

  public static Masking fromConfig(Config c) {
    Masking m = new Masking(c.getDouble("mask_value", 0.0));
    return m.applyBaseConfig(c, m);
  }
}
