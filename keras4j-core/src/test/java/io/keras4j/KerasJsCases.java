package io.keras4j;

import static io.keras4j.testing.FunctionalJson.cfg;

import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.FunctionalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models behind the keras-js golden cases ({@code test/data/layers/**.json} of
 * transcranial/keras-js, made by the notebooks in its {@code notebooks/layers/}), for the layer
 * families keras4j covers: advanced_activations, core, embeddings, merge, noise and normalization.
 * Each case id maps to the Keras 2.1 model of its notebook, written as Functional JSON with the
 * arguments the notebook passes (the rest are defaults), so that the case runs as soon as its
 * layers are registered.
 *
 * <p>Structures that the case titles do not tell: Activation, Dropout and the noise layers follow a
 * {@code Dense(2)} on a 6-vector (the weights are that Dense's); merge layers take 2 to 4 {@code
 * Dense(2)} branches on the same input, weights in branch order (Keras orders layers of equal depth
 * by traversal from the output, which is branch order); Concatenate cases 1-6 and all Dot cases put
 * a {@code RepeatVector(3)} after each Dense, making {@code [3, 2]} inputs.
 */
final class KerasJsCases {
  /** The Activation notebook's loop: case i uses {@code ACTIVATIONS[i]}. */
  static final List<String> ACTIVATIONS =
      List.of(
          "softmax",
          "elu",
          "selu",
          "softplus",
          "softsign",
          "relu",
          "tanh",
          "sigmoid",
          "hard_sigmoid",
          "linear");

  static final String HARD_SIGMOID_REASON =
      "Keras 2 hard_sigmoid (clip(0.2x+0.5), Keras 3 is relu6(x+3)/6)";

  private static final int[][] PERMUTE_DIMS = {{2, 1}, {3, 2, 1}, {2, 1, 3}, {3, 1, 2, 4}};
  private static final int[][] RESHAPE_TARGETS = {{2, 3}, {6}, {4, 3}};

  /** input_dim, output_dim, input_length, mask_zero (1 = true). */
  private static final int[][] EMBEDDINGS = {{5, 3, 7, 0}, {20, 5, 10, 1}, {33, 2, 5, 0}};

  private static final int[] CONCAT_AXES = {-1, -1, -2, 1, 2, -1, -1};
  private static final int[] CONCAT_BRANCHES = {2, 2, 2, 2, 2, 3, 4};
  private static final Object[] DOT_AXES = {1, 2, 1, 2, List.of(2, 2)};
  private static final boolean[] DOT_NORMALIZE = {false, false, true, true, true};

  /**
   * How to run a case: the model entry and the input dtype, or the reasons it cannot run (a later
   * family, or semantics that changed in Keras 3).
   */
  record Plan(Map<String, Object> model, DType inputDtype, List<String> skip, int predictions) {
    Plan(Map<String, Object> model, DType inputDtype, List<String> skip) {
      this(model, inputDtype, skip, 1);
    }

    static Plan run(Map<String, Object> model) {
      return new Plan(model, DType.FLOAT32, List.of());
    }

    /** A stateful case: the notebook ran predict twice and kept the second result. */
    static Plan runTwice(Map<String, Object> model) {
      return new Plan(model, DType.FLOAT32, List.of(), 2);
    }

    static Plan skip(String reason) {
      return new Plan(null, null, List.of(reason));
    }
  }

  private KerasJsCases() {}

  /** The plan of a case, e.g. {@code merge.Dot.2}; {@code inputShape} excludes the batch axis. */
  static Plan plan(String id, int[] inputShape, int weightCount) {
    String[] p = id.split("\\.");
    if (p.length != 3) {
      throw new IllegalArgumentException("Expected a case id family.Class.n. Received: " + id);
    }
    String family = p[0];
    String cls = p[1];
    int n = Integer.parseInt(p[2]);
    Plan shapeCase = KerasJsShapeCases.plan(id, family, cls, inputShape);
    if (shapeCase != null) {
      return shapeCase;
    }
    Plan plan =
        switch (family) {
          case "advanced_activations" -> advancedActivation(id, cls, n, inputShape);
          case "core" -> core(id, cls, n, inputShape);
          case "embeddings" -> embedding(id, n, inputShape);
          case "merge" -> merge(id, cls, n, inputShape, weightCount);
          case "noise" -> noise(id, cls, inputShape);
          case "normalization" -> normalization(cls, n, inputShape);
          default -> {
            if (KerasJsConvCases.covers(family, cls)) {
              yield KerasJsConvCases.plan(id, cls, n, inputShape);
            }
            if (KerasJsRecurrentCases.covers(family, cls)) {
              yield KerasJsRecurrentCases.plan(id, cls, n, inputShape);
            }
            if (KerasJsWrapperCases.covers(family, cls)) {
              yield KerasJsWrapperCases.plan(id, cls, n, inputShape);
            }
            yield laterFamily(family, cls);
          }
        };
    if (plan == null) {
      throw new IllegalArgumentException(
          "No model in the keras-js table for case " + id + ": add it to KerasJsCases");
    }
    return plan;
  }

  private static Plan advancedActivation(String id, String cls, int n, int[] in) {
    Map<String, Object> config =
        switch (cls) {
          case "LeakyReLU" -> cfg("alpha", 0.4); // Keras 3: negative_slope
          case "PReLU" -> cfg("shared_axes", null);
          case "ELU" -> cfg("alpha", 1.1);
          case "ThresholdedReLU" -> cfg("theta", 0.9);
          default -> null;
        };
    if (config == null || n != 0) {
      return null;
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", in, "float32");
    return Plan.run(m.toEntry(m.layer("act_1", cls, config, x)));
  }

  private static Plan core(String id, String cls, int n, int[] in) {
    if (cls.equals("Activation") && n == ACTIVATIONS.indexOf("hard_sigmoid")) {
      return Plan.skip(HARD_SIGMOID_REASON);
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", in, "float32");
    String out =
        switch (cls) {
          case "Dense" -> {
            if (n > 5) {
              yield null;
            }
            // Cases 3-5 repeat 0-2 (the notebook's "GPU" variants).
            String act = List.of("linear", "sigmoid", "softplus").get(n % 3);
            yield m.layer(
                "dense_1", "Dense", cfg("units", 2, "activation", act, "use_bias", n % 3 != 2), x);
          }
          case "Activation" -> {
            if (n >= ACTIVATIONS.size()) {
              yield null;
            }
            String d = m.layer("dense_1", "Dense", dense2(), x);
            yield m.layer("activation_1", "Activation", cfg("activation", ACTIVATIONS.get(n)), d);
          }
          case "Dropout" -> {
            String d = m.layer("dense_1", "Dense", dense2(), x);
            yield n == 0 ? m.layer("dropout_1", "Dropout", cfg("rate", 0.5), d) : null;
          }
          // Flatten.0 (1-D input) threw in Keras 2.1 on TF: the notebook stored input = expected,
          // which is what Keras 3's Flatten gives for a (None, 6) input.
          case "Flatten" -> n <= 2 ? m.layer("flatten_1", "Flatten", cfg(), x) : null;
          case "Permute" ->
              n < PERMUTE_DIMS.length
                  ? m.layer("permute_1", "Permute", cfg("dims", list(PERMUTE_DIMS[n])), x)
                  : null;
          case "RepeatVector" ->
              n == 0 ? m.layer("repeat_vector_1", "RepeatVector", cfg("n", 7), x) : null;
          case "Reshape" ->
              n < RESHAPE_TARGETS.length
                  ? m.layer(
                      "reshape_1", "Reshape", cfg("target_shape", list(RESHAPE_TARGETS[n])), x)
                  : null;
          default -> null;
        };
    return out == null ? null : Plan.run(m.toEntry(out));
  }

  private static Plan embedding(String id, int n, int[] in) {
    if (n >= EMBEDDINGS.length) {
      return null;
    }
    int[] e = EMBEDDINGS[n];
    FunctionalJson m = new FunctionalJson(id);
    // Keras 2 fed the ids as float32 and cast them; keras4j takes int32 ids.
    String x = m.input("input_1", in, "int32");
    Map<String, Object> config =
        cfg("input_dim", e[0], "output_dim", e[1], "input_length", e[2], "mask_zero", e[3] == 1);
    String out = m.layer("embedding_1", "Embedding", config, x);
    return new Plan(m.toEntry(out), DType.INT32, List.of());
  }

  private static Plan merge(String id, String cls, int n, int[] in, int weightCount) {
    int branches;
    boolean repeat = false;
    Map<String, Object> config = cfg();
    switch (cls) {
      case "Add", "Average", "Maximum", "Minimum", "Multiply" -> {
        if (n > 2) {
          return null;
        }
        branches = n + 2;
      }
      case "Subtract" -> {
        if (n != 0) {
          return null;
        }
        branches = 2;
      }
      case "Concatenate" -> {
        if (n >= CONCAT_AXES.length) {
          return null;
        }
        branches = CONCAT_BRANCHES[n];
        repeat = n > 0;
        config = cfg("axis", CONCAT_AXES[n]);
      }
      case "Dot" -> {
        if (n >= DOT_AXES.length) {
          return null;
        }
        branches = 2;
        repeat = true;
        config = cfg("axes", DOT_AXES[n], "normalize", DOT_NORMALIZE[n]);
      }
      default -> {
        return null;
      }
    }
    if (weightCount != 2 * branches) {
      throw new IllegalStateException(
          "Case "
              + id
              + ": the table has "
              + branches
              + " Dense branches (kernel and bias each) but the file has "
              + weightCount
              + " weights");
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", in, "float32");
    String[] ins = new String[branches];
    for (int b = 0; b < branches; b++) {
      String suffix = String.valueOf((char) ('a' + b));
      ins[b] = m.layer("dense_" + suffix, "Dense", dense2(), x);
      if (repeat) {
        ins[b] = m.layer("repeat_vector_" + suffix, "RepeatVector", cfg("n", 3), ins[b]);
      }
    }
    return Plan.run(m.toEntry(m.layer("merge_1", cls, config, ins)));
  }

  private static Plan noise(String id, String cls, int[] in) {
    Map<String, Object> config =
        switch (cls) {
          case "GaussianDropout" -> cfg("rate", 0.5);
          case "GaussianNoise" -> cfg("stddev", 0.5);
          default -> null;
        };
    if (config == null) {
      return null;
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", in, "float32");
    String d = m.layer("dense_1", "Dense", dense2(), x);
    return Plan.run(m.toEntry(m.layer("noise_1", cls, config, d)));
  }

  /**
   * The BatchNormalization notebook: the layer alone on the input, with the arguments of its case
   * titles (epsilon, axis counted with the batch axis, center, scale), in inference.
   */
  private static Plan normalization(String cls, int n, int[] in) {
    double[] epsilon = {1e-5, 1e-2, 1e-5, 1e-5, 1e-5, 1e-5, 1e-3};
    int[] axis = {-1, -1, 1, 2, 3, -1, -1};
    boolean[] center = {true, true, true, true, true, false, false};
    boolean[] scale = {true, true, true, true, false, true, false};
    if (!cls.equals("BatchNormalization") || n >= axis.length) {
      return null;
    }
    FunctionalJson m = new FunctionalJson("normalization.BatchNormalization." + n);
    String x = m.input("input_1", in, "float32");
    Map<String, Object> config =
        cfg("axis", axis[n], "epsilon", epsilon[n], "center", center[n], "scale", scale[n]);
    return Plan.run(m.toEntry(m.layer("batch_normalization_1", cls, config, x)));
  }

  /** Families without a table yet: later releases. */
  private static Plan laterFamily(String family, String cls) {
    if (!LayerRegistry.isRegistered(cls)) {
      return Plan.skip("layer " + cls);
    }
    return Plan.skip("no keras-js model table yet for family " + family + " (later release)");
  }

  private static Map<String, Object> dense2() {
    return cfg("units", 2, "activation", "linear", "use_bias", true);
  }

  private static List<Object> list(int[] values) {
    List<Object> l = new ArrayList<>();
    for (int v : values) {
      l.add(v);
    }
    return l;
  }
}
