package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.internal.Naming;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every layer, with Keras's lifecycle: arguments are validated in the constructor (and
 * in chained options), weights are created in {@link #onBuild} once the input shape is known,
 * {@link #call} computes with ops, {@link #computeOutputShape} gives the output shape without
 * computing, and {@link #getConfig} returns the constructor's arguments.
 *
 * <p>A user-written layer subclasses this, creates its weights with {@link #addWeight} in {@code
 * onBuild}, and writes {@code call} with {@link io.keras4j.ops.Ops}.
 */
public abstract class Layer {
  private String name;
  private boolean built;
  private boolean trainable = true;
  private DType dtype = DType.FLOAT32;
  private int[] batchInputShape;
  private InputSpec inputSpec;
  private Regularizer activityRegularizer;
  private final LayerWeights ownWeights = new LayerWeights();
  private final List<Layer> sublayers = new ArrayList<>();
  private final List<Node> inboundNodes = new ArrayList<>();
  private final List<Tensor> callLosses = new ArrayList<>();
  private List<int[]> builtInputShapes;

  /** Whether this layer passes a mask through unchanged (when it does not compute its own). */
  protected boolean supportsMasking;

  protected Layer() {}

  // ---- identity and options --------------------------------------------------------------

  /** The layer's name; an automatic unique one (e.g. {@code dense_1}) unless one was given. */
  public String name() {
    if (name == null) {
      name = Naming.uniqueName(defaultNamePrefix());
    }
    return name;
  }

  /** The prefix of automatic names: the class name in snake_case, as Keras. */
  protected String defaultNamePrefix() {
    return Naming.toSnakeCase(getClass().getSimpleName());
  }

  /** Sets the name (a layer-wide option: in a chain, put it after the layer's own options). */
  public Layer name(String name) {
    checkNotBuilt("name");
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException(
          "Argument `name` of layer "
              + getClass().getSimpleName()
              + " must be a non-empty string without '/'. Received: name="
              + name);
    }
    this.name = name;
    return this;
  }

  /** The input shape without the batch axis, as Keras's {@code input_shape}; -1 for unknown. */
  public Layer inputShape(int... shape) {
    checkNotBuilt("inputShape");
    for (int d : shape) {
      if (d < -1 || d == 0) {
        throw new IllegalArgumentException(
            "Argument `input_shape` of layer '"
                + name()
                + "' must hold positive sizes or -1 (None). Received: input_shape="
                + Shapes.toString(shape));
      }
    }
    this.batchInputShape = Shapes.withBatch(-1, shape);
    return this;
  }

  /** The input shape with the batch axis, as Keras's {@code batch_input_shape}. */
  public Layer batchInputShape(int... shape) {
    checkNotBuilt("batchInputShape");
    this.batchInputShape = shape.clone();
    return this;
  }

  /** The batch input shape given with {@link #inputShape}, or null. */
  public int[] batchInputShape() {
    return batchInputShape == null ? null : batchInputShape.clone();
  }

  public Layer dtype(DType dtype) {
    checkNotBuilt("dtype");
    this.dtype = dtype;
    return this;
  }

  public DType dtype() {
    return dtype;
  }

  /** Whether the weights of this layer (and its sublayers) are updated by training. */
  public boolean trainable() {
    return trainable;
  }

  /** Freezes or unfreezes this layer and its sublayers (allowed at any time, as in Keras). */
  public Layer trainable(boolean trainable) {
    this.trainable = trainable;
    ownWeights.setTrainable(trainable);
    for (Layer l : sublayers) {
      l.trainable(trainable);
    }
    return this;
  }

  /**
   * The data type by Keras name ({@code "float32"}, {@code "int32"}), as Keras's {@code
   * dtype="float32"}.
   */
  public Layer dtype(String dtype) {
    return dtype(DType.fromKeras(dtype));
  }

  /** A penalty on the layer's output, added to the loss during training. */
  public Layer activityRegularizer(Regularizer regularizer) {
    checkNotBuilt("activityRegularizer");
    this.activityRegularizer = regularizer;
    return this;
  }

  /**
   * A penalty on the layer's output by Keras name with Keras's defaults ({@code "l2"} is {@code
   * L2(0.01)}), as Keras's {@code activity_regularizer="l2"}.
   */
  public Layer activityRegularizer(String name) {
    return activityRegularizer(Regularizers.get(name));
  }

  public Regularizer activityRegularizer() {
    return activityRegularizer;
  }

  /** Throws when an option is changed after the layer was built. */
  protected final void checkNotBuilt(String option) {
    if (built) {
      throw new IllegalStateException(
          "Option `"
              + option
              + "` of layer '"
              + name()
              + "' cannot change once the layer is built (its weights exist already).");
    }
  }

  public boolean isBuilt() {
    return built;
  }

  // ---- the lifecycle, overridden by layers ------------------------------------------------

  /**
   * Creates the weights from the input shape (batch axis included, -1 when unknown): Keras's {@code
   * build}. Called once, before the first call.
   */
  protected void onBuild(int[] inputShape) {}

  /** Multi-input layers override this; the default builds from the single input's shape. */
  protected void onBuild(List<int[]> inputShapes) {
    if (inputShapes.size() == 1) {
      onBuild(inputShapes.get(0));
    }
  }

  /**
   * Computes the output of a single-input layer. A layer keeps no tensor it computes here beyond
   * the call (state goes into a {@code Variable}): during {@code fit} the arrays of a step are
   * reused by the next one.
   */
  protected Tensor call(Tensor inputs, CallContext ctx) {
    throw new UnsupportedOperationException(
        "Layer " + getClass().getSimpleName() + " must override call(Tensor, CallContext)");
  }

  /** Computes the outputs; multi-input or multi-output layers override this one. */
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    requireSingleInput(inputs.size());
    return List.of(call(inputs.get(0), ctx));
  }

  /**
   * The output shape for an input shape (batch axis included). The default runs {@link #call} on
   * zeros, twice with different sizes for unknown dimensions, as Keras infers a layer's output
   * spec; layers override it with the formula.
   */
  public int[] computeOutputShape(int[] inputShape) {
    return inferOutputShapes(List.of(inputShape)).get(0);
  }

  /** The output shapes for the input shapes; multi-input or multi-output layers override this. */
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    requireSingleInput(inputShapes.size());
    return List.of(computeOutputShape(inputShapes.get(0)));
  }

  /** The output dtype; the layer's dtype unless overridden. */
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return dtype;
  }

  /** The output mask(s); by default the input mask passes when {@link #supportsMasking}. */
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor m = supportsMasking && !masks.isEmpty() ? masks.get(0) : null;
    List<Tensor> out = new ArrayList<>();
    out.add(m);
    return out;
  }

  /** The constructor's arguments with Keras's names, plus name, trainable and dtype. */
  public Map<String, Object> getConfig() {
    return BaseConfigs.write(this);
  }

  /** Keras 3's serialized dtype policy. */
  public static Map<String, Object> dtypePolicy(DType dtype) {
    return BaseConfigs.dtypePolicy(dtype);
  }

  /**
   * Reads name, trainable, dtype, the input shape and the activity regularizer of a config (every
   * layer's fromConfig asks for them here, so that the registry's check for unread keys, {@code
   * io.keras4j.saving.ConfigKeys}, knows them).
   */
  protected <L extends Layer> L applyBaseConfig(Config c, L layer) {
    BaseConfigs.read(c, layer);
    return layer;
  }

  /** Sets the spec every later input must satisfy (usually at the end of build). */
  protected final void inputSpec(InputSpec spec) {
    this.inputSpec = spec;
  }

  private void requireSingleInput(int n) {
    if (n != 1) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + ") expects 1 input. Received: "
              + n
              + " inputs");
    }
  }

  // ---- weights ---------------------------------------------------------------------------

  /** Creates a weight, as Keras's {@code add_weight}; call it from {@link #onBuild}. */
  protected final Variable addWeight(
      String weightName,
      int[] shape,
      Initializer initializer,
      Regularizer regularizer,
      Constraint constraint,
      boolean trainableWeight) {
    Variable v = ownWeights.create(name(), weightName, shape, initializer, trainableWeight);
    ownWeights.add(v, regularizer, constraint);
    if (!trainable) {
      v.setTrainable(false);
    }
    return v;
  }

  protected final Variable addWeight(String weightName, int[] shape, Initializer initializer) {
    return addWeight(weightName, shape, initializer, null, null, true);
  }

  /** Tracks a layer used inside this one, so that its weights are this layer's too. */
  protected final <L extends Layer> L track(L layer) {
    if (!sublayers.contains(layer)) {
      sublayers.add(layer);
    }
    return layer;
  }

  /** Stops tracking a layer (e.g. one popped from a Sequential). */
  protected final void untrack(Layer layer) {
    sublayers.remove(layer);
  }

  /** The layers tracked inside this one. */
  protected List<Layer> sublayers() {
    return Collections.unmodifiableList(sublayers);
  }

  /** All weights in Keras's order: own trainable, own non-trainable, then each sublayer's. */
  public List<Variable> weights() {
    List<Variable> out = new ArrayList<>();
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Variable v : ownWeights.own()) {
      if (seen.add(v)) {
        out.add(v);
      }
    }
    for (Layer l : sublayers) {
      for (Variable v : l.weights()) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Weights updated by training (none when the layer is frozen). */
  public List<Variable> trainableWeights() {
    return trainable ? weights().stream().filter(Variable::trainable).toList() : List.of();
  }

  /** Weights training leaves alone (all of them when the layer is frozen). */
  public List<Variable> nonTrainableWeights() {
    return trainable ? weights().stream().filter(v -> !v.trainable()).toList() : weights();
  }

  /** Copies of the weight values, in Keras's {@code get_weights()} order. */
  public List<Tensor> getWeights() {
    List<Tensor> out = new ArrayList<>();
    for (Variable v : weights()) {
      out.add(v.numpy());
    }
    return out;
  }

  /**
   * Sets the weight values in Keras's order. Every count and shape is checked before anything
   * changes, so a wrong list leaves the layer as it was.
   */
  public void setWeights(List<Tensor> values) {
    LayerWeights.assignAll(name(), weights(), values);
  }

  /** Number of scalars in all weights. */
  public long countParams() {
    long n = 0;
    for (Variable v : weights()) {
      n += Shapes.size(ShapeRefs.of(v));
    }
    return n;
  }

  /** The constraint of a weight of this layer or of its sublayers, or null. */
  public Constraint constraintOf(Variable v) {
    Constraint c = ownWeights.constraint(v);
    for (int i = 0; c == null && i < sublayers.size(); i++) {
      c = sublayers.get(i).constraintOf(v);
    }
    return c;
  }

  /**
   * The losses of the last call (activity regularization, {@link #addLoss}) and the weight
   * regularization penalties, of this layer and its sublayers.
   */
  public List<Tensor> losses() {
    List<Tensor> out = new ArrayList<>(callLosses);
    out.addAll(ownWeights.penalties());
    for (Layer l : sublayers) {
      out.addAll(l.losses());
    }
    return out;
  }

  /** Adds a loss computed during a call (e.g. an activity penalty). */
  protected final void addLoss(Tensor loss) {
    callLosses.add(loss);
  }

  /** Forgets the losses of previous calls (the trainer does this before each step). */
  public void clearCallLosses() {
    callLosses.clear();
    for (Layer l : sublayers) {
      l.clearCallLosses();
    }
  }

  // ---- calling ---------------------------------------------------------------------------

  /** Applies the layer to a symbolic tensor: builds it if needed and records the call. */
  public KerasTensor apply(KerasTensor input) {
    return single(applySymbolic(List.of(input)));
  }

  /** Applies the layer to several symbolic tensors (e.g. a merge layer). */
  public KerasTensor apply(KerasTensor... inputs) {
    return single(applySymbolic(List.of(inputs)));
  }

  /** Applies the layer to a list of symbolic tensors. */
  public KerasTensor apply(List<KerasTensor> inputs) {
    return single(applySymbolic(inputs));
  }

  /** Applies the layer and returns all its outputs (for layers with several). */
  public List<KerasTensor> applyAll(List<KerasTensor> inputs) {
    return applySymbolic(inputs);
  }

  /** Runs the layer eagerly (inference mode) on real tensors. */
  public Tensor apply(Tensor... inputs) {
    return callEager(List.of(inputs), CallContext.inference()).get(0);
  }

  /** Runs the layer eagerly, in training mode when {@code training} (dropout active). */
  public Tensor apply(Tensor input, boolean training) {
    return callEager(List.of(input), CallContext.of(training)).get(0);
  }

  private KerasTensor single(List<KerasTensor> outs) {
    if (outs.size() != 1) {
      throw new IllegalStateException(
          "Layer '" + name() + "' has " + outs.size() + " outputs: use applyAll(...)");
    }
    return outs.get(0);
  }

  private List<KerasTensor> applySymbolic(List<KerasTensor> inputs) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Layer '" + name() + "' was called with no inputs");
    }
    List<int[]> shapes = new ArrayList<>();
    List<DType> dtypes = new ArrayList<>();
    for (KerasTensor t : inputs) {
      shapes.add(t.shape());
      dtypes.add(t.dtype());
    }
    maybeBuild(shapes);
    checkInputs(shapes);
    List<int[]> outShapes = computeOutputShapes(shapes);
    DType outType = computeOutputDtype(dtypes);
    Node node = new Node(this, inputs);
    int nodeIndex = inboundNodes.size();
    inboundNodes.add(node);
    List<KerasTensor> outs = new ArrayList<>();
    for (int i = 0; i < outShapes.size(); i++) {
      String tname = outShapes.size() == 1 ? name() : name() + "_" + i;
      KerasTensor kt = new KerasTensor(outShapes.get(i), outType, tname, this, nodeIndex, i);
      node.addOutput(kt);
      outs.add(kt);
    }
    return outs;
  }

  /**
   * Runs the layer on real tensors: builds it on first use, checks the inputs against the layer's
   * spec, calls it, and records any activity penalty. Models call this for every layer.
   */
  public List<Tensor> callEager(List<Tensor> inputs, CallContext ctx) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Layer '" + name() + "' was called with no inputs");
    }
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    maybeBuild(shapes);
    checkInputs(shapes);
    int[] depth = CALL_DEPTH.get();
    if (depth[0] == 0) {
      // The outermost call starts afresh, as Keras's entry layer clears the losses of the last
      // call.
      clearCallLosses();
    }
    depth[0]++;
    List<Tensor> outs;
    try {
      outs = call(inputs, ctx);
    } finally {
      depth[0]--;
    }
    if (activityRegularizer != null) {
      for (Tensor o : outs) {
        Tensor penalty = activityRegularizer.apply(o);
        if (o.rank() > 0 && ShapeRefs.of(o)[0] > 0) {
          penalty = io.keras4j.ops.Ops.divide(penalty, Tensor.scalar(ShapeRefs.of(o)[0]));
        }
        addLoss(penalty);
      }
    }
    return outs;
  }

  private static final ThreadLocal<int[]> CALL_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Builds the layer for these input shapes unless it is built already. */
  public final void maybeBuild(List<int[]> inputShapes) {
    if (built) {
      return;
    }
    onBuild(inputShapes);
    builtInputShapes = new ArrayList<>();
    for (int[] s : inputShapes) {
      builtInputShapes.add(s.clone());
    }
    built = true;
  }

  /**
   * Builds the layer (or model) for an input shape with the batch axis, -1 for unknown sizes, as
   * Keras's {@code build((None, 100))}.
   */
  public void build(int... inputShape) {
    maybeBuild(List.of(inputShape));
  }

  /** Marks the layer built without calling {@link #onBuild} (for layers that build their parts). */
  protected final void markBuilt(List<int[]> inputShapes) {
    builtInputShapes = inputShapes;
    built = true;
  }

  /** The input shapes the layer was built for, or null. */
  public List<int[]> builtInputShapes() {
    return builtInputShapes;
  }

  private void checkInputs(List<int[]> shapes) {
    if (inputSpec == null) {
      return;
    }
    for (int i = 0; i < shapes.size(); i++) {
      inputSpec.check(this, i, shapes.get(i));
    }
  }

  /** Records a call made outside {@link #apply} (input layers, models rebuilt from a config). */
  final void addInboundNode(Node node) {
    inboundNodes.add(node);
  }

  /**
   * Forgets {@code layer}'s call {@code node} when it is the layer's last one (a Sequential taking
   * back the call of a popped or failed layer, as Keras). An earlier node stays: the nodes after it
   * are numbered by their position.
   */
  protected static void forgetLastInboundNode(Layer layer, Node node) {
    List<Node> nodes = layer.inboundNodes;
    if (!nodes.isEmpty() && nodes.get(nodes.size() - 1) == node) {
      nodes.remove(nodes.size() - 1);
    }
  }

  /** The calls of this layer on symbolic tensors, in order. */
  public List<Node> inboundNodes() {
    return Collections.unmodifiableList(inboundNodes);
  }

  /** Output shapes found by running the layer on zeros (see {@link #computeOutputShape}). */
  protected final List<int[]> inferOutputShapes(List<int[]> inputShapes) {
    return ShapeInference.outputShapes(inputShapes, zeros -> call(zeros, CallContext.inference()));
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name() + ", built=" + built + ">";
  }
}
