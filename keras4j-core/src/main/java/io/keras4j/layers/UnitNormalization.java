package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Scales each sample to an L2 norm of 1 over {@link #axis} (default the last), as Keras's {@code
 * UnitNormalization}: {@code x * rsqrt(max(sum(square(x), axis), 1e-12))}. No weights.
 */
public class UnitNormalization extends Layer {
  private static final float MIN_SQUARE_SUM = 1e-12f;

  private NormAxes axis = NormAxes.of(-1);

  public UnitNormalization() {
    this.supportsMasking = true;
  }

  /** The axis to normalize over (Keras's {@code axis=-1}). */
  public UnitNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of(axis);
    return this;
  }

  /** The axes to normalize over, as a list (Keras's {@code axis=[1, 2]}). */
  public UnitNormalization axis(int... axes) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of("UnitNormalization", axes);
    return this;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    axis.resolve(this, inputShape.length);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] resolved = axis.resolve(this, inputs.rank());
    Tensor squareSum = Ops.sum(Ops.square(inputs), resolved, true);
    Tensor invNorm = Ops.rsqrt(Ops.maximum(squareSum, Tensor.scalar(MIN_SQUARE_SUM)));
    return Ops.multiply(inputs, invNorm);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    axis.resolve(this, inputShape.length);
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis.config());
    return c;
  }

  public static UnitNormalization fromConfig(Config c) {
    UnitNormalization l = new UnitNormalization();
    l.axis = NormAxes.read("UnitNormalization", c, -1);
    return l.applyBaseConfig(c, l);
  }
}
