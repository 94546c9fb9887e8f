package io.keras4j.saving;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.losses.Losses;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled state of a {@code .keras} file, restored as Keras 3 restores it: {@code
 * compile_config} compiles the loaded model (a config keras4j cannot apply is reported as a warning
 * and the model stays uncompiled, as Keras does), then the optimizer is built for the trainable
 * weights (unless the file holds only the variables of an optimizer that never stepped) and its
 * variables (iteration count, learning rate, slots) are read from {@code optimizer/vars}; when
 * their number or shapes differ from the file's, they are left as built and a warning says so
 * (Keras's "Skipping variable loading for optimizer").
 */
final class CompiledState {
  private static final System.Logger LOG = System.getLogger(CompiledState.class.getName());

  private CompiledState() {}

  /** Compiles the model from its {@code compile_config}; whether it is now compiled. */
  static boolean compile(Path file, Model model, Map<String, Object> compileConfig) {
    try {
      model.compile(options(compileConfig));
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}: the model is loaded uncompiled: its compile_config cannot be applied ({1})",
          file,
          e.getMessage());
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static CompileOptions options(Map<String, Object> c) {
    CompileOptions o = new CompileOptions();
    Object opt = c.get("optimizer");
    if (opt instanceof String s) {
      o.optimizer(s);
    } else if (opt instanceof Map<?, ?> m) {
      o.optimizer(Optimizers.deserialize((Map<String, ?>) m));
    } else {
      o.optimizer("rmsprop"); // Keras's compile() default
    }
    Object loss = c.get("loss");
    if (loss instanceof String s) {
      o.loss(s);
    } else if (loss instanceof Map<?, ?> m && m.containsKey("class_name")) {
      o.loss(Losses.deserialize((Map<String, ?>) m));
    } else if (loss instanceof Map<?, ?> m) {
      Map<String, String> byOutput = new LinkedHashMap<>();
      m.forEach((k, v) -> byOutput.put((String) k, name(v, "loss")));
      o.loss(byOutput);
    } else if (loss instanceof List<?> l) {
      o.loss(l.stream().map(v -> name(v, "loss")).toArray(String[]::new));
    }
    if (c.get("loss_weights") instanceof List<?> l) {
      o.lossWeights(l.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
    } else if (c.get("loss_weights") instanceof Map<?, ?> m) {
      Map<String, Double> w = new LinkedHashMap<>();
      m.forEach((k, v) -> w.put((String) k, ((Number) v).doubleValue()));
      o.lossWeights(w);
    }
    if (c.get("metrics") instanceof List<?> l) {
      for (Object v : l) {
        if (v instanceof Map<?, ?> m) {
          o.metrics(Metrics.deserialize((Map<String, ?>) m));
        } else {
          o.metrics(name(v, "metrics"));
        }
      }
    } else if (c.get("metrics") instanceof Map<?, ?> m) {
      Map<String, List<String>> byOutput = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            List<String> names = new ArrayList<>();
            for (Object x : v instanceof List<?> l ? l : List.of(v)) {
              names.add(name(x, "metrics"));
            }
            byOutput.put((String) k, names);
          });
      o.metrics(byOutput);
    }
    if (c.get("weighted_metrics") instanceof List<?> l) {
      o.weightedMetrics(l.stream().map(v -> name(v, "weighted_metrics")).toArray(String[]::new));
    }
    return o;
  }

  private static String name(Object v, String key) {
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(
        "compile_config " + key + ": expected a name. Received: " + v);
  }

  /** Reads {@code optimizer/vars} into the compiled model's optimizer (built first). */
  static void loadOptimizer(Path file, Group root, Model model) {
    Optimizer opt = model.optimizer();
    Group og = Hdf5.childGroup(file, root, "optimizer");
    Group vars = og == null ? null : Hdf5.childGroup(file, og, "vars");
    if (opt == null || vars == null) {
      return;
    }
    int count = Hdf5.children(file, vars).size();
    List<Dataset> stored = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Node n = Hdf5.child(file, vars, Integer.toString(i));
      if (!(n instanceof Dataset ds)) {
        throw new KerasFileException(
            file, "expected the dataset " + Hdf5.path(vars, Integer.toString(i)));
      }
      stored.add(ds);
    }
    loadOptimizer(file, model, stored);
  }

  /**
   * Reads the datasets of the legacy {@code optimizer_weights} group (listed by its {@code
   * weight_names}) into the compiled model's optimizer (built first), as Keras 3's legacy loader.
   */
  static void loadLegacyOptimizer(Path file, Group root, Model model) {
    Group og = Hdf5.childGroup(file, root, "optimizer_weights");
    if (model.optimizer() == null || og == null) {
      return;
    }
    List<Dataset> stored = new ArrayList<>();
    for (String w : Hdf5.stringsAttribute(file, og, "weight_names")) {
      if (!(Hdf5.byPath(file, og, w) instanceof Dataset ds)) {
        throw new KerasFileException(
            file, "optimizer_weights lists '" + w + "', which is not a dataset");
      }
      stored.add(ds);
    }
    loadOptimizer(file, model, stored);
  }

  private static void loadOptimizer(Path file, Model model, List<Dataset> stored) {
    Optimizer opt = model.optimizer();
    List<Variable> mine = opt.variables();
    if (stored.size() != mine.size()) { // saved after training: the slots too
      opt.build(model.trainableWeights());
      mine = opt.variables();
    }
    if (stored.size() != mine.size()) {
      skip(file, opt, mine.size() + " variables whereas the saved optimizer has " + stored.size());
      return;
    }
    List<Tensor> values = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      Dataset ds = stored.get(i);
      Variable v = mine.get(i);
      Tensor t = read(file, ds, v);
      if (t.size() != v.value().size()
          || (t.shape().length > 0 && !Arrays.equals(t.shape(), v.shape()))) {
        skip(
            file,
            opt,
            "a variable "
                + v.name()
                + " of shape "
                + Arrays.toString(v.shape())
                + " where the file has "
                + Arrays.toString(t.shape()));
        return;
      }
      values.add(t);
    }
    for (int i = 0; i < mine.size(); i++) {
      Variable v = mine.get(i);
      Tensor t = values.get(i);
      v.assign(
          v.dtype() == DType.INT32
              ? Tensor.ofInts(t.toIntArray(), v.shape())
              : Tensor.of(t.toFloatArray(), v.shape()));
    }
  }

  private static Tensor read(Path file, Dataset ds, Variable v) {
    if (v.dtype() == DType.INT32) {
      try {
        Object data = ds.isScalar() ? new long[] {((Number) ds.getData()).longValue()} : null;
        if (data instanceof long[] l && l.length == 1 && l[0] >= 0 && l[0] <= Integer.MAX_VALUE) {
          return Tensor.ofInts(new int[] {(int) l[0]});
        }
      } catch (RuntimeException e) {
        throw new KerasFileException(
            file, "corrupt HDF5 dataset " + ds.getPath() + " (" + e.getMessage() + ")", e);
      }
      throw new KerasFileException(
          file, "the optimizer's " + v.name() + " at " + ds.getPath() + " is not a count");
    }
    return Hdf5.tensor(file, ds);
  }

  private static void skip(Path file, Optimizer opt, String why) {
    LOG.log(
        System.Logger.Level.WARNING,
        "{0}: skipping variable loading for optimizer ''{1}'', because it has {2}",
        file,
        opt.name(),
        why);
  }
}
