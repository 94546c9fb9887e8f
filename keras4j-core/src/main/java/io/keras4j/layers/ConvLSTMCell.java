package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.initializers.Initializer;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ConvLSTMCell} (rank 1, 2 or 3): an LSTM cell whose input and recurrent products
 * are convolutions. {@code z = conv(x, kernel; strides, padding, dilation) + bias + conv(h,
 * recurrent_kernel; stride 1, "same")}, split along the channel axis into the gates i, f, c, o;
 * {@code c = f * c_prev + i * activation(z_c)}, {@code h = o * activation(c)}. Kernel {@code
 * kernel_size + (input_channels, 4*filters)}, recurrent kernel {@code kernel_size + (filters,
 * 4*filters)}, bias {@code (4*filters,)}.
 *
 * <p>The {@link ConvLSTM} layers run it through {@link RNN}'s loop, which steps over flat tensors:
 * a step's input and states are {@code [batch, prod(step shape)]}, reshaped to the images {@code
 * (spatial..., channels)} (or channels first) inside the cell. The spatial shape is fixed at build,
 * as Keras's. Dropout as Keras's cell: four masks per sequence (one per gate) on the input, four on
 * the state, in training only.
 */
public class ConvLSTMCell extends CellOptions<ConvLSTMCell> implements RnnCell {
  private final int rank;
  final int filters;
  final int[] kernelSize;
  int[] strides;
  String padding = "valid";
  String dataFormat = SpatialArgs.CHANNELS_LAST;
  int[] dilationRate;
  ActivationFunction recurrentActivation = Activations.get("sigmoid");
  boolean unitForgetBias = true;

  private Variable kernel;
  private Variable recurrentKernel;
  private Variable bias;

  /** The shape of one step's input without the batch axis, and of its output (state). */
  private int[] stepShape;

  private int[] stateShape;

  /** The dropout masks of the running sequence (four each, one per gate), or null. */
  private List<Tensor> inputMasks;

  private List<Tensor> recurrentMasks;
  private boolean masksDrawn;

  /** A cell of {@code rank} spatial axes (1, 2 or 3), {@code filters} outputs. */
  public ConvLSTMCell(int rank, int filters, int[] kernelSize) {
    if (rank < 1 || rank > 3) {
      throw new IllegalArgumentException(
          "Argument `rank` of ConvLSTMCell must be 1, 2 or 3. Received: rank=" + rank);
    }
    this.rank = rank;
    if (filters <= 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument `filters` of "
              + kind()
              + ": expected a positive integer. Received: filters="
              + filters);
    }
    this.filters = filters;
    this.kernelSize = SpatialArgs.tuple(kind(), "kernel_size", kernelSize, rank, false);
    this.strides = ConvLayer.ones(rank);
    this.dilationRate = ConvLayer.ones(rank);
  }

  @Override
  String optionOwner() {
    return kind();
  }

  /** The layer's class name in messages: ConvLSTM1D/2D/3D for the cells they own. */
  String kind() {
    return "ConvLSTM" + rank + "D";
  }

  public int rank() {
    return rank;
  }

  public int filters() {
    return filters;
  }

  public int[] kernelSize() {
    return kernelSize.clone();
  }

  // ---- options ---------------------------------------------------------------------------

  public ConvLSTMCell strides(int... strides) {
    checkNotBuilt("strides");
    int[] s = SpatialArgs.tuple(kind(), "strides", strides, rank, false);
    checkStridesAndDilation(s, dilationRate);
    this.strides = s;
    return this;
  }

  public ConvLSTMCell padding(String padding) {
    checkNotBuilt("padding");
    this.padding = SpatialArgs.padding(kind(), padding);
    return this;
  }

  public ConvLSTMCell dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(kind(), dataFormat);
    return this;
  }

  public ConvLSTMCell dilationRate(int... dilationRate) {
    checkNotBuilt("dilationRate");
    int[] d = SpatialArgs.tuple(kind(), "dilation_rate", dilationRate, rank, false);
    checkStridesAndDilation(strides, d);
    this.dilationRate = d;
    return this;
  }

  private void checkStridesAndDilation(int[] s, int[] d) {
    if (Arrays.stream(s).max().orElse(1) > 1 && Arrays.stream(d).max().orElse(1) > 1) {
      throw new IllegalArgumentException(
          "Layer "
              + kind()
              + ": `strides > 1` is not compatible with `dilation_rate > 1`. Received: strides="
              + Arrays.toString(s)
              + " and dilation_rate="
              + Arrays.toString(d));
    }
  }

  public ConvLSTMCell recurrentActivation(String name) {
    return recurrentActivation(Activations.get(name));
  }

  public ConvLSTMCell recurrentActivation(ActivationFunction f) {
    checkNotBuilt("recurrentActivation");
    this.recurrentActivation = f == null ? Activations.get("linear") : f;
    return this;
  }

  /** Whether the forget gate's bias starts at 1 (the rest from the bias initializer). */
  public ConvLSTMCell unitForgetBias(boolean v) {
    checkNotBuilt("unitForgetBias");
    this.unitForgetBias = v;
    return this;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable recurrentKernel() {
    return recurrentKernel;
  }

  public Variable bias() {
    return bias;
  }

  // ---- shapes ----------------------------------------------------------------------------

  private boolean channelsFirst() {
    return SpatialArgs.channelsFirst(dataFormat);
  }

  /**
   * Keras's {@code compute_conv_output_shape} for one step {@code [batch, spatial..., channels]}
   * (or channels first): the state's shape, with {@code filters} channels.
   */
  int[] stepOutputShape(int[] step) {
    int first = channelsFirst() ? 2 : 1;
    int[] out = step.clone();
    for (int i = 0; i < rank; i++) {
      int in = step[first + i];
      int eff = (kernelSize[i] - 1) * dilationRate[i] + 1;
      int o;
      if (in < 0) {
        o = -1;
      } else if (padding.equals("valid")) {
        o = in < eff ? 0 : (in - eff) / strides[i] + 1;
      } else {
        o = (in - 1) / strides[i] + 1;
      }
      if (o == 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + kind()
                + "): the kernel (kernel_size="
                + Arrays.toString(kernelSize)
                + ", dilation_rate="
                + Arrays.toString(dilationRate)
                + ") is larger than the padded input on spatial axis "
                + i
                + " (padding='"
                + padding
                + "'). Received: step input_shape="
                + Shapes.toString(step));
      }
      out[first + i] = o;
    }
    out[channelsFirst() ? 1 : rank + 1] = filters;
    return out;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    boolean known = inputShape.length == rank + 2;
    for (int i = 1; known && i < inputShape.length; i++) {
      known = inputShape[i] > 0;
    }
    if (!known) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + kind()
              + ") needs the shape of one step, [batch, "
              + rank
              + " spatial axes, channels] ("
              + dataFormat
              + "), with known spatial and channel sizes (ConvLSTM layers only support static"
              + " spatial shapes). Received: input_shape="
              + Shapes.toString(inputShape));
    }
    int channels = inputShape[channelsFirst() ? 1 : rank + 1];
    stepShape = Arrays.copyOfRange(inputShape, 1, inputShape.length);
    int[] out = stepOutputShape(inputShape);
    stateShape = Arrays.copyOfRange(out, 1, out.length);
    int[] k = Arrays.copyOf(kernelSize, rank + 2);
    k[rank] = channels;
    k[rank + 1] = 4 * filters;
    kernel = addWeight("kernel", k, kernelInitializer, kernelRegularizer, kernelConstraint, true);
    int[] rk = k.clone();
    rk[rank] = filters;
    recurrentKernel =
        addWeight(
            "recurrent_kernel",
            rk,
            recurrentInitializer,
            recurrentRegularizer,
            recurrentConstraint,
            true);
    if (useBias) {
      bias =
          addWeight(
              "bias",
              new int[] {4 * filters},
              unitForgetBias ? forgetOnes(biasInitializer, filters) : biasInitializer,
              biasRegularizer,
              biasConstraint,
              true);
    }
  }

  /** The bias initializer with ones on the forget gate, as Keras's unit_forget_bias. */
  private static Initializer forgetOnes(Initializer base, int f) {
    return new Initializer() {
      @Override
      public Tensor apply(int... shape) {
        return Ops.concatenate(List.of(base.apply(f), Tensor.ones(f), base.apply(2 * f)), 0);
      }

      @Override
      public Map<String, Object> getConfig() {
        return base.getConfig();
      }

      @Override
      public String className() {
        return base.className();
      }
    };
  }

  /** The shape of one step's input without the batch axis (after build). */
  int[] stepShape() {
    checkBuilt();
    return stepShape.clone();
  }

  /** The shape of a state without the batch axis (after build). */
  int[] stateShape() {
    checkBuilt();
    return stateShape.clone();
  }

  private void checkBuilt() {
    if (!isBuilt()) {
      throw new IllegalStateException(
          "Layer '" + name() + "' (" + kind() + ") is not built yet: its state size is unknown");
    }
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  @Override
  public int[] stateSize() {
    int s = size(stateShape());
    return new int[] {s, s};
  }

  @Override
  public int outputSize() {
    return size(stateShape());
  }

  private static int[] withBatch(int batch, int[] shape) {
    int[] s = new int[shape.length + 1];
    s[0] = batch;
    System.arraycopy(shape, 0, s, 1, shape.length);
    return s;
  }

  // ---- the computation -------------------------------------------------------------------

  private int channelAxis() {
    return channelsFirst() ? 1 : rank + 1;
  }

  private Tensor concatGates(List<Tensor> parts) {
    return Ops.concatenate(parts, channelAxis());
  }

  /**
   * The input convolution of every step at once, {@code [batch, time, prod(state shape) * 4]}: the
   * flat sequence {@code [batch, time, prod(step shape)]} as {@code batch*time} images, each gate's
   * part of the kernel on its own dropped-out copy when input dropout is active.
   */
  @Override
  public Tensor prepare(Tensor sequence, boolean training) {
    int[] s = sequence.shape();
    int batch = s[0];
    int time = s[1];
    if (!masksDrawn) {
      masksDrawn = true;
      if (training && dropout > 0 && dropout < 1) {
        inputMasks = masks(new int[] {batch, 1, s[2]}, dropout);
      }
      if (training && recurrentDropout > 0 && recurrentDropout < 1) {
        recurrentMasks = masks(new int[] {batch, size(stateShape)}, recurrentDropout);
      }
    }
    int[] images = withBatch(batch * time, stepShape);
    Tensor z;
    if (inputMasks == null) {
      z = inputConv(Ops.reshape(sequence, images), kernel.value());
    } else {
      List<Tensor> kernels = Ops.split(kernel.value(), 4, rank + 1);
      List<Tensor> parts = new ArrayList<>(4);
      for (int g = 0; g < 4; g++) {
        Tensor x = Ops.multiply(sequence, inputMasks.get(g));
        parts.add(inputConv(Ops.reshape(x, images), kernels.get(g)));
      }
      z = concatGates(parts);
    }
    if (bias != null) {
      Tensor b = bias.value();
      if (channelsFirst()) {
        int[] bs = new int[rank + 1];
        Arrays.fill(bs, 1);
        bs[0] = 4 * filters;
        b = Ops.reshape(b, bs);
      }
      z = Ops.add(z, b);
    }
    return Ops.reshape(z, batch, time, 4 * size(stateShape));
  }

  private List<Tensor> masks(int[] shape, double rate) {
    List<Tensor> out = new ArrayList<>(4);
    for (int g = 0; g < 4; g++) {
      out.add(Noise.dropoutMask(shape, 1 - rate, seedGenerator.next()));
    }
    return out;
  }

  private Tensor inputConv(Tensor x, Tensor k) {
    return Ops.conv(x, k, strides, padding, dataFormat, dilationRate);
  }

  private Tensor recurrentConv(Tensor h, Tensor k) {
    return Ops.conv(h, k, ConvLayer.ones(rank), "same", dataFormat, ConvLayer.ones(rank));
  }

  @Override
  public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
    int batch = input.shape()[0];
    int[] gates = withBatch(batch, stateShape);
    gates[channelAxis()] = 4 * filters;
    int[] state = withBatch(batch, stateShape);
    Tensor zx = Ops.reshape(input, gates);
    Tensor hPrev = states.get(0);
    Tensor cPrev = Ops.reshape(states.get(1), state);
    Tensor zh;
    if (recurrentMasks == null) {
      zh = recurrentConv(Ops.reshape(hPrev, state), recurrentKernel.value());
    } else {
      List<Tensor> kernels = Ops.split(recurrentKernel.value(), 4, rank + 1);
      List<Tensor> parts = new ArrayList<>(4);
      for (int g = 0; g < 4; g++) {
        Tensor h = Ops.reshape(Ops.multiply(hPrev, recurrentMasks.get(g)), state);
        parts.add(recurrentConv(h, kernels.get(g)));
      }
      zh = concatGates(parts);
    }
    List<Tensor> z = Ops.split(Ops.add(zx, zh), 4, channelAxis());
    Tensor i = recurrentActivation.apply(z.get(0));
    Tensor f = recurrentActivation.apply(z.get(1));
    Tensor c = Ops.add(Ops.multiply(f, cPrev), Ops.multiply(i, activation.apply(z.get(2))));
    Tensor o = recurrentActivation.apply(z.get(3));
    Tensor h = Ops.multiply(o, activation.apply(c));
    int flat = size(stateShape);
    Tensor hFlat = Ops.reshape(h, batch, flat);
    return List.of(hFlat, hFlat, Ops.reshape(c, batch, flat));
  }

  @Override
  public void finish() {
    inputMasks = null;
    recurrentMasks = null;
    masksDrawn = false;
  }

  // ---- config ----------------------------------------------------------------------------

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    ConvLSTMConfigs.put(this, c, false, null);
    return c;
  }

  /** A cell from its config; the rank is that of kernel_size (Keras writes no rank key). */
  public static ConvLSTMCell fromConfig(Config c) {
    int[] k = c.getIntArray("kernel_size");
    int rank = c.has("rank") ? c.getInt("rank") : k.length;
    ConvLSTMCell cell = new ConvLSTMCell(rank, c.getInt("filters"), k);
    ConvLSTMConfigs.read(cell, c);
    return cell.applyBaseConfig(c, cell);
  }
}
