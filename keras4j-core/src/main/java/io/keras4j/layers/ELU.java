package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/** The exponential linear unit: {@code x} for {@code x > 0}, {@code alpha * (exp(x) - 1)} below. */
public class ELU extends Layer {
  private double alpha = 1.0;

  public ELU() {
    this.supportsMasking = true;
  }

  public ELU alpha(double alpha) {
    checkNotBuilt("alpha");
    this.alpha = alpha;
    return this;
  }

  public double alpha() {
    return alpha;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.elu(inputs, (float) alpha);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  /** Also writes {@code alpha}, which Keras 3's ELU leaves out of its config (and accepts). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    return c;
  }

  public static ELU fromConfig(Config c) {
    ELU e = new ELU().alpha(c.getDouble("alpha", 1.0));
    return e.applyBaseConfig(c, e);
  }
}
