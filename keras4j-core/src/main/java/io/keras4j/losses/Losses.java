package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.internal.SerializedObject;
import java.util.Map;
import java.util.Set;

/**
 * Losses by Keras name and from Keras JSON, as {@code keras.losses.get}, {@code deserialize} and
 * {@code serialize}, and Keras's loss functions ({@code keras.losses.mean_squared_error}, ...),
 * which give the unreduced values.
 */
public final class Losses {
  /** The module Keras 3 writes for its losses. */
  public static final String MODULE = "keras.losses";

  private Losses() {}

  /**
   * A new loss from a Keras name: a class name ({@code "MeanSquaredError"}, with Keras's default
   * name {@code "mean_squared_error"}) or a function name or alias ({@code "mean_squared_error"},
   * {@code "mse"}, {@code "huber"}, ...), which gives the class with Keras's defaults named after
   * the function ({@code get("huber").name()} is {@code "huber"}). Null gives null, as in Keras;
   * unknown names throw, suggesting the closest.
   */
  public static Loss get(String name) {
    if (name == null) {
      return null;
    }
    return LossRegistry.REGISTRY.create(name, Map.of(), "loss");
  }

  /** A loss from its Keras JSON, as {@code keras.losses.get} given a dictionary. */
  public static Loss get(Map<String, ?> config) {
    return deserialize(config);
  }

  /**
   * A loss from Keras JSON: Keras 3's {@code {"module", "class_name", "config",
   * "registered_name"}}, Keras 2's {@code {"class_name", "config"}}, or a serialized function
   * {@code {"class_name": "function", "config": "mean_squared_error"}}.
   */
  public static Loss deserialize(Map<String, ?> config) {
    if (config != null
        && "function".equals(config.get("class_name"))
        && config.get("config") instanceof String fn) {
      return get(fn);
    }
    SerializedObject s = SerializedObject.parse("loss", config);
    return LossRegistry.REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of a loss. */
  public static Map<String, Object> serialize(Loss loss) {
    return SerializedObject.builtin(MODULE, loss.className(), loss.getConfig()).toMap();
  }

  /** Every name {@link #get} accepts, aliases included. */
  public static Set<String> names() {
    return LossRegistry.REGISTRY.names();
  }

  // ---- Keras's loss functions: unreduced values ------------------------------------------

  /** {@code mean(square(yTrue - yPred), axis=-1)}. */
  public static Tensor meanSquaredError(Tensor yTrue, Tensor yPred) {
    return new MeanSquaredError().compute(yTrue, yPred);
  }

  /** {@code mean(abs(yTrue - yPred), axis=-1)}. */
  public static Tensor meanAbsoluteError(Tensor yTrue, Tensor yPred) {
    return new MeanAbsoluteError().compute(yTrue, yPred);
  }

  /** {@code 100 * mean(abs((yTrue - yPred) / max(abs(yTrue), 1e-7)), axis=-1)}. */
  public static Tensor meanAbsolutePercentageError(Tensor yTrue, Tensor yPred) {
    return new MeanAbsolutePercentageError().compute(yTrue, yPred);
  }

  /** See {@link MeanSquaredLogarithmicError}. */
  public static Tensor meanSquaredLogarithmicError(Tensor yTrue, Tensor yPred) {
    return new MeanSquaredLogarithmicError().compute(yTrue, yPred);
  }

  /** See {@link CosineSimilarity}, over the last axis. */
  public static Tensor cosineSimilarity(Tensor yTrue, Tensor yPred) {
    return new CosineSimilarity().compute(yTrue, yPred);
  }

  /** See {@link CosineSimilarity}; {@code axis} is the vector axis. */
  public static Tensor cosineSimilarity(Tensor yTrue, Tensor yPred, int axis) {
    return new CosineSimilarity().axis(axis).compute(yTrue, yPred);
  }

  /** See {@link Huber}, with {@code delta = 1}. */
  public static Tensor huber(Tensor yTrue, Tensor yPred) {
    return new Huber().compute(yTrue, yPred);
  }

  /** See {@link Huber}. */
  public static Tensor huber(Tensor yTrue, Tensor yPred, double delta) {
    return new Huber().delta(delta).compute(yTrue, yPred);
  }

  /** See {@link LogCosh}. */
  public static Tensor logCosh(Tensor yTrue, Tensor yPred) {
    return new LogCosh().compute(yTrue, yPred);
  }

  /** See {@link KLDivergence}. */
  public static Tensor klDivergence(Tensor yTrue, Tensor yPred) {
    return new KLDivergence().compute(yTrue, yPred);
  }

  /** See {@link Poisson}. */
  public static Tensor poisson(Tensor yTrue, Tensor yPred) {
    return new Poisson().compute(yTrue, yPred);
  }

  /** See {@link Hinge}. */
  public static Tensor hinge(Tensor yTrue, Tensor yPred) {
    return new Hinge().compute(yTrue, yPred);
  }

  /** See {@link SquaredHinge}. */
  public static Tensor squaredHinge(Tensor yTrue, Tensor yPred) {
    return new SquaredHinge().compute(yTrue, yPred);
  }

  /** See {@link CategoricalHinge}. */
  public static Tensor categoricalHinge(Tensor yTrue, Tensor yPred) {
    return new CategoricalHinge().compute(yTrue, yPred);
  }

  /** See {@link BinaryCrossentropy}: probabilities, no smoothing, over the last axis. */
  public static Tensor binaryCrossentropy(Tensor yTrue, Tensor yPred) {
    return new BinaryCrossentropy().compute(yTrue, yPred);
  }

  /** See {@link BinaryCrossentropy}. */
  public static Tensor binaryCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
    return new BinaryCrossentropy()
        .fromLogits(fromLogits)
        .labelSmoothing(labelSmoothing)
        .axis(axis)
        .compute(yTrue, yPred);
  }

  /** See {@link CategoricalCrossentropy}: probabilities, no smoothing, over the last axis. */
  public static Tensor categoricalCrossentropy(Tensor yTrue, Tensor yPred) {
    return new CategoricalCrossentropy().compute(yTrue, yPred);
  }

  /** See {@link CategoricalCrossentropy}. */
  public static Tensor categoricalCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, double labelSmoothing, int axis) {
    return new CategoricalCrossentropy()
        .fromLogits(fromLogits)
        .labelSmoothing(labelSmoothing)
        .axis(axis)
        .compute(yTrue, yPred);
  }

  /** See {@link SparseCategoricalCrossentropy}: probabilities, classes on the last axis. */
  public static Tensor sparseCategoricalCrossentropy(Tensor yTrue, Tensor yPred) {
    return new SparseCategoricalCrossentropy().compute(yTrue, yPred);
  }

  /** See {@link SparseCategoricalCrossentropy}; ignored samples give 0. */
  public static Tensor sparseCategoricalCrossentropy(
      Tensor yTrue, Tensor yPred, boolean fromLogits, Integer ignoreClass, int axis) {
    return new SparseCategoricalCrossentropy()
        .fromLogits(fromLogits)
        .ignoreClass(ignoreClass)
        .axis(axis)
        .compute(yTrue, yPred);
  }

  /** See {@link BinaryFocalCrossentropy}. */
  public static Tensor binaryFocalCrossentropy(
      Tensor yTrue,
      Tensor yPred,
      boolean applyClassBalancing,
      double alpha,
      double gamma,
      boolean fromLogits,
      double labelSmoothing,
      int axis) {
    return new BinaryFocalCrossentropy()
        .applyClassBalancing(applyClassBalancing)
        .alpha(alpha)
        .gamma(gamma)
        .fromLogits(fromLogits)
        .labelSmoothing(labelSmoothing)
        .axis(axis)
        .compute(yTrue, yPred);
  }

  /** See {@link CategoricalFocalCrossentropy}. */
  public static Tensor categoricalFocalCrossentropy(
      Tensor yTrue,
      Tensor yPred,
      double alpha,
      double gamma,
      boolean fromLogits,
      double labelSmoothing,
      int axis) {
    return new CategoricalFocalCrossentropy()
        .alpha(alpha)
        .gamma(gamma)
        .fromLogits(fromLogits)
        .labelSmoothing(labelSmoothing)
        .axis(axis)
        .compute(yTrue, yPred);
  }

  /** See {@link Dice}; no axes sums over all of them. */
  public static Tensor dice(Tensor yTrue, Tensor yPred, int... axis) {
    return new Dice().axis(axis).compute(yTrue, yPred);
  }

  /** See {@link Tversky}; no axes sums over all of them. */
  public static Tensor tversky(Tensor yTrue, Tensor yPred, double alpha, double beta, int... axis) {
    return new Tversky().alpha(alpha).beta(beta).axis(axis).compute(yTrue, yPred);
  }
}
