package io.keras4j.saving;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Weights in Keras 3's layout ({@code model.weights.h5} of a {@code .keras} file, {@code
 * .weights.h5}): {@code layers/<snake_case class name>[_<counter>]/vars/0..n}, the groups of nested
 * layers inside their layer's group ({@code layers/gru/cell/vars}, {@code
 * layers/bidirectional/forward_layer/cell/vars}), nested models under their own {@code layers}.
 * Every count and shape is checked against the model before any weight changes.
 */
final class Keras3Weights {
  /** Keras's attribute names of nested layers, in the order Keras lists their weights. */
  private static final List<String> NESTED_ORDER =
      List.of(
          "cell",
          "cells",
          "forward_layer",
          "backward_layer",
          "layer",
          "_query_dense",
          "_key_dense",
          "_value_dense",
          "_output_dense");

  private static final Pattern NON_WORD = Pattern.compile("\\W+");
  private static final Pattern WORD_START = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern LOWER_UPPER = Pattern.compile("([a-z])([A-Z])");

  private Keras3Weights() {}

  /**
   * Keras's {@code naming.to_snake_case}: {@code Conv2D} -> conv2d, {@code MaxPooling2D} ->
   * max_pooling2d.
   */
  static String snakeCase(String className) {
    String s = NON_WORD.matcher(className).replaceAll("");
    s = WORD_START.matcher(s).replaceAll("$1_$2");
    s = LOWER_UPPER.matcher(s).replaceAll("$1_$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  private static final System.Logger LOG = System.getLogger(Keras3Weights.class.getName());

  /** Reads every layer's weights from the root of a Keras 3 weights file into the model. */
  static void load(Path file, Group root, Model model) {
    load(file, root, model, false);
  }

  /**
   * As {@link #load(Path, Group, Model)}; with {@code skipMismatch} a layer whose weight count or
   * shapes differ from the file's keeps its weights, with a logged warning, as Keras's {@code
   * load_weights(skip_mismatch=True)}.
   */
  static void load(Path file, Group root, Model model, boolean skipMismatch) {
    List<Runnable> assignments = new ArrayList<>();
    Group layers = Hdf5.childGroup(file, root, "layers");
    if (layers == null) {
      if (!model.weights().isEmpty()) {
        throw new KerasFileException(file, "the weights file has no 'layers' group");
      }
      return;
    }
    collect(file, layers, model, assignments, skipMismatch);
    assignments.forEach(Runnable::run); // all checked: now change the model
  }

  private static void collect(
      Path file, Group layersGroup, Model model, List<Runnable> out, boolean skipMismatch) {
    Map<String, Integer> used = new HashMap<>();
    for (Layer layer : model.layers()) {
      String base = snakeCase(className(layer));
      Integer n = used.merge(base, 0, (a, b) -> a + 1);
      String key = n == 0 ? base : base + "_" + n;
      if (layer instanceof InputLayer) {
        continue;
      }
      Group g = Hdf5.childGroup(file, layersGroup, key);
      if (g == null) {
        if (layer.weights().isEmpty()) {
          continue;
        }
        throw new KerasFileException(
            file,
            "no weights for layer '"
                + layer.name()
                + "' ("
                + className(layer)
                + "): the group "
                + Hdf5.path(layersGroup, key)
                + " is missing");
      }
      if (layer instanceof Model nested) {
        Group inner = Hdf5.childGroup(file, g, "layers");
        if (inner == null && !nested.weights().isEmpty()) {
          throw new KerasFileException(
              file, "no group " + Hdf5.path(g, "layers") + " for the nested model " + layer.name());
        }
        if (inner != null) {
          collect(file, inner, nested, out, skipMismatch);
        }
        continue;
      }
      out.add(assignment(file, g, layer, skipMismatch));
    }
  }

  private static Runnable assignment(Path file, Group g, Layer layer, boolean skipMismatch) {
    List<Dataset> stored = new ArrayList<>();
    flatten(file, g, stored);
    List<Variable> vars = layer.weights();
    if (stored.size() != vars.size()) {
      return mismatch(
          file,
          layer,
          "layer '"
              + layer.name()
              + "' ("
              + className(layer)
              + ") has "
              + vars.size()
              + " weights; the file has "
              + stored.size()
              + " under "
              + g.getPath(),
          skipMismatch);
    }
    List<Tensor> values = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Tensor t = Hdf5.tensor(file, stored.get(i));
      String problem = shapeProblem(layer, vars.get(i), stored.get(i).getPath(), t);
      if (problem != null) {
        return mismatch(file, layer, problem, skipMismatch);
      }
      values.add(t);
    }
    return () -> layer.setWeights(values);
  }

  /** A layer whose weights disagree with the file's: refused, or skipped with a warning. */
  private static Runnable mismatch(Path file, Layer layer, String problem, boolean skip) {
    if (!skip) {
      throw new KerasFileException(file, problem);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "Skipping loading of weights for layer '"
            + layer.name()
            + "' from "
            + file
            + ": "
            + problem);
    return () -> {};
  }

  static void checkShape(Path file, Layer layer, Variable v, String where, Tensor t) {
    String problem = shapeProblem(layer, v, where, t);
    if (problem != null) {
      throw new KerasFileException(file, problem);
    }
  }

  private static String shapeProblem(Layer layer, Variable v, String where, Tensor t) {
    if (Arrays.equals(v.shape(), t.shape())) {
      return null;
    }
    return "the weight "
        + where
        + " of layer '"
        + layer.name()
        + "' has shape "
        + Arrays.toString(t.shape())
        + "; the layer's weight "
        + v.name()
        + " has shape "
        + Arrays.toString(v.shape());
  }

  /** The datasets of a layer's group in Keras's order: own vars, then nested layers. */
  private static void flatten(Path file, Group g, List<Dataset> out) {
    Group vars = Hdf5.childGroup(file, g, "vars");
    if (vars != null) {
      List<Node> children = Hdf5.children(file, vars);
      Dataset[] ordered = new Dataset[children.size()];
      for (Node n : children) {
        int i = index(file, n);
        if (i >= ordered.length || ordered[i] != null || !(n instanceof Dataset ds)) {
          throw new KerasFileException(
              file,
              "unexpected entry "
                  + n.getPath()
                  + " (expected datasets 0.."
                  + (ordered.length - 1)
                  + ")");
        }
        ordered[i] = ds;
      }
      out.addAll(Arrays.asList(ordered));
    }
    List<Node> nested = new ArrayList<>();
    for (Node n : Hdf5.children(file, g)) {
      String name = n.getName();
      if (!name.equals("vars") && !name.contains("seed_generator") && n instanceof Group) {
        nested.add(n);
      }
    }
    nested.sort(
        (a, b) -> {
          int ia = rank(a.getName());
          int ib = rank(b.getName());
          return ia != ib ? Integer.compare(ia, ib) : a.getName().compareTo(b.getName());
        });
    for (Node n : nested) {
      flatten(file, (Group) n, out);
    }
  }

  private static int rank(String name) {
    int i = NESTED_ORDER.indexOf(name);
    return i < 0 ? NESTED_ORDER.size() : i;
  }

  private static int index(Path file, Node n) {
    try {
      return Integer.parseInt(n.getName());
    } catch (NumberFormatException e) {
      throw new KerasFileException(
          file, "unexpected entry " + n.getPath() + " (expected datasets named 0, 1, ...)");
    }
  }

  static String className(Layer l) {
    if (l instanceof io.keras4j.models.Sequential) {
      return "Sequential";
    }
    if (l instanceof Model) {
      return "Functional";
    }
    return l.getClass().getSimpleName();
  }
}
