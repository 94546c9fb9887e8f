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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SimpleRNN, LSTM, GRU, the generic RNN and StackedRNNCells against numpy references of Keras 3's
 * formulas (computed with /usr/bin/python3 from the same deterministic inputs: {@code sin(a*i+b) *
 * scale}), masks, initial states, stateful calls, configs, and the errors of bad input.
 */
class RecurrentLayersTest {
  static Tensor seqv(float scale, double a, double b, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (Math.sin(a * i + b) * scale);
    }
    return Tensor.of(v, shape);
  }

  static final Tensor X = seqv(1f, 0.37, 0.1, 2, 4, 2);
  static final Tensor MASK = Tensor.of(new float[] {1, 1, 0, 1, 1, 0, 0, 0}, 2, 4);
  static final Tensor H0 = seqv(0.5f, 0.53, 0.4, 2, 3);
  static final Tensor C0 = seqv(0.5f, 0.61, 0.8, 2, 3);

  private static List<Tensor> call(Layer layer, List<Tensor> inputs, Tensor mask) {
    List<Tensor> masks = new ArrayList<>();
    masks.add(mask);
    for (int i = 1; i < inputs.size(); i++) {
      masks.add(null);
    }
    return layer.callEager(inputs, CallContext.of(false, masks));
  }

  @Test
  void gruResetAfterWithMaskAndInitialStateMatchesNumpy() {
    GRU gru = new GRU(3).returnSequences(true).returnState(true);
    gru.build(2, 4, 2);
    assertArrayEquals(new int[] {2, 9}, gru.cellLayer().bias().shape());
    gru.setWeights(
        List.of(
            seqv(0.5f, 0.23, 0.3, 2, 9), seqv(0.5f, 0.19, 0.7, 3, 9), seqv(0.3f, 0.41, 0.2, 2, 9)));
    List<Tensor> out = call(gru, List.of(X, H0), MASK);
    assertEquals(2, out.size());
    LayerTestCase.assertValues(
        new float[] {
          0.08442534f, 0.13200957f, 0.12217366f, 0.14477447f, 0.10995176f, 0.03443714f,
          0.14477447f, 0.10995176f, 0.03443714f, 0.25545108f, 0.18933123f, 0.0881602f,
          0.39759347f, 0.2947793f, 0.13150348f, 0.39759347f, 0.2947793f, 0.13150348f,
          0.39759347f, 0.2947793f, 0.13150348f, 0.39759347f, 0.2947793f, 0.13150348f
        },
        out.get(0));
    LayerTestCase.assertValues(
        new float[] {0.25545108f, 0.18933123f, 0.0881602f, 0.39759347f, 0.2947793f, 0.13150348f},
        out.get(1));
  }

  @Test
  void lstmBackwardsWithMaskAndInitialStatesMatchesNumpy() {
    LSTM lstm = new LSTM(3).goBackwards(true).returnState(true);
    lstm.build(2, 4, 2);
    lstm.setWeights(
        List.of(
            seqv(0.5f, 0.29, 0.5, 2, 12), seqv(0.5f, 0.17, 0.9, 3, 12), seqv(0.3f, 0.31, 0.6, 12)));
    List<Tensor> out = call(lstm, List.of(X, H0, C0), MASK);
    float[] h = {0.10324506f, 0.09574933f, 0.06559842f, 0.17809612f, 0.05260993f, -0.06193021f};
    LayerTestCase.assertValues(h, out.get(0));
    LayerTestCase.assertValues(h, out.get(1));
    LayerTestCase.assertValues(
        new float[] {0.21108742f, 0.19989012f, 0.13872348f, 0.3947084f, 0.12198655f, -0.15652825f},
        out.get(2));
  }

  @Test
  void stackedCellsMatchNumpy() {
    RNN rnn =
        new RNN(List.of(new SimpleRNNCell(3).activation("relu"), new GRUCell(2).resetAfter(false)))
            .returnSequences(true);
    rnn.build(2, 4, 2);
    rnn.setWeights(
        List.of(
            seqv(0.5f, 0.23, 0.3, 2, 3),
            seqv(0.5f, 0.19, 0.7, 3, 3),
            seqv(0.3f, 0.41, 0.2, 3),
            seqv(0.5f, 0.29, 0.5, 3, 6),
            seqv(0.5f, 0.17, 0.9, 2, 6),
            seqv(0.3f, 0.31, 0.6, 6)));
    LayerTestCase.assertValues(
        new float[] {
          0.05986623f, 0.03243782f, 0.0359882f, -0.03652836f, -0.03066566f, -0.16598532f,
          -0.10345556f, -0.30230778f, 0.09930900f, 0.08152255f, 0.1958235f, 0.16558674f,
          0.26396087f, 0.22643171f, 0.3137036f, 0.271745f
        },
        rnn.apply(X));
  }

  @Test
  void layerTestsWithGradientsThroughTime() {
    Tensor x = LayerTestCase.random(7, 2, 5, 3);
    LayerTestCase.of(new SimpleRNN(4)).inputs(x).expectedOutputShape(2, 4).run();
    LayerTestCase.of(new LSTM(3).returnSequences(true))
        .inputs(x)
        .expectedOutputShape(2, 5, 3)
        .run();
    LayerTestCase.of(new GRU(3)).inputs(x).expectedOutputShape(2, 3).run();
    LayerTestCase.of(new GRU(2).resetAfter(false).goBackwards(true).returnSequences(true))
        .inputs(x)
        .expectedOutputShape(2, 5, 2)
        .run();
    LayerTestCase.of(new RNN(new StackedRNNCells(new LSTMCell(3), new SimpleRNNCell(2))))
        .inputs(x)
        .expectedOutputShape(2, 2)
        .run();
  }

  @Test
  void maskedGradientsThroughTimeMatchFiniteDifferences() {
    Tensor x = LayerTestCase.random(11, 2, 4, 2);
    for (RecurrentLayer<?, ?> layer :
        List.<RecurrentLayer<?, ?>>of(
            new SimpleRNN(3).returnSequences(true),
            new LSTM(3).returnSequences(true),
            new GRU(3).returnSequences(true),
            new GRU(3).resetAfter(false))) {
      layer.build(2, 4, 2);
      List<Tensor> init = new ArrayList<>();
      init.add(x);
      for (int i = 0; i < layer.cell().stateSize().length; i++) {
        init.add(LayerTestCase.random(20 + i, 2, 3));
      }
      io.keras4j.testing.GradientCheck.check(
          xs -> call(layer, xs, MASK).get(0), init.toArray(new Tensor[0]));
      io.keras4j.testing.GradientCheck.check(
          xs -> call(layer, xs, null).get(0), init.toArray(new Tensor[0]));
    }
  }

  @Test
  void maskedStepsCarryStateAndRepeatOutput() {
    LSTM lstm = new LSTM(2).returnSequences(true);
    Tensor x = LayerTestCase.random(3, 1, 4, 2);
    Tensor mask = Tensor.of(new float[] {1, 0, 0, 1}, 1, 4);
    float[] y = call(lstm, List.of(x), mask).get(0).toFloatArray();
    // Steps 1 and 2 repeat step 0's output.
    assertEquals(y[0], y[2]);
    assertEquals(y[1], y[3]);
    assertEquals(y[0], y[4]);
    // The last step continues from step 0's state: same as the unmasked run of steps 0 and 3.
    Tensor x03 =
        Tensor.of(
            new float[] {
              x.getFloat(0, 0, 0), x.getFloat(0, 0, 1), x.getFloat(0, 3, 0), x.getFloat(0, 3, 1)
            },
            1,
            2,
            2);
    float[] z = lstm.apply(x03).toFloatArray();
    assertArrayEquals(new float[] {z[2], z[3]}, new float[] {y[6], y[7]}, 1e-6f);
    // zeroOutputForMask: masked steps output zeros.
    RNN zero = new RNN(new SimpleRNNCell(2)).returnSequences(true).zeroOutputForMask(true);
    float[] w = call(zero, List.of(x), mask).get(0).toFloatArray();
    assertArrayEquals(new float[] {0, 0, 0, 0}, new float[] {w[2], w[3], w[4], w[5]});
  }

  @Test
  void statefulCarriesStatesAcrossCallsUntilReset() {
    Tensor x = LayerTestCase.random(5, 2, 6, 3);
    GRU whole = new GRU(3);
    GRU parts = new GRU(3).stateful(true);
    whole.build(2, 6, 3);
    parts.build(2, 3, 3);
    parts.setWeights(whole.getWeights());
    Tensor first = Tensor.of(sliceTime(x, 0, 3), 2, 3, 3);
    Tensor second = Tensor.of(sliceTime(x, 3, 3), 2, 3, 3);
    Tensor y1 = parts.apply(first);
    Tensor y2 = parts.apply(second);
    LayerTestCase.assertValues(whole.apply(x).toFloatArray(), y2);
    parts.resetStates();
    LayerTestCase.assertValues(y1.toFloatArray(), parts.apply(first));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parts.apply(LayerTestCase.random(1, 4, 3, 3)));
    assertTrue(e.getMessage().contains("Received: batch_size=4"), e.getMessage());
  }

  private static float[] sliceTime(Tensor x, int from, int n) {
    int b = x.dim(0);
    int t = x.dim(1);
    int f = x.dim(2);
    float[] all = x.toFloatArray();
    float[] out = new float[b * n * f];
    for (int i = 0; i < b; i++) {
      System.arraycopy(all, (i * t + from) * f, out, i * n * f, n * f);
    }
    return out;
  }

  @Test
  void badInputsGetClearErrorsAndChangeNothing() {
    LSTM lstm = new LSTM(4);
    IllegalArgumentException rank =
        assertThrows(IllegalArgumentException.class, () -> lstm.apply(Tensor.zeros(2, 3)));
    assertTrue(rank.getMessage().contains("(LSTM)"), rank.getMessage());
    assertTrue(rank.getMessage().contains("Received: input_shape=(2, 3)"), rank.getMessage());
    assertFalse(lstm.isBuilt());

    LSTM withStates = new LSTM(4);
    withStates.build(2, 5, 3);
    IllegalArgumentException count =
        assertThrows(
            IllegalArgumentException.class,
            () -> withStates.apply(Tensor.zeros(2, 5, 3), Tensor.zeros(2, 4)));
    assertTrue(count.getMessage().contains("expects 2 initial state(s)"), count.getMessage());
    assertTrue(count.getMessage().contains("Received: 1 initial state(s)"), count.getMessage());
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () -> withStates.apply(Tensor.zeros(2, 5, 3), Tensor.zeros(2, 4), Tensor.zeros(2, 5)));
    assertTrue(
        shape.getMessage().contains("Received: initial_state[1].shape=(2, 5)"), shape.getMessage());

    LSTM stateful = new LSTM(4).stateful(true);
    IllegalArgumentException batch =
        assertThrows(IllegalArgumentException.class, () -> stateful.build(-1, 5, 3));
    assertTrue(batch.getMessage().contains("fixed batch size"), batch.getMessage());
    assertTrue(
        batch.getMessage().contains("Received: input_shape=(None, 5, 3)"), batch.getMessage());
    assertFalse(stateful.isBuilt());

    assertThrows(IllegalArgumentException.class, () -> new GRU(0));
    IllegalArgumentException rate =
        assertThrows(IllegalArgumentException.class, () -> new LSTM(2).dropout(1.5));
    assertTrue(rate.getMessage().contains("Received: dropout=1.5"), rate.getMessage());
    assertThrows(IllegalStateException.class, () -> new LSTM(2).resetStates());
  }

  @Test
  void symbolicCallWithReturnStateAndMasks() {
    KerasTensor in = Input.of(5, 3);
    List<KerasTensor> outs =
        new LSTM(4).returnSequences(true).returnState(true).applyAll(List.of(in));
    assertEquals(3, outs.size());
    assertArrayEquals(new int[] {-1, 5, 4}, outs.get(0).shape());
    assertArrayEquals(new int[] {-1, 4}, outs.get(1).shape());
    assertArrayEquals(new int[] {-1, 4}, outs.get(2).shape());
    Tensor m = Tensor.ones(1, 5);
    List<Tensor> masks =
        new LSTM(4).returnSequences(true).returnState(true).computeMask(List.of(), List.of(m));
    assertEquals(3, masks.size());
    assertTrue(masks.get(0) == m);
    assertNull(masks.get(1));
    assertNull(new GRU(2).computeMask(List.of(), List.of(m)).get(0));
  }

  @Test
  void dropoutOnlyInTrainingAndRepeatableWithASeed() {
    Tensor x = LayerTestCase.random(9, 2, 5, 3);
    LSTM a = new LSTM(4).dropout(0.5).recurrentDropout(0.3).seed(42);
    LSTM b = new LSTM(4).dropout(0.5).recurrentDropout(0.3).seed(42);
    LSTM plain = new LSTM(4);
    a.build(2, 5, 3);
    b.build(2, 5, 3);
    plain.build(2, 5, 3);
    b.setWeights(a.getWeights());
    plain.setWeights(a.getWeights());
    assertArrayEquals(plain.apply(x).toFloatArray(), a.apply(x).toFloatArray(), 0f);
    float[] ta = a.apply(x, true).toFloatArray();
    assertArrayEquals(ta, b.apply(x, true).toFloatArray(), 0f);
    assertFalse(java.util.Arrays.equals(ta, plain.apply(x, true).toFloatArray()));
  }

  @Test
  void configsHoldEveryKerasKey() {
    Map<String, Object> c = new LSTM(8).getConfig();
    for (String k :
        List.of(
            "name",
            "trainable",
            "dtype",
            "units",
            "activation",
            "recurrent_activation",
            "use_bias",
            "unit_forget_bias",
            "kernel_initializer",
            "recurrent_initializer",
            "bias_initializer",
            "kernel_regularizer",
            "recurrent_regularizer",
            "bias_regularizer",
            "kernel_constraint",
            "recurrent_constraint",
            "bias_constraint",
            "dropout",
            "recurrent_dropout",
            "seed",
            "return_sequences",
            "return_state",
            "go_backwards",
            "stateful",
            "unroll",
            "zero_output_for_mask")) {
      assertTrue(c.containsKey(k), "LSTM config lacks " + k + ": " + c.keySet());
    }
    assertEquals(true, new GRU(2).getConfig().get("reset_after"));
    assertFalse(new SimpleRNN(2).getConfig().containsKey("recurrent_activation"));
    assertEquals(0.0, new Masking().getConfig().get("mask_value"));
  }

  @Test
  void maskingZeroesMaskedStepsAndEmitsTheMask() {
    Tensor x = Tensor.of(new float[] {1, 2, 0, 0, 3, 0, 0.5f, 0.5f}, 1, 4, 2);
    Masking masking = new Masking(0.5);
    Tensor y = masking.apply(x);
    LayerTestCase.assertValues(new float[] {1, 2, 0, 0, 3, 0, 0, 0}, y);
    LayerTestCase.assertValues(
        new float[] {1, 1, 1, 0}, masking.computeMask(List.of(x), List.of()).get(0));
    LayerTestCase.of(new Masking(0.5)).inputs(x).skipGradientCheck().run();
  }

  @Test
  void cellRegularizersAndConstraintsReachTheLayer() {
    LSTM lstm = new LSTM(3).kernelRegularizer("l2").recurrentConstraint("non_neg");
    lstm.build(2, 4, 2);
    float[] k = lstm.cellLayer().kernel().value().toFloatArray();
    double sq = 0;
    for (float v : k) {
      sq += v * v;
    }
    List<Tensor> losses = lstm.losses();
    assertEquals(1, losses.size());
    assertEquals(0.01 * sq, losses.get(0).item(), 1e-6);
    assertTrue(
        lstm.constraintOf(lstm.cellLayer().recurrentKernel())
            instanceof io.keras4j.constraints.NonNeg);
    // unit_forget_bias: the forget gate's bias starts at 1, the rest at 0.
    LayerTestCase.assertValues(
        new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}, lstm.cellLayer().bias().value());
  }
}
