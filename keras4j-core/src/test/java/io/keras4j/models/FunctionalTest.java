package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.testing.Quiet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionalTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
    Keras.setRandomSeed(1);
  }

  private static Tensor x(int rows, int cols) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) Math.sin(0.7 * i + 0.1);
    }
    return Tensor.of(d, rows, cols);
  }

  /** Row-major matrix product plus bias, in double precision: the reference for Dense. */
  static float[] dense(float[] in, int rows, int inDim, Tensor kernel, Tensor bias, boolean relu) {
    float[] w = kernel.toFloatArray();
    float[] b = bias.toFloatArray();
    int units = b.length;
    float[] out = new float[rows * units];
    for (int r = 0; r < rows; r++) {
      for (int u = 0; u < units; u++) {
        double s = b[u];
        for (int k = 0; k < inDim; k++) {
          s += (double) in[r * inDim + k] * w[k * units + u];
        }
        out[r * units + u] = (float) (relu ? Math.max(0, s) : s);
      }
    }
    return out;
  }

  @Test
  void functionalChainComputesDenseFormula() {
    KerasTensor inputs = Input.of(4);
    Dense d1 = new Dense(3, "relu");
    Dense d2 = new Dense(2);
    KerasTensor out = d2.apply(d1.apply(inputs));
    Model model = new Model(inputs, out);
    Tensor data = x(5, 4);
    float[] h = dense(data.toFloatArray(), 5, 4, d1.kernel().numpy(), d1.bias().numpy(), true);
    float[] expected = dense(h, 5, 3, d2.kernel().numpy(), d2.bias().numpy(), false);
    assertArrayEquals(expected, model.predict(data, Quiet.predict()).toFloatArray(), 1e-5f);
    assertArrayEquals(new int[] {-1, 2}, out.shape());
  }

  @Test
  void sharedLayerSharesWeights() {
    KerasTensor a = Input.of("a", 3);
    KerasTensor b = Input.of("b", 3);
    Dense shared = new Dense(2);
    Model model = new Model(List.of(a, b), List.of(shared.apply(a), shared.apply(b)));
    assertEquals(2, model.getWeights().size());
    assertEquals(8, model.countParams());
    Tensor xa = x(2, 3);
    Tensor xb = Tensor.of(new float[] {1, 0, 0, 0, 1, 0}, 2, 3);
    List<Tensor> out = model.predict(List.of(xa, xb), Quiet.predict());
    float[] ea =
        dense(xa.toFloatArray(), 2, 3, shared.kernel().numpy(), shared.bias().numpy(), false);
    float[] eb =
        dense(xb.toFloatArray(), 2, 3, shared.kernel().numpy(), shared.bias().numpy(), false);
    assertArrayEquals(ea, out.get(0).toFloatArray(), 1e-6f);
    assertArrayEquals(eb, out.get(1).toFloatArray(), 1e-6f);
    assertEquals(2, shared.inboundNodes().size());
  }

  @Test
  void modelUsedAsLayer() {
    KerasTensor in = Input.of(3);
    Dense inner = new Dense(2, "relu");
    Model encoder = new Model(in, inner.apply(in), "encoder");
    KerasTensor outerIn = Input.of(3);
    Dense head = new Dense(1);
    KerasTensor y = head.apply(encoder.apply(outerIn));
    Model outer = new Model(outerIn, y);
    assertEquals(List.of("input_layer_1", "encoder", "dense_1"), names(outer.layers()));
    assertEquals(8 + 3, outer.countParams());
    Tensor data = x(4, 3);
    float[] h =
        dense(data.toFloatArray(), 4, 3, inner.kernel().numpy(), inner.bias().numpy(), true);
    float[] e = dense(h, 4, 2, head.kernel().numpy(), head.bias().numpy(), false);
    assertArrayEquals(e, outer.predict(data, Quiet.predict()).toFloatArray(), 1e-5f);
    assertSame(encoder, outer.getLayer("encoder"));
  }

  @Test
  void automaticNamesFollowKeras() {
    Dense a = new Dense(1);
    Dense b = new Dense(1);
    b.name("custom");
    Dense c = new Dense(1);
    assertEquals("dense", a.name());
    assertEquals("custom", b.name());
    assertEquals("dense_1", c.name());
    assertEquals("input_layer", Input.of(2).layer().name());
    assertEquals("input_layer_1", Input.of(2).layer().name());
  }

  @Test
  void layersAreOrderedByDepthThenTraversal() {
    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(30, "relu").name("h1").apply(deep);
    h = new Dense(30, "relu").name("h2").apply(h);
    KerasTensor o1 = new Dense(1).name("output_1").apply(h);
    KerasTensor o2 = new Dense(1).name("output_2").apply(wide);
    Model model = new Model(List.of(wide, deep), List.of(o1, o2));
    // Keras: depth first (deep is 3 layers from an output, wide 1), ties in traversal order.
    assertEquals(
        List.of("deep", "h1", "h2", "wide", "output_1", "output_2"), names(model.layers()));
    assertEquals(List.of("output_1", "output_2"), model.outputNames());
    assertTrue(model.layers().get(0) instanceof InputLayer);
  }

  @Test
  void weightsFollowKerasOrderAndSetWeightsRoundTrips() {
    var seq = new Sequential(new Dense(3).inputShape(2), new Dense(1));
    List<Tensor> w = seq.getWeights();
    assertEquals(4, w.size());
    assertArrayEquals(new int[] {2, 3}, w.get(0).shape());
    assertArrayEquals(new int[] {3}, w.get(1).shape());
    assertArrayEquals(new int[] {3, 1}, w.get(2).shape());
    assertArrayEquals(new int[] {1}, w.get(3).shape());
    List<Tensor> fresh =
        List.of(Tensor.ones(2, 3), Tensor.full(0.5f, 3), Tensor.ones(3, 1), Tensor.zeros(1));
    seq.setWeights(fresh);
    // 2 inputs of 1 -> hidden 2 + 0.5 = 2.5 each -> output 7.5
    assertArrayEquals(
        new float[] {7.5f}, seq.predict(Tensor.ones(1, 2), Quiet.predict()).toFloatArray(), 1e-6f);
    List<Tensor> copy = seq.getWeights();
    assertNotSame(copy.get(0), seq.getWeights().get(0));
  }

  @Test
  void jsonRoundTripKeepsTopologyAndPredictions() {
    KerasTensor a = Input.of("a", 3);
    KerasTensor b = Input.of("b", 2);
    Dense shared = new Dense(4, "tanh");
    shared.name("shared");
    KerasTensor ha = shared.apply(a);
    KerasTensor out = new Dense(1).name("out").apply(ha);
    KerasTensor side = new Dense(2, "softmax").name("side").apply(b);
    Model model = new Model(List.of(a, b), List.of(out, side), "two_towers");
    String json = model.toJson();
    Model copy = Models.modelFromJson(json);
    copy.setWeights(model.getWeights());
    assertEquals("two_towers", copy.name());
    assertEquals(names(model.layers()), names(copy.layers()));
    assertEquals(json, copy.toJson());
    List<Tensor> in = List.of(x(3, 3), x(3, 2));
    List<Tensor> p1 = model.predict(in, Quiet.predict());
    List<Tensor> p2 = copy.predict(in, Quiet.predict());
    assertArrayEquals(p1.get(0).toFloatArray(), p2.get(0).toFloatArray(), 0f);
    assertArrayEquals(p1.get(1).toFloatArray(), p2.get(1).toFloatArray(), 0f);
  }

  @Test
  void sequentialJsonRoundTrip() {
    var seq = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(2, "softmax"));
    Model copy = Models.modelFromJson(seq.toJson());
    assertTrue(copy instanceof Sequential);
    copy.setWeights(seq.getWeights());
    Tensor data = x(2, 3);
    assertArrayEquals(
        seq.predict(data, Quiet.predict()).toFloatArray(),
        copy.predict(data, Quiet.predict()).toFloatArray(),
        0f);
    assertEquals(seq.toJson(), copy.toJson());
  }

  static List<String> names(List<Layer> layers) {
    return layers.stream().map(Layer::name).toList();
  }
}
