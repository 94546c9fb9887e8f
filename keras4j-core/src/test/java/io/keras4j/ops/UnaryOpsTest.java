package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertShape;
import static io.keras4j.ops.TestTensors.grid;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Erf;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UnaryOpsTest {

  /** An op, its formula in double precision, and where its test inputs come from. */
  record Op(
      String name, UnaryOperator<Tensor> op, DoubleUnaryOperator ref, LongFunction<Tensor> in) {
    Op(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
      this(name, op, ref, seed -> rand(seed, 2, 3));
    }
  }

  private static LongFunction<Tensor> positive() {
    return seed -> uniform(seed, 0.5, 3, 2, 3);
  }

  /** Away from integers and halves, where the step functions jump. */
  private static LongFunction<Tensor> offSteps() {
    return seed -> Tensor.of(new float[] {-2.3f, -1.2f, -0.3f, 0.3f, 1.2f, 2.7f}, 2, 3);
  }

  static final List<Op> DIFFERENTIABLE =
      List.of(
          new Op("negative", Ops::negative, x -> -x),
          new Op("abs", Ops::abs, Math::abs),
          new Op("square", Ops::square, x -> x * x),
          new Op("sqrt", Ops::sqrt, Math::sqrt, positive()),
          new Op("rsqrt", Ops::rsqrt, x -> 1 / Math.sqrt(x), positive()),
          new Op("exp", Ops::exp, Math::exp),
          new Op("expm1", Ops::expm1, Math::expm1),
          new Op("log", Ops::log, Math::log, positive()),
          new Op("log1p", Ops::log1p, Math::log1p, seed -> uniform(seed, -0.5, 3, 2, 3)),
          new Op("tanh", Ops::tanh, Math::tanh),
          new Op("sigmoid", Ops::sigmoid, x -> 1 / (1 + Math.exp(-x))),
          new Op("relu", Ops::relu, x -> Math.max(x, 0)),
          new Op("softplus", Ops::softplus, x -> Math.log(1 + Math.exp(x))),
          new Op("softsign", Ops::softsign, x -> x / (1 + Math.abs(x))),
          new Op("erf", Ops::erf, Erf::erf),
          new Op("sin", Ops::sin, Math::sin),
          new Op("cos", Ops::cos, Math::cos),
          new Op("reciprocal", Ops::reciprocal, x -> 1 / x, positive()),
          new Op(
              "clip",
              x -> Ops.clip(x, -1.2f, 1.2f),
              x -> Math.min(Math.max(x, -1.2), 1.2),
              seed -> grid(seed, 0.2, 2, 3)));

  /** Piecewise constant: zero gradient everywhere (away from the steps). */
  static final List<Op> STEPS =
      List.of(
          new Op("sign", Ops::sign, Math::signum, offSteps()),
          new Op("floor", Ops::floor, Math::floor, offSteps()),
          new Op("ceil", Ops::ceil, Math::ceil, offSteps()),
          new Op("round", Ops::round, Math::rint, offSteps()));

  @TestFactory
  Stream<DynamicTest> forwardMatchesFormula() {
    return Stream.concat(DIFFERENTIABLE.stream(), STEPS.stream())
        .map(
            op ->
                dynamicTest(
                    op.name,
                    () -> {
                      Tensor x = op.in.apply(7);
                      Tensor y = op.op.apply(x);
                      assertShape(y, 2, 3);
                      float[] xs = x.toFloatArray();
                      float[] e = new float[xs.length];
                      for (int i = 0; i < xs.length; i++) {
                        e[i] = (float) op.ref.applyAsDouble(xs[i]);
                      }
                      assertClose(y, e);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> gradientMatchesFiniteDifferences() {
    return Stream.concat(DIFFERENTIABLE.stream(), STEPS.stream())
        .map(op -> dynamicTest(op.name, () -> GradientCheck.checkUnary(op.op, op.in.apply(11))));
  }

  @Test
  void handComputedValues() {
    Tensor x = Tensor.of(-2.5f, -0.5f, 0f, 0.5f, 1.5f, 2.5f);
    assertClose(Ops.round(x), -2f, -0f, 0f, 0f, 2f, 2f); // half to even
    assertClose(Ops.sign(x), -1f, -1f, 0f, 1f, 1f, 1f);
    assertClose(Ops.relu(x), 0f, 0f, 0f, 0.5f, 1.5f, 2.5f);
    assertClose(Ops.clip(x, -1f, 1f), -1f, -0.5f, 0f, 0.5f, 1f, 1f);
    assertClose(Ops.sqrt(Tensor.of(4f, 9f)), 2f, 3f);
    assertClose(Ops.rsqrt(Tensor.of(4f, 0.25f)), 0.5f, 2f);
    assertClose(Ops.sigmoid(Tensor.of(0f, -100f, 100f)), 0.5f, 0f, 1f);
    assertClose(Ops.softplus(Tensor.of(0f, 100f, -100f)), (float) Math.log(2), 100f, 3.7e-44f);
  }

  @Test
  void reluOnLongVectorsUsesTheKernelAndItsTail() {
    Tensor x = rand(3, 37);
    float[] xs = x.toFloatArray();
    float[] e = new float[37];
    for (int i = 0; i < 37; i++) {
      e[i] = Math.max(xs[i], 0);
    }
    assertClose(Ops.relu(x), e);
  }

  @Test
  void clipGradientIsOneInsideTheClosedIntervalAndZeroOutside() {
    Tensor x = Tensor.of(-2f, -1f, 0f, 1f, 2f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor g = tape.gradient(Ops.clip(x, -1f, 1f), List.of(x)).get(0);
      assertClose(g, 0f, 1f, 1f, 1f, 0f);
    }
  }

  @Test
  void clipKeepsIntDtype() {
    Tensor y = Ops.clip(Tensor.ofInts(new int[] {-5, 1, 9}, 3), 0f, 4f);
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new int[] {0, 1, 4}, y.toIntArray());
  }

  @Test
  void castConvertsAndTruncatesTowardZero() {
    Tensor f = Tensor.of(-1.7f, -0.2f, 0.9f, 2.5f);
    Tensor i = Ops.cast(f, DType.INT32);
    assertEquals(DType.INT32, i.dtype());
    assertArrayEquals(new int[] {-1, 0, 0, 2}, i.toIntArray());
    Tensor back = Ops.cast(i, DType.FLOAT32);
    assertEquals(DType.FLOAT32, back.dtype());
    assertClose(back, -1f, 0f, 0f, 2f);
    assertSame(f, Ops.cast(f, DType.FLOAT32));
  }

  @Test
  void castToFloatPassesTheGradientThrough() {
    GradientCheck.checkUnary(x -> Ops.square(Ops.cast(x, DType.FLOAT32)), rand(5, 4));
  }

  @Test
  void unaryOpsOnIntInputsReturnFloat() {
    Tensor y = Ops.sqrt(Tensor.ofInts(new int[] {4, 9}, 2));
    assertEquals(DType.FLOAT32, y.dtype());
    assertClose(y, 2f, 3f);
  }

  @Test
  void erfValuesAndGradient() {
    Tensor x = Tensor.of(-2f, -0.5f, 0f, 0.5f, 1f, 3f);
    TestTensors.assertClose(
        Ops.erf(x),
        -0.9953222650f,
        -0.5204998778f,
        0f,
        0.5204998778f,
        0.8427007929f,
        0.9999779095f);
    GradientCheck.checkUnary(Ops::erf, TestTensors.rand(1, 2, 3));
  }
}
