package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * What every convolution layer shares (Keras's {@code BaseConv}, {@code BaseConvTranspose}, {@code
 * BaseDepthwiseConv}, {@code BaseSeparableConv}): kernel size, strides, padding, data format,
 * dilation, activation and bias, their validation naming the layer, the output-shape arithmetic and
 * the bias and activation after the convolution. {@code T} is the concrete layer, so that chained
 * options keep its type.
 */
abstract class ConvLayer<T extends ConvLayer<T>> extends Layer {
  final int rank;
  final int[] kernelSize;
  int[] strides;
  String padding = "valid";
  String dataFormat = "channels_last";
  int[] dilationRate;
  ActivationFunction activation = Activations.get("linear");
  boolean useBias = true;
  Initializer biasInitializer = Initializers.get("zeros");
  Regularizer biasRegularizer;
  Constraint biasConstraint;
  Variable bias;

  ConvLayer(int rank, int[] kernelSize) {
    this.rank = rank;
    this.kernelSize = tuple("kernel_size", kernelSize, false);
    this.strides = ones(rank);
    this.dilationRate = ones(rank);
  }

  abstract T self();

  /** Whether {@code padding="causal"} is accepted (Conv1D only, as Keras). */
  boolean allowsCausal() {
    return false;
  }

  /** The output channels for an input with {@code inputChannels} channels. */
  abstract int outputChannels(int inputChannels);

  // ---- options ---------------------------------------------------------------------------

  /** One stride, or one per spatial axis; every one positive. */
  public T strides(int... strides) {
    checkNotBuilt("strides");
    int[] s = tuple("strides", strides, false);
    checkStridesAndDilation(s, dilationRate);
    this.strides = s;
    return self();
  }

  /** {@code "valid"} or {@code "same"} (and {@code "causal"} for Conv1D), case-insensitive. */
  public T padding(String padding) {
    checkNotBuilt("padding");
    String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
    if (!(p.equals("valid") || p.equals("same") || (allowsCausal() && p.equals("causal")))) {
      throw new IllegalArgumentException(
          "Argument `padding` of layer "
              + kind()
              + " must be "
              + (allowsCausal() ? "'valid', 'same' or 'causal'" : "'valid' or 'same'")
              + ". Received: padding="
              + padding);
    }
    this.padding = p;
    return self();
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public T dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    String f = dataFormat == null ? "channels_last" : dataFormat.toLowerCase(Locale.ROOT);
    if (!f.equals("channels_last") && !f.equals("channels_first")) {
      throw new IllegalArgumentException(
          "Argument `data_format` of layer "
              + kind()
              + " must be 'channels_last' or 'channels_first'. Received: data_format="
              + dataFormat);
    }
    this.dataFormat = f;
    return self();
  }

  /** One dilation rate, or one per spatial axis; every one positive. */
  public T dilationRate(int... dilationRate) {
    checkNotBuilt("dilationRate");
    int[] d = tuple("dilation_rate", dilationRate, false);
    checkStridesAndDilation(strides, d);
    this.dilationRate = d;
    return self();
  }

  public T activation(String name) {
    return activation(Activations.get(name));
  }

  public T activation(ActivationFunction f) {
    checkNotBuilt("activation");
    this.activation = f == null ? Activations.get("linear") : f;
    return self();
  }

  public T useBias(boolean useBias) {
    checkNotBuilt("useBias");
    this.useBias = useBias;
    return self();
  }

  public T biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public T biasInitializer(Initializer init) {
    checkNotBuilt("biasInitializer");
    this.biasInitializer = init;
    return self();
  }

  public T biasRegularizer(Regularizer r) {
    checkNotBuilt("biasRegularizer");
    this.biasRegularizer = r;
    return self();
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public T biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  public T biasConstraint(Constraint c) {
    checkNotBuilt("biasConstraint");
    this.biasConstraint = c;
    return self();
  }

  /** A constraint by Keras name with Keras's defaults: {@code "non_neg"} is {@code NonNeg()}. */
  public T biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  @Override
  public T name(String name) {
    super.name(name);
    return self();
  }

  @Override
  public T activityRegularizer(Regularizer r) {
    super.activityRegularizer(r);
    return self();
  }

  @Override
  public T activityRegularizer(String name) {
    super.activityRegularizer(name);
    return self();
  }

  /** The bias variable, {@code [channels]} (null before build or without bias). */
  public Variable bias() {
    return bias;
  }

  // ---- shapes ----------------------------------------------------------------------------

  boolean channelsFirst() {
    return dataFormat.equals("channels_first");
  }

  /** The input's channels, after checking its rank and that they are known. */
  int inputChannels(int[] inputShape) {
    if (inputShape.length != rank + 2) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + kind()
              + ") expects an input of rank "
              + (rank + 2)
              + " (batch, "
              + rank
              + " spatial axes and channels, "
              + dataFormat
              + "). Received: input_shape="
              + Shapes.toString(inputShape));
    }
    int c = inputShape[channelsFirst() ? 1 : rank + 1];
    if (c <= 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + kind()
              + ") needs the channel dimension of its input to be known. Received: input_shape="
              + Shapes.toString(inputShape));
    }
    return c;
  }

  int[] spatial(int[] inputShape) {
    int start = channelsFirst() ? 2 : 1;
    return Arrays.copyOfRange(inputShape, start, start + rank);
  }

  int[] assemble(int batch, int[] spatial, int channels) {
    int[] out = new int[rank + 2];
    out[0] = batch;
    int start = channelsFirst() ? 2 : 1;
    System.arraycopy(spatial, 0, out, start, rank);
    out[channelsFirst() ? 1 : rank + 1] = channels;
    return out;
  }

  /**
   * Keras's {@code compute_conv_output_shape}: the output positions per spatial axis (-1 stays -1),
   * failing, naming the layer, when the kernel is larger than the padded input.
   */
  int[] convOutputSpatial(int[] inputShape) {
    int[] in = spatial(inputShape);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int eff = (kernelSize[i] - 1) * dilationRate[i] + 1;
      if (in[i] < 0) {
        out[i] = -1;
      } else if (padding.equals("valid")) {
        out[i] = in[i] < eff ? 0 : (in[i] - eff) / strides[i] + 1;
      } else {
        out[i] = (in[i] - 1) / strides[i] + 1;
      }
      if (out[i] == 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + kind()
                + "): the kernel (kernel_size="
                + format(kernelSize)
                + ", dilation_rate="
                + format(dilationRate)
                + ", so "
                + eff
                + " positions on spatial axis "
                + i
                + ") is larger than the padded input (padding='"
                + padding
                + "'). Received: input_shape="
                + Shapes.toString(inputShape));
      }
    }
    return out;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    int c = inputChannels(inputShape);
    return assemble(inputShape[0], convOutputSpatial(inputShape), outputChannels(c));
  }

  /** Bias (broadcast on the channel axis) and activation after the convolution. */
  Tensor finish(Tensor y) {
    Tensor out = y;
    if (bias != null) {
      Tensor b = bias.value();
      if (channelsFirst()) {
        int[] shape = new int[rank + 1];
        Arrays.fill(shape, 1);
        shape[0] = b.dim(0);
        b = Ops.reshape(b, shape);
      }
      out = Ops.add(out, b);
    }
    return activation.apply(out);
  }

  // ---- validation and config -------------------------------------------------------------

  /** The layer's class name, for messages. */
  String kind() {
    return getClass().getSimpleName();
  }

  int[] tuple(String name, int[] v, boolean allowZero) {
    boolean ok = v != null && (v.length == 1 || v.length == rank);
    if (ok) {
      for (int x : v) {
        ok &= x > 0 || (allowZero && x == 0);
      }
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Argument `"
              + name
              + "` of layer "
              + kind()
              + " must be one or "
              + rank
              + " "
              + (allowZero ? "non-negative" : "positive")
              + " integers. Received: "
              + name
              + "="
              + (v == null ? "null" : format(v)));
    }
    if (v.length == rank) {
      return v.clone();
    }
    int[] out = new int[rank];
    Arrays.fill(out, v[0]);
    return out;
  }

  /** An argument as the user gave it: one number, or a tuple {@code (a, b)}. */
  static String format(int[] v) {
    if (v.length == 1) {
      return Integer.toString(v[0]);
    }
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(v[i]);
    }
    return b.append(')').toString();
  }

  static int[] ones(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 1);
    return a;
  }

  void checkPositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "Argument `"
              + name
              + "` of layer "
              + kind()
              + " must be a positive integer. Received: "
              + name
              + "="
              + value);
    }
  }

  private void checkStridesAndDilation(int[] s, int[] d) {
    if (Arrays.stream(s).max().orElse(1) > 1 && Arrays.stream(d).max().orElse(1) > 1) {
      throw new IllegalArgumentException(
          "Layer "
              + kind()
              + ": `strides > 1` is not supported together with `dilation_rate > 1`. Received:"
              + " strides="
              + format(s)
              + ", dilation_rate="
              + format(d));
    }
  }

  /** kernel_size, strides, padding, data_format, dilation_rate. */
  void putGeometry(Map<String, Object> c) {
    c.put("kernel_size", Config.list(kernelSize));
    c.put("strides", Config.list(strides));
    c.put("padding", padding);
    c.put("data_format", dataFormat);
    c.put("dilation_rate", Config.list(dilationRate));
  }

  /** activation, use_bias. */
  void putActivation(Map<String, Object> c) {
    c.put("activation", Activations.serialize(activation));
    c.put("use_bias", useBias);
  }

  static Object serialize(Regularizer r) {
    return r == null ? null : Regularizers.serialize(r);
  }

  static Object serialize(Constraint k) {
    return k == null ? null : Constraints.serialize(k);
  }

  /** Reads what {@link #putGeometry} and {@link #putActivation} and the bias options write. */
  T readCommon(Config c) {
    strides(c.getIntArray("strides", strides));
    padding(c.getString("padding", "valid"));
    dataFormat(c.getString("data_format", null));
    dilationRate(c.getIntArray("dilation_rate", dilationRate));
    activation(c.activation("activation", "linear"));
    useBias(c.getBoolean("use_bias", true));
    biasInitializer(c.initializer("bias_initializer", "zeros"));
    biasRegularizer(c.regularizer("bias_regularizer"));
    biasConstraint(c.constraint("bias_constraint"));
    return applyBaseConfig(c, self());
  }

  static int[] kernelSizeOf(Config c) {
    return c.getIntArray("kernel_size");
  }
}
