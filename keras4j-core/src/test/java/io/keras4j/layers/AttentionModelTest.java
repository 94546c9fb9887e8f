package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.ops.Ops;
import io.keras4j.testing.Quiet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attention layers inside models: masks from an Embedding, JSON round trip, training. */
class AttentionModelTest {
  private static final Tensor IDS =
      Tensor.ofInts(new int[][] {{1, 2, 3, 0, 0}, {4, 0, 5, 6, 7}, {8, 9, 0, 0, 0}});

  @Test
  void embeddingMasksReachMultiHeadAttentionAndTheModelRoundTrips() {
    KerasTensor ids = Input.of(DType.INT32, 5);
    Embedding emb = new Embedding(10, 6).maskZero(true);
    MultiHeadAttention mha = new MultiHeadAttention(2, 3).useCausalMask(true);
    KerasTensor x = emb.apply(ids);
    Model model = new Model(ids, mha.apply(x, x));
    Tensor y = model.predict(IDS, Quiet.predict());

    Tensor e = emb.apply(IDS);
    Tensor m = Ops.notEqual(IDS, Tensor.scalar(0f));
    Tensor expected = mha.callEager(List.of(e, e), CallContext.of(false, List.of(m, m))).get(0);
    Tensor unmasked = mha.callEager(List.of(e, e), CallContext.inference()).get(0);
    assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-6f);
    assertTrue(
        !java.util.Arrays.equals(unmasked.toFloatArray(), y.toFloatArray()),
        "the mask changes the output");

    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    assertArrayEquals(y.toFloatArray(), copy.predict(IDS, Quiet.predict()).toFloatArray(), 0f);
  }

  @Test
  void aSmallAttentionModelTrains() {
    io.keras4j.Keras.setRandomSeed(42);
    KerasTensor q = Input.of(4, 3);
    KerasTensor v = Input.of(5, 3);
    KerasTensor a = new Attention(true).apply(q, v);
    KerasTensor h = new MultiHeadAttention(2, 4).dropout(0.1).seed(1).apply(a, v);
    KerasTensor g = new GroupedQueryAttention(2, 2, 1).apply(h, h);
    KerasTensor out = new Dense(1).apply(new GlobalAveragePooling1D().apply(g));
    Model model = new Model(List.of(q, v), List.of(out));
    model.compile(new io.keras4j.optimizers.Adam(0.03), "mse");
    Tensor xq = AttentionLayersTest.val(0.5, 32, 4, 3);
    Tensor xv = AttentionLayersTest.val(1.5, 32, 5, 3);
    Tensor target = Ops.sum(Ops.reshape(xq, 32, 12), new int[] {1}, true);
    var history = model.fit(List.of(xq, xv), target, Quiet.fit().epochs(30).batchSize(8));
    List<Double> loss = history.get("loss");
    assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "loss falls: " + loss.toString());
  }
}
