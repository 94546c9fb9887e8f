package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The convolution layers: shapes (symbolic, eager, computeOutputShape), config round trips and
 * finite-difference gradients of inputs and weights ({@link LayerTestCase}) for strides, dilation,
 * padding valid/same/causal, groups, depth multipliers and channels_first; values against the ops
 * plus bias; Keras's weight shapes and parameter counts; and errors naming the layer, the argument
 * and the received value.
 */
class ConvLayersTest {

  @Test
  void conv1d() {
    LayerTestCase.of(new Conv1D(3, 3).activation("tanh"))
        .inputs(random(1, 2, 7, 2))
        .expectedOutputShape(2, 5, 3)
        .run();
    LayerTestCase.of(new Conv1D(2, 3).padding("causal").dilationRate(2))
        .inputs(random(2, 2, 7, 2))
        .expectedOutputShape(2, 7, 2)
        .run();
    LayerTestCase.of(new Conv1D(4, 2).strides(2).padding("same").groups(2))
        .inputs(random(3, 1, 7, 4))
        .expectedOutputShape(1, 4, 4)
        .run();
    LayerTestCase.of(new Conv1D(2, 3).dataFormat("channels_first"))
        .inputs(random(4, 2, 3, 6))
        .expectedOutputShape(2, 2, 4)
        .run();
  }

  @Test
  void causalOutputsNeverSeeTheFuture() {
    Conv1D conv = new Conv1D(2, 3).padding("causal");
    Tensor x = random(5, 1, 6, 1);
    float[] before = conv.apply(x).toFloatArray();
    float[] changed = x.toFloatArray();
    changed[4] += 1f; // time step 4
    float[] after = conv.apply(Tensor.of(changed, 1, 6, 1)).toFloatArray();
    for (int t = 0; t < 6; t++) {
      for (int f = 0; f < 2; f++) {
        int j = t * 2 + f;
        if (t < 4) {
          assertEquals(before[j], after[j], 0f, "causal output at t=" + t);
        }
      }
    }
    assertTrue(before[8] != after[8], "t=4 sees its own input");
  }

  @Test
  void conv2d() {
    LayerTestCase.of(new Conv2D(3, 3).padding("same").strides(2))
        .inputs(random(6, 2, 5, 5, 2))
        .expectedOutputShape(2, 3, 3, 3)
        .run();
    LayerTestCase.of(new Conv2D(2, new int[] {2, 3}).dilationRate(2, 1))
        .inputs(random(7, 1, 6, 5, 2))
        .expectedOutputShape(1, 4, 3, 2)
        .run();
    LayerTestCase.of(new Conv2D(4, 3).groups(2).padding("same").useBias(false))
        .inputs(random(8, 1, 4, 4, 4))
        .expectedOutputShape(1, 4, 4, 4)
        .run();
    LayerTestCase.of(new Conv2D(2, 3).dataFormat("channels_first").strides(1, 2).padding("same"))
        .inputs(random(9, 2, 3, 5, 5))
        .expectedOutputShape(2, 2, 5, 3)
        .run();
  }

  @Test
  void conv3d() {
    LayerTestCase.of(new Conv3D(2, 2).padding("same").strides(2, 1, 1))
        .inputs(random(10, 1, 3, 4, 3, 2))
        .expectedOutputShape(1, 2, 4, 3, 2)
        .run();
    LayerTestCase.of(new Conv3D(2, new int[] {2, 1, 2}).dataFormat("channels_first"))
        .inputs(random(11, 1, 2, 3, 3, 3))
        .expectedOutputShape(1, 2, 2, 3, 2)
        .run();
  }

  @Test
  void transposedConvolutions() {
    LayerTestCase.of(new Conv1DTranspose(2, 3).strides(2))
        .inputs(random(12, 2, 4, 3))
        .expectedOutputShape(2, 9, 2)
        .run();
    LayerTestCase.of(new Conv2DTranspose(3, 3).strides(2).padding("same"))
        .inputs(random(13, 1, 3, 2, 2))
        .expectedOutputShape(1, 6, 4, 3)
        .run();
    LayerTestCase.of(new Conv2DTranspose(2, 3).strides(2).outputPadding(1).padding("valid"))
        .inputs(random(14, 1, 2, 3, 2))
        .expectedOutputShape(1, 6, 8, 2)
        .run();
    LayerTestCase.of(new Conv2DTranspose(2, 2).dilationRate(2).dataFormat("channels_first"))
        .inputs(random(15, 1, 2, 3, 3))
        .expectedOutputShape(1, 2, 5, 5)
        .run();
    LayerTestCase.of(new Conv3DTranspose(2, 2).strides(2, 1, 1))
        .inputs(random(16, 1, 2, 2, 2, 2))
        .expectedOutputShape(1, 4, 3, 3, 2)
        .run();
  }

  @Test
  void depthwiseAndSeparable() {
    LayerTestCase.of(new DepthwiseConv1D(3).depthMultiplier(2))
        .inputs(random(17, 2, 6, 3))
        .expectedOutputShape(2, 4, 6)
        .run();
    LayerTestCase.of(new DepthwiseConv2D(3).padding("same").strides(2))
        .inputs(random(18, 1, 5, 4, 3))
        .expectedOutputShape(1, 3, 2, 3)
        .run();
    LayerTestCase.of(new DepthwiseConv2D(2).depthMultiplier(2).dataFormat("channels_first"))
        .inputs(random(19, 1, 2, 4, 4))
        .expectedOutputShape(1, 4, 3, 3)
        .run();
    LayerTestCase.of(new SeparableConv1D(3, 3).depthMultiplier(2).padding("same"))
        .inputs(random(20, 2, 5, 2))
        .expectedOutputShape(2, 5, 3)
        .run();
    LayerTestCase.of(new SeparableConv2D(4, 3).strides(2).padding("same"))
        .inputs(random(21, 1, 5, 5, 2))
        .expectedOutputShape(1, 3, 3, 4)
        .run();
    LayerTestCase.of(new SeparableConv2D(2, 2).dilationRate(2).dataFormat("channels_first"))
        .inputs(random(22, 1, 3, 5, 5))
        .expectedOutputShape(1, 2, 3, 3)
        .run();
  }

  @Test
  void conv2dIsTheOpPlusBias() {
    Conv2D conv = new Conv2D(3, 2).biasInitializer("ones").activation("relu");
    Tensor x = random(23, 2, 4, 4, 2);
    Tensor y = conv.apply(x);
    Tensor expected =
        Ops.relu(Ops.add(Ops.conv(x, conv.kernel().value()), Tensor.of(new float[] {1, 1, 1})));
    assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-6f);
  }

  @Test
  void kerasWeightShapesAndTheSeedCnnCounts() {
    Conv2D c1 = new Conv2D(16, 3).padding("same").activation("relu");
    c1.inputShape(480, 680, 3);
    c1.build(-1, 480, 680, 3);
    assertArrayEquals(new int[] {3, 3, 3, 16}, c1.kernel().shape());
    assertEquals(448, c1.countParams());
    assertArrayEquals(
        new int[] {-1, 480, 680, 16}, c1.computeOutputShape(new int[] {-1, 480, 680, 3}));
    Conv2D c2 = new Conv2D(32, 3).padding("same");
    c2.build(-1, 240, 340, 16);
    assertEquals(4640, c2.countParams());
    Conv2D c3 = new Conv2D(64, 3).padding("same");
    c3.build(-1, 120, 170, 32);
    assertEquals(18496, c3.countParams());

    Conv2DTranspose t = new Conv2DTranspose(5, 3);
    t.build(-1, 4, 4, 2);
    assertArrayEquals(new int[] {3, 3, 5, 2}, t.kernel().shape());
    DepthwiseConv2D d = new DepthwiseConv2D(3).depthMultiplier(2);
    d.build(-1, 4, 4, 3);
    assertEquals("kernel", d.kernel().name());
    assertArrayEquals(new int[] {3, 3, 3, 2}, d.kernel().shape());
    assertEquals(3 * 3 * 3 * 2 + 6, d.countParams());
    SeparableConv2D s = new SeparableConv2D(8, 3).depthMultiplier(2);
    s.build(-1, 5, 5, 3);
    assertArrayEquals(new int[] {3, 3, 3, 2}, s.depthwiseKernel().shape());
    assertArrayEquals(new int[] {1, 1, 6, 8}, s.pointwiseKernel().shape());
    assertEquals(
        List.of("depthwise_kernel", "pointwise_kernel", "bias"),
        s.weights().stream().map(v -> v.name()).toList());
    Conv1D g = new Conv1D(6, 2).groups(3);
    g.build(-1, 5, 9);
    assertArrayEquals(new int[] {2, 3, 6}, g.kernel().shape());
  }

  @Test
  void configHasKerasKeys() {
    Map<String, Object> c =
        new Conv2D(4, new int[] {2, 3}).strides(2, 1).padding("same").getConfig();
    for (String key :
        List.of(
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "data_format",
            "dilation_rate",
            "groups",
            "activation",
            "use_bias",
            "kernel_initializer",
            "bias_initializer",
            "kernel_regularizer",
            "bias_regularizer",
            "kernel_constraint",
            "bias_constraint")) {
      assertTrue(c.containsKey(key), "missing " + key + " in " + c);
    }
    assertEquals(List.of(2, 3), c.get("kernel_size"));
    assertEquals(List.of(2, 1), c.get("strides"));
    assertEquals("channels_last", c.get("data_format"));
    Map<String, Object> s = new SeparableConv2D(4, 3).getConfig();
    for (String key :
        List.of(
            "depth_multiplier",
            "depthwise_initializer",
            "pointwise_initializer",
            "depthwise_regularizer",
            "pointwise_constraint")) {
      assertTrue(s.containsKey(key), "missing " + key + " in " + s);
    }
  }

  private static void assertError(Supplier<Object> f, String... parts) {
    var e = assertThrows(IllegalArgumentException.class, f::get);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
    }
  }

  @Test
  void badArgumentsNameTheLayerArgumentAndValue() {
    assertError(() -> new Conv2D(0, 3), "Conv2D", "filters", "Received: filters=0");
    assertError(() -> new Conv2D(2, 0), "Conv2D", "kernel_size=0");
    assertError(() -> new Conv2D(2, new int[] {3, 3, 3}), "Conv2D", "kernel_size=(3, 3, 3)");
    assertError(() -> new Conv2D(2, 3).strides(0), "Conv2D", "strides=0");
    assertError(() -> new Conv3D(2, 3).strides(1, -1, 1), "Conv3D", "strides=(1, -1, 1)");
    assertError(() -> new Conv2D(2, 3).padding("full"), "Conv2D", "padding=full");
    assertError(() -> new Conv2D(2, 3).padding("causal"), "Conv2D", "padding=causal");
    assertError(() -> new Conv2D(2, 3).dataFormat("nhwc"), "Conv2D", "data_format=nhwc");
    assertError(() -> new Conv2D(3, 3).groups(2), "Conv2D", "filters=3", "groups=2");
    assertError(
        () -> new Conv2D(2, 3).strides(2).dilationRate(2), "Conv2D", "dilation_rate=(2, 2)");
    assertError(() -> new DepthwiseConv2D(3).depthMultiplier(0), "depth_multiplier=0");
    assertError(() -> new SeparableConv2D(-1, 3), "SeparableConv2D", "filters=-1");
    assertError(
        () -> new Conv2DTranspose(2, 3).strides(2).outputPadding(2).apply(random(1, 1, 3, 3, 1)),
        "output_padding=(2, 2)");

    Conv2D big = new Conv2D(2, 5).name("big_conv");
    assertError(
        () -> big.apply(random(24, 1, 3, 3, 1)),
        "'big_conv'",
        "Conv2D",
        "larger than the padded input",
        "input_shape=(1, 3, 3, 1)");
    assertTrue(!big.isBuilt(), "a failed build leaves the layer unbuilt");
    Conv2D rank = new Conv2D(2, 3).name("rank_conv");
    assertError(() -> rank.apply(random(25, 1, 5, 5)), "'rank_conv'", "rank 4", "(1, 5, 5)");
    Conv2D groups = new Conv2D(4, 3).groups(2).name("grouped");
    assertError(
        () -> groups.apply(random(26, 1, 5, 5, 3)), "'grouped'", "groups=2", "(1, 5, 5, 3)");
  }
}
