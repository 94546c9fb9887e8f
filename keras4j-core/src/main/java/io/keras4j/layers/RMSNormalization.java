package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.initializers.Initializers;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Root-mean-square normalization (Zhang and Sennrich, 2019), as Keras's {@code RMSNormalization}:
 * {@code x * rsqrt(mean(square(x), axis) + epsilon) * scale}, with a trainable {@code scale} over
 * {@link #axis} (default the last), initialized to ones. The mean is not subtracted.
 *
 * <p>Several axes are taken in increasing order, as Keras sorts them; the scale is reshaped to
 * broadcast along them wherever they are.
 */
public class RMSNormalization extends Layer {
  private NormAxes axis = NormAxes.of(-1);
  private double epsilon = 1e-6;
  private Variable scale;

  public RMSNormalization() {}

  /** The axis to normalize over (Keras's {@code axis=-1}). */
  public RMSNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of(axis);
    return this;
  }

  /** The axes to normalize over, as a list (Keras's {@code axis=[1, 2]}). */
  public RMSNormalization axis(int... axes) {
    checkNotBuilt("axis");
    this.axis = NormAxes.of("RMSNormalization", axes);
    return this;
  }

  public RMSNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException(
          "Argument `epsilon` of layer RMSNormalization must be >= 0. Received: epsilon="
              + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  /** The scale weight (null before build). */
  public Variable scale() {
    return scale;
  }

  private int[] sortedAxes(int rank) {
    int[] resolved = axis.resolve(this, rank);
    Arrays.sort(resolved);
    return resolved;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int[] resolved = sortedAxes(inputShape.length);
    int[] shape = NormAxes.sizes(this, inputShape, resolved);
    scale = addWeight("scale", shape, Initializers.get("ones"), null, null, true);
    int[] sizes = NormAxes.sizes(this, inputShape, axis.resolve(this, inputShape.length));
    inputSpec(axis.spec(sizes));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] resolved = sortedAxes(inputs.rank());
    Tensor s = NormAxes.broadcast(scale.value(), inputs, resolved);
    return Ops.rmsNormalization(inputs, s, resolved, (float) epsilon);
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
    c.put("epsilon", epsilon);
    return c;
  }

  public static RMSNormalization fromConfig(Config c) {
    RMSNormalization l = new RMSNormalization();
    l.axis = NormAxes.read("RMSNormalization", c, -1);
    l.epsilon(c.getDouble("epsilon", 1e-6));
    return l.applyBaseConfig(c, l);
  }
}
