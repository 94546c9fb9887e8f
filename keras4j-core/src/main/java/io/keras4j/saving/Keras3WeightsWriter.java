package io.keras4j.saving;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.GroupedQueryAttention;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.MultiHeadAttention;
import io.keras4j.layers.RNN;
import io.keras4j.layers.TimeDistributed;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a Keras 3 weights file ({@code model.weights.h5} in a {@code .keras} zip, or a
 * {@code .weights.h5}) as Keras 3's {@code saving_lib} writes it: {@code layers/<snake_case class
 * name>[_<counter>]/vars/0..n} with a {@code name} attribute on every {@code vars} group, RNN cells
 * under {@code cell}, the layers of Bidirectional under {@code forward_layer}/{@code
 * backward_layer}, the layer of TimeDistributed under {@code layer}, nested models under their own
 * {@code layers}, the model's own (empty) {@code vars}, and the optimizer's variables under {@code
 * optimizer/vars} (the iteration count as an int64 scalar, the learning rate as a float32 scalar,
 * then the slots). The mirror of {@link Keras3Weights}, which reads it back.
 */
final class Keras3WeightsWriter {
  private Keras3WeightsWriter() {}

  /** The weights tree of a model (its optimizer's state too when {@code withOptimizer}). */
  static Hdf5Tree.Group of(Model model, boolean withOptimizer) {
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    writeModel(root, model);
    Optimizer opt = model.optimizer();
    if (withOptimizer && opt != null) { // before its first step: the iteration count, the rate
      Hdf5Tree.Group vars = root.group("optimizer").group("vars");
      vars.attribute("name", opt.name());
      List<Variable> variables = opt.variables();
      for (int i = 0; i < variables.size(); i++) {
        Variable v = variables.get(i);
        boolean scalar = i < 2 && v.value().size() == 1 && isScalarState(v);
        put(vars, Integer.toString(i), v.value(), scalar ? new int[0] : v.shape());
      }
    }
    return root;
  }

  private static boolean isScalarState(Variable v) {
    return v.name().equals("iteration")
        || v.name().equals("iterations")
        || v.name().equals("learning_rate");
  }

  private static void writeModel(Hdf5Tree.Group g, Model model) {
    Hdf5Tree.Group layers = g.group("layers");
    layerKeys(model).forEach((key, layer) -> writeLayer(layers.group(key), layer));
    g.group("vars").attribute("name", model.name());
  }

  /**
   * A model's layers by the key of their group under {@code layers/}: the snake_case class name,
   * then {@code _1}, {@code _2}... for the next layers of the same class (a Sequential model's
   * input layer has none).
   */
  static Map<String, Layer> layerKeys(Model model) {
    Map<String, Layer> out = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    boolean functional = !(model instanceof Sequential);
    for (Layer layer : model.layers()) {
      String base = Keras3Weights.snakeCase(Keras3Weights.className(layer));
      Integer n = used.merge(base, 0, (a, b) -> a + 1);
      if (layer instanceof InputLayer && !functional) {
        continue;
      }
      out.put(n == 0 ? base : base + "_" + n, layer);
    }
    return out;
  }

  private static void writeLayer(Hdf5Tree.Group g, Layer layer) {
    if (layer instanceof Model nested) {
      writeModel(g, nested);
      return;
    }
    Map<String, Layer> nested = nestedLayers(layer);
    Set<Variable> inner = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer l : nested.values()) {
      inner.addAll(l.weights());
    }
    List<Variable> own = new ArrayList<>();
    for (Variable v : layer.weights()) {
      if (!inner.contains(v)) {
        own.add(v);
      }
    }
    Hdf5Tree.Group vars = g.group("vars");
    vars.attribute("name", layer.name());
    if (layer instanceof MultiHeadAttention || layer instanceof GroupedQueryAttention) {
      writeProjections(g, own);
      return;
    }
    for (int i = 0; i < own.size(); i++) {
      put(vars, Integer.toString(i), own.get(i).value(), own.get(i).shape());
    }
    for (Map.Entry<String, Layer> e : nested.entrySet()) {
      writeLayer(g.group(e.getKey()), e.getValue());
    }
  }

  /**
   * The attention layers' weights as Keras keeps them: in the groups of their {@code EinsumDense}
   * sublayers ({@code _query_dense/vars/0} the kernel, {@code 1} the bias, and so on), next to the
   * empty groups of the softmax and dropout sublayers; the layer's own {@code vars} stays empty.
   */
  private static void writeProjections(Hdf5Tree.Group g, List<Variable> own) {
    Map<String, List<Variable>> byProjection = new LinkedHashMap<>();
    for (String p : PROJECTIONS.keySet()) {
      byProjection.put(p, new ArrayList<>());
    }
    for (Variable v : own) {
      String prefix = v.name().substring(0, Math.max(0, v.name().indexOf('/')));
      List<Variable> list = byProjection.get(prefix);
      if (list == null) {
        throw new IllegalStateException("unexpected attention weight " + v.name());
      }
      list.add(v);
    }
    for (Map.Entry<String, List<Variable>> e : byProjection.entrySet()) {
      Hdf5Tree.Group vars = g.group(PROJECTIONS.get(e.getKey())).group("vars");
      vars.attribute("name", e.getKey());
      List<Variable> list = e.getValue();
      for (int i = 0; i < list.size(); i++) {
        put(vars, Integer.toString(i), list.get(i).value(), list.get(i).shape());
      }
    }
    g.group("_softmax").group("vars").attribute("name", "softmax");
    g.group("_dropout_layer").group("vars").attribute("name", "dropout");
  }

  /** An attention layer's projection (its weights' name prefix) to Keras's attribute name. */
  static final Map<String, String> PROJECTIONS = projections();

  /** In Keras's order, so that saving the same model writes the same bytes on every run. */
  private static Map<String, String> projections() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("query", "_query_dense");
    m.put("key", "_key_dense");
    m.put("value", "_value_dense");
    m.put("attention_output", "_output_dense");
    return Collections.unmodifiableMap(m);
  }

  /** The layers Keras saves in their own groups, by the attribute name Keras uses. */
  private static Map<String, Layer> nestedLayers(Layer layer) {
    Map<String, Layer> out = new LinkedHashMap<>();
    if (layer instanceof Bidirectional b) {
      out.put("forward_layer", b.forwardLayer());
      out.put("backward_layer", b.backwardLayer());
    } else if (layer instanceof RNN rnn && rnn.cell() instanceof Layer cell) {
      out.put("cell", cell);
    } else if (layer instanceof TimeDistributed td) {
      out.put("layer", td.layer());
    }
    return out;
  }

  static void put(Hdf5Tree.Group vars, String name, Tensor value, int[] shape) {
    if (value.dtype() == DType.INT32) {
      int[] ints = value.toIntArray();
      long[] longs = new long[ints.length];
      for (int i = 0; i < ints.length; i++) {
        longs[i] = ints[i];
      }
      vars.longs(name, longs, shape);
    } else {
      vars.floats(name, value.toFloatArray(), shape);
    }
  }
}
