package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.ops.Ops;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.GradientCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bidirectional: masked numbers against a numpy reference of Keras's semantics, merge modes,
 * states, masks passed on, Keras's weight paths and config, gradients, and errors. (Unmasked
 * numbers against Keras: the golden cases bilstm_* and keras-js wrappers.Bidirectional.*.)
 */
class BidirectionalTest {
  private static final int B = 2;
  private static final int T = 4;
  private static final int F = 3;
  private static final int U = 2;

  /** x_i = 0.1 * ((5i mod 13) - 6), shape [2, 4, 3]. */
  private static Tensor x() {
    float[] v = new float[B * T * F];
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.1f * (((i * 5) % 13) - 6);
    }
    return Tensor.of(v, B, T, F);
  }

  /** The second sequence has its steps 1 and 3 masked. */
  private static Tensor mask() {
    return Ops.notEqual(Tensor.of(new float[] {1, 1, 1, 1, 1, 0, 1, 0}, B, T), Tensor.scalar(0f));
  }

  /** Weights in get_weights order, w_k = 0.1 * ((7k mod 11) - 5) counted over all of them. */
  private static void setWeights(Layer layer) {
    List<Tensor> ws = new ArrayList<>();
    int k = 0;
    for (Variable v : layer.weights()) {
      float[] a = new float[(int) io.keras4j.Shapes.size(v.shape())];
      for (int i = 0; i < a.length; i++, k++) {
        a[i] = 0.1f * (((k * 7) % 11) - 5);
      }
      ws.add(Tensor.of(a, v.shape()));
    }
    layer.setWeights(ws);
  }

  private static Bidirectional built(Bidirectional b) {
    b.build(-1, T, F);
    setWeights(b);
    return b;
  }

  private static List<Tensor> masked(Layer layer, Tensor x) {
    return layer.callEager(List.of(x), CallContext.of(false, Arrays.asList(mask())));
  }

  @Test
  void maskedSequencesMatchNumpyReference() {
    // numpy: SimpleRNN forward over steps 0..3 and backward over 3..0, masked steps keep the state
    // and output zeros (Bidirectional forces zero_output_for_mask with return_sequences), the
    // backward outputs flipped back in time, then concatenated.
    Bidirectional b = built(new Bidirectional(new SimpleRNN(U).returnSequences(true)));
    float[] expected = {
      0.254296f,
      -0.658409f,
      -0.557664f,
      0.572695f,
      0.466104f,
      -0.719941f,
      -0.587614f,
      0.535213f,
      0.349100f,
      -0.426804f,
      -0.198546f,
      0.119952f,
      0.080189f,
      -0.280331f,
      -0.158649f,
      0.129273f,
      -0.089758f,
      -0.623065f,
      -0.589289f,
      0.243353f,
      0f,
      0f,
      0f,
      0f,
      -0.116150f,
      -0.639259f,
      -0.515359f,
      0.178081f,
      0f,
      0f,
      0f,
      0f
    };
    Tensor y = masked(b, x()).get(0);
    assertArrayEquals(new int[] {B, T, 2 * U}, y.shape());
    assertArrayEquals(expected, y.toFloatArray(), 1e-5f);
    // The mask passes on with the sequence.
    Tensor m = b.computeMask(List.of(x()), List.of(mask())).get(0);
    assertArrayEquals(mask().toFloatArray(), Ops.cast(m, io.keras4j.DType.FLOAT32).toFloatArray());
  }

  @Test
  void maskedLastOutputsSumMatchNumpyReference() {
    Bidirectional b = built(new Bidirectional(new SimpleRNN(U)).mergeMode("sum"));
    Tensor y = masked(b, x()).get(0);
    assertArrayEquals(
        new float[] {-0.477475f, 0.292364f, -0.705439f, -0.395905f}, y.toFloatArray(), 1e-5f);
    assertNull(b.computeMask(List.of(x()), List.of(mask())).get(0));
  }

  @Test
  void mergeModesCombineTheTwoDirections() {
    Bidirectional none =
        built(new Bidirectional(new LSTM(U).returnSequences(true)).mergeMode(null));
    List<Tensor> both = none.callEager(List.of(x()), CallContext.inference());
    assertEquals(2, both.size());
    float[] f = both.get(0).toFloatArray();
    float[] r = both.get(1).toFloatArray();
    for (String mode : List.of("concat", "sum", "mul", "ave")) {
      Bidirectional b = built(new Bidirectional(new LSTM(U).returnSequences(true)).mergeMode(mode));
      float[] y = b.apply(x()).toFloatArray();
      for (int i = 0; i < f.length; i++) {
        int row = i / U;
        int col = i % U;
        float want =
            switch (mode) {
              case "concat" -> f[i];
              case "sum" -> f[i] + r[i];
              case "mul" -> f[i] * r[i];
              default -> (f[i] + r[i]) / 2;
            };
        float got = mode.equals("concat") ? y[row * 2 * U + col] : y[i];
        assertEquals(want, got, 1e-6f, mode + " at " + i);
        if (mode.equals("concat")) {
          assertEquals(r[i], y[row * 2 * U + U + col], 1e-6f, "concat backward half at " + i);
        }
      }
    }
    // The backward output is flipped back in time: it equals the backward layer's own output
    // reversed.
    float[] own = none.backwardLayer().apply(x()).toFloatArray();
    for (int bt = 0; bt < B; bt++) {
      for (int t = 0; t < T; t++) {
        for (int u = 0; u < U; u++) {
          assertEquals(own[(bt * T + (T - 1 - t)) * U + u], r[(bt * T + t) * U + u], 1e-6f);
        }
      }
    }
  }

  @Test
  void returnStateGivesBothDirectionsStatesAndTakesInitialStates() {
    Bidirectional b = built(new Bidirectional(new LSTM(U).returnState(true)));
    List<Tensor> out = b.callEager(List.of(x()), CallContext.inference());
    assertEquals(5, out.size()); // output, forward h and c, backward h and c
    assertArrayEquals(new int[] {B, 2 * U}, out.get(0).shape());
    float[] y = out.get(0).toFloatArray();
    float[] hf = out.get(1).toFloatArray();
    float[] hb = out.get(3).toFloatArray();
    for (int bt = 0; bt < B; bt++) {
      for (int u = 0; u < U; u++) {
        assertEquals(hf[bt * U + u], y[bt * 2 * U + u], 1e-6f);
        assertEquals(hb[bt * U + u], y[bt * 2 * U + U + u], 1e-6f);
      }
    }
    assertEquals(5, b.computeOutputShapes(List.of(new int[] {-1, T, F})).size());
    assertEquals(5, b.computeMask(List.of(x()), List.of(mask())).size());
    // Initial states: the forward layer's first half, the backward layer's second.
    Tensor h0 = Tensor.full(0.3f, B, U);
    Tensor c0 = Tensor.full(-0.2f, B, U);
    List<Tensor> withStates = b.callEager(List.of(x(), h0, c0, c0, h0), CallContext.inference());
    float[] expectF =
        b.forwardLayer()
            .callEager(List.of(x(), h0, c0), CallContext.inference())
            .get(0)
            .toFloatArray();
    float[] expectB =
        b.backwardLayer()
            .callEager(List.of(x(), c0, h0), CallContext.inference())
            .get(0)
            .toFloatArray();
    float[] got = withStates.get(0).toFloatArray();
    for (int bt = 0; bt < B; bt++) {
      for (int u = 0; u < U; u++) {
        assertEquals(expectF[bt * U + u], got[bt * 2 * U + u], 1e-6f);
        assertEquals(expectB[bt * U + u], got[bt * 2 * U + U + u], 1e-6f);
      }
    }
    IllegalArgumentException odd =
        assertThrows(
            IllegalArgumentException.class,
            () -> b.callEager(List.of(x(), h0, c0, c0), CallContext.inference()));
    assertTrue(odd.getMessage().contains("Received: 3 initial state(s)"), odd.getMessage());
  }

  @Test
  void weightsAreNamedAsKerasAndConfigHasKerasKeys() {
    Bidirectional b = new Bidirectional(new LSTM(4).name("lstm"));
    b.name("bidirectional");
    b.build(-1, -1, 3);
    List<String> paths = b.weights().stream().map(Variable::path).toList();
    assertEquals(
        List.of(
            "bidirectional/forward_lstm/lstm_cell/kernel",
            "bidirectional/forward_lstm/lstm_cell/recurrent_kernel",
            "bidirectional/forward_lstm/lstm_cell/bias",
            "bidirectional/backward_lstm/lstm_cell/kernel",
            "bidirectional/backward_lstm/lstm_cell/recurrent_kernel",
            "bidirectional/backward_lstm/lstm_cell/bias"),
        paths);
    assertEquals(2 * 4 * (3 * 4 + 4 * 4 + 4), b.countParams());
    Map<String, Object> c = b.getConfig();
    assertEquals(
        List.of("name", "trainable", "dtype", "merge_mode", "layer", "backward_layer"),
        new ArrayList<>(c.keySet()));
    assertEquals("concat", c.get("merge_mode"));
    @SuppressWarnings("unchecked")
    Map<String, Object> back =
        (Map<String, Object>) ((Map<String, Object>) c.get("backward_layer")).get("config");
    assertEquals("backward_lstm", back.get("name"));
    assertEquals(true, back.get("go_backwards"));
    Bidirectional copy =
        (Bidirectional) LayerRegistry.create("Bidirectional", Json.readObject(Json.write(c)));
    assertEquals(Json.write(c), Json.write(copy.getConfig()));
  }

  @Test
  void layerChecksShapesConfigRoundTripAndGradients() {
    for (String mode : List.of("concat", "sum", "mul", "ave")) {
      LayerTestCase.of(new Bidirectional(new GRU(3).returnSequences(true)).mergeMode(mode))
          .inputs(LayerTestCase.random(5, 2, 3, 2))
          .expectedOutputShape(2, 3, mode.equals("concat") ? 6 : 3)
          .run();
    }
    LayerTestCase.of(new Bidirectional(new LSTM(2)))
        .inputs(LayerTestCase.random(6, 2, 3, 2))
        .expectedOutputShape(2, 4)
        .run();
  }

  @Test
  void gradientsThroughMaskedSequences() {
    Bidirectional b = built(new Bidirectional(new LSTM(U).returnSequences(true)));
    Tensor r = LayerTestCase.random(7, B, T, 2 * U);
    GradientCheck.check(xs -> Ops.sum(Ops.multiply(masked(b, xs.get(0)).get(0), r)), x());
  }

  @Test
  void aBackwardLayerIsUsedAsGiven() {
    SimpleRNN back = new SimpleRNN(U).goBackwards(true);
    back.name("my_back");
    Bidirectional b = new Bidirectional(new SimpleRNN(U)).backwardLayer(back);
    assertTrue(b.backwardLayer() == back);
    b.build(-1, T, F);
    assertEquals(2 * (F * U + U * U + U), b.countParams());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Bidirectional(new SimpleRNN(U)).backwardLayer(new SimpleRNN(U)));
    assertTrue(e.getMessage().contains("go_backwards"), e.getMessage());
    IllegalArgumentException seq =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Bidirectional(new SimpleRNN(U))
                    .backwardLayer(new SimpleRNN(U).goBackwards(true).returnSequences(true)));
    assertTrue(seq.getMessage().contains("forward_layer.return_sequences=false"), seq.getMessage());
  }

  @Test
  void badArgumentsNameTheLayerArgumentAndValue() {
    IllegalArgumentException dense =
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new Dense(3)));
    assertTrue(dense.getMessage().contains("Bidirectional"), dense.getMessage());
    assertTrue(dense.getMessage().contains("(Dense)"), dense.getMessage());
    IllegalArgumentException mode =
        assertThrows(
            IllegalArgumentException.class, () -> new Bidirectional(new LSTM(2)).mergeMode("max"));
    assertTrue(mode.getMessage().contains("Received: merge_mode=max"), mode.getMessage());
    Bidirectional b = new Bidirectional(new LSTM(2));
    IllegalArgumentException rank =
        assertThrows(IllegalArgumentException.class, () -> b.apply(Tensor.zeros(2, 3)));
    assertTrue(rank.getMessage().contains("rank 3"), rank.getMessage());
    assertFalse(b.isBuilt());
  }

  @Test
  void inAFunctionalModelWithAnEmbeddingMaskAndJsonRoundTrip() {
    KerasTensor in = Input.of(io.keras4j.DType.INT32, -1);
    KerasTensor e = new Embedding(10, 3).maskZero(true).apply(in);
    KerasTensor h = new Bidirectional(new GRU(2).returnSequences(true)).apply(e);
    KerasTensor y = new Bidirectional(new SimpleRNN(2)).mergeMode("ave").apply(h);
    Model model = new Model(in, y);
    Tensor ids = Tensor.ofInts(new int[] {1, 2, 3, 0, 4, 0, 0, 0}, 2, 4);
    Tensor out = model.predict(ids, io.keras4j.testing.Quiet.predict());
    // Padding at the end changes nothing: the same rows without it give the same outputs.
    Tensor shortOut =
        model.predict(
            Tensor.ofInts(new int[] {1, 2, 3, 4, 0, 0}, 2, 3), io.keras4j.testing.Quiet.predict());
    assertArrayEquals(shortOut.toFloatArray(), out.toFloatArray(), 1e-6f);
    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    assertArrayEquals(
        out.toFloatArray(),
        copy.predict(ids, io.keras4j.testing.Quiet.predict()).toFloatArray(),
        0f);
  }

  @Test
  void statefulCarriesBothDirectionsStatesUntilReset() {
    Bidirectional b = new Bidirectional(new LSTM(U).stateful(true));
    b.build(B, T, F);
    setWeights(b);
    float[] first = b.apply(x()).toFloatArray();
    float[] second = b.apply(x()).toFloatArray();
    assertFalse(Arrays.equals(first, second), "the second call starts from the carried states");
    b.resetStates();
    assertArrayEquals(first, b.apply(x()).toFloatArray(), 0f);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new Bidirectional(new LSTM(2)).resetStates());
    assertTrue(e.getMessage().contains("Received: stateful=false"), e.getMessage());
  }

  @Test
  void statesOfBothDirectionsFeedADecoderInAFunctionalModel() {
    KerasTensor in = Input.of(-1, F);
    List<KerasTensor> enc = new Bidirectional(new LSTM(U).returnState(true)).applyAll(List.of(in));
    assertEquals(5, enc.size());
    assertArrayEquals(new int[] {-1, 2 * U}, enc.get(0).shape());
    KerasTensor h = new Concatenate().apply(enc.get(1), enc.get(3));
    KerasTensor c = new Concatenate().apply(enc.get(2), enc.get(4));
    KerasTensor dec = new LSTM(2 * U).returnSequences(true).apply(in, h, c);
    List<KerasTensor> pair =
        new Bidirectional(new SimpleRNN(U).returnSequences(true))
            .mergeMode(null)
            .applyAll(List.of(dec));
    assertEquals(2, pair.size());
    assertArrayEquals(new int[] {-1, -1, U}, pair.get(1).shape());
    Model model = new Model(List.of(in), pair);
    List<Tensor> out = model.predict(List.of(x()), io.keras4j.testing.Quiet.predict());
    assertEquals(2, out.size());
    assertArrayEquals(new int[] {B, T, U}, out.get(1).shape());
    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    List<Tensor> again = copy.predict(List.of(x()), io.keras4j.testing.Quiet.predict());
    assertArrayEquals(out.get(0).toFloatArray(), again.get(0).toFloatArray(), 0f);
    assertArrayEquals(out.get(1).toFloatArray(), again.get(1).toFloatArray(), 0f);
  }

  @Test
  void wrapsAGenericRnnOverACellAndRefusesAnUnregisteredOne() {
    Bidirectional b = new Bidirectional(new RNN(new GRUCell(U)).returnSequences(true));
    assertArrayEquals(new int[] {B, T, 2 * U}, b.apply(x()).shape());
    assertTrue(b.backwardLayer().goBackwards());
    RnnCell plain =
        new RnnCell() {
          @Override
          public int[] stateSize() {
            return new int[] {F};
          }

          @Override
          public int outputSize() {
            return F;
          }

          @Override
          public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
            Tensor s = Ops.add(states.get(0), input);
            return List.of(s, s);
          }
        };
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Bidirectional(new RNN(plain)));
    assertTrue(e.getMessage().contains("Bidirectional"), e.getMessage());
  }

  @Test
  void loadsTheKeras21ConfigOfBidirectionalLstmH5() {
    // keras_models/dl4j/tfjs_reference/bidirectional_lstm_tensorflow_2.h5 (Keras 2.1.3) writes
    // this model_config (a Sequential as a list, the LSTM with implementation 1 and hard_sigmoid).
    String json =
        "{\"class_name\": \"Sequential\", \"config\": [{\"class_name\": \"Bidirectional\","
            + " \"config\": {\"name\": \"bidirectional_1\", \"trainable\": true,"
            + " \"batch_input_shape\": [null, 4, 10], \"dtype\": \"float32\", \"layer\":"
            + " {\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_1\", \"trainable\":"
            + " true, \"return_sequences\": true, \"return_state\": false, \"go_backwards\":"
            + " false, \"stateful\": false, \"unroll\": false, \"units\": 10, \"activation\":"
            + " \"tanh\", \"recurrent_activation\": \"hard_sigmoid\", \"use_bias\": true,"
            + " \"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\":"
            + " {\"scale\": 1.0, \"mode\": \"fan_avg\", \"distribution\": \"uniform\","
            + " \"seed\": null}}, \"recurrent_initializer\": {\"class_name\": \"Orthogonal\","
            + " \"config\": {\"gain\": 1.0, \"seed\": null}}, \"bias_initializer\":"
            + " {\"class_name\": \"Zeros\", \"config\": {}}, \"unit_forget_bias\": true,"
            + " \"kernel_regularizer\": null, \"recurrent_regularizer\": null,"
            + " \"bias_regularizer\": null, \"activity_regularizer\": null,"
            + " \"kernel_constraint\": null, \"recurrent_constraint\": null,"
            + " \"bias_constraint\": null, \"dropout\": 0.0, \"recurrent_dropout\": 0.0,"
            + " \"implementation\": 1}}, \"merge_mode\": \"concat\"}}]}";
    Model model = Models.modelFromJson(json);
    assertEquals(2 * 4 * (10 * 10 + 10 * 10 + 10), model.countParams());
    Bidirectional b = (Bidirectional) model.layers().get(0);
    assertEquals("forward_lstm_1", b.forwardLayer().name());
    assertEquals("backward_lstm_1", b.backwardLayer().name());
    // Both copies keep Keras 2's hard sigmoid, 0.2x+0.5 (not Keras 3's relu6(x+3)/6).
    assertTrue(((LSTMCell) b.forwardLayer().cell()).usesKeras2HardSigmoid());
    assertTrue(((LSTMCell) b.backwardLayer().cell()).usesKeras2HardSigmoid());
    Tensor y = model.predict(Tensor.ones(2, 4, 10), io.keras4j.testing.Quiet.predict());
    assertArrayEquals(new int[] {2, 4, 20}, y.shape());
  }
}
