package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.saving.LayerRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreLayersTest {

  @Test
  void denseComputesWithFixedWeights() {
    Dense d = new Dense(2, "relu");
    d.build(-1, 3);
    d.setWeights(
        List.of(Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), Tensor.of(0.5f, -0.5f)));
    Tensor y = d.apply(Tensor.of(new float[][] {{1, 0, -1}, {2, 1, 0}}));
    // x @ k = [[-4, -4], [5, 8]]; + bias = [[-3.5, -4.5], [5.5, 7.5]]; relu.
    assertValues(new float[] {0, 0, 5.5f, 7.5f}, y);
  }

  @Test
  void denseRunsTheLayerTestCase() {
    LayerTestCase.of(new Dense(3).activation("tanh"))
        .inputs(random(1, 2, 4))
        .expectedOutputShape(2, 3)
        .run();
    LayerTestCase.of(new Dense(2)).inputs(random(2, 2, 3, 4)).expectedOutputShape(2, 3, 2).run();
  }

  @Test
  void denseRejectsBadArgumentsAndLateOptions() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Dense(0));
    assertTrue(e.getMessage().contains("Received: units=0"), e.getMessage());
    Dense d = new Dense(2);
    d.build(-1, 3);
    var late = assertThrows(IllegalStateException.class, () -> d.useBias(false));
    assertTrue(late.getMessage().contains("useBias"), late.getMessage());
    assertTrue(late.getMessage().contains(d.name()), late.getMessage());
  }

  @Test
  void densePassesTheMaskOfLeadingAxes() {
    Dense d = new Dense(2);
    Tensor mask = Tensor.of(new float[] {1, 0}, 1, 2);
    List<Tensor> out = d.computeMask(List.of(Tensor.zeros(1, 2, 3)), List.of(mask));
    assertTrue(out.get(0) == mask);
  }

  @Test
  void activationAppliesByNameAndPassesMasks() {
    Tensor x = Tensor.of(new float[][] {{-1, 0.5f}, {2, -3}});
    assertValues(new float[] {0, 0.5f, 2, 0}, new Activation("relu").apply(x));
    Tensor sm =
        new Activation("softmax").apply(Tensor.of(new float[][] {{0, (float) Math.log(3)}}));
    assertValues(new float[] {0.25f, 0.75f}, sm);
    Tensor mask = Tensor.of(1f, 0f);
    assertTrue(new Activation("tanh").computeMask(List.of(x), List.of(mask)).get(0) == mask);
    LayerTestCase.of(new Activation("sigmoid")).inputs(random(3, 2, 5)).run();
  }

  @Test
  void activationRejectsUnknownNames() {
    assertThrows(IllegalArgumentException.class, () -> new Activation("no_such_activation"));
  }

  private static Embedding embeddingWithTable() {
    Embedding e = new Embedding(5, 2);
    e.build(-1, 3);
    e.setWeights(List.of(Tensor.of(new float[][] {{0, 0}, {1, 2}, {3, 4}, {5, 6}, {7, 8}})));
    return e;
  }

  @Test
  void embeddingLooksUpRows() {
    Embedding e = embeddingWithTable();
    Tensor y = e.apply(Tensor.ofInts(new int[][] {{1, 0, 4}, {2, 2, 0}}));
    assertArrayEquals(new int[] {2, 3, 2}, y.shape());
    assertValues(new float[] {1, 2, 0, 0, 7, 8, 3, 4, 3, 4, 0, 0}, y);
    // Float ids are truncated to int32, as Keras casts them.
    Tensor f = e.apply(Tensor.of(new float[] {3f, 1f, 4f}, 1, 3));
    assertValues(new float[] {5, 6, 1, 2, 7, 8}, f);
  }

  @Test
  void embeddingMasksZeroIds() {
    Embedding e = new Embedding(5, 2).maskZero(true);
    Tensor ids = Tensor.ofInts(new int[][] {{1, 0, 4}, {0, 2, 3}});
    Tensor mask = e.computeMask(List.of(ids), List.of()).get(0);
    assertValues(new float[] {1, 0, 1, 0, 1, 1}, mask);
    assertArrayEquals(new int[] {2, 3}, mask.shape());
    assertNull(new Embedding(5, 2).computeMask(List.of(ids), List.of()).get(0));
  }

  @Test
  void embeddingNamesAnOutOfRangeId() {
    Embedding e = embeddingWithTable();
    var high =
        assertThrows(
            IllegalArgumentException.class, () -> e.apply(Tensor.ofInts(new int[][] {{1, 5, 0}})));
    assertTrue(high.getMessage().contains("id 5"), high.getMessage());
    assertTrue(high.getMessage().contains("[0, 1]"), high.getMessage());
    assertTrue(high.getMessage().contains("input_dim=5"), high.getMessage());
    assertTrue(high.getMessage().contains(e.name()), high.getMessage());
    assertThrows(IllegalArgumentException.class, () -> e.apply(Tensor.ofInts(new int[][] {{-1}})));
    var bad = assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 4));
    assertTrue(bad.getMessage().contains("Received: input_dim=0"), bad.getMessage());
  }

  @Test
  void embeddingDefaultsToUniformAndRunsTheLayerTestCase() {
    Embedding e = new Embedding(7, 3).maskZero(true);
    Tensor ids = Tensor.ofInts(new int[][] {{1, 6, 0}, {2, 2, 5}});
    Tensor y = LayerTestCase.of(e).inputs(ids).expectedOutputShape(2, 3, 3).run();
    assertEquals(21, e.countParams());
    for (float v : e.getWeights().get(0).toFloatArray()) {
      assertTrue(Math.abs(v) <= 0.05f, "uniform(-0.05, 0.05): " + v);
    }
    assertValues(
        e.getWeights().get(0).toFloatArray(),
        e.apply(Tensor.ofInts(new int[][] {{0, 1, 2, 3, 4, 5, 6}})));
    assertEquals(3, y.dim(-1));
    @SuppressWarnings("unchecked")
    Map<String, Object> init = (Map<String, Object>) e.getConfig().get("embeddings_initializer");
    assertEquals("RandomUniform", init.get("class_name"));
  }

  @Test
  void embeddingReadsKeras2Configs() {
    String keras2 =
        "{\"name\": \"embedding_1\", \"trainable\": true, \"batch_input_shape\": [null, 10],"
            + " \"dtype\": \"float32\", \"input_dim\": 100, \"output_dim\": 8,"
            + " \"embeddings_initializer\": {\"class_name\": \"RandomUniform\", \"config\":"
            + " {\"minval\": -0.05, \"maxval\": 0.05, \"seed\": null}},"
            + " \"embeddings_regularizer\": null, \"activity_regularizer\": null,"
            + " \"embeddings_constraint\": null, \"mask_zero\": true, \"input_length\": 10}";
    Embedding e = (Embedding) LayerRegistry.create("Embedding", Json.readObject(keras2));
    assertEquals(100, e.inputDim());
    assertEquals(8, e.outputDim());
    assertTrue(e.maskZero());
    assertEquals("embedding_1", e.name());
    assertArrayEquals(new int[] {-1, 10}, e.batchInputShape());
    assertTrue(!e.getConfig().containsKey("input_length"));
  }

  @Test
  void embeddingOptionsAreFrozenOnceBuilt() {
    Embedding e = embeddingWithTable();
    var late = assertThrows(IllegalStateException.class, () -> e.maskZero(true));
    assertTrue(late.getMessage().contains("maskZero"), late.getMessage());
  }
}
