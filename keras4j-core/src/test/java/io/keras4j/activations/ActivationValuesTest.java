package io.keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.keras4j.Tensor;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each elementwise activation against its Keras formula in double precision. */
class ActivationValuesTest {
  /** Negative, positive, large, tiny, and the breakpoints of the piecewise functions. */
  static final float[] POINTS = {
    -30f, -20f, -6f, -3.5f, -3f, -2.5f, -1.5f, -1f, -0.7f, -0.5f, -0.3f, -0.1f, -1e-4f, 0f, 1e-4f,
    0.1f, 0.3f, 0.5f, 0.7f, 1f, 1.5f, 2.5f, 3f, 3.5f, 6f, 7f, 20f, 30f
  };

  static Stream<Arguments> cases() {
    return Stream.of(
        c("relu", Activations::relu, Reference::relu),
        c("relu6", Activations::relu6, Reference::relu6),
        c("leaky_relu", Activations::leakyRelu, x -> Reference.leakyRelu(x, 0.2)),
        c("leaky_relu 0.3", x -> Activations.leakyRelu(x, 0.3), x -> Reference.leakyRelu(x, 0.3)),
        c("elu", Activations::elu, x -> Reference.elu(x, 1)),
        c("elu 0.5", x -> Activations.elu(x, 0.5), x -> Reference.elu(x, 0.5)),
        c("selu", Activations::selu, Reference::selu),
        c("celu", Activations::celu, x -> Reference.celu(x, 1)),
        c("celu 2", x -> Activations.celu(x, 2), x -> Reference.celu(x, 2)),
        c("gelu", Activations::gelu, Reference::gelu),
        c("gelu approximate", x -> Activations.gelu(x, true), Reference::geluApproximate),
        c("hard_sigmoid", Activations::hardSigmoid, Reference::hardSigmoid),
        c("hard_silu", Activations::hardSilu, Reference::hardSilu),
        c("hard_swish", Activations::hardSwish, Reference::hardSilu),
        c("hard_tanh", Activations::hardTanh, Reference::hardTanh),
        c("hard_shrink", Activations::hardShrink, x -> Reference.hardShrink(x, 0.5)),
        c("hard_shrink 1", x -> Activations.hardShrink(x, 1), x -> Reference.hardShrink(x, 1)),
        c("soft_shrink", Activations::softShrink, x -> Reference.softShrink(x, 0.5)),
        c("soft_shrink 2", x -> Activations.softShrink(x, 2), x -> Reference.softShrink(x, 2)),
        c("soft_shrink -1", x -> Activations.softShrink(x, -1), x -> Reference.softShrink(x, -1)),
        c(
            "threshold",
            x -> Activations.threshold(x, 0.3, -7),
            x -> Reference.threshold(x, 0.3, -7)),
        c("sparse_plus", Activations::sparsePlus, Reference::sparsePlus),
        c("sparse_sigmoid", Activations::sparseSigmoid, Reference::sparseSigmoid),
        c("linear", Activations::linear, x -> x),
        c("sigmoid", Activations::sigmoid, Reference::sigmoid),
        c("tanh", Activations::tanh, Math::tanh),
        c("exponential", Activations::exponential, Math::exp),
        c("softplus", Activations::softplus, Reference::softplus),
        c("softsign", Activations::softsign, Reference::softsign),
        c("silu", Activations::silu, Reference::silu),
        c("swish", Activations::swish, Reference::silu),
        c("mish", Activations::mish, Reference::mish),
        c("log_sigmoid", Activations::logSigmoid, Reference::logSigmoid),
        c("squareplus", Activations::squareplus, x -> Reference.squareplus(x, 4)),
        c("squareplus 1", x -> Activations.squareplus(x, 1), x -> Reference.squareplus(x, 1)),
        c("tanh_shrink", Activations::tanhShrink, Reference::tanhShrink));
  }

  static Stream<Arguments> reluCases() {
    double inf = Double.POSITIVE_INFINITY;
    return Stream.of(
        Arguments.of(0.0, inf, 0.0),
        Arguments.of(0.5, inf, 0.0),
        Arguments.of(0.0, 5.0, 0.0),
        Arguments.of(0.0, 6.0, 0.0),
        Arguments.of(0.0, inf, 5.0),
        Arguments.of(0.1, 6.0, 0.0),
        Arguments.of(0.1, 4.0, 1.0),
        Arguments.of(0.2, inf, -1.0),
        Arguments.of(0.0, inf, -1.0),
        Arguments.of(0.0, 2.0, -1.0));
  }

  private static Arguments c(String name, UnaryOperator<Tensor> fn, DoubleUnaryOperator reference) {
    return Arguments.of(name, fn, reference);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesFormula(String name, UnaryOperator<Tensor> fn, DoubleUnaryOperator reference) {
    float[] y = fn.apply(Tensor.of(POINTS)).toFloatArray();
    for (int i = 0; i < POINTS.length; i++) {
      double expected = reference.applyAsDouble(POINTS[i]);
      assertClose(expected, y[i], name + " at x=" + POINTS[i]);
    }
  }

  @ParameterizedTest(name = "relu(negativeSlope={0}, maxValue={1}, threshold={2})")
  @MethodSource("reluCases")
  void generalReluMatchesKeras(double slope, double maxValue, double threshold) {
    float[] y = Activations.relu(Tensor.of(POINTS), slope, maxValue, threshold).toFloatArray();
    for (int i = 0; i < POINTS.length; i++) {
      double expected = Reference.relu(POINTS[i], slope, maxValue, threshold);
      assertClose(expected, y[i], "relu at x=" + POINTS[i]);
    }
  }

  @org.junit.jupiter.api.Test
  void kerasDocstringReluExamples() {
    Tensor x = Tensor.of(-10f, -5f, 0f, 5f, 10f);
    double inf = Double.POSITIVE_INFINITY;
    assertArray(new float[] {0, 0, 0, 5, 10}, Activations.relu(x));
    assertArray(new float[] {-5, -2.5f, 0, 5, 10}, Activations.relu(x, 0.5, inf, 0));
    assertArray(new float[] {0, 0, 0, 5, 5}, Activations.relu(x, 0, 5, 0));
    assertArray(new float[] {0, 0, 0, 0, 10}, Activations.relu(x, 0, inf, 5));
  }

  @org.junit.jupiter.api.Test
  void linearReturnsItsInputAndShapesArePreserved() {
    Tensor x = Tensor.of(new float[] {1, -2, 3, -4, 5, -6}, 2, 3);
    assertSame(x, Activations.linear(x));
    assertEquals(
        java.util.Arrays.toString(x.shape()),
        java.util.Arrays.toString(Activations.mish(x).shape()));
  }

  static void assertArray(float[] expected, Tensor actual) {
    float[] a = actual.toFloatArray();
    assertEquals(expected.length, a.length);
    for (int i = 0; i < a.length; i++) {
      assertClose(expected[i], a[i], "index " + i);
    }
  }

  /** float32 results: about 16 ulps relative, and 1e-6 absolute near zero. */
  static void assertClose(double expected, float actual, String what) {
    double tol = 1e-6 + 1e-6 * Math.abs(expected);
    if (!(Math.abs(expected - actual) <= tol)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }
}
