package io.keras4j.activations;

import io.keras4j.Tensor;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tape's gradient of every activation against central finite differences. */
class ActivationGradientTest {
  /** Away from every breakpoint (0, +-0.5, +-1, +-3, 6) by more than the step. */
  private static final float[] POINTS = {
    -4.2f, -2.7f, -1.3f, -0.8f, -0.35f, -0.15f, 0.22f, 0.41f, 0.77f, 1.6f, 2.4f, 4.5f, 7.5f
  };

  static Stream<Arguments> elementwise() {
    return Stream.concat(
        Activations.names().stream()
            .filter(n -> !n.equals("glu")) // glu halves its axis; checked below
            .map(n -> Arguments.of(n, (UnaryOperator<Tensor>) Activations.get(n)::apply)),
        Stream.of(
            a("relu(0.1, 4, 1)", x -> Activations.relu(x, 0.1, 4, 1)),
            a("relu(0.2, inf, -1)", x -> Activations.relu(x, 0.2, Double.POSITIVE_INFINITY, -1)),
            a("leaky_relu 0.3", x -> Activations.leakyRelu(x, 0.3)),
            a("elu 0.5", x -> Activations.elu(x, 0.5)),
            a("celu 2", x -> Activations.celu(x, 2)),
            a("gelu approximate", x -> Activations.gelu(x, true)),
            a("soft_shrink -1.1", x -> Activations.softShrink(x, -1.1)),
            a("threshold", x -> Activations.threshold(x, 0.3, -7)),
            a("squareplus 1", x -> Activations.squareplus(x, 1))));
  }

  private static Arguments a(String name, UnaryOperator<Tensor> fn) {
    return Arguments.of(name, fn);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void elementwiseGradient(String name, UnaryOperator<Tensor> fn) {
    // Two rows so that softmax-like functions see a real Jacobian, not a diagonal.
    float[] v = new float[POINTS.length * 2];
    for (int i = 0; i < POINTS.length; i++) {
      v[i] = POINTS[i];
      v[POINTS.length + i] = -0.5f * POINTS[POINTS.length - 1 - i];
    }
    FiniteDifferences.assertGradient(name, fn, Tensor.of(v, 2, POINTS.length));
  }

  static Stream<Arguments> alongAxes() {
    return Stream.of(
        a("softmax axis 0", x -> Activations.softmax(x, 0)),
        a("log_softmax axis 0", x -> Activations.logSoftmax(x, 0)),
        a("glu", Activations::glu),
        a("glu axis 0", x -> Activations.glu(x, 0)),
        a("sparsemax", Activations::sparsemax),
        a("sparsemax axis 0", x -> Activations.sparsemax(x, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alongAxes")
  void gradientAlongAnAxis(String name, UnaryOperator<Tensor> fn) {
    Tensor x =
        Tensor.of(
            new float[] {
              0.3f, -1.2f, 0.9f, 0.45f,
              1.7f, 0.2f, -0.4f, 0.95f,
              -0.6f, 0.15f, 1.1f, 0.7f,
              0.35f, 0.8f, -0.9f, 1.25f
            },
            4,
            4);
    FiniteDifferences.assertGradient(name, fn, x);
  }

  @org.junit.jupiter.api.Test
  void theCheckerCatchesAMissingGradient() {
    // 2x computed outside the ops: the tape sees no dependency, so its gradient is 0, not 2.
    UnaryOperator<Tensor> untracked =
        x -> {
          float[] v = x.toFloatArray();
          for (int i = 0; i < v.length; i++) {
            v[i] *= 2;
          }
          return Tensor.of(v, x.shape());
        };
    org.junit.jupiter.api.Assertions.assertThrows(
        AssertionError.class,
        () -> FiniteDifferences.assertGradient("untracked", untracked, Tensor.of(1f, 2f)));
  }
}
