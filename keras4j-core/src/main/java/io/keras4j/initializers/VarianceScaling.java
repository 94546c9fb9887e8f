package io.keras4j.initializers;

import io.keras4j.Tensor;
import io.keras4j.internal.Suggest;
import io.keras4j.random.RandomOps;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Values whose variance is {@code scale / n}, where n is the fan-in, the fan-out or their average
 * ({@code mode}), as Keras's {@code VarianceScaling(scale=1.0, mode="fan_in",
 * distribution="truncated_normal", seed=None, input_axes=None, output_axes=None)}.
 *
 * <ul>
 *   <li>{@code truncated_normal} ({@code "normal"} is read as this, as in Keras): a normal cut at
 *       two standard deviations, with the standard deviation first divided by 0.87962566103423978
 *       (the std of a unit normal truncated at +-2) so that the result has std sqrt(scale / n);
 *   <li>{@code untruncated_normal}: a normal with std sqrt(scale / n);
 *   <li>{@code uniform}: uniform in [-limit, limit) with limit = sqrt(3 scale / n).
 * </ul>
 */
public class VarianceScaling extends RandomInitializer {
  /** Standard deviation of a unit normal truncated to [-2, 2]. */
  static final double TRUNCATION_STDDEV = 0.87962566103423978;

  private static final List<String> MODES = List.of("fan_in", "fan_out", "fan_avg");
  private static final List<String> DISTRIBUTIONS =
      List.of("truncated_normal", "untruncated_normal", "uniform");

  private final double scale;
  private final String mode;
  private final String distribution;
  private final int[] inputAxes;
  private final int[] outputAxes;

  public VarianceScaling() {
    this(1.0, "fan_in", "truncated_normal");
  }

  public VarianceScaling(double scale) {
    this(scale, "fan_in", "truncated_normal");
  }

  public VarianceScaling(double scale, String mode, String distribution) {
    this(scale, mode, distribution, null, null, null);
  }

  public VarianceScaling(double scale, String mode, String distribution, long seed) {
    this(scale, mode, distribution, Long.valueOf(seed), null, null);
  }

  /**
   * Every argument of Keras's constructor.
   *
   * @param seed the seed, or null to draw one from the global stream
   * @param inputAxes with {@code outputAxes}, the axes whose sizes multiply into the fan-in (null:
   *     Keras's {@code compute_fans} rules)
   * @param outputAxes the axes whose sizes multiply into the fan-out
   */
  public VarianceScaling(
      double scale,
      String mode,
      String distribution,
      Long seed,
      int[] inputAxes,
      int[] outputAxes) {
    super(seed);
    if (!(scale > 0.0)) {
      throw new IllegalArgumentException(
          "Argument `scale` must be positive float. Received: scale=" + scale);
    }
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "Invalid `mode` argument: expected one of "
              + MODES
              + "."
              + Suggest.didYouMean(mode, MODES)
              + " Received: mode="
              + mode);
    }
    String d = distribution == null ? null : distribution.toLowerCase(Locale.ROOT);
    if ("normal".equals(d)) {
      d = "truncated_normal";
    }
    if (!DISTRIBUTIONS.contains(d)) {
      throw new IllegalArgumentException(
          "Invalid `distribution` argument: expected one of "
              + DISTRIBUTIONS
              + "."
              + Suggest.didYouMean(distribution, DISTRIBUTIONS)
              + " Received: distribution="
              + distribution);
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = d;
    this.inputAxes = inputAxes == null ? null : inputAxes.clone();
    this.outputAxes = outputAxes == null ? null : outputAxes.clone();
  }

  public double scale() {
    return scale;
  }

  public String mode() {
    return mode;
  }

  public String distribution() {
    return distribution;
  }

  /** scale / max(1, n), the variance of the values for this shape. */
  double variance(int[] shape) {
    Fans fans = Fans.of(shape, inputAxes, outputAxes);
    double n =
        switch (mode) {
          case "fan_in" -> fans.fanIn();
          case "fan_out" -> fans.fanOut();
          default -> fans.fanAvg();
        };
    return scale / Math.max(1.0, n);
  }

  @Override
  public Tensor apply(int... shape) {
    double variance = variance(shape);
    return switch (distribution) {
      case "truncated_normal" ->
          RandomOps.truncatedNormal(
              shape, 0.0, Math.sqrt(variance) / TRUNCATION_STDDEV, effectiveSeed());
      case "untruncated_normal" ->
          RandomOps.normal(shape, 0.0, Math.sqrt(variance), effectiveSeed());
      default -> {
        double limit = Math.sqrt(3.0 * variance);
        yield RandomOps.uniform(shape, -limit, limit, effectiveSeed());
      }
    };
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("scale", scale);
    config.put("mode", mode);
    config.put("distribution", distribution);
    addAxes(config);
  }

  /** {@code input_axes} and {@code output_axes} as Keras writes them (lists or null). */
  protected final void addAxes(Map<String, Object> config) {
    config.put("input_axes", toList(inputAxes));
    config.put("output_axes", toList(outputAxes));
  }

  private static List<Integer> toList(int[] axes) {
    return axes == null ? null : Arrays.stream(axes).boxed().toList();
  }

  @Override
  public String className() {
    return "VarianceScaling";
  }
}
