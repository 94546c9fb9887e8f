package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertShape;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.grid;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static io.keras4j.ops.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class BinaryOpsTest {

  record Op(String name, BinaryOperator<Tensor> op, DoubleBinaryOperator ref, boolean positive) {}

  static final List<Op> OPS =
      List.of(
          new Op("add", Ops::add, Double::sum, false),
          new Op("subtract", Ops::subtract, (x, y) -> x - y, false),
          new Op("multiply", Ops::multiply, (x, y) -> x * y, false),
          new Op("divide", Ops::divide, (x, y) -> x / y, false),
          new Op("power", Ops::power, Math::pow, true),
          new Op("maximum", Ops::maximum, Math::max, false),
          new Op("minimum", Ops::minimum, Math::min, false));

  /** Pairs of shapes that broadcast: equal, row bias, scalar, both sides, rank change. */
  static final int[][][] SHAPES = {
    {{2, 3}, {2, 3}},
    {{2, 3}, {3}},
    {{3}, {2, 3}},
    {{2, 3}, {}},
    {{}, {2, 3}},
    {{2, 1}, {1, 3}},
    {{2, 1, 3}, {4, 1}},
    {{37}, {37}},
    {{3, 37}, {37}},
  };

  /** Numpy broadcasting, written independently of the library: by multi-index. */
  static float[] reference(Tensor a, Tensor b, DoubleBinaryOperator f) {
    int[] so = Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    float[] out = new float[(int) Shapes.size(so)];
    for (int i = 0; i < out.length; i++) {
      int[] idx = new int[so.length];
      for (int d = so.length - 1, r = i; d >= 0; d--) {
        idx[d] = r % so[d];
        r /= so[d];
      }
      out[i] = (float) f.applyAsDouble(at(a, idx), at(b, idx));
    }
    return out;
  }

  private static float at(Tensor t, int[] outIdx) {
    int[] s = ShapeRefs.of(t);
    int[] idx = new int[s.length];
    for (int d = 0; d < s.length; d++) {
      int od = outIdx[outIdx.length - s.length + d];
      idx[d] = s[d] == 1 ? 0 : od;
    }
    return t.getFloat(idx);
  }

  @TestFactory
  Stream<DynamicTest> forwardMatchesElementwiseFormula() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : OPS) {
      for (int[][] s : SHAPES) {
        String name = op.name + " " + Shapes.toString(s[0]) + " " + Shapes.toString(s[1]);
        tests.add(
            dynamicTest(
                name,
                () -> {
                  Tensor a = op.positive ? uniform(1, 0.5, 2, s[0]) : rand(1, s[0]);
                  Tensor b = op.positive ? uniform(2, -1.5, 1.5, s[1]) : rand(2, s[1]);
                  Tensor y = op.op.apply(a, b);
                  assertShape(y, Shapes.broadcast(s[0], s[1]));
                  assertClose(y, reference(a, b, op.ref));
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> gradientsWithBroadcasting() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : OPS) {
      for (int[][] s : SHAPES) {
        if (s[0].length > 0 && s[0][s[0].length - 1] == 37) {
          continue; // the long vectors test the kernels' tails, not the gradients
        }
        String name = op.name + " " + Shapes.toString(s[0]) + " " + Shapes.toString(s[1]);
        tests.add(
            dynamicTest(
                name,
                () -> {
                  boolean kink = op.name.startsWith("m") && !op.name.equals("multiply");
                  Tensor a =
                      op.positive
                          ? uniform(3, 0.5, 2, s[0])
                          : kink ? grid(3, 0.2, s[0]) : rand(3, s[0]);
                  Tensor b =
                      op.positive
                          ? uniform(4, -1.5, 1.5, s[1])
                          : kink ? grid(4, 0.4, s[1]) : rand(4, s[1]);
                  GradientCheck.check(xs -> op.op.apply(xs.get(0), xs.get(1)), a, b);
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void handComputedValues() {
    Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = Tensor.of(10f, 20f, 30f);
    assertTensor(Ops.add(a, b), shape(2, 3), 11, 22, 33, 14, 25, 36);
    assertTensor(Ops.subtract(b, a), shape(2, 3), 9, 18, 27, 6, 15, 24);
    assertTensor(Ops.multiply(a, 2f), shape(2, 3), 2, 4, 6, 8, 10, 12);
    assertTensor(
        Ops.divide(a, Tensor.of(new float[] {2, 4}, 2, 1)),
        shape(2, 3),
        .5f,
        1,
        1.5f,
        1,
        1.25f,
        1.5f);
    assertTensor(Ops.power(a, 2f), shape(2, 3), 1, 4, 9, 16, 25, 36);
    assertTensor(Ops.maximum(a, Tensor.scalar(3.5f)), shape(2, 3), 3.5f, 3.5f, 3.5f, 4, 5, 6);
    assertTensor(Ops.minimum(a, Tensor.scalar(3.5f)), shape(2, 3), 1, 2, 3, 3.5f, 3.5f, 3.5f);
    assertTensor(Ops.add(a, 1f), shape(2, 3), 2, 3, 4, 5, 6, 7);
  }

  @Test
  void intInputsComputeInFloat() {
    Tensor a = Tensor.ofInts(new int[] {1, 2, 3}, 3);
    assertClose(Ops.divide(a, Tensor.ofInts(new int[] {2}, 1)), 0.5f, 1f, 1.5f);
  }

  @Test
  void maximumTiesSendTheGradientToTheFirstArgument() {
    Tensor a = Tensor.of(1f, 2f);
    Tensor b = Tensor.of(1f, 3f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a).watch(b);
      List<Tensor> g = tape.gradient(Ops.maximum(a, b), List.of(a, b));
      assertClose(g.get(0), 1f, 0f);
      assertClose(g.get(1), 0f, 1f);
    }
  }

  @Test
  void powerGradientOfExponentIsZeroForNonPositiveBase() {
    Tensor a = Tensor.of(0f, -2f, 2f);
    Tensor b = Tensor.of(2f, 2f, 3f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(a).watch(b);
      List<Tensor> g = tape.gradient(Ops.power(a, b), List.of(a, b));
      assertClose(g.get(0), 0f, -4f, 12f);
      assertClose(g.get(1), 0f, 0f, (float) (8 * Math.log(2)));
    }
  }

  @Test
  void incompatibleShapesAreRejectedNamingBoth() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Ops.add(Tensor.zeros(2, 3), Tensor.zeros(4)));
    assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"));
  }
}
