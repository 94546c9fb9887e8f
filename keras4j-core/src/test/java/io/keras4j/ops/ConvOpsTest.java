package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import io.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * {@code Ops.conv}, {@code convTranspose}, {@code depthwiseConv} and {@code separableConv}: values
 * against {@link ConvRef} (Keras's padding rules and the jax backend's transposed convolution) and
 * gradients through the tape against finite differences, for strides, dilation, padding
 * valid/same/causal, groups and channels_first.
 */
class ConvOpsTest {
  private static final float TOL = 2e-4f;

  private static int[] i(int... v) {
    return v;
  }

  private static void assertNear(Tensor expected, Tensor actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    float[] e = expected.toFloatArray();
    float[] a = actual.toFloatArray();
    for (int j = 0; j < e.length; j++) {
      float tol = TOL + 1e-5f * Math.abs(e[j]);
      if (!(Math.abs(a[j] - e[j]) <= tol)) {
        throw new AssertionError(what + ": at " + j + " expected " + e[j] + ", actual " + a[j]);
      }
    }
  }

  /** (batch, spatial..., c) to (batch, c, spatial...) and back, for channels_first cases. */
  private static Tensor first(Tensor x) {
    return ConvOps.toChannelsFirst(x);
  }

  @Test
  void convMatchesKerasPaddingRules() {
    Tensor x2 = rand(1, 2, 7, 6, 3);
    Tensor k2 = rand(2, 3, 2, 3, 4);
    for (String pad : new String[] {"valid", "same"}) {
      for (int[] s : new int[][] {{1, 1}, {2, 2}, {3, 2}}) {
        assertNear(
            ConvRef.conv(x2, k2, s, pad, i(1, 1)),
            Ops.conv(x2, k2, s, pad, null, i(1)),
            "conv2d " + pad + " strides " + s[0] + "," + s[1]);
      }
      assertNear(
          ConvRef.conv(x2, k2, i(1, 1), pad, i(2, 2)),
          Ops.conv(x2, k2, i(1), pad, "channels_last", i(2)),
          "conv2d dilated " + pad);
    }
    Tensor x1 = rand(3, 2, 9, 2);
    Tensor k1 = rand(4, 3, 2, 3);
    assertNear(
        ConvRef.conv(x1, k1, i(1), "causal", i(2)),
        Ops.conv(x1, k1, i(1), "causal", null, i(2)),
        "conv1d causal dilated");
    Tensor x3 = rand(5, 1, 4, 5, 3, 2);
    Tensor k3 = rand(6, 2, 3, 2, 2, 3);
    assertNear(
        ConvRef.conv(x3, k3, i(2, 1, 2), "same", i(1, 1, 1)),
        Ops.conv(x3, k3, i(2, 1, 2), "same", null, i(1)),
        "conv3d same strides");
  }

  @Test
  void convInfersGroupsFromTheKernel() {
    Tensor x = rand(7, 2, 5, 5, 6);
    Tensor k = rand(8, 3, 3, 2, 9); // 6 channels / 2 = 3 groups of 3 filters
    Tensor y = Ops.conv(x, k, i(1), "same", null, i(1));
    assertNear(ConvRef.conv(x, k, i(1, 1), "same", i(1, 1)), y, "grouped conv");
    var e = assertThrows(IllegalArgumentException.class, () -> Ops.conv(x, rand(9, 3, 3, 4, 4)));
    assertTrue(e.getMessage().contains("input channels=6"), e.getMessage());
  }

  @Test
  void channelsFirstIsTheTransposeOfChannelsLast() {
    Tensor x = rand(10, 2, 6, 5, 3);
    Tensor k = rand(11, 3, 3, 3, 4);
    Tensor last = Ops.conv(x, k, i(2), "same", null, i(1));
    Tensor cf = Ops.conv(first(x), k, i(2), "same", "channels_first", i(1));
    assertNear(first(last), cf, "conv channels_first");
    Tensor kt = rand(12, 3, 3, 4, 3);
    assertNear(
        first(Ops.convTranspose(x, kt, i(2), "same", null, null, i(1))),
        Ops.convTranspose(first(x), kt, i(2), "same", null, "channels_first", i(1)),
        "conv_transpose channels_first");
  }

  @Test
  void convTransposeMatchesTheJaxDefinition() {
    Tensor x = rand(13, 2, 4, 3, 2);
    for (String pad : new String[] {"valid", "same"}) {
      for (int[] k : new int[][] {{3, 3}, {2, 3}, {4, 1}}) {
        Tensor w = rand(14, k[0], k[1], 5, 2);
        for (int[] s : new int[][] {{1, 1}, {2, 2}, {3, 2}}) {
          String what = "conv_transpose " + pad + " k " + k[0] + "x" + k[1] + " s " + s[0] + s[1];
          assertNear(
              ConvRef.convTranspose(x, w, s, pad, null, i(1, 1)),
              Ops.convTranspose(x, w, s, pad, null, null, i(1)),
              what);
          int[] op = {s[0] - 1, 0};
          assertNear(
              ConvRef.convTranspose(x, w, s, pad, op, i(1, 1)),
              Ops.convTranspose(x, w, s, pad, op, null, i(1)),
              what + " output_padding " + op[0] + "," + op[1]);
        }
      }
      Tensor w = rand(15, 3, 2, 5, 2);
      assertNear(
          ConvRef.convTranspose(x, w, i(1, 1), pad, null, i(2, 3)),
          Ops.convTranspose(x, w, i(1), pad, null, null, i(2, 3)),
          "conv_transpose dilated " + pad);
    }
    Tensor x1 = rand(16, 1, 5, 3);
    Tensor w1 = rand(17, 4, 2, 3);
    assertNear(
        ConvRef.convTranspose(x1, w1, i(3), "same", null, i(1)),
        Ops.convTranspose(x1, w1, 3, "same"),
        "conv1d_transpose");
    Tensor x3 = rand(18, 1, 2, 3, 2, 2);
    Tensor w3 = rand(19, 2, 3, 2, 3, 2);
    assertNear(
        ConvRef.convTranspose(x3, w3, i(2, 1, 2), "valid", null, i(1, 1, 1)),
        Ops.convTranspose(x3, w3, i(2, 1, 2), "valid", null, null, i(1)),
        "conv3d_transpose");
  }

  @Test
  void depthwiseAndSeparableMatchTheReference() {
    Tensor x = rand(20, 2, 6, 5, 3);
    Tensor dk = rand(21, 3, 3, 3, 2);
    for (String pad : new String[] {"valid", "same"}) {
      assertNear(
          ConvRef.depthwise(x, dk, i(2, 1), pad, i(1, 1)),
          Ops.depthwiseConv(x, dk, i(2, 1), pad, null, i(1)),
          "depthwise " + pad);
    }
    Tensor pk = rand(22, 1, 1, 6, 4);
    Tensor expected =
        ConvRef.conv(
            ConvRef.depthwise(x, dk, i(2, 2), "same", i(1, 1)), pk, i(1, 1), "valid", i(1, 1));
    assertNear(expected, Ops.separableConv(x, dk, pk, 2, "same"), "separable");
  }

  @Test
  void badArgumentsNameTheArgument() {
    Tensor x = rand(23, 1, 2, 2, 1);
    var big = assertThrows(IllegalArgumentException.class, () -> Ops.conv(x, rand(24, 3, 3, 1, 1)));
    assertTrue(big.getMessage().contains("larger than the padded input"), big.getMessage());
    var pad =
        assertThrows(
            IllegalArgumentException.class, () -> Ops.conv(x, rand(24, 1, 1, 1, 1), 1, "full"));
    assertTrue(pad.getMessage().contains("Received: padding=full"), pad.getMessage());
    var causal =
        assertThrows(
            IllegalArgumentException.class, () -> Ops.conv(x, rand(24, 1, 1, 1, 1), 1, "causal"));
    assertTrue(causal.getMessage().contains("padding=causal"), causal.getMessage());
    var stride =
        assertThrows(
            IllegalArgumentException.class, () -> Ops.conv(x, rand(24, 1, 1, 1, 1), 0, "valid"));
    assertTrue(stride.getMessage().contains("strides=[0]"), stride.getMessage());
    var format =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.conv(x, rand(24, 1, 1, 1, 1), i(1), "valid", "nhwc", i(1)));
    assertTrue(format.getMessage().contains("data_format=nhwc"), format.getMessage());
    var rank = assertThrows(IllegalArgumentException.class, () -> Ops.conv(rand(25, 4, 4), x));
    assertTrue(rank.getMessage().contains("inputs.shape=(4, 4)"), rank.getMessage());
  }

  // ---- gradients through the tape ---------------------------------------------------------

  @Test
  void convGradients() {
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(2), "same", null, i(1)),
        rand(30, 2, 5, 5, 2),
        rand(31, 3, 3, 2, 3));
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(1), "valid", null, i(2, 1)),
        rand(32, 1, 6, 5, 2),
        rand(33, 2, 3, 2, 2));
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(1), "causal", null, i(2)),
        rand(34, 2, 7, 2),
        rand(35, 3, 2, 2));
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(1), "same", null, i(1)),
        rand(36, 1, 4, 4, 4),
        rand(37, 3, 3, 2, 4)); // groups 2
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(2, 1), "same", "channels_first", i(1)),
        rand(38, 2, 3, 5, 4),
        rand(39, 2, 3, 3, 2));
    GradientCheck.check(
        xs -> Ops.conv(xs.get(0), xs.get(1), i(1, 2, 1), "same", null, i(1)),
        rand(40, 1, 3, 4, 3, 2),
        rand(41, 2, 2, 2, 2, 2));
  }

  @Test
  void convTransposeGradients() {
    GradientCheck.check(
        xs -> Ops.convTranspose(xs.get(0), xs.get(1), i(2), "valid", null, null, i(1)),
        rand(42, 2, 3, 3, 2),
        rand(43, 3, 3, 2, 2));
    GradientCheck.check(
        xs -> Ops.convTranspose(xs.get(0), xs.get(1), i(2), "same", i(1), null, i(1)),
        rand(44, 1, 3, 4, 2),
        rand(45, 3, 2, 3, 2));
    GradientCheck.check(
        xs -> Ops.convTranspose(xs.get(0), xs.get(1), i(1), "same", null, null, i(2)),
        rand(46, 1, 5, 3),
        rand(47, 3, 2, 3));
    GradientCheck.check(
        xs -> Ops.convTranspose(xs.get(0), xs.get(1), i(2), "valid", i(1), "channels_first", i(1)),
        rand(48, 1, 2, 3, 3),
        rand(49, 2, 2, 3, 2));
  }

  @Test
  void depthwiseAndSeparableGradients() {
    GradientCheck.check(
        xs -> Ops.depthwiseConv(xs.get(0), xs.get(1), i(1), "same", null, i(1)),
        rand(50, 2, 5, 4, 3),
        rand(51, 3, 3, 3, 2));
    GradientCheck.check(
        xs -> Ops.depthwiseConv(xs.get(0), xs.get(1), i(2), "valid", "channels_first", i(1)),
        rand(52, 1, 2, 6, 5),
        rand(53, 2, 3, 2, 1));
    GradientCheck.check(
        xs -> Ops.separableConv(xs.get(0), xs.get(1), xs.get(2), i(2), "same", null, i(1)),
        rand(54, 1, 5, 5, 2),
        rand(55, 3, 3, 2, 2),
        rand(56, 1, 1, 4, 3));
  }

  @Test
  void fusedConvIsConvPlusBiasThenActivation() {
    Tensor x = rand(60, 2, 5, 4, 3);
    Tensor k = rand(61, 3, 3, 3, 4);
    Tensor b = rand(62, 4);
    Tensor plain = Ops.add(Ops.conv(x, k, i(2), "same", null, i(1)), b);
    assertNear(
        Ops.relu(plain),
        Ops.conv(x, k, b, FusedActivation.RELU, i(2), "same", null, i(1)),
        "fused relu");
    assertNear(
        Ops.tanh(plain),
        Ops.conv(x, k, b, FusedActivation.TANH, i(2), "same", null, i(1)),
        "fused tanh");
    assertNear(
        first(Ops.sigmoid(plain)),
        Ops.conv(first(x), k, b, FusedActivation.SIGMOID, i(2), "same", "channels_first", i(1)),
        "fused sigmoid channels_first");
    GradientCheck.check(
        xs ->
            Ops.conv(
                xs.get(0), xs.get(1), xs.get(2), FusedActivation.TANH, i(1), "valid", null, i(2)),
        rand(63, 1, 6, 5, 2),
        rand(64, 2, 2, 2, 3),
        rand(65, 3));
    GradientCheck.check(
        xs ->
            Ops.conv(
                xs.get(0),
                xs.get(1),
                xs.get(2),
                FusedActivation.SIGMOID,
                i(2),
                "same",
                "channels_first",
                i(1)),
        rand(66, 1, 2, 5, 5),
        rand(67, 3, 3, 2, 2),
        rand(68, 2));
    var groups =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Ops.conv(
                    rand(69, 1, 4, 4, 4),
                    rand(70, 3, 3, 2, 4),
                    null,
                    FusedActivation.RELU,
                    i(1),
                    "valid",
                    null,
                    i(1)));
    assertTrue(groups.getMessage().contains("no groups"), groups.getMessage());
  }
}
