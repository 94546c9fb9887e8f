package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import io.keras4j.saving.LayerRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's Bidirectional wrapper: runs a forward copy and a backward copy of a recurrent layer over
 * the same sequence and merges their outputs. The copies are made from the layer's config, as Keras
 * does: the forward one named {@code forward_<name>}, the backward one {@code backward_<name>} with
 * {@code goBackwards} true (or the layer given to {@link #backwardLayer}). {@code mergeMode} is
 * {@code "concat"} (default), {@code "sum"}, {@code "mul"}, {@code "ave"} or null (the two outputs
 * side by side). With {@code returnSequences} the backward output is flipped back in time before
 * merging; with {@code returnState} the forward states then the backward ones follow the output.
 * Initial states come as extra inputs, the forward layer's first.
 */
public class Bidirectional extends Layer {
  private static final List<String> MERGE_MODES = Arrays.asList("sum", "mul", "ave", "concat");

  private final RNN forward;
  private RNN backward;
  private final Layer wrapped;
  private String mergeMode = "concat";

  /** Wraps a recurrent layer (an {@link RNN}: LSTM, GRU, SimpleRNN or RNN over a cell). */
  public Bidirectional(Layer layer) {
    RNN rnn = requireRnn(layer, "layer");
    this.wrapped = layer;
    this.forward = copy(rnn, "forward_" + removePrefix(rnn.name(), "forward_"), false);
    this.backward = copy(rnn, "backward_" + removePrefix(rnn.name(), "backward_"), true);
    verify(forward, backward);
    forceZeroOutputForMask(forward);
    forceZeroOutputForMask(backward);
    track(forward);
    track(backward);
    this.supportsMasking = true;
  }

  /** How the two directions' outputs merge: "concat", "sum", "mul", "ave", or null (both). */
  public Bidirectional mergeMode(String mode) {
    checkNotBuilt("mergeMode");
    if (mode != null && !MERGE_MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "Invalid merge mode for layer Bidirectional: expected one of \"sum\", \"mul\", \"ave\","
              + " \"concat\" or null. Received: merge_mode="
              + mode);
    }
    this.mergeMode = mode;
    return this;
  }

  /**
   * The layer that reads the sequence backwards, used as given (Keras's {@code backward_layer}):
   * its {@code goBackwards} must differ from the forward layer's, and its {@code stateful}, {@code
   * returnSequences} and {@code returnState} must be the same.
   */
  public Bidirectional backwardLayer(Layer layer) {
    checkNotBuilt("backwardLayer");
    RNN rnn = requireRnn(layer, "backward_layer");
    if (rnn == forward || rnn == wrapped) {
      throw new IllegalArgumentException(
          "Argument `backward_layer` of layer Bidirectional must be another layer than the"
              + " forward one. Received: backward_layer="
              + rnn.name());
    }
    verify(forward, rnn);
    forceZeroOutputForMask(rnn);
    untrack(backward);
    backward = rnn;
    track(backward);
    return this;
  }

  public String mergeMode() {
    return mergeMode;
  }

  public RNN forwardLayer() {
    return forward;
  }

  public RNN backwardLayer() {
    return backward;
  }

  public boolean returnSequences() {
    return forward.returnSequences();
  }

  public boolean returnState() {
    return forward.returnState();
  }

  public boolean stateful() {
    return forward.stateful();
  }

  /** The carried states of both directions go back to zeros (a stateful layer only). */
  public void resetStates() {
    if (!stateful()) {
      throw new IllegalStateException(
          "Layer '"
              + name()
              + "' (Bidirectional) is not stateful: it keeps no states to reset. Received:"
              + " stateful=false");
    }
    forward.resetStates();
    backward.resetStates();
  }

  private static RNN requireRnn(Layer layer, String argument) {
    if (layer == null) {
      throw new IllegalArgumentException(
          "Argument `" + argument + "` of layer Bidirectional must be given. Received: null");
    }
    if (!(layer instanceof RNN rnn)) {
      throw new IllegalArgumentException(
          "Argument `"
              + argument
              + "` of layer Bidirectional must be a recurrent layer (an RNN such as LSTM, GRU or"
              + " SimpleRNN). Received: "
              + argument
              + "="
              + layer.name()
              + " ("
              + layer.getClass().getSimpleName()
              + ")");
    }
    return rnn;
  }

  private static String removePrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** A fresh copy of {@code rnn} from its config, as Keras recreates the wrapped layer. */
  private static RNN copy(RNN rnn, String name, boolean goBackwards) {
    String cls = rnn.getClass().getSimpleName();
    Layer l;
    try {
      Map<String, Object> config = new LinkedHashMap<>(rnn.getConfig());
      config.put("name", name);
      if (goBackwards) {
        config.put("go_backwards", true);
      }
      if (rnn.cell() instanceof RecurrentCell<?> rc && rc.usesKeras2HardSigmoid()) {
        config.put("implementation", 1); // keeps Keras 2's hard sigmoid (see RnnActivations)
      }
      l = LayerRegistry.create(cls, config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Layer Bidirectional copies the wrapped layer from its config, which failed for layer '"
              + rnn.name()
              + "' ("
              + cls
              + "): "
              + e.getMessage(),
          e);
    }
    if (l.getClass() != rnn.getClass()) {
      throw new IllegalArgumentException(
          "Layer Bidirectional copies the wrapped layer from its config, but class name "
              + cls
              + " is registered for "
              + l.getClass().getName()
              + ": register "
              + rnn.getClass().getName()
              + " under its own name. Received: layer="
              + rnn.name());
    }
    return (RNN) l;
  }

  private static void verify(RNN f, RNN b) {
    if (f.goBackwards() == b.goBackwards()) {
      throw new IllegalArgumentException(
          "Layer Bidirectional: the forward and backward layers must have different"
              + " `go_backwards` values. Received: forward_layer.go_backwards="
              + f.goBackwards()
              + ", backward_layer.go_backwards="
              + b.goBackwards());
    }
    check("stateful", f.stateful(), b.stateful());
    check("return_sequences", f.returnSequences(), b.returnSequences());
    check("return_state", f.returnState(), b.returnState());
  }

  private static void check(String attribute, boolean f, boolean b) {
    if (f != b) {
      throw new IllegalArgumentException(
          "Layer Bidirectional: the forward and backward layers must have the same `"
              + attribute
              + "`. Received: forward_layer."
              + attribute
              + "="
              + f
              + ", backward_layer."
              + attribute
              + "="
              + b);
    }
  }

  /** As Keras: masked steps output zeros when the whole sequence is returned. */
  private static void forceZeroOutputForMask(RNN rnn) {
    rnn.zeroOutputForMask(rnn.returnSequences());
  }

  private String who() {
    return "Layer '" + name() + "' (Bidirectional)";
  }

  private int halfStates(int inputs) {
    int states = inputs - 1;
    if (states % 2 != 0) {
      throw new IllegalArgumentException(
          who()
              + " expects as many initial states for the backward layer as for the forward one"
              + " (an even count after the sequence input). Received: "
              + states
              + " initial state(s)");
    }
    return states / 2;
  }

  private static <T> List<T> part(List<T> all, int from, int count) {
    List<T> out = new ArrayList<>();
    out.add(all.get(0));
    out.addAll(all.subList(from, from + count));
    return out;
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    int half = halfStates(inputShapes.size());
    forward.maybeBuild(part(inputShapes, 1, half));
    backward.maybeBuild(part(inputShapes, 1 + half, half));
    namePaths(forward);
    namePaths(backward);
  }

  /** Keras's weight paths: {@code bidirectional/forward_lstm/lstm_cell/kernel}. */
  private void namePaths(RNN rnn) {
    String cellName = rnn.cell() instanceof Layer c ? c.name() : null;
    String cellPrefix = rnn.cell() instanceof Layer c ? c.defaultNamePrefix() : null;
    for (Variable v : rnn.weights()) {
      String p = v.path();
      if (cellName != null && p.startsWith(cellName + "/")) {
        p = cellPrefix + p.substring(cellName.length());
      }
      v.setPath(name() + "/" + rnn.name() + "/" + p);
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    int half = halfStates(inputs.size());
    Tensor mask = ctx.mask();
    CallContext sub =
        mask == null
            ? CallContext.of(ctx.training())
            : CallContext.of(ctx.training(), java.util.Collections.singletonList(mask));
    List<Tensor> y = forward.callEager(part(inputs, 1, half), sub);
    List<Tensor> yRev = backward.callEager(part(inputs, 1 + half, half), sub);
    Tensor out = y.get(0);
    Tensor outRev = yRev.get(0);
    if (returnSequences()) {
      outRev = flipTime(outRev);
    }
    List<Tensor> result = new ArrayList<>();
    if (mergeMode == null) {
      result.add(out);
      result.add(outRev);
    } else {
      result.add(merge(out, outRev));
    }
    if (returnState()) {
      result.addAll(y.subList(1, y.size()));
      result.addAll(yRev.subList(1, yRev.size()));
    }
    return result;
  }

  private static Tensor flipTime(Tensor x) {
    int time = ShapeRefs.of(x)[1];
    int[] idx = new int[time];
    for (int t = 0; t < time; t++) {
      idx[t] = time - 1 - t;
    }
    return Ops.take(x, Tensor.ofInts(idx, time), 1);
  }

  private Tensor merge(Tensor a, Tensor b) {
    return switch (mergeMode) {
      case "concat" -> Ops.concatenate(List.of(a, b), -1);
      case "sum" -> Ops.add(a, b);
      case "mul" -> Ops.multiply(a, b);
      case "ave" -> Ops.multiply(Ops.add(a, b), 0.5f);
      default -> throw new IllegalStateException("merge_mode=" + mergeMode);
    };
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    List<int[]> f = forward.computeOutputShapes(List.of(inputShapes.get(0)));
    int[] out = f.get(0).clone();
    List<int[]> result = new ArrayList<>();
    if (mergeMode == null) {
      result.add(out);
      result.add(out.clone());
    } else {
      if (mergeMode.equals("concat")) {
        out[out.length - 1] = out[out.length - 1] < 0 ? -1 : 2 * out[out.length - 1];
      }
      result.add(out);
    }
    if (returnState()) {
      List<int[]> states = f.subList(1, f.size());
      result.addAll(states);
      for (int[] s : states) {
        result.add(s.clone());
      }
    }
    return result;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    List<int[]> out = computeOutputShapes(List.of(inputShape));
    if (out.size() != 1) {
      throw new IllegalStateException(
          who()
              + " has "
              + out.size()
              + " outputs; use computeOutputShapes. Received: input_shape="
              + Shapes.toString(inputShape));
    }
    return out.get(0);
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = masks.isEmpty() ? null : masks.get(0);
    Tensor outMask = returnSequences() ? m : null;
    List<Tensor> out = new ArrayList<>();
    out.add(outMask);
    if (mergeMode == null) {
      out.add(outMask);
    }
    if (returnState()) {
      int states = 2 * forward.cell().stateSize().length;
      for (int i = 0; i < states; i++) {
        out.add(null);
      }
    }
    return out;
  }

  /** Keras 3's keys: the base ones, then merge_mode, layer (the forward copy), backward_layer. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("merge_mode", mergeMode);
    c.put("layer", serialize(forward));
    c.put("backward_layer", serialize(backward));
    return c;
  }

  private static Map<String, Object> serialize(Layer l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", "keras.layers");
    m.put("class_name", l.getClass().getSimpleName());
    m.put("config", l.getConfig());
    m.put("registered_name", null);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Layer deserialize(Object entry, String key) {
    if (!(entry instanceof Map<?, ?> m) || !(m.get("class_name") instanceof String cls)) {
      throw new IllegalArgumentException(
          "Config key `"
              + key
              + "` of layer Bidirectional must be {\"class_name\": ..., \"config\": {...}}."
              + " Received: "
              + key
              + "="
              + entry);
    }
    Object config = m.get("config");
    return LayerRegistry.create(
        cls, config instanceof Map<?, ?> ? (Map<String, Object>) config : new LinkedHashMap<>());
  }

  public static Bidirectional fromConfig(Config c) {
    Bidirectional b = new Bidirectional(deserialize(c.get("layer"), "layer"));
    if (c.get("backward_layer") != null) {
      b.backwardLayer(deserialize(c.get("backward_layer"), "backward_layer"));
    }
    // merge_mode null (Keras's None) means the two outputs; an absent key means Keras's default.
    Object mode = c.get("merge_mode");
    if (mode != null && !(mode instanceof String)) {
      throw new IllegalArgumentException(
          "Config key `merge_mode` of layer Bidirectional must be a string or null. Received:"
              + " merge_mode="
              + mode);
    }
    b.mergeMode(c.asMap().containsKey("merge_mode") ? (String) mode : "concat");
    return b.applyBaseConfig(c, b);
  }
}
