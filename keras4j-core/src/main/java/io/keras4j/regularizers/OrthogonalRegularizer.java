package io.keras4j.regularizers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes the rows (or columns) of a 2-D weight towards mutual orthogonality, as Keras's {@code
 * OrthogonalRegularizer(factor=0.01, mode="rows")}: {@code factor * 0.5 * sum |<u_i, u_j>|} over
 * the pairs i != j of L2-normalized rows (or columns), divided by the number of pairs.
 */
public final class OrthogonalRegularizer implements Regularizer {
  /** Keras's backend epsilon: norms below it are clamped before normalizing. */
  private static final double EPSILON = 1e-7;

  private static final List<String> MODES = List.of("rows", "columns");

  private final double factor;
  private final String mode;

  public OrthogonalRegularizer() {
    this(0.01, "rows");
  }

  public OrthogonalRegularizer(double factor) {
    this(factor, "rows");
  }

  public OrthogonalRegularizer(double factor, String mode) {
    this.factor = Penalties.validate(factor, "factor");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received:"
              + " mode="
              + mode);
    }
    this.mode = mode;
  }

  public double factor() {
    return factor;
  }

  public String mode() {
    return mode;
  }

  @Override
  public Tensor apply(Tensor weights) {
    if (weights.rank() != 2) {
      throw new IllegalArgumentException(
          "Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape="
              + Shapes.toString(weights.shape()));
    }
    boolean rows = mode.equals("rows");
    int axis = rows ? 1 : 0;
    // x / max(|x|, eps) along the axis, as Keras's normalize (x * rsqrt(max(sum x^2, eps^2))).
    Tensor squares = Ops.sum(Ops.square(weights), new int[] {axis}, true);
    Tensor norms = Ops.sqrt(Ops.maximum(squares, Tensor.scalar((float) (EPSILON * EPSILON))));
    Tensor unit = Ops.divide(weights, norms);
    Tensor product =
        rows ? Ops.matmul(unit, unit, false, true) : Ops.matmul(unit, unit, true, false);
    int size = weights.dim(rows ? 0 : 1);
    Tensor offDiagonal = Ops.multiply(product, offDiagonalMask(size));
    double pairs = size * (size - 1.0) / 2.0;
    Tensor total = Ops.sum(Ops.abs(offDiagonal));
    return Ops.multiply(total, Tensor.scalar((float) (factor * 0.5 / pairs)));
  }

  /** 1 - eye(size): a constant, so it carries no gradient. */
  private static Tensor offDiagonalMask(int size) {
    float[] m = new float[size * size];
    Arrays.fill(m, 1f);
    for (int i = 0; i < size; i++) {
      m[i * size + i] = 0f;
    }
    return Tensor.of(m, size, size);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("factor", factor);
    config.put("mode", mode);
    return config;
  }

  @Override
  public String className() {
    return "OrthogonalRegularizer";
  }

  @Override
  public String toString() {
    return "OrthogonalRegularizer" + getConfig();
  }
}
