package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.data.Dataset;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shifts and scales features to mean 0 and standard deviation 1, as Keras's {@code
 * keras.layers.Normalization}: {@code (x - mean) / max(sqrt(variance), 1e-7)}, or with {@link
 * #invert} {@code mean + x * max(sqrt(variance), 1e-7)}. One mean and variance is kept per index of
 * the {@link #axis} axes (default the last); the others are reduced.
 *
 * <p>The statistics are either given ({@link #mean}, {@link #variance}; the layer then has no
 * weights) or computed from data by {@link #adapt} (population mean and variance), which stores
 * them in three non-trainable weights as Keras does: {@code mean} and {@code variance} of the kept
 * axes' shape and an int {@code count} (kept for compatibility, left 0). A layer used before {@code
 * adapt} normalizes with mean 0 and variance 1, as in Keras.
 *
 * <pre>{@code
 * Normalization norm = new Normalization();
 * norm.adapt(xTrain); // e.g. (n, 13) features
 * }</pre>
 */
public class Normalization extends Layer {
  private static final Tensor EPSILON = Tensor.scalar(1e-7f);

  private int[] axis = {-1};
  private Given mean;
  private Given variance;
  private boolean invert;

  private int[] keepAxis;
  private int[] meanVarShape;
  private int[] broadcastShape;
  private int[] builtShape;
  private Variable adaptMean;
  private Variable adaptVariance;
  private Tensor meanValue;
  private Tensor varianceValue;

  /** Mean and variance values given by the user: row-major values and their shape. */
  private record Given(double[] values, int[] shape) {}

  /** A layer normalizing the last axis. */
  public Normalization() {
    this.supportsMasking = true;
  }

  /**
   * The axes that keep a separate mean and variance per index (default {@code -1}); no axes
   * (Keras's {@code axis=None}) normalizes every element with one scalar mean and variance.
   */
  public Normalization axis(int... axis) {
    checkNotBuilt("axis");
    this.axis = axis.clone();
    return this;
  }

  /** A scalar mean, broadcast to the kept axes (give {@link #variance} too). */
  public Normalization mean(double mean) {
    return mean(new double[] {mean}, new int[0]);
  }

  /** A mean per index of the last kept axis (give {@link #variance} too). */
  public Normalization mean(double... mean) {
    return mean(mean.clone(), new int[] {mean.length});
  }

  /** A mean of any shape that broadcasts to the kept axes, aligned from the right. */
  public Normalization mean(Tensor mean) {
    return mean(toDoubles(mean), mean.shape());
  }

  private Normalization mean(double[] values, int[] shape) {
    checkNotBuilt("mean");
    this.mean = new Given(values, shape);
    checkGivenShapes();
    return this;
  }

  /** A scalar variance, broadcast to the kept axes (give {@link #mean} too). */
  public Normalization variance(double variance) {
    return variance(new double[] {variance}, new int[0]);
  }

  /** A variance per index of the last kept axis (give {@link #mean} too). */
  public Normalization variance(double... variance) {
    return variance(variance.clone(), new int[] {variance.length});
  }

  /** A variance of any shape that broadcasts to the kept axes, aligned from the right. */
  public Normalization variance(Tensor variance) {
    return variance(toDoubles(variance), variance.shape());
  }

  private Normalization variance(double[] values, int[] shape) {
    checkNotBuilt("variance");
    this.variance = new Given(values, shape);
    checkGivenShapes();
    return this;
  }

  /** Whether to undo a normalization instead: {@code mean + x * sqrt(variance)}. */
  public Normalization invert(boolean invert) {
    checkNotBuilt("invert");
    this.invert = invert;
    return this;
  }

  private static double[] toDoubles(Tensor t) {
    float[] f = t.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private void checkGivenShapes() {
    if (mean != null && variance != null && !Arrays.equals(mean.shape, variance.shape)) {
      throw new IllegalArgumentException(
          "Normalization: When setting values directly, `mean` and `variance` must have the same"
              + " shape. Received: mean shape "
              + Shapes.toString(mean.shape)
              + " and variance shape "
              + Shapes.toString(variance.shape));
    }
  }

  /** Keras's constructor checks, run when the layer is built or adapted. */
  private void checkGiven() {
    if ((mean == null) != (variance == null)) {
      throw new IllegalArgumentException(
          "Normalization: When setting values directly, both `mean` and `variance` must be set."
              + " Received: mean="
              + describe(mean)
              + " and variance="
              + describe(variance));
    }
    if (mean != null && mean.shape.length > axis.length) {
      throw new IllegalArgumentException(
          "Normalization: The rank of `mean` must be less than or equal to the number of axes ("
              + axis.length
              + "). Received: mean shape "
              + Shapes.toString(mean.shape)
              + " for axis "
              + Stats.tuple(axis));
    }
  }

  private static String describe(Given g) {
    if (g == null) {
      return "None";
    }
    return g.shape.length == 0 ? Double.toString(g.values[0]) : Arrays.toString(g.values);
  }

  @Override
  protected void onBuild(int[] inputShape) {
    checkGiven();
    int ndim = inputShape.length;
    keepAxis = Stats.keepAxes(axis, inputShape);
    broadcastShape = new int[ndim];
    Arrays.fill(broadcastShape, 1);
    meanVarShape = new int[keepAxis.length];
    for (int i = 0; i < keepAxis.length; i++) {
      broadcastShape[keepAxis[i]] = inputShape[keepAxis[i]];
      meanVarShape[i] = inputShape[keepAxis[i]];
    }
    builtShape = inputShape.clone();
    if (mean == null) {
      adaptMean = addWeight("mean", meanVarShape, Initializers.get("zeros"), null, null, false);
      adaptVariance =
          addWeight("variance", meanVarShape, Initializers.get("ones"), null, null, false);
      addWeight("count", new int[0], INT_ZEROS, null, null, false);
      // Views of the weights: adapt() and setWeights() write through to them.
      meanValue = adaptMean.value().reshapeView(broadcastShape);
      varianceValue = adaptVariance.value().reshapeView(broadcastShape);
    } else {
      meanValue = Stats.broadcastGiven("mean", mean.values, mean.shape, keepAxis, broadcastShape);
      varianceValue =
          Stats.broadcastGiven(
              "variance", variance.values, variance.shape, keepAxis, broadcastShape);
    }
  }

  /**
   * Computes the mean and (population) variance of {@code data} over the reduced axes and stores
   * them in the layer's weights; builds the layer from the data's shape if needed.
   */
  public void adapt(Tensor data) {
    checkGiven();
    if (mean != null) {
      throw new IllegalStateException(
          "Normalization '"
              + name()
              + "': adapt() cannot be used when `mean` and `variance` were given");
    }
    int[] shape = ShapeRefs.of(data);
    if (!isBuilt()) {
      maybeBuild(List.of(shape.clone()));
    } else {
      boolean ok = shape.length == builtShape.length;
      for (int d = 0; ok && d < keepAxis.length; d++) {
        ok = shape[keepAxis[d]] == builtShape[keepAxis[d]];
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "Normalization '"
                + name()
                + "': The layer was built with input_shape="
                + Shapes.toString(builtShape)
                + ", but adapt() is being called with data with an incompatible shape,"
                + " data.shape="
                + Shapes.toString(shape));
      }
    }
    float[][] stats = Stats.meanAndVariance(data, keepAxis, meanVarShape);
    adaptMean.assign(Tensor.of(stats[0], meanVarShape));
    adaptVariance.assign(Tensor.of(stats[1], meanVarShape));
  }

  /** Adapts to the (single) input tensor of a dataset. */
  public void adapt(Dataset data) {
    if (data.inputs().size() != 1) {
      throw new IllegalArgumentException(
          "Normalization '"
              + name()
              + "': adapt() needs a dataset with one input tensor. Received: "
              + data.inputs().size()
              + " inputs");
    }
    adapt(data.inputs().get(0));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (meanValue == null) {
      throw new IllegalStateException(
          "Normalization '"
              + name()
              + "': You must call `.build(input_shape)` on the layer"
              + " before using it.");
    }
    Tensor x = inputs.asFloat();
    Tensor scale = Ops.maximum(Ops.sqrt(varianceValue), EPSILON);
    return invert
        ? Ops.add(meanValue, Ops.multiply(x, scale))
        : Ops.divide(Ops.subtract(x, meanValue), scale);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", Stats.intList(axis));
    c.put("invert", invert);
    c.put("mean", mean == null ? null : Stats.nested(mean.values, mean.shape));
    c.put("variance", variance == null ? null : Stats.nested(variance.values, variance.shape));
    return c;
  }

  public static Normalization fromConfig(Config c) {
    Normalization n = new Normalization();
    int[] axis = c.getInts("axis", new int[] {-1});
    n.axis(axis == null ? new int[0] : axis);
    n.invert(c.getBoolean("invert", false));
    if (c.has("mean")) {
      Stats.Parsed p = Stats.parse(c, "mean");
      n.mean(p.values(), p.shape());
    }
    if (c.has("variance")) {
      Stats.Parsed p = Stats.parse(c, "variance");
      n.variance(p.values(), p.shape());
    }
    return n.applyBaseConfig(c, n);
  }

  /** Zeros as int32, for the {@code count} weight. */
  private static final Initializer INT_ZEROS =
      new Initializer() {
        @Override
        public Tensor apply(int... shape) {
          return Tensor.ofInts(new int[(int) Shapes.size(shape)], shape);
        }

        @Override
        public Map<String, Object> getConfig() {
          return Map.of();
        }

        @Override
        public String className() {
          return "Zeros";
        }
      };

  /** The shape bookkeeping and statistics of the layer, kept apart from its lifecycle. */
  private static final class Stats {
    private Stats() {}

    /** Python's rendering of a tuple of ints: {@code (3,)}, {@code (1, 2)}, {@code ()}. */
    static String tuple(int[] values) {
      if (values.length == 1) {
        return "(" + values[0] + ",)";
      }
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < values.length; i++) {
        sb.append(i > 0 ? ", " : "").append(values[i]);
      }
      return sb.append(')').toString();
    }

    static List<Object> intList(int[] values) {
      List<Object> out = new ArrayList<>(values.length);
      for (int v : values) {
        out.add(v);
      }
      return out;
    }

    /** The kept axes, non-negative and sorted, checked against the input shape as Keras. */
    static int[] keepAxes(int[] axis, int[] inputShape) {
      int ndim = inputShape.length;
      int[] keep = new int[axis.length];
      for (int i = 0; i < axis.length; i++) {
        if (axis[i] < -ndim || axis[i] >= ndim) {
          throw new IllegalArgumentException(
              "Normalization: All `axis` values must be in the range [-ndim, ndim). Received"
                  + " inputs with ndim="
                  + ndim
                  + ", while axis="
                  + tuple(axis));
        }
        keep[i] = axis[i] < 0 ? axis[i] + ndim : axis[i];
      }
      Arrays.sort(keep);
      for (int i = 0; i < keep.length; i++) {
        if (i > 0 && keep[i] == keep[i - 1]) {
          throw new IllegalArgumentException(
              "Normalization: `axis` values must name distinct axes. Received: axis="
                  + tuple(axis)
                  + " for inputs with ndim="
                  + ndim);
        }
        if (inputShape[keep[i]] < 0) {
          throw new IllegalArgumentException(
              "Normalization: All `axis` values to be kept must have a known shape. Received"
                  + " axis="
                  + tuple(axis)
                  + ", inputs.shape="
                  + Shapes.toString(inputShape)
                  + ", with unknown axis at index "
                  + keep[i]);
        }
      }
      return keep;
    }

    /**
     * A given mean or variance broadcast to {@code broadcastShape}: a scalar everywhere, else its
     * dimensions aligned with the kept axes from the right, as Keras.
     */
    static Tensor broadcastGiven(
        String what, double[] values, int[] shape, int[] keep, int[] broadcastShape) {
      int[] expanded = new int[broadcastShape.length];
      Arrays.fill(expanded, 1);
      for (int i = 1; i <= shape.length; i++) {
        expanded[keep[keep.length - i]] = shape[shape.length - i];
      }
      for (int d = 0; d < expanded.length; d++) {
        if (expanded[d] != 1 && expanded[d] != broadcastShape[d]) {
          throw new IllegalArgumentException(
              "Normalization: `"
                  + what
                  + "` of shape "
                  + Shapes.toString(shape)
                  + " cannot be broadcast to the kept axes of the input, shape "
                  + Shapes.toString(broadcastShape)
                  + ". Received: "
                  + what
                  + ".shape="
                  + Shapes.toString(shape));
        }
      }
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) values[i];
      }
      return Ops.broadcastTo(Tensor.of(f, expanded), broadcastShape);
    }

    /**
     * The mean and population variance of {@code data} for each index of the kept axes, reducing
     * the others; two passes in double precision.
     */
    static float[][] meanAndVariance(Tensor data, int[] keep, int[] meanVarShape) {
      float[] x = data.toFloatArray();
      int[] shape = ShapeRefs.of(data);
      int groups = (int) Shapes.size(meanVarShape);
      if (x.length == 0) {
        throw new IllegalArgumentException(
            "Normalization: adapt() needs at least one value per feature. Received: data.shape="
                + Shapes.toString(shape));
      }
      long perGroup = x.length / groups;
      // Stride of each input axis in the (row-major) kept-axes index; 0 on reduced axes.
      int[] keepStride = new int[shape.length];
      int stride = 1;
      for (int i = keep.length - 1; i >= 0; i--) {
        keepStride[keep[i]] = stride;
        stride *= shape[keep[i]];
      }
      double[] sum = new double[groups];
      accumulate(x, shape, keepStride, sum, null);
      double[] mean = new double[groups];
      for (int g = 0; g < groups; g++) {
        mean[g] = sum[g] / perGroup;
      }
      double[] squares = new double[groups];
      accumulate(x, shape, keepStride, squares, mean);
      float[][] out = new float[2][groups];
      for (int g = 0; g < groups; g++) {
        out[0][g] = (float) mean[g];
        out[1][g] = (float) (squares[g] / perGroup);
      }
      return out;
    }

    /** Adds each value (or its squared deviation from {@code center}) to its group's total. */
    private static void accumulate(
        float[] x, int[] shape, int[] keepStride, double[] totals, double[] center) {
      int[] coord = new int[shape.length];
      int g = 0;
      for (int i = 0; i < x.length; i++) {
        if (center == null) {
          totals[g] += x[i];
        } else {
          double d = x[i] - center[g];
          totals[g] += d * d;
        }
        for (int a = shape.length - 1; a >= 0; a--) {
          g += keepStride[a];
          if (++coord[a] < shape[a]) {
            break;
          }
          g -= keepStride[a] * shape[a];
          coord[a] = 0;
        }
      }
    }

    /** Values of a shape as Python's {@code tolist()}: a number, or nested lists. */
    static Object nested(double[] values, int[] shape) {
      if (shape.length == 0) {
        return values[0];
      }
      return nested(values, shape, 0, 0);
    }

    private static List<Object> nested(double[] values, int[] shape, int axis, int offset) {
      int n = shape[axis];
      int inner = (int) Shapes.size(Arrays.copyOfRange(shape, axis + 1, shape.length));
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(
            axis == shape.length - 1
                ? (Object) values[offset + i]
                : nested(values, shape, axis + 1, offset + i * inner));
      }
      return out;
    }

    record Parsed(double[] values, int[] shape) {}

    /** A number or a rectangular nested list of numbers from a config. */
    static Parsed parse(Config c, String key) {
      Object v = c.get(key);
      List<Integer> shape = new ArrayList<>();
      for (Object o = v; o instanceof List<?> l; o = l.isEmpty() ? null : l.get(0)) {
        shape.add(l.size());
      }
      int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
      double[] values = new double[(int) Shapes.size(dims)];
      int[] filled = {0};
      if (!flatten(v, dims, 0, values, filled)) {
        throw new IllegalArgumentException(
            "Invalid config for Normalization: expected a number or a rectangular nested list of"
                + " numbers for '"
                + key
                + "'. Received: "
                + key
                + "="
                + v);
      }
      return new Parsed(values, dims);
    }

    private static boolean flatten(Object o, int[] dims, int axis, double[] out, int[] filled) {
      if (axis == dims.length) {
        if (o instanceof Number n) {
          out[filled[0]++] = n.doubleValue();
          return true;
        }
        return false;
      }
      if (!(o instanceof List<?> l) || l.size() != dims[axis]) {
        return false;
      }
      for (Object e : l) {
        if (!flatten(e, dims, axis + 1, out, filled)) {
          return false;
        }
      }
      return true;
    }
  }
}
