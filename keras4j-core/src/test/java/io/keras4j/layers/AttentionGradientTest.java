package io.keras4j.layers;

import static io.keras4j.layers.AttentionLayersTest.val;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.GradientCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference gradients of the attention layers with masks (query, value, causal and
 * explicit), dropout in training, and a Keras 2 config.
 */
class AttentionGradientTest {
  private static final Tensor QM = Tensor.of(new float[] {1, 1, 0, 1, 1, 1, 0, 1}, 2, 4);
  private static final Tensor VM = Tensor.of(new float[] {1, 0, 1, 1, 1, 1, 1, 1, 1, 0}, 2, 5);

  @Test
  void attentionGradientsWithMasks() {
    Attention a = new Attention(true, "concat");
    Attention causal = new Attention(true).useCausalMask(true);
    AdditiveAttention add = new AdditiveAttention();
    CallContext ctx = CallContext.of(false, List.of(QM, VM));
    for (Attention layer : List.of(a, causal, add)) {
      GradientCheck.check(
          xs -> layer.callEager(xs, ctx).get(0), val(0.1, 2, 4, 3), val(0.7, 2, 5, 3));
    }
  }

  @Test
  void multiHeadGradientsWithMasksOnBothPaths() {
    Tensor am = Tensor.of(new float[] {1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1}, 1, 4, 4);
    Tensor vm = Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
    CallContext ctx = CallContext.of(false, List.of(QM, vm));
    MultiHeadAttention fused = new MultiHeadAttention(2, 2).useCausalMask(true);
    MultiHeadAttention explicit =
        new MultiHeadAttention(2, 2).valueDim(3).returnAttentionScores(true);
    GroupedQueryAttention gqa = new GroupedQueryAttention(2, 2, 1).useCausalMask(true);
    for (HeadAttention<?> layer : List.<HeadAttention<?>>of(fused, explicit, gqa)) {
      GradientCheck.check(
          xs -> layer.attend(xs, am, ctx).get(0), val(0.4, 2, 4, 3), val(1.2, 2, 4, 3));
    }
    // The scores' gradient too (explicit path, masked weights are 0).
    GradientCheck.check(
        xs -> explicit.attend(xs, am, ctx).get(1), val(0.4, 2, 4, 3), val(1.2, 2, 4, 3));
  }

  @Test
  void multiHeadDropoutActsOnTheWeightsInTrainingOnly() {
    Tensor q = val(0.2, 2, 4, 5);
    Tensor v = val(1.1, 2, 6, 5);
    MultiHeadAttention m = new MultiHeadAttention(2, 3).dropout(0.5).seed(3);
    m.returnAttentionScores(true);
    List<Tensor> inference = m.callEager(List.of(q, v), CallContext.inference());
    List<Tensor> training = m.callEager(List.of(q, v), CallContext.of(true));
    // Keras returns the scores before dropout.
    assertArrayEquals(inference.get(1).toFloatArray(), training.get(1).toFloatArray(), 1e-6f);
    assertTrue(
        !Arrays.equals(inference.get(0).toFloatArray(), training.get(0).toFloatArray()),
        "dropout changes the output in training");
    List<Tensor> again = m.callEager(List.of(q, v), CallContext.inference());
    assertArrayEquals(inference.get(0).toFloatArray(), again.get(0).toFloatArray(), 0f);
  }

  @Test
  void readsTheKeras2AttentionConfigOfKerasAttentionH5() {
    // keras_models/dl4j/no_reference/keras-attention.h5 (Keras 2.11) writes this config.
    String json =
        "{\"name\": \"attention\", \"trainable\": true, \"dtype\": \"float32\", \"dropout\": 0.2,"
            + " \"use_scale\": false, \"score_mode\": \"dot\"}";
    Attention a = (Attention) LayerRegistry.create("Attention", Json.readObject(json));
    assertEquals(0.2, a.dropout());
    assertEquals("dot", a.scoreMode());
    assertTrue(!a.useScale());
  }
}
