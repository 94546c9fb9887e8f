package io.keras4j.layers;

import static io.keras4j.layers.AttentionLayersTest.val;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.saving.LayerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MultiHeadAttention and GroupedQueryAttention against numpy references of Keras's einsum equations
 * (python3 + numpy on the same inputs and weights, {@code sin(0.3 i + seed) * 0.9}), Keras's weight
 * shapes and order, masks (query, value, causal, explicit), attention axes, shapes, config round
 * trips, finite-difference gradients and errors.
 */
class MultiHeadAttentionTest {
  /**
   * The numpy references (computed from Keras's einsum equations), by name, from
   * multi_head_attention_reference.json next to this class.
   */
  private static final Map<String, float[]> REF = references();

  @SuppressWarnings("unchecked")
  private static Map<String, float[]> references() {
    try (InputStream in =
        MultiHeadAttentionTest.class.getResourceAsStream("multi_head_attention_reference.json")) {
      Map<String, Object> raw =
          Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, float[]> out = new HashMap<>();
      for (Map.Entry<String, Object> e : raw.entrySet()) {
        List<?> l = (List<?>) e.getValue();
        float[] v = new float[l.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = ((Number) l.get(i)).floatValue();
        }
        out.put(e.getKey(), v);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final float[] MHA_OUT = REF.get("MHA_OUT");
  private static final float[] MHA_SCORES = REF.get("MHA_SCORES");
  private static final float[] MHA_KEY_OUT = REF.get("MHA_KEY_OUT");
  private static final float[] MHA_MASK_OUT = REF.get("MHA_MASK_OUT");
  private static final float[] MHA_MASK_SCORES = REF.get("MHA_MASK_SCORES");
  private static final float[] MHA_MASK_FUSED_OUT = REF.get("MHA_MASK_FUSED_OUT");
  private static final float[] MHA_CAUSAL_OUT = REF.get("MHA_CAUSAL_OUT");
  private static final float[] MHA_CAUSAL_SCORES = REF.get("MHA_CAUSAL_SCORES");
  private static final float[] MHA_AXES2_OUT = REF.get("MHA_AXES2_OUT");
  private static final float[] MHA_AXES2_SCORES = REF.get("MHA_AXES2_SCORES");
  private static final float[] MHA_AXES12_OUT = REF.get("MHA_AXES12_OUT");
  private static final float[] MHA_AXES12_SCORES = REF.get("MHA_AXES12_SCORES");
  private static final float[] GQA_OUT = REF.get("GQA_OUT");
  private static final float[] GQA_SCORES = REF.get("GQA_SCORES");
  private static final float[] GQA_CAUSAL_OUT = REF.get("GQA_CAUSAL_OUT");

  private static final Tensor Q = val(0.2, 2, 4, 5);
  private static final Tensor V = val(1.1, 2, 6, 5);

  private static void close(float[] expected, Tensor actual) {
    assertArrayEquals(
        expected, actual.toFloatArray(), 1e-5f, () -> Arrays.toString(actual.toFloatArray()));
  }

  /** Builds the layer and sets weight i to {@code val(seed0 + 0.5 i, its shape)}, as numpy. */
  private static void setWeights(Layer layer, double seed0, List<int[]> shapes) {
    layer.maybeBuild(shapes);
    List<Tensor> ws = new ArrayList<>();
    List<Variable> vars = layer.weights();
    for (int i = 0; i < vars.size(); i++) {
      ws.add(val(seed0 + 0.5 * i, vars.get(i).shape()));
    }
    layer.setWeights(ws);
  }

  private static MultiHeadAttention mha() {
    MultiHeadAttention m = new MultiHeadAttention(2, 3);
    setWeights(m, 3.0, List.of(Q.shape(), V.shape()));
    return m;
  }

  @Test
  void weightsHaveKerasShapesAndOrder() {
    MultiHeadAttention m = new MultiHeadAttention(2, 3).valueDim(4).outputShape(7);
    m.name("mha");
    m.maybeBuild(List.of(new int[] {-1, 4, 5}, new int[] {-1, 6, 8}, new int[] {-1, 6, 3}));
    List<String> paths = m.weights().stream().map(Variable::path).toList();
    assertEquals(
        List.of(
            "mha/query/kernel",
            "mha/query/bias",
            "mha/key/kernel",
            "mha/key/bias",
            "mha/value/kernel",
            "mha/value/bias",
            "mha/attention_output/kernel",
            "mha/attention_output/bias"),
        paths);
    int[][] shapes = {{5, 2, 3}, {2, 3}, {3, 2, 3}, {2, 3}, {8, 2, 4}, {2, 4}, {2, 4, 7}, {7}};
    for (int i = 0; i < shapes.length; i++) {
      assertArrayEquals(shapes[i], m.weights().get(i).shape(), paths.get(i));
    }
    MultiHeadAttention noBias = new MultiHeadAttention(2, 3).useBias(false);
    noBias.maybeBuild(List.of(new int[] {-1, 4, 5}, new int[] {-1, 6, 5}));
    assertEquals(4, noBias.weights().size());
    // query, key, value: 5*2*3 + 2*3 each; output: 2*3*5 + 5.
    assertEquals(3 * (30 + 6) + 30 + 5, mha().countParams());
  }

  @Test
  void selfAndCrossAttentionMatchNumpy() {
    MultiHeadAttention m = mha();
    close(MHA_OUT, m.callEager(List.of(Q, V), CallContext.inference()).get(0));
    MultiHeadAttention s = new MultiHeadAttention(2, 3).returnAttentionScores(true);
    setWeights(s, 3.0, List.of(Q.shape(), V.shape()));
    List<Tensor> out = s.callEager(List.of(Q, V), CallContext.inference());
    assertArrayEquals(new int[] {2, 2, 4, 6}, ShapeRefs.of(out.get(1)));
    close(MHA_OUT, out.get(0));
    close(MHA_SCORES, out.get(1));
    MultiHeadAttention k = new MultiHeadAttention(2, 3).valueDim(4).outputShape(7);
    Tensor key = val(2.2, 2, 6, 3);
    setWeights(k, 4.0, List.of(Q.shape(), V.shape(), key.shape()));
    Tensor y = k.callEager(List.of(Q, V, key), CallContext.inference()).get(0);
    assertArrayEquals(new int[] {2, 4, 7}, ShapeRefs.of(y));
    close(MHA_KEY_OUT, y);
  }

  @Test
  void queryAndValueMasksOnBothKerasPaths() {
    Tensor qm = Tensor.of(new float[] {1, 1, 1, 0, 1, 0, 1, 1}, 2, 4);
    Tensor vm = Tensor.of(new float[] {1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0}, 2, 6);
    MultiHeadAttention s = new MultiHeadAttention(2, 3).returnAttentionScores(true);
    setWeights(s, 3.0, List.of(Q.shape(), V.shape()));
    List<Tensor> out = s.callEager(List.of(Q, V), CallContext.of(false, List.of(qm, vm)));
    close(MHA_MASK_OUT, out.get(0));
    close(MHA_MASK_SCORES, out.get(1));
    List<Tensor> masks = s.computeMask(List.of(Q, V), List.of(qm, vm));
    assertArrayEquals(qm.toFloatArray(), masks.get(0).toFloatArray(), 0f);
    assertNull(masks.get(1));
    // Without scores Keras takes dot_product_attention: a masked query row is uniform, not 0.
    Tensor fused = mha().callEager(List.of(Q, V), CallContext.of(false, List.of(qm, vm))).get(0);
    close(MHA_MASK_FUSED_OUT, fused);
  }

  @Test
  void causalAndExplicitAttentionMask() {
    Tensor x = val(0.9, 2, 4, 5);
    Tensor am =
        Tensor.of(
            new float[] {
              1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
              1, 0, 1
            },
            2,
            4,
            4);
    MultiHeadAttention s =
        new MultiHeadAttention(2, 3).useCausalMask(true).returnAttentionScores(true);
    setWeights(s, 3.0, List.of(x.shape(), x.shape()));
    List<Tensor> out = s.attend(List.of(x, x), am, CallContext.inference());
    close(MHA_CAUSAL_OUT, out.get(0));
    close(MHA_CAUSAL_SCORES, out.get(1));
  }

  @Test
  void attentionAxesOfRank4Inputs() {
    Tensor q4 = val(0.6, 2, 3, 4, 5);
    Tensor v4 = val(1.7, 2, 3, 2, 5);
    MultiHeadAttention a =
        new MultiHeadAttention(2, 3).attentionAxes(2).returnAttentionScores(true);
    setWeights(a, 3.0, List.of(q4.shape(), v4.shape()));
    List<Tensor> out = a.callEager(List.of(q4, v4), CallContext.inference());
    assertArrayEquals(new int[] {2, 3, 2, 4, 2}, ShapeRefs.of(out.get(1)));
    close(MHA_AXES2_OUT, out.get(0));
    close(MHA_AXES2_SCORES, out.get(1));
    Tensor v4b = val(2.7, 2, 2, 3, 5);
    MultiHeadAttention b = new MultiHeadAttention(2, 3).returnAttentionScores(true);
    setWeights(b, 3.0, List.of(q4.shape(), v4b.shape()));
    out = b.callEager(List.of(q4, v4b), CallContext.inference());
    assertArrayEquals(new int[] {2, 2, 3, 4, 2, 3}, ShapeRefs.of(out.get(1)));
    assertArrayEquals(
        ShapeRefs.of(out.get(1)), b.computeOutputShapes(List.of(q4.shape(), v4b.shape())).get(1));
    close(MHA_AXES12_OUT, out.get(0));
    close(MHA_AXES12_SCORES, out.get(1));
    assertEquals(List.of(1, 2), b.getConfig().get("attention_axes"));
  }

  @Test
  void groupedQueryAttentionMatchesNumpy() {
    Tensor q = val(0.3, 2, 4, 6);
    Tensor v = val(1.4, 2, 5, 6);
    GroupedQueryAttention g = new GroupedQueryAttention(3, 4, 2).returnAttentionScores(true);
    g.name("gqa");
    setWeights(g, 5.0, List.of(q.shape(), v.shape()));
    int[][] shapes = {{6, 4, 3}, {4, 3}, {6, 2, 3}, {2, 3}, {6, 2, 3}, {2, 3}, {4, 3, 6}, {6}};
    for (int i = 0; i < shapes.length; i++) {
      assertArrayEquals(shapes[i], g.weights().get(i).shape());
    }
    assertEquals("gqa/attention_output/kernel", g.weights().get(6).path());
    List<Tensor> out = g.callEager(List.of(q, v), CallContext.inference());
    close(GQA_OUT, out.get(0));
    close(GQA_SCORES, out.get(1));
    Tensor vm = Tensor.of(new float[] {1, 1, 1, 0, 1, 0, 1, 1}, 2, 4);
    Tensor v44 = slice4(v);
    GroupedQueryAttention c = new GroupedQueryAttention(3, 4, 2).useCausalMask(true);
    setWeights(c, 5.0, List.of(q.shape(), v44.shape()));
    Tensor y = c.callEager(List.of(q, v44), CallContext.of(false, Arrays.asList(null, vm))).get(0);
    close(GQA_CAUSAL_OUT, y);
  }

  /** The first 4 steps of a (2, 5, 6) tensor. */
  private static Tensor slice4(Tensor v) {
    float[] a = v.toFloatArray();
    float[] out = new float[2 * 4 * 6];
    for (int b = 0; b < 2; b++) {
      System.arraycopy(a, b * 30, out, b * 24, 24);
    }
    return Tensor.of(out, 2, 4, 6);
  }

  @Test
  void layerTestShapesConfigAndGradients() {
    LayerTestCase.of(new MultiHeadAttention(2, 3)).inputs(Q, V).expectedOutputShape(2, 4, 5).run();
    LayerTestCase.of(new MultiHeadAttention(2, 2).valueDim(3).outputShape(3, 2).useCausalMask(true))
        .inputs(val(0.9, 2, 4, 5), val(1.9, 2, 4, 4), val(2.9, 2, 4, 3))
        .expectedOutputShape(2, 4, 3, 2)
        .run();
    LayerTestCase.of(new MultiHeadAttention(1, 2).attentionAxes(2).useBias(false))
        .inputs(val(0.6, 1, 2, 3, 4), val(1.7, 1, 2, 2, 4))
        .run();
    LayerTestCase.of(new GroupedQueryAttention(2, 4, 2).dropout(0.3).seed(5))
        .inputs(val(0.3, 2, 3, 4), val(1.4, 2, 5, 4))
        .expectedOutputShape(2, 3, 4)
        .run();
  }

  @Test
  void symbolicShapesAndConfigRoundTrip() {
    KerasTensor q = Input.of(7, 8);
    KerasTensor v = Input.of(9, 6);
    List<KerasTensor> out =
        new MultiHeadAttention(4, 2).returnAttentionScores(true).applyAll(List.of(q, v));
    assertArrayEquals(new int[] {-1, 7, 8}, out.get(0).shape());
    assertArrayEquals(new int[] {-1, 4, 7, 9}, out.get(1).shape());
    MultiHeadAttention m =
        new MultiHeadAttention(4, 2)
            .valueDim(3)
            .dropout(0.1)
            .outputShape(5)
            .kernelInitializer("he_normal")
            .kernelRegularizer("l2")
            .biasConstraint("non_neg")
            .seed(11);
    var c = m.getConfig();
    assertEquals(4, c.get("num_heads"));
    assertEquals(2, c.get("key_dim"));
    assertEquals(3, c.get("value_dim"));
    assertEquals(List.of(5), c.get("output_shape"));
    assertNull(c.get("attention_axes"));
    assertEquals(11L, c.get("seed"));
    String json = Json.write(c);
    assertEquals(
        json,
        Json.write(LayerRegistry.create("MultiHeadAttention", Json.readObject(json)).getConfig()));
    var g = new GroupedQueryAttention(2, 4, 1).activityRegularizer("l1").getConfig();
    String gj = Json.write(g);
    assertEquals(
        gj,
        Json.write(LayerRegistry.create("GroupedQueryAttention", Json.readObject(gj)).getConfig()));
    assertEquals(1, g.get("num_key_value_heads"));
  }

  @Test
  void activityPenaltyGoesToTheProjections() {
    MultiHeadAttention m = new MultiHeadAttention(2, 3).activityRegularizer("l2");
    setWeights(m, 3.0, List.of(Q.shape(), V.shape()));
    m.callEager(List.of(Q, V), CallContext.inference());
    assertEquals(4, m.losses().size());
  }

  @Test
  void errorsNameLayerArgumentAndShapes() {
    var e = assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(0, 3));
    assertTrue(e.getMessage().contains("num_heads=0"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> new GroupedQueryAttention(2, 3, 2));
    assertTrue(e2.getMessage().contains("num_query_heads=3"), e2.getMessage());
    GroupedQueryAttention g = new GroupedQueryAttention(2, 4, 2);
    g.name("gqa");
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.callEager(List.of(val(0, 2, 3, 4), val(1, 2, 5, 6)), CallContext.inference()));
    assertTrue(e3.getMessage().contains("'gqa'"), e3.getMessage());
    assertTrue(e3.getMessage().contains("(2, 3, 4)") && e3.getMessage().contains("(2, 5, 6)"));
    assertTrue(!g.isBuilt());
    MultiHeadAttention m = new MultiHeadAttention(2, 3);
    var e4 =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.apply(Input.of(4, 5), Input.of(6, 5), Input.of(7, 5)));
    assertTrue(e4.getMessage().contains("value_shape=(None, 6, 5)"), e4.getMessage());
    var e5 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MultiHeadAttention(2, 3).apply(Input.of(4, 5), Input.of(6, 3, 5)));
    assertTrue(e5.getMessage().contains("same rank"), e5.getMessage());
    var e6 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new MultiHeadAttention(2, 3)
                    .attentionAxes(3)
                    .apply(Input.of(4, 5), Input.of(6, 5)));
    assertTrue(e6.getMessage().contains("attention_axes=[3]"), e6.getMessage());
  }
}
