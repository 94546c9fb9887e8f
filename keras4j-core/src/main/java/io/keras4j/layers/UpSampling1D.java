package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Repeats each step {@code size} times, as Keras's {@code UpSampling1D}: {@code (batch, steps,
 * features)} becomes {@code (batch, size * steps, features)}.
 */
public class UpSampling1D extends Layer {
  private final int size;

  /** Each step twice (Keras's default). */
  public UpSampling1D() {
    this(2);
  }

  public UpSampling1D(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `size` of layer UpSampling1D: expected a positive integer."
              + " Received: size="
              + size);
    }
    this.size = size;
    inputSpec(InputSpec.ndim(3));
  }

  public int size() {
    return size;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 3, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.repeat(inputs, size, 1);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return SpatialArgs.scaled(inputShape, new int[] {size}, SpatialArgs.CHANNELS_LAST);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", size);
    return c;
  }

  public static UpSampling1D fromConfig(Config c) {
    UpSampling1D u = new UpSampling1D(c.getInt("size", 2));
    return u.applyBaseConfig(c, u);
  }
}
