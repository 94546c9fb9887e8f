package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code ConvLSTM} base of ConvLSTM1D, ConvLSTM2D and ConvLSTM3D: an {@link RNN} over a
 * {@link ConvLSTMCell} on an input {@code [batch, time, spatial..., channels]} (channels_last) or
 * {@code [batch, time, channels, spatial...]}. Its options are the cell's and the RNN's (return
 * sequences and states, go backwards, stateful, masks, initial states {@code [batch, out
 * spatial..., filters]}); its config holds both without a nested cell, as Keras writes it.
 *
 * <p>RNN's loop steps over flat tensors: the layer flattens each step's image (and the initial
 * states) before the loop and gives its outputs and states their shapes back after it.
 *
 * @param <L> the concrete layer, so that chained options return it
 */
public abstract class ConvLSTM<L extends ConvLSTM<L>> extends RNN {
  private final int rank;

  protected ConvLSTM(int rank, int filters, int[] kernelSize) {
    super(new ConvLSTMCell(rank, filters, kernelSize));
    this.rank = rank;
  }

  @SuppressWarnings("unchecked")
  protected final L self() {
    return (L) this;
  }

  public ConvLSTMCell cellLayer() {
    return (ConvLSTMCell) cell;
  }

  public int filters() {
    return cellLayer().filters();
  }

  private String who() {
    return "Layer '" + name() + "' (" + getClass().getSimpleName() + ")";
  }

  // ---- shapes ----------------------------------------------------------------------------

  private void checkRank(int[] shape) {
    if (shape.length != rank + 3) {
      throw new IllegalArgumentException(
          who()
              + " expects an input of rank "
              + (rank + 3)
              + ", [batch, time, "
              + rank
              + " spatial axes, channels] (or channels first). Received: input_shape="
              + Shapes.toString(shape));
    }
  }

  private static int[] flat(int[] shape, int keep) {
    int[] out = Arrays.copyOf(shape, keep + 1);
    int n = 1;
    for (int i = keep; i < shape.length; i++) {
      if (shape[i] < 0) {
        n = -1;
        break;
      }
      n *= shape[i];
    }
    out[keep] = n;
    return out;
  }

  private static int[] join(int[] head, int[] tail) {
    int[] out = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    int[] in = inputShapes.get(0);
    checkRank(in);
    cellLayer().maybeBuild(List.of(join(new int[] {in[0]}, Arrays.copyOfRange(in, 2, in.length))));
    int[] state = cellLayer().stateShape();
    for (int i = 1; i < inputShapes.size(); i++) {
      checkState(i - 1, inputShapes.get(i), state);
    }
    List<int[]> flatShapes = new ArrayList<>();
    flatShapes.add(flat(in, 2));
    for (int i = 1; i < inputShapes.size(); i++) {
      flatShapes.add(flat(inputShapes.get(i), 1));
    }
    super.onBuild(flatShapes);
  }

  private void checkState(int i, int[] s, int[] state) {
    boolean ok = s.length == state.length + 1;
    for (int d = 0; ok && d < state.length; d++) {
      ok = s[d + 1] < 0 || s[d + 1] == state[d];
    }
    if (!ok) {
      throw new IllegalArgumentException(
          who()
              + ": initial state "
              + i
              + " must have shape "
              + Shapes.toString(join(new int[] {-1}, state))
              + ". Received: initial_state["
              + i
              + "].shape="
              + Shapes.toString(s));
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    Tensor x = inputs.get(0);
    int[] shape = ShapeRefs.of(x);
    checkRank(shape);
    int[] step = cellLayer().stepShape();
    if (!Arrays.equals(step, Arrays.copyOfRange(shape, 2, shape.length))) {
      throw new IllegalArgumentException(
          who()
              + " was built for steps of shape "
              + Shapes.toString(join(new int[] {-1}, step))
              + " (ConvLSTM layers only support static spatial shapes). Received: input_shape="
              + Shapes.toString(shape));
    }
    int[] state = cellLayer().stateShape();
    List<Tensor> flatInputs = new ArrayList<>();
    flatInputs.add(io.keras4j.ops.Ops.reshape(x, flat(shape, 2)));
    for (int i = 1; i < inputs.size(); i++) {
      int[] s = ShapeRefs.of(inputs.get(i));
      checkState(i - 1, s, state);
      flatInputs.add(io.keras4j.ops.Ops.reshape(inputs.get(i), flat(s, 1)));
    }
    List<Tensor> outs = super.call(flatInputs, ctx);
    List<Tensor> shaped = new ArrayList<>(outs.size());
    int batch = shape[0];
    shaped.add(
        io.keras4j.ops.Ops.reshape(
            outs.get(0),
            returnSequences()
                ? join(new int[] {batch, shape[1]}, state)
                : join(new int[] {batch}, state)));
    for (int i = 1; i < outs.size(); i++) {
      shaped.add(io.keras4j.ops.Ops.reshape(outs.get(i), join(new int[] {batch}, state)));
    }
    return shaped;
  }

  @Override
  public List<Tensor> states() {
    List<Tensor> flatStates = super.states();
    if (flatStates == null) {
      return null;
    }
    int[] state = cellLayer().stateShape();
    List<Tensor> out = new ArrayList<>();
    for (Tensor s : flatStates) {
      out.add(io.keras4j.ops.Ops.reshape(s, join(new int[] {s.shape()[0]}, state)));
    }
    return out;
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    int[] in = inputShapes.get(0);
    checkRank(in);
    int[] stepOut =
        cellLayer().stepOutputShape(join(new int[] {in[0]}, Arrays.copyOfRange(in, 2, in.length)));
    int[] state = Arrays.copyOfRange(stepOut, 1, stepOut.length);
    List<int[]> out = new ArrayList<>();
    out.add(
        returnSequences() ? join(new int[] {in[0], in[1]}, state) : join(new int[] {in[0]}, state));
    if (returnState()) {
      out.add(join(new int[] {in[0]}, state));
      out.add(join(new int[] {in[0]}, state));
    }
    return out;
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = masks.isEmpty() ? null : masks.get(0);
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences() ? m : null);
    if (returnState()) {
      out.add(null);
      out.add(null);
    }
    return out;
  }

  // ---- options: the RNN's ----------------------------------------------------------------

  @Override
  public L returnSequences(boolean v) {
    super.returnSequences(v);
    return self();
  }

  @Override
  public L returnState(boolean v) {
    super.returnState(v);
    return self();
  }

  @Override
  public L goBackwards(boolean v) {
    super.goBackwards(v);
    return self();
  }

  @Override
  public L stateful(boolean v) {
    super.stateful(v);
    return self();
  }

  @Override
  public L unroll(boolean v) {
    super.unroll(v);
    return self();
  }

  @Override
  public L zeroOutputForMask(boolean v) {
    super.zeroOutputForMask(v);
    return self();
  }

  // ---- options: the cell's ---------------------------------------------------------------

  /** One stride, or one per spatial axis. */
  public L strides(int... v) {
    cellLayer().strides(v);
    return self();
  }

  /** {@code "valid"} (default) or {@code "same"}. */
  public L padding(String v) {
    cellLayer().padding(v);
    return self();
  }

  /** {@code "channels_last"} (default) or {@code "channels_first"}. */
  public L dataFormat(String v) {
    cellLayer().dataFormat(v);
    return self();
  }

  /** One dilation rate, or one per spatial axis. */
  public L dilationRate(int... v) {
    cellLayer().dilationRate(v);
    return self();
  }

  public L activation(String name) {
    return activation(Activations.get(name));
  }

  public L activation(ActivationFunction f) {
    cellLayer().activation(f);
    return self();
  }

  public L recurrentActivation(String name) {
    return recurrentActivation(Activations.get(name));
  }

  public L recurrentActivation(ActivationFunction f) {
    cellLayer().recurrentActivation(f);
    return self();
  }

  public L useBias(boolean v) {
    cellLayer().useBias(v);
    return self();
  }

  public L kernelInitializer(String name) {
    return kernelInitializer(Initializers.get(name));
  }

  public L kernelInitializer(Initializer init) {
    cellLayer().kernelInitializer(init);
    return self();
  }

  public L recurrentInitializer(String name) {
    return recurrentInitializer(Initializers.get(name));
  }

  public L recurrentInitializer(Initializer init) {
    cellLayer().recurrentInitializer(init);
    return self();
  }

  public L biasInitializer(String name) {
    return biasInitializer(Initializers.get(name));
  }

  public L biasInitializer(Initializer init) {
    cellLayer().biasInitializer(init);
    return self();
  }

  public L unitForgetBias(boolean v) {
    cellLayer().unitForgetBias(v);
    return self();
  }

  public L kernelRegularizer(String name) {
    return kernelRegularizer(Regularizers.get(name));
  }

  public L kernelRegularizer(Regularizer r) {
    cellLayer().kernelRegularizer(r);
    return self();
  }

  public L recurrentRegularizer(String name) {
    return recurrentRegularizer(Regularizers.get(name));
  }

  public L recurrentRegularizer(Regularizer r) {
    cellLayer().recurrentRegularizer(r);
    return self();
  }

  public L biasRegularizer(String name) {
    return biasRegularizer(Regularizers.get(name));
  }

  public L biasRegularizer(Regularizer r) {
    cellLayer().biasRegularizer(r);
    return self();
  }

  public L kernelConstraint(String name) {
    return kernelConstraint(Constraints.get(name));
  }

  public L kernelConstraint(Constraint c) {
    cellLayer().kernelConstraint(c);
    return self();
  }

  public L recurrentConstraint(String name) {
    return recurrentConstraint(Constraints.get(name));
  }

  public L recurrentConstraint(Constraint c) {
    cellLayer().recurrentConstraint(c);
    return self();
  }

  public L biasConstraint(String name) {
    return biasConstraint(Constraints.get(name));
  }

  public L biasConstraint(Constraint c) {
    cellLayer().biasConstraint(c);
    return self();
  }

  public L dropout(double rate) {
    cellLayer().dropout(rate);
    return self();
  }

  public L recurrentDropout(double rate) {
    cellLayer().recurrentDropout(rate);
    return self();
  }

  public L seed(long seed) {
    cellLayer().seed(seed);
    return self();
  }

  // ---- config ----------------------------------------------------------------------------

  /** Keras 3's order: the base keys, the RNN's options, then the cell's. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = BaseConfigs.write(this);
    c.remove("activity_regularizer");
    putRnnOptions(c);
    ConvLSTMConfigs.put(
        cellLayer(),
        c,
        true,
        activityRegularizer() == null ? null : Regularizers.serialize(activityRegularizer()));
    return c;
  }

  /** Reads the cell's options, the RNN's and the base config into {@code layer}. */
  protected static <L extends ConvLSTM<L>> L read(Config c, L layer) {
    ConvLSTMConfigs.read(layer.cellLayer(), c);
    layer.readRnnOptions(c);
    return layer.applyBaseConfig(c, layer);
  }
}
