package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Enlarges images by integer factors, as Keras's {@code UpSampling2D}: {@code "nearest"} repeats
 * each pixel (Keras's default), {@code "bilinear"} interpolates as Keras's {@code ops.image.resize}
 * (TensorFlow's {@code resize} with half-pixel centers: output pixel {@code j} samples input
 * position {@code (j + 0.5) / factor - 0.5}, clamped at the edges).
 */
public class UpSampling2D extends Layer {
  private static final List<String> INTERPOLATIONS = List.of("nearest", "bilinear");

  private final int[] size;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;
  private String interpolation = "nearest";

  /** Doubles height and width (Keras's default). */
  public UpSampling2D() {
    this(2, 2);
  }

  /** The factors: one for both axes, or {@code (height, width)}. */
  public UpSampling2D(int... size) {
    this.size = SpatialArgs.tuple("UpSampling2D", "size", size, 2, false);
    inputSpec(InputSpec.ndim(4));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public UpSampling2D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("UpSampling2D", dataFormat);
    return this;
  }

  /** {@code "nearest"} (the default) or {@code "bilinear"}, case-insensitive. */
  public UpSampling2D interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    String i = interpolation == null ? null : interpolation.toLowerCase(Locale.ROOT);
    if (!INTERPOLATIONS.contains(i)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `interpolation` of layer UpSampling2D: expected one of "
              + INTERPOLATIONS
              + " (keras4j does not implement Keras's bicubic, area and lanczos resizing yet)."
              + " Received: interpolation="
              + interpolation);
    }
    this.interpolation = i;
    return this;
  }

  public int[] size() {
    return size.clone();
  }

  public String dataFormat() {
    return dataFormat;
  }

  public String interpolation() {
    return interpolation;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 4, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (interpolation.equals("nearest")) {
      return UpSampling3D.repeatSpatial(inputs, size, dataFormat);
    }
    int[] axes = SpatialArgs.spatialAxes(4, dataFormat);
    Tensor y = inputs.dtype() == DType.FLOAT32 ? inputs : Ops.cast(inputs, DType.FLOAT32);
    for (int i = 0; i < 2; i++) {
      if (size[i] != 1) {
        y = linear(y, axes[i], size[i]);
      }
    }
    return y;
  }

  /**
   * Linear interpolation along one axis, in TensorFlow's float32 arithmetic: source position {@code
   * s = (j + 0.5) * (n / out) - 0.5}, neighbours {@code max(floor(s), 0)} and {@code min(ceil(s), n
   * - 1)}, result {@code top + (bottom - top) * (s - floor(s))}.
   */
  private static Tensor linear(Tensor x, int axis, int factor) {
    int[] shape = ShapeRefs.of(x);
    int n = shape[axis];
    int out = n * factor;
    float scale = (float) n / out;
    int[] lo = new int[out];
    int[] hi = new int[out];
    float[] lerp = new float[out];
    for (int j = 0; j < out; j++) {
      float s = (j + 0.5f) * scale - 0.5f;
      float f = (float) Math.floor(s);
      lo[j] = Math.max((int) f, 0);
      hi[j] = Math.min((int) Math.ceil(s), n - 1);
      lerp[j] = s - f;
    }
    int[] weightShape = new int[shape.length];
    Arrays.fill(weightShape, 1);
    weightShape[axis] = out;
    Tensor top = Ops.take(x, Tensor.ofInts(lo, out), axis);
    Tensor bottom = Ops.take(x, Tensor.ofInts(hi, out), axis);
    return Ops.add(top, Ops.multiply(Ops.subtract(bottom, top), Tensor.of(lerp, weightShape)));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return SpatialArgs.scaled(inputShape, size, dataFormat);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return interpolation.equals("nearest") ? inputDtypes.get(0) : DType.FLOAT32;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("size", Config.list(size));
    c.put("data_format", dataFormat);
    c.put("interpolation", interpolation);
    return c;
  }

  public static UpSampling2D fromConfig(Config c) {
    UpSampling2D u = new UpSampling2D(c.getIntArray("size", new int[] {2, 2}));
    u.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    u.interpolation(c.getString("interpolation", "nearest"));
    return u.applyBaseConfig(c, u);
  }
}
