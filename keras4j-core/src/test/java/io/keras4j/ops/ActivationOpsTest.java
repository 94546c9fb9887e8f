package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertShape;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Erf;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ActivationOpsTest {

  record Act(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {}

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double hardSigmoid(double x) {
    return Math.min(Math.max(x + 3, 0), 6) / 6;
  }

  static final List<Act> ACTS =
      List.of(
          new Act("relu6", Ops::relu6, x -> Math.min(Math.max(x, 0), 6)),
          new Act("leaky_relu", Ops::leakyRelu, x -> Math.max(x, 0.2 * x)),
          new Act("leaky_relu(0.05)", x -> Ops.leakyRelu(x, 0.05f), x -> Math.max(x, 0.05 * x)),
          new Act("elu", Ops::elu, x -> x >= 0 ? x : Math.expm1(x)),
          new Act("elu(0.5)", x -> Ops.elu(x, 0.5f), x -> x >= 0 ? x : 0.5 * Math.expm1(x)),
          new Act(
              "selu",
              Ops::selu,
              x -> 1.0507009873554805 * (x >= 0 ? x : 1.6732632423543772 * Math.expm1(x))),
          new Act(
              "gelu",
              Ops::gelu,
              x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
          new Act(
              "gelu(exact)",
              x -> Ops.gelu(x, false),
              x -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)))),
          new Act("silu", Ops::silu, x -> x * sigmoid(x)),
          new Act("hard_sigmoid", Ops::hardSigmoid, ActivationOpsTest::hardSigmoid),
          new Act("hard_silu", Ops::hardSilu, x -> x * hardSigmoid(x)),
          new Act("log_sigmoid", Ops::logSigmoid, x -> Math.log(sigmoid(x))),
          new Act("softplus", Ops::softplus, x -> Math.log1p(Math.exp(x))));

  /** Spans every piece of every activation, away from the kinks at -3, 0, 3 and 6. */
  static final Tensor X =
      Tensor.of(
          new float[] {-4.5f, -3.4f, -2.2f, -0.9f, -0.3f, 0.35f, 1.1f, 2.6f, 3.3f, 5.2f, 6.5f, 8f},
          3,
          4);

  @TestFactory
  Stream<DynamicTest> forwardMatchesFormula() {
    return ACTS.stream()
        .map(
            a ->
                dynamicTest(
                    a.name,
                    () -> {
                      Tensor y = a.op.apply(X);
                      assertShape(y, 3, 4);
                      float[] xs = X.toFloatArray();
                      float[] e = new float[xs.length];
                      for (int i = 0; i < xs.length; i++) {
                        e[i] = (float) a.ref.applyAsDouble(xs[i]);
                      }
                      assertClose(y, e);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> gradientMatchesFiniteDifferences() {
    return ACTS.stream().map(a -> dynamicTest(a.name, () -> GradientCheck.checkUnary(a.op, X)));
  }

  @Test
  void goldenValuesFromScipy() {
    Tensor x = Tensor.of(-3.5f, -1f, -0.25f, 0.5f, 2f, 4f);
    assertClose(
        Ops.gelu(x, false),
        -0.0008142017766243903f,
        -0.15865525393145707f,
        -0.10032341857926907f,
        0.3457312306370065f,
        1.9544997361036416f,
        3.9998733150326675f);
    assertClose(
        Ops.gelu(x),
        -0.0006161976553737403f,
        -0.1588080093917233f,
        -0.100324649298315f,
        0.34571400982514394f,
        1.954597694087775f,
        3.9999297540518075f);
    assertClose(
        Ops.selu(x),
        -1.705009340957283f,
        -1.1113307378125625f,
        -0.3888901974781189f,
        0.5253504936777402f,
        2.101401974710961f,
        4.202803949421922f);
    assertClose(
        Ops.logSigmoid(x),
        -3.5297504182726205f,
        -1.3132616875182228f,
        -0.8259394198788436f,
        -0.4740769841801067f,
        -0.1269280110429725f,
        -0.018149927917809738f);
  }

  @Test
  void hardSigmoidIsKeras3s() {
    // relu6(x + 3) / 6, not Keras 2's 0.2 x + 0.5.
    assertClose(
        Ops.hardSigmoid(Tensor.of(-4f, -3f, -1.5f, 0f, 1.5f, 3f, 4f)),
        0f,
        0f,
        0.25f,
        0.5f,
        0.75f,
        1f,
        1f);
    assertClose(Ops.hardSilu(Tensor.of(-4f, -1.5f, 1.5f, 4f)), 0f, -0.375f, 1.125f, 4f);
  }

  @Test
  void stableForLargeInputs() {
    Tensor x = Tensor.of(-200f, 200f);
    assertClose(Ops.logSigmoid(x), -200f, 0f);
    assertClose(Ops.silu(x), -0f, 200f);
    assertClose(Ops.elu(Tensor.of(-200f)), -1f);
    assertClose(Ops.gelu(x, false), 0f, 200f);
    assertClose(Ops.gelu(x), 0f, 200f);
  }
}
