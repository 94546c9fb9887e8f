package io.keras4j.models;

import io.keras4j.DType;
import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.internal.Json;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.saving.KerasFiles;
import io.keras4j.trainers.Trainer;
import io.keras4j.utils.Sequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model: a graph of layers from inputs to outputs (Keras's Functional model), usable as a layer
 * inside another model. {@link Sequential} is the special case of a plain stack.
 *
 * <p>Training ({@code compile}, {@code fit}, {@code evaluate}, {@code predict} and the step they
 * run) comes from {@link Trainer}, as in Keras 3. To change what {@code fit} does, subclass and
 * override {@link #trainStep(StepData)} (or {@code computeLoss}, {@code testStep}, ...):
 *
 * <pre>{@code
 * class MyModel extends Model {
 *   MyModel(KerasTensor in, KerasTensor out) { super(in, out); }
 *
 *   @Override public Map<String, Double> trainStep(StepData data) { ... }
 * }
 * }</pre>
 */
public class Model extends Trainer {
  private List<KerasTensor> inputs;
  private List<KerasTensor> outputs;
  private Graph graph;

  /** A model from one input to one output. */
  public Model(KerasTensor inputs, KerasTensor outputs) {
    this(List.of(inputs), List.of(outputs), null);
  }

  /** A model with several inputs and outputs (in the order given). */
  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    this(inputs, outputs, null);
  }

  public Model(KerasTensor inputs, KerasTensor outputs, String name) {
    this(List.of(inputs), List.of(outputs), name);
  }

  public Model(List<KerasTensor> inputs, List<KerasTensor> outputs, String name) {
    if (name != null) {
      name(name);
    }
    setGraph(inputs, outputs);
  }

  /** For {@link Sequential} and subclassed models, whose graph comes later (or never). */
  protected Model() {}

  @Override
  protected String defaultNamePrefix() {
    return "functional";
  }

  /** Sets (or replaces) the graph of this model; checks it and tracks its layers. */
  protected final void setGraph(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "Model '"
              + name()
              + "' needs at least one input and one output. Received: inputs="
              + inputs
              + ", outputs="
              + outputs);
    }
    Graph g = Graph.of(name(), inputs, outputs);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.graph = g;
    for (Layer l : g.layers) {
      track(l);
    }
    List<int[]> shapes = new ArrayList<>();
    for (KerasTensor t : inputs) {
      shapes.add(t.shape());
    }
    markBuilt(shapes);
  }

  /** Whether this model has a graph (a Functional model, or a Sequential whose input is known). */
  public boolean hasGraph() {
    return graph != null;
  }

  /** The symbolic inputs. */
  public List<KerasTensor> inputs() {
    requireGraph("inputs");
    return inputs;
  }

  /** The symbolic outputs. */
  public List<KerasTensor> outputs() {
    requireGraph("outputs");
    return outputs;
  }

  /** The names of the inputs (of their Input layers), as keys of {@code fit}'s input maps. */
  public List<String> inputNames() {
    requireGraph("inputNames");
    List<String> names = new ArrayList<>();
    for (KerasTensor t : inputs) {
      names.add(t.name());
    }
    return names;
  }

  /** The names of the outputs: the names of the layers that make them, as Keras's output_names. */
  public List<String> outputNames() {
    requireGraph("outputNames");
    List<String> names = new ArrayList<>();
    for (KerasTensor t : outputs) {
      names.add(t.layer().name());
    }
    return names;
  }

  /** The layers, ordered as Keras orders them (inputs first). */
  public List<Layer> layers() {
    return graph == null ? sublayers() : Collections.unmodifiableList(graph.layers);
  }

  /** The layer with this name; the error lists the names there are. */
  public Layer getLayer(String layerName) {
    for (Layer l : layers()) {
      if (l.name().equals(layerName)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "No such layer: "
            + layerName
            + ". Existing layers are: "
            + layers().stream().map(Layer::name).toList()
            + ".");
  }

  /** The layer at this index of {@link #layers()}. */
  public Layer getLayer(int index) {
    List<Layer> ls = layers();
    if (index < 0 || index >= ls.size()) {
      throw new IllegalArgumentException(
          "Layer index out of range: model '"
              + name()
              + "' has "
              + ls.size()
              + " layers. Received: index="
              + index);
    }
    return ls.get(index);
  }

  /** Nodes of the graph in the order they run. */
  List<Node> nodes() {
    requireGraph("nodes");
    return graph.nodes;
  }

  boolean isSequentialLike() {
    return graph != null && graph.isSequentialLike();
  }

  boolean graphContains(Node n) {
    return graph != null && graph.contains(n);
  }

  private void requireGraph(String what) {
    if (graph == null) {
      throw new IllegalStateException(
          "Model '"
              + name()
              + "' has no "
              + what
              + " yet: it is not built. Give the first layer an input shape, add an Input, or call"
              + " build(...).");
    }
  }

  // ---- running ---------------------------------------------------------------------------

  @Override
  protected List<Tensor> call(List<Tensor> in, CallContext ctx) {
    requireGraph("graph to run");
    return runGraph(in, ctx);
  }

  /**
   * Runs the model on real tensors, in training mode when {@code training} (dropout active): the
   * Java form of Keras's {@code model(x, training=True)}. The result is the list of outputs, with
   * the mask of each (see {@link ModelOutputs}). A single-input, single-output model also has
   * {@link #apply(Tensor, boolean)}.
   */
  public ModelOutputs apply(List<Tensor> inputs, boolean training) {
    return ModelOutputs.of(callEager(inputs, CallContext.of(training)));
  }

  /** Runs the graph on real tensors, carrying masks from layer to layer. */
  protected ModelOutputs runGraph(List<Tensor> in, CallContext ctx) {
    checkInputs(in);
    Map<KerasTensor, Tensor> values = new IdentityHashMap<>();
    Map<KerasTensor, Tensor> masks = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = in.get(i);
      if (inputs.get(i).dtype() == DType.INT32 && x.dtype() != DType.INT32) {
        x = x.asInt();
      }
      values.put(inputs.get(i), x);
    }
    for (Node node : graph.nodes) {
      if (node.isInput()) {
        continue;
      }
      List<Tensor> args = new ArrayList<>();
      List<Tensor> argMasks = new ArrayList<>();
      for (KerasTensor t : node.inputs()) {
        args.add(values.get(t));
        argMasks.add(masks.get(t));
      }
      boolean anyMask = argMasks.stream().anyMatch(m -> m != null);
      CallContext c =
          anyMask ? CallContext.of(ctx.training(), argMasks) : CallContext.of(ctx.training());
      Layer layer = node.layer();
      List<Tensor> outs = layer.callEager(args, c);
      List<Tensor> outMasks = layer.computeMask(args, anyMask ? argMasks : List.of());
      List<KerasTensor> kts = node.outputs();
      for (int i = 0; i < kts.size(); i++) {
        values.put(kts.get(i), outs.get(i));
        if (outMasks != null && i < outMasks.size() && outMasks.get(i) != null) {
          masks.put(kts.get(i), outMasks.get(i));
        }
      }
    }
    List<Tensor> result = new ArrayList<>();
    List<Tensor> resultMasks = new ArrayList<>();
    for (KerasTensor t : outputs) {
      result.add(values.get(t));
      resultMasks.add(masks.get(t));
    }
    return new ModelOutputs(result, resultMasks);
  }

  private void checkInputs(List<Tensor> in) {
    if (in.size() != inputs.size()) {
      throw new IllegalArgumentException(
          "Model '"
              + name()
              + "' expects "
              + inputs.size()
              + " input(s) "
              + inputs.stream().map(KerasTensor::name).toList()
              + ". Received: "
              + in.size()
              + " input(s)");
    }
    for (int i = 0; i < in.size(); i++) {
      int[] expected = inputs.get(i).shape();
      int[] got = ShapeRefs.of(in.get(i));
      if (!Shapes.compatible(expected, got)) {
        throw new IllegalArgumentException(
            "Input "
                + i
                + " ('"
                + inputs.get(i).name()
                + "') of model '"
                + name()
                + "' is incompatible: expected shape="
                + Shapes.toString(expected)
                + ", found shape="
                + Shapes.toString(got));
      }
    }
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    requireGraph("graph");
    Map<KerasTensor, int[]> shapes = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      shapes.put(inputs.get(i), inputShapes.get(i));
    }
    for (Node node : graph.nodes) {
      if (node.isInput()) {
        continue;
      }
      List<int[]> in = new ArrayList<>();
      for (KerasTensor t : node.inputs()) {
        in.add(shapes.get(t));
      }
      List<int[]> out = node.layer().computeOutputShapes(in);
      for (int i = 0; i < node.outputs().size(); i++) {
        shapes.put(node.outputs().get(i), out.get(i));
      }
    }
    List<int[]> result = new ArrayList<>();
    for (KerasTensor t : outputs) {
      result.add(shapes.get(t));
    }
    return result;
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> in, List<Tensor> masks) {
    List<Tensor> none = new ArrayList<>();
    for (int i = 0; i < (graph == null ? 1 : outputs.size()); i++) {
      none.add(null);
    }
    return none;
  }

  // ---- training and inference (the step and the loops are in Trainer) ---------------------

  private List<Tensor> inputsByName(Map<String, Tensor> x, String method) {
    return NamedTensors.inOrder(x, inputNames(), name(), method, "x", "input");
  }

  private List<Tensor> targetsByName(Map<String, Tensor> y, String method) {
    return NamedTensors.inOrder(y, outputNames(), name(), method, "y", "output");
  }

  /** Trains one epoch with Keras's defaults (batch 32, shuffled). */
  public History fit(Tensor x, Tensor y) {
    return fit(List.of(x), List.of(y), new FitOptions());
  }

  public History fit(Tensor x, Tensor y, FitOptions options) {
    return fit(List.of(x), List.of(y), options);
  }

  /** A model with several inputs and one output. */
  public History fit(List<Tensor> x, Tensor y, FitOptions options) {
    return fit(x, List.of(y), options);
  }

  /** A model with one input and several outputs. */
  public History fit(Tensor x, List<Tensor> y, FitOptions options) {
    return fit(List.of(x), y, options);
  }

  public History fit(List<Tensor> x, List<Tensor> y) {
    return fit(x, y, new FitOptions());
  }

  /** Targets keyed by output name (Keras's dict {@code y}); every output needs its target. */
  public History fit(Tensor x, Map<String, Tensor> y, FitOptions options) {
    return fit(List.of(x), targetsByName(y, "fit"), options);
  }

  public History fit(List<Tensor> x, Map<String, Tensor> y, FitOptions options) {
    return fit(x, targetsByName(y, "fit"), options);
  }

  /** Inputs keyed by input name and targets by output name (Keras's dicts). */
  public History fit(Map<String, Tensor> x, Map<String, Tensor> y, FitOptions options) {
    return fit(inputsByName(x, "fit"), targetsByName(y, "fit"), options);
  }

  /** Inputs keyed by input name (Keras's dict {@code x}). */
  public History fit(Map<String, Tensor> x, Tensor y, FitOptions options) {
    return fit(inputsByName(x, "fit"), List.of(y), options);
  }

  public History fit(Map<String, Tensor> x, List<Tensor> y, FitOptions options) {
    return fit(inputsByName(x, "fit"), y, options);
  }

  public History fit(Dataset data) {
    return fit(data, new FitOptions());
  }

  /** "loss" and each metric by its Keras name, over x and y in batches of 32. */
  public Map<String, Double> evaluate(Tensor x, Tensor y) {
    return evaluate(List.of(x), List.of(y), new EvaluateOptions());
  }

  public Map<String, Double> evaluate(Tensor x, Tensor y, EvaluateOptions options) {
    return evaluate(List.of(x), List.of(y), options);
  }

  public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y) {
    return evaluate(x, y, new EvaluateOptions());
  }

  /** Targets keyed by output name (Keras's dict {@code y}). */
  public Map<String, Double> evaluate(Tensor x, Map<String, Tensor> y, EvaluateOptions options) {
    return evaluate(List.of(x), targetsByName(y, "evaluate"), options);
  }

  public Map<String, Double> evaluate(
      List<Tensor> x, Map<String, Tensor> y, EvaluateOptions options) {
    return evaluate(x, targetsByName(y, "evaluate"), options);
  }

  /** Inputs keyed by input name and targets by output name. */
  public Map<String, Double> evaluate(
      Map<String, Tensor> x, Map<String, Tensor> y, EvaluateOptions options) {
    return evaluate(inputsByName(x, "evaluate"), targetsByName(y, "evaluate"), options);
  }

  public Map<String, Double> evaluate(Map<String, Tensor> x, Tensor y, EvaluateOptions options) {
    return evaluate(inputsByName(x, "evaluate"), List.of(y), options);
  }

  public Map<String, Double> evaluate(
      Map<String, Tensor> x, List<Tensor> y, EvaluateOptions options) {
    return evaluate(inputsByName(x, "evaluate"), y, options);
  }

  public Map<String, Double> evaluate(Dataset data) {
    return evaluate(data, new EvaluateOptions());
  }

  /** Predictions of a single-input, single-output model, in batches of 32 (Keras's default). */
  public Tensor predict(Tensor x) {
    return predict(List.of(x), new PredictOptions()).get(0);
  }

  /** Predictions of a single-input, single-output model, in batches of {@code batchSize}. */
  public Tensor predict(Tensor x, int batchSize) {
    return predict(List.of(x), new PredictOptions().batchSize(batchSize)).get(0);
  }

  public Tensor predict(Tensor x, PredictOptions options) {
    return predict(List.of(x), options).get(0);
  }

  /** Predictions, one tensor per output. */
  public List<Tensor> predict(List<Tensor> x) {
    return predict(x, new PredictOptions());
  }

  public List<Tensor> predict(List<Tensor> x, int batchSize) {
    return predict(x, new PredictOptions().batchSize(batchSize));
  }

  /** Predictions for a Dataset's inputs (Keras's defaults), one tensor per output. */
  public List<Tensor> predict(Dataset data) {
    return predict(data, new PredictOptions());
  }

  /** Predictions for inputs keyed by input name, one tensor per output. */
  public List<Tensor> predict(Map<String, Tensor> x, PredictOptions options) {
    return predict(inputsByName(x, "predict"), options);
  }

  // ---- a Sequence (Keras's PyDataset): batches produced on background threads ---------------

  /** Trains one epoch on the Sequence's batches (shuffled in order), with Keras's defaults. */
  public History fit(Sequence data) {
    return fit(data, new FitOptions());
  }

  /** "loss" and each metric by its Keras name, over the Sequence's batches. */
  public Map<String, Double> evaluate(Sequence data) {
    return evaluate(data, new EvaluateOptions());
  }

  /** Predictions for the Sequence's batches (their targets unused), one tensor per output. */
  public List<Tensor> predict(Sequence data) {
    return predict(data, new PredictOptions());
  }

  /** One training step on one batch; returns "loss" and the metrics of that batch. */
  public Map<String, Double> trainOnBatch(Tensor x, Tensor y) {
    return trainOnBatch(List.of(x), List.of(y), null);
  }

  /** Loss and metrics of one batch, in inference mode. */
  public Map<String, Double> testOnBatch(Tensor x, Tensor y) {
    return testOnBatch(List.of(x), List.of(y), null);
  }

  /** Predictions of one batch (single-input, single-output models). */
  public Tensor predictOnBatch(Tensor x) {
    return predictOnBatch(List.of(x)).get(0);
  }

  // ---- description -----------------------------------------------------------------------

  /** Prints Keras's summary table and returns it. */
  public String summary() {
    String s = Summary.of(this, 0);
    System.out.print(s);
    return s;
  }

  /** The summary table with a given line length, returned without printing. */
  public String summary(int lineLength) {
    return Summary.of(this, lineLength);
  }

  @Override
  public Map<String, Object> getConfig() {
    return ModelConfig.functionalConfig(this);
  }

  /** The model's topology as Keras JSON ({@code model.to_json()}). */
  public String toJson() {
    return Json.write(ModelConfig.serialize(this));
  }

  /**
   * Loads a model written by Keras: a Keras 3 {@code .keras} file, a legacy HDF5 {@code .h5} (Keras
   * 2.x and 3.x) or a TensorFlow.js layers model (its {@code model.json} or its directory), told
   * apart by the file's first bytes. Nothing in the file is executed: {@code Lambda} and unknown
   * layer classes are refused.
   *
   * @throws io.keras4j.saving.KerasFileException naming the file and what is wrong with it
   */
  public static Model load(Path file) {
    return KerasFiles.loadModel(file);
  }

  /**
   * Saves the model as a Keras 3 {@code .keras} file: {@code metadata.json}, {@code config.json}
   * (with {@code compile_config} when compiled) and {@code model.weights.h5} (with the optimizer's
   * state), laid out as Keras 3 writes them; or, when the name ends in {@code .h5} or {@code
   * .hdf5}, as a legacy HDF5 file as Keras 3 writes it. The file is replaced atomically: a failed
   * save leaves any previous file intact.
   *
   * @throws io.keras4j.saving.KerasFileException naming the file when it cannot be written
   */
  public void save(Path file) {
    KerasFiles.saveModel(this, file);
  }

  /** Saves the weights (and optimizer state) as a Keras 3 {@code .weights.h5} file, atomically. */
  public void saveWeights(Path file) {
    KerasFiles.saveWeights(this, file);
  }

  /**
   * Saves the model in the TensorFlow.js layers format into a directory: {@code model.json} and its
   * weight shards, which {@code tf.loadLayersModel} of TensorFlow.js and {@link #load(Path)} read.
   * See {@link io.keras4j.saving.TfJsLayers#save}.
   */
  public void saveTfJs(Path dir) {
    io.keras4j.saving.TfJsLayers.save(this, dir);
  }

  /**
   * Reads weights into this built model: a Keras 3 {@code .weights.h5} file, or the weights of a
   * legacy {@code .h5}. Every count and shape is checked before any weight changes.
   */
  public void loadWeights(Path file) {
    KerasFiles.loadWeights(this, file);
  }

  /**
   * As {@link #loadWeights(Path)}, Keras's {@code load_weights(file, by_name=byName)} for a legacy
   * {@code .h5}: with {@code byName} the file's layers go to the model's layers of the same name,
   * and the model's layers the file lacks keep their weights.
   */
  public void loadWeights(Path file, boolean byName) {
    KerasFiles.loadWeights(this, file, byName, false);
  }

  /**
   * As {@link #loadWeights(Path, boolean)}, with {@code skipMismatch} (which needs {@code byName}):
   * a layer whose weight count, or a weight whose shape, differs from the file's is skipped with a
   * logged warning instead of refused.
   */
  public void loadWeights(Path file, boolean byName, boolean skipMismatch) {
    KerasFiles.loadWeights(this, file, byName, skipMismatch);
  }

  /** The layers whose weights belong to the model, for subclasses that track extra layers. */
  protected List<Layer> graphLayersOrNull() {
    return graph == null ? null : graph.layers;
  }

  static boolean isInput(Layer l) {
    return l instanceof InputLayer;
  }
}
