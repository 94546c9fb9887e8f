package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.saving.Config;
import io.keras4j.saving.LayerRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's RNN layer: runs a {@link RnnCell} over the time axis of a {@code [batch, timesteps,
 * features]} input. Options as Keras: {@code returnSequences}, {@code returnState}, {@code
 * goBackwards}, {@code stateful} (states carried from one call to the next; needs a fixed batch
 * size, {@link #resetStates}), {@code unroll} (accepted: the loop is the same), {@code
 * zeroOutputForMask}. Initial states come as extra inputs ({@code rnn.apply(x, h0, c0)}); an input
 * mask makes masked steps keep the previous states and output.
 */
public class RNN extends Layer {
  protected final RnnCell cell;
  private boolean returnSequences;
  private boolean returnState;
  private boolean goBackwards;
  private boolean stateful;
  private boolean unroll;
  private boolean zeroOutputForMask;
  private List<Tensor> carried;
  private int fixedBatch = -1;

  public RNN(RnnCell cell) {
    if (cell == null) {
      throw new IllegalArgumentException(
          "Argument `cell` of layer RNN must be given. Received: cell=null");
    }
    this.cell = cell;
    if (cell instanceof Layer l) {
      track(l);
    }
    this.supportsMasking = true;
  }

  /** A stack of cells, run as one {@link StackedRNNCells}. */
  public RNN(List<? extends RnnCell> cells) {
    this(new StackedRNNCells(cells));
  }

  public RNN returnSequences(boolean v) {
    checkNotBuilt("returnSequences");
    this.returnSequences = v;
    return this;
  }

  public RNN returnState(boolean v) {
    checkNotBuilt("returnState");
    this.returnState = v;
    return this;
  }

  public RNN goBackwards(boolean v) {
    checkNotBuilt("goBackwards");
    this.goBackwards = v;
    return this;
  }

  public RNN stateful(boolean v) {
    checkNotBuilt("stateful");
    this.stateful = v;
    return this;
  }

  /** Accepted as Keras's; the loop through time is the same either way (same numbers). */
  public RNN unroll(boolean v) {
    this.unroll = v;
    return this;
  }

  /** Whether masked steps output zeros (rather than the previous output). */
  public RNN zeroOutputForMask(boolean v) {
    this.zeroOutputForMask = v;
    return this;
  }

  public RnnCell cell() {
    return cell;
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  public boolean returnState() {
    return returnState;
  }

  public boolean goBackwards() {
    return goBackwards;
  }

  public boolean stateful() {
    return stateful;
  }

  /** The carried states of a stateful layer go back to zeros. */
  public void resetStates() {
    if (!stateful) {
      throw new IllegalStateException(
          "Layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") is not stateful: it keeps no"
              + " states to reset. Received: stateful=false");
    }
    carried = null;
  }

  /** The states a stateful layer carries into its next call (copies), or null before any call. */
  public List<Tensor> states() {
    return carried == null ? null : List.copyOf(carried);
  }

  private String who() {
    return "Layer '" + name() + "' (" + getClass().getSimpleName() + ")";
  }

  private void checkSequence(int[] shape) {
    if (shape.length != 3) {
      throw new IllegalArgumentException(
          who()
              + " expects a sequence input of rank 3, [batch, timesteps, features]. Received:"
              + " input_shape="
              + Shapes.toString(shape));
    }
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    int[] in = inputShapes.get(0);
    checkSequence(in);
    if (in[2] < 0) {
      throw new IllegalArgumentException(
          who()
              + " needs a known number of features. Received: input_shape="
              + Shapes.toString(in));
    }
    if (stateful && in[0] < 0) {
      throw new IllegalArgumentException(
          who()
              + " is stateful, which needs a fixed batch size: give the input a batch size (e.g."
              + " batchInputShape(32, timesteps, features), or Input with batch_size). Received:"
              + " input_shape="
              + Shapes.toString(in));
    }
    fixedBatch = in[0];
    checkStateShapes(inputShapes);
    if (cell instanceof Layer l) {
      l.maybeBuild(List.of(new int[] {in[0], in[2]}));
    }
  }

  private void checkStateShapes(List<int[]> shapes) {
    if (shapes.size() == 1) {
      return;
    }
    int[] sizes = cell.stateSize();
    if (shapes.size() - 1 != sizes.length) {
      throw new IllegalArgumentException(
          who()
              + " expects "
              + sizes.length
              + " initial state(s) after the sequence input. Received: "
              + (shapes.size() - 1)
              + " initial state(s)");
    }
    int batch = shapes.get(0)[0];
    for (int i = 0; i < sizes.length; i++) {
      int[] s = shapes.get(i + 1);
      boolean ok =
          s.length == 2
              && (s[1] == sizes[i] || s[1] < 0)
              && (batch < 0 || s[0] < 0 || s[0] == batch);
      if (!ok) {
        throw new IllegalArgumentException(
            who()
                + ": initial state "
                + i
                + " must have shape [batch, "
                + sizes[i]
                + "] (batch "
                + (batch < 0 ? "None" : batch)
                + "). Received: initial_state["
                + i
                + "].shape="
                + Shapes.toString(s));
      }
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    Tensor x = inputs.get(0);
    int[] shape = ShapeRefs.of(x);
    checkSequence(shape);
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    checkStateShapes(shapes);
    if (shape[1] == 0) {
      throw new IllegalArgumentException(
          who() + " needs at least one timestep. Received: input_shape=" + Shapes.toString(shape));
    }
    int batch = shape[0];
    if (stateful && fixedBatch >= 0 && batch != fixedBatch) {
      throw new IllegalArgumentException(
          who()
              + " is stateful with batch size "
              + fixedBatch
              + "; every call must have that batch size. Received: batch_size="
              + batch);
    }
    List<Tensor> initial;
    if (inputs.size() > 1) {
      initial = inputs.subList(1, inputs.size());
    } else if (stateful && carried != null) {
      initial = carried;
    } else {
      initial = new ArrayList<>();
      for (int size : cell.stateSize()) {
        initial.add(Tensor.zeros(batch, size));
      }
    }
    RnnLoop.Result r =
        RnnLoop.run(
            cell,
            x,
            initial,
            ctx.mask(),
            goBackwards,
            returnSequences,
            zeroOutputForMask,
            ctx.training());
    if (stateful) {
      List<Tensor> keep = new ArrayList<>();
      for (Tensor s : r.states()) {
        keep.add(s.copy());
      }
      carried = keep;
    }
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? r.sequence() : r.lastOutput());
    if (returnState) {
      out.addAll(r.states());
    }
    return out;
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    int[] in = inputShapes.get(0);
    checkSequence(in);
    List<int[]> out = new ArrayList<>();
    int units = cell.outputSize();
    out.add(returnSequences ? new int[] {in[0], in[1], units} : new int[] {in[0], units});
    if (returnState) {
      for (int size : cell.stateSize()) {
        out.add(new int[] {in[0], size});
      }
    }
    return out;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return computeOutputShapes(List.of(inputShape)).get(0);
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = masks.isEmpty() ? null : masks.get(0);
    List<Tensor> out = new ArrayList<>();
    out.add(returnSequences ? m : null);
    if (returnState) {
      for (int i = 0; i < cell.stateSize().length; i++) {
        out.add(null);
      }
    }
    return out;
  }

  /** The options of the RNN base, in Keras's order, after the subclass's. */
  void putRnnOptions(Map<String, Object> c) {
    c.put("return_sequences", returnSequences);
    c.put("return_state", returnState);
    c.put("go_backwards", goBackwards);
    c.put("stateful", stateful);
    c.put("unroll", unroll);
    c.put("zero_output_for_mask", zeroOutputForMask);
  }

  void readRnnOptions(Config c) {
    returnSequences(c.getBoolean("return_sequences", false));
    returnState(c.getBoolean("return_state", false));
    goBackwards(c.getBoolean("go_backwards", false));
    stateful(c.getBoolean("stateful", false));
    unroll(c.getBoolean("unroll", false));
    zeroOutputForMask(c.getBoolean("zero_output_for_mask", false));
    // Keras 2 wrote time_major (false for Keras models); Keras 3's use_cudnn picks a GPU kernel.
    c.get("time_major");
    c.get("use_cudnn");
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    putRnnOptions(c);
    c.put("cell", serializeLayer(cell));
    return c;
  }

  /** {@code {"class_name", "config"}} of a cell (it must be a registered Layer to be saved). */
  static Map<String, Object> serializeLayer(RnnCell cell) {
    if (!(cell instanceof Layer l)) {
      throw new IllegalArgumentException(
          "Cannot serialize RNN cell "
              + cell.getClass().getName()
              + ": a saved cell must be a Layer registered with LayerRegistry.register. Received:"
              + " cell="
              + cell);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", l.getClass().getSimpleName());
    m.put("config", l.getConfig());
    return m;
  }

  @SuppressWarnings("unchecked")
  static RnnCell deserializeCell(Object entry) {
    if (entry instanceof List<?> list) {
      List<RnnCell> cells = new ArrayList<>();
      for (Object o : list) {
        cells.add(deserializeCell(o));
      }
      return new StackedRNNCells(cells);
    }
    if (!(entry instanceof Map<?, ?> m) || !(m.get("class_name") instanceof String cls)) {
      throw new IllegalArgumentException(
          "An RNN cell config must be {\"class_name\": ..., \"config\": {...}}. Received: cell="
              + entry);
    }
    Layer l = LayerRegistry.create(cls, (Map<String, Object>) m.get("config"));
    if (!(l instanceof RnnCell rc)) {
      throw new IllegalArgumentException(
          "Layer class " + cls + " is not an RNN cell (RnnCell). Received: cell=" + cls);
    }
    return rc;
  }

  public static RNN fromConfig(Config c) {
    RNN rnn = new RNN(deserializeCell(c.get("cell")));
    rnn.readRnnOptions(c);
    return rnn.applyBaseConfig(c, rnn);
  }
}
