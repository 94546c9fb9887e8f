package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Normalizes each sample over {@link #axis} (default the last), as Keras's {@code
 * LayerNormalization}: {@code (x - mean) / sqrt(variance + epsilon) * gamma + beta}, the mean and
 * the variance (divided by the count) taken over the given axes of each sample, {@code gamma} and
 * {@code beta} spanning those axes. With {@link #rmsScaling} the output is {@code x / sqrt(variance
 * + epsilon) * gamma} (Keras's formula: the variance is still taken around the mean), and {@code
 * center} and {@code scale} are ignored.
 */
public class LayerNormalization extends BaseNormalization<LayerNormalization> {
  private NormAxes axis = NormAxes.of(-1);
  private boolean rmsScaling;

  public LayerNormalization() {}

  @Override
  LayerNormalization self() {
    return this;
  }

  @Override
  String layerClass() {
    return "LayerNormalization";
  }

  /** The axis to normalize over (Keras's {@code axis=-1}). */
  public LayerNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of(axis);
    return this;
  }

  /** The axes to normalize over, as a list (Keras's {@code axis=[1, 2]}). */
  public LayerNormalization axis(int... axes) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of("LayerNormalization", axes);
    return this;
  }

  /** Scales by {@code gamma / sqrt(variance + epsilon)} only (no centering, no {@code beta}). */
  public LayerNormalization rmsScaling(boolean rmsScaling) {
    checkNotBuilt("rmsScaling");
    this.rmsScaling = rmsScaling;
    return this;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int[] resolved = axis.resolve(this, inputShape.length);
    int[] shape = NormAxes.sizes(this, inputShape, resolved);
    addGammaBeta(shape, scale || rmsScaling, center && !rmsScaling);
    inputSpec(axis.spec(shape));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] resolved = axis.resolve(this, inputs.rank());
    Tensor g = gamma == null ? null : NormAxes.broadcast(gamma.value(), inputs, resolved);
    List<Tensor> moments = Ops.moments(inputs, resolved, true);
    Tensor inv = Ops.rsqrt(Ops.add(moments.get(1), (float) epsilon));
    if (rmsScaling) {
      return Ops.multiply(Ops.multiply(inputs, inv), g);
    }
    if (g != null) {
      inv = Ops.multiply(inv, g);
    }
    Tensor res = Ops.negative(Ops.multiply(moments.get(0), inv));
    if (beta != null) {
      res = Ops.add(res, NormAxes.broadcast(beta.value(), inputs, resolved));
    }
    return Ops.add(Ops.multiply(inputs, inv), res);
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
    putNormalizationConfig(c);
    c.put("rms_scaling", rmsScaling);
    putBetaGammaInitializers(c);
    putBetaGammaPenalties(c);
    return c;
  }

  public static LayerNormalization fromConfig(Config c) {
    LayerNormalization l = new LayerNormalization();
    l.axis = NormAxes.read("LayerNormalization", c, -1);
    l.readNormalizationConfig(c);
    l.rmsScaling(c.getBoolean("rms_scaling", false));
    return l.applyBaseConfig(c, l);
  }
}
