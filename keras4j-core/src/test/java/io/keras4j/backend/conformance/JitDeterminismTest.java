package io.keras4j.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An op gives the same bits on its first call (interpreted) and after the JIT compiled its loops:
 * otherwise a seeded training run would depend on when C2 kicked in. The Vector API's own
 * transcendental lanes and its lane-sum order differ between the two, which is why exp, tanh and
 * the lane sums are written out in {@code VectorMath}.
 */
class JitDeterminismTest {
  private static final int CALLS = 10_000;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exp",
        "log",
        "tanh",
        "sigmoid",
        "softmax",
        "logsumexp",
        "sum",
        "mean",
        "softplus",
        "expm1",
        "log1p",
        "sin",
        "cos",
        "elu",
        "selu",
        "gelu",
        "geluApprox",
        "logSigmoid",
        "erf",
        "silu",
        "crossentropy",
        "matvec"
      })
  void sameBitsBeforeAndAfterCompilation(String name) {
    Random r = new Random(1);
    float[] d = new float[1003];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (r.nextGaussian() * 3);
    }
    Tensor x = Tensor.of(d, d.length);
    Tensor rows = Tensor.of(java.util.Arrays.copyOf(d, 1000), 100, 10);
    UnaryOperator<Tensor> f =
        switch (name) {
          case "exp" -> Ops::exp;
          case "log" -> t -> Ops.log(Ops.abs(t));
          case "tanh" -> Ops::tanh;
          case "sigmoid" -> Ops::sigmoid;
          case "softmax" -> t -> Ops.softmax(rows);
          case "logsumexp" -> t -> Ops.logsumexp(rows, 1, false);
          case "sum" -> t -> Ops.sum(rows, 1);
          case "mean" -> Ops::mean;
          case "softplus" -> Ops::softplus;
          case "expm1" -> Ops::expm1;
          case "log1p" -> t -> Ops.log1p(Ops.abs(t));
          case "sin" -> Ops::sin;
          case "cos" -> Ops::cos;
          case "elu" -> t -> Ops.elu(t);
          case "selu" -> Ops::selu;
          case "gelu" -> t -> Ops.gelu(t);
          case "geluApprox" -> t -> Ops.gelu(t, true);
          case "logSigmoid" -> Ops::logSigmoid;
          case "erf" -> Ops::erf;
          case "silu" -> Ops::silu;
          case "crossentropy" -> t -> Ops.categoricalCrossentropy(Ops.softmax(rows), rows, true);
          case "matvec" ->
              t ->
                  Ops.matmul(rows, Ops.reshape(Ops.slice(t, new int[] {0}, new int[] {10}), 10, 1));
          default -> throw new IllegalArgumentException(name);
        };
    float[] first = f.apply(x).toFloatArray();
    for (int call = 1; call < CALLS; call++) {
      float[] again = f.apply(x).toFloatArray();
      if (call % 1000 == 0 || call == CALLS - 1) {
        assertArrayEquals(first, again, 0f, name + " changed its bits at call " + call);
      }
    }
  }
}
