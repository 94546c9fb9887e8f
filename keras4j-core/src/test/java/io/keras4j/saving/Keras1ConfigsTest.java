package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras 1 configs and per-gate recurrent weights, translated as Keras 2's legacy converters. */
class Keras1ConfigsTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> layer(Map<String, Object> model, int i) {
    return (Map<String, Object>)
        ((Map<String, Object>) ((List<Object>) model.get("config")).get(i)).get("config");
  }

  @Test
  void renamesKeras1KeysOfSequentialLayers() {
    Map<String, Object> model =
        Json.readObject(
            "{\"class_name\": \"Sequential\", \"config\": ["
                + "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"l\", \"output_dim\": 4,"
                + " \"init\": \"glorot_uniform\", \"inner_init\": \"orthogonal\","
                + " \"inner_activation\": \"hard_sigmoid\", \"forget_bias_init\": \"one\","
                + " \"consume_less\": \"mem\", \"dropout_W\": 0.2, \"dropout_U\": 0.1,"
                + " \"W_regularizer\": null, \"U_regularizer\": null, \"b_regularizer\": null,"
                + " \"input_dtype\": \"float32\", \"input_dim\": 3, \"input_length\": 5}},"
                + "{\"class_name\": \"GRU\", \"config\": {\"name\": \"g\", \"output_dim\": 2}},"
                + "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"d\", \"p\": 0.5}},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"o\", \"output_dim\": 1,"
                + " \"init\": \"zero\", \"bias\": false, \"W_constraint\": null,"
                + " \"b_constraint\": null, \"input_dim\": 2}}]}");
    Map<String, Object> out = Keras1Configs.translateModel(model);
    Map<String, Object> lstm = layer(out, 0);
    assertEquals(4, lstm.get("units"));
    assertEquals("glorot_uniform", lstm.get("kernel_initializer"));
    assertEquals("orthogonal", lstm.get("recurrent_initializer"));
    assertEquals("hard_sigmoid", lstm.get("recurrent_activation"));
    assertEquals(true, lstm.get("unit_forget_bias"));
    assertEquals(1, lstm.get("implementation")); // consume_less "mem"
    assertEquals(0.2, lstm.get("dropout"));
    assertEquals(0.1, lstm.get("recurrent_dropout"));
    assertEquals("float32", lstm.get("dtype"));
    assertEquals(java.util.Arrays.asList(null, 5, 3), lstm.get("batch_input_shape"));
    for (String gone :
        List.of("output_dim", "init", "inner_init", "forget_bias_init", "input_dim", "dropout_W")) {
      assertFalse(lstm.containsKey(gone), gone);
    }
    assertTrue(lstm.containsKey("kernel_regularizer") && lstm.containsKey("recurrent_regularizer"));
    Map<String, Object> gru = layer(out, 1);
    assertEquals(2, gru.get("units"));
    assertEquals(false, gru.get("reset_after"));
    assertEquals(0, gru.get("implementation"));
    assertEquals(0.5, layer(out, 2).get("rate"));
    Map<String, Object> dense = layer(out, 3);
    assertEquals(1, dense.get("units"));
    assertEquals(false, dense.get("use_bias"));
    assertEquals("zeros", dense.get("kernel_initializer"));
    assertEquals(java.util.Arrays.asList(null, 2), dense.get("batch_input_shape"));
    assertTrue(dense.containsKey("kernel_constraint") && dense.containsKey("bias_constraint"));
    assertEquals(4, layer(model, 0).get("output_dim"), "the input map is not changed");
    // The translated layers build.
    assertEquals(4, ((io.keras4j.layers.LSTM) LayerRegistry.create("LSTM", lstm)).units());
  }

  /** Array k holds the value k in every entry, of shape (2, units) or (units). */
  private static List<Tensor> perGate(int count, int units) {
    List<Tensor> w = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int[] shape = k % 3 == 2 ? new int[] {units} : new int[] {2, units};
      w.add(Tensor.full(k, shape));
    }
    return w;
  }

  @Test
  void joinsLstmGatesInKerasOrderIfco() {
    List<Tensor> w = Keras1Configs.weights("LSTM", perGate(12, 1));
    // Keras 1 arrays: W_i U_i b_i (0-2), W_c U_c b_c (3-5), W_f U_f b_f (6-8), W_o U_o b_o (9-11).
    assertArrayEquals(new float[] {0, 6, 3, 9, 0, 6, 3, 9}, w.get(0).toFloatArray());
    assertArrayEquals(new int[] {2, 4}, w.get(0).shape());
    assertArrayEquals(new float[] {1, 7, 4, 10, 1, 7, 4, 10}, w.get(1).toFloatArray());
    assertArrayEquals(new float[] {2, 8, 5, 11}, w.get(2).toFloatArray());
  }

  @Test
  void joinsGruGatesInOrderZrh() {
    List<Tensor> w = Keras1Configs.weights("GRU", perGate(9, 1));
    assertArrayEquals(new float[] {0, 3, 6, 0, 3, 6}, w.get(0).toFloatArray());
    assertArrayEquals(new float[] {1, 4, 7, 1, 4, 7}, w.get(1).toFloatArray());
    assertArrayEquals(new float[] {2, 5, 8}, w.get(2).toFloatArray());
    List<Tensor> keras2 = perGate(3, 1);
    assertEquals(keras2, Keras1Configs.weights("GRU", keras2), "Keras 2 layouts stay as they are");
  }
}
