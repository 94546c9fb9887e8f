package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Repeats each position of volumes {@code size[i]} times along spatial axis i (nearest neighbour),
 * as Keras's {@code UpSampling3D}.
 */
public class UpSampling3D extends Layer {
  private final int[] size;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** Doubles every spatial axis (Keras's default). */
  public UpSampling3D() {
    this(2, 2, 2);
  }

  /** The factors: one for every spatial axis, or one per axis. */
  public UpSampling3D(int... size) {
    this.size = SpatialArgs.tuple("UpSampling3D", "size", size, 3, false);
    inputSpec(InputSpec.ndim(5));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public UpSampling3D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("UpSampling3D", dataFormat);
    return this;
  }

  public int[] size() {
    return size.clone();
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 5, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return repeatSpatial(inputs, size, dataFormat);
  }

  /** Nearest-neighbour upsampling: each spatial axis repeated by its factor. */
  static Tensor repeatSpatial(Tensor x, int[] factors, String dataFormat) {
    int[] axes = SpatialArgs.spatialAxes(ShapeRefs.of(x).length, dataFormat);
    Tensor y = x;
    for (int i = 0; i < axes.length; i++) {
      if (factors[i] != 1) {
        y = Ops.repeat(y, factors[i], axes[i]);
      }
    }
    return y;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return SpatialArgs.scaled(inputShape, size, dataFormat);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", Config.list(size));
    c.put("data_format", dataFormat);
    return c;
  }

  public static UpSampling3D fromConfig(Config c) {
    UpSampling3D u = new UpSampling3D(c.getIntArray("size", new int[] {2, 2, 2}));
    u.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return u.applyBaseConfig(c, u);
  }
}
