package io.keras4j.initializers;

import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Initializers by Keras name and from Keras JSON, as {@code keras.initializers.get}, {@code
 * deserialize} and {@code serialize}. Names are resolved through an explicit registry: Keras's
 * class names, their snake_case forms ({@code "glorot_uniform"}), Keras's aliases ({@code
 * "normal"}, {@code "uniform"}, {@code "one"}, {@code "zero"}, {@code "IdentityInitializer"},
 * {@code "OrthogonalInitializer"}) and TF.js's {@code "LeCunNormal"} / {@code "LeCunUniform"}.
 */
public final class Initializers {
  /** The module Keras 3 writes for its initializers. */
  public static final String MODULE = "keras.initializers";

  private static final Registry<Initializer> REGISTRY =
      new Registry<Initializer>("initializer")
          .add("Constant", c -> new Constant(allow(c, "value").getDouble("value", 0.0)), "constant")
          .add("Zeros", c -> noArgs(c, new Zeros()), "zeros", "zero")
          .add("Ones", c -> noArgs(c, new Ones()), "ones", "one")
          .add("Identity", Initializers::identity, "identity", "IdentityInitializer")
          .add("Orthogonal", Initializers::orthogonal, "orthogonal", "OrthogonalInitializer")
          .add("RandomNormal", Initializers::randomNormal, "random_normal", "normal")
          .add("TruncatedNormal", Initializers::truncatedNormal, "truncated_normal")
          .add("RandomUniform", Initializers::randomUniform, "random_uniform", "uniform")
          .add("VarianceScaling", Initializers::varianceScaling, "variance_scaling")
          .add("GlorotUniform", c -> new GlorotUniform(seed(c), in(c), out(c)), "glorot_uniform")
          .add("GlorotNormal", c -> new GlorotNormal(seed(c), in(c), out(c)), "glorot_normal")
          .add("HeUniform", c -> new HeUniform(seed(c), in(c), out(c)), "he_uniform")
          .add("HeNormal", c -> new HeNormal(seed(c), in(c), out(c)), "he_normal")
          .add(
              "LecunUniform",
              c -> new LecunUniform(seed(c), in(c), out(c)),
              "lecun_uniform",
              "LeCunUniform")
          .add(
              "LecunNormal",
              c -> new LecunNormal(seed(c), in(c), out(c)),
              "lecun_normal",
              "LeCunNormal");

  private Initializers() {}

  /**
   * A new initializer with Keras's defaults from a name: {@code "glorot_uniform"}, {@code
   * "he_normal"}, {@code "zeros"}, {@code "GlorotUniform"}, ... Each call makes a new instance, so
   * two layers given the same name get different random values. Unknown names throw, suggesting the
   * closest.
   */
  public static Initializer get(String name) {
    return REGISTRY.create(name, Map.of(), "initializer");
  }

  /**
   * An initializer from Keras JSON: Keras 3's {@code {"module", "class_name", "config",
   * "registered_name"}}, or Keras 2's and TF.js's {@code {"class_name", "config"}}.
   */
  public static Initializer deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("initializer", config);
    return REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of an initializer. */
  public static Map<String, Object> serialize(Initializer initializer) {
    return SerializedObject.builtin(MODULE, initializer.className(), initializer.getConfig())
        .toMap();
  }

  /** Every name {@link #get} accepts, aliases included. */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  // ---- factories from configs ------------------------------------------------------------

  /**
   * Rejects unknown keys, except {@code dtype}: TF 1.x and early TF 2 Keras wrote it into every
   * initializer config of their .h5 files, and weights here are always float32.
   */
  private static Config allow(Config c, String... keys) {
    String[] withDtype = Arrays.copyOf(keys, keys.length + 1);
    withDtype[keys.length] = "dtype";
    return c.allowOnly(withDtype);
  }

  private static Initializer noArgs(Config c, Initializer i) {
    allow(c);
    return i;
  }

  private static Long seed(Config c) {
    allow(c, "seed", "input_axes", "output_axes");
    return c.getLong("seed");
  }

  private static int[] in(Config c) {
    return c.getInts("input_axes", null);
  }

  private static int[] out(Config c) {
    return c.getInts("output_axes", null);
  }

  private static Initializer identity(Config c) {
    return new Identity(allow(c, "gain").getDouble("gain", 1.0));
  }

  private static Initializer orthogonal(Config c) {
    allow(c, "gain", "seed");
    return new Orthogonal(c.getDouble("gain", 1.0), c.getLong("seed"));
  }

  private static Initializer randomNormal(Config c) {
    allow(c, "mean", "stddev", "seed");
    return new RandomNormal(
        c.getDouble("mean", 0.0), c.getDouble("stddev", 0.05), c.getLong("seed"));
  }

  private static Initializer truncatedNormal(Config c) {
    allow(c, "mean", "stddev", "seed");
    return new TruncatedNormal(
        c.getDouble("mean", 0.0), c.getDouble("stddev", 0.05), c.getLong("seed"));
  }

  private static Initializer randomUniform(Config c) {
    allow(c, "minval", "maxval", "seed");
    return new RandomUniform(
        c.getDouble("minval", -0.05), c.getDouble("maxval", 0.05), c.getLong("seed"));
  }

  private static Initializer varianceScaling(Config c) {
    allow(c, "scale", "mode", "distribution", "seed", "input_axes", "output_axes");
    return new VarianceScaling(
        c.getDouble("scale", 1.0),
        kerasMode(c.getString("mode", "fan_in")),
        c.getString("distribution", "truncated_normal"),
        c.getLong("seed"),
        in(c),
        out(c));
  }

  /** TF.js writes modes in camelCase in memory ({@code "fanAvg"}); Keras's are snake_case. */
  private static String kerasMode(String mode) {
    return switch (mode) {
      case "fanIn" -> "fan_in";
      case "fanOut" -> "fan_out";
      case "fanAvg" -> "fan_avg";
      default -> mode;
    };
  }
}
