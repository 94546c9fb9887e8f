package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cuts steps off the start and end of sequences, as Keras's {@code Cropping1D}: {@code (batch,
 * steps, features)} becomes {@code (batch, steps - start - end, features)}; the default crops 1
 * step at each end. What is cut must leave at least one step.
 */
public class Cropping1D extends Layer {
  private final int[][] cropping;
  private final String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** Crops 1 step at each end (Keras's default). */
  public Cropping1D() {
    this(1);
  }

  /** The same number of steps at each end. */
  public Cropping1D(int cropping) {
    this(cropping, cropping);
  }

  /** {@code start} steps cut at the start, {@code end} at the end. */
  public Cropping1D(int start, int end) {
    this.cropping = SpatialArgs.pairs("Cropping1D", "cropping", new int[][] {{start, end}}, 1);
    inputSpec(InputSpec.ndim(3));
  }

  /** {@code (start, end)}. */
  public int[] cropping() {
    return cropping[0].clone();
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 3, inputShape);
    outputShape(inputShape); // cropping everything throws before the build
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] shape = ShapeRefs.of(inputs);
    int[] size = outputShape(shape);
    int[] start = new int[shape.length];
    int[][] all = SpatialArgs.allAxes(cropping, shape.length, dataFormat);
    for (int i = 0; i < shape.length; i++) {
      start[i] = all[i][0];
    }
    return Ops.slice(inputs, start, size);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return outputShape(inputShape);
  }

  private int[] outputShape(int[] inputShape) {
    int[] out = SpatialArgs.resized(inputShape, cropping, dataFormat, -1);
    int[] axes = SpatialArgs.spatialAxes(inputShape.length, dataFormat);
    for (int axis : axes) {
      if (inputShape[axis] >= 0 && out[axis] <= 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (Cropping1D): the cropping must leave at least one step."
                + " Received: cropping="
                + Arrays.toString(cropping[0])
                + " for an input of shape "
                + SpatialArgs.shape(inputShape));
      }
    }
    return out;
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cropping", Config.list(cropping[0]));
    return c;
  }

  public static Cropping1D fromConfig(Config c) {
    int[][] p = SpatialArgs.readPairs("Cropping1D", c, "cropping", 1, SpatialArgs.symmetric(1));
    Cropping1D l = new Cropping1D(p[0][0], p[0][1]);
    return l.applyBaseConfig(c, l);
  }
}
