package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.models.Sequential;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.GradientCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ConvLSTM1D/2D/3D against numpy references of Keras 3's ConvLSTMCell and RNN loop: the numbers
 * come from {@code src/test/resources/generated/conv_lstm_reference.py} (a numpy transcription of
 * keras/src/layers/rnn/conv_lstm.py, run with /usr/bin/python3), stored in {@code
 * generated/conv_lstm_reference.json}; inputs and weights are {@code sin(a*i+b) * scale} on both
 * sides. Also gradients through time (finite differences, with and without a mask), configs,
 * parameter counts and errors.
 */
class ConvLSTMTest {
  private static final Map<String, float[]> REF = references();

  @SuppressWarnings("unchecked")
  private static Map<String, float[]> references() {
    try (InputStream in =
        ConvLSTMTest.class
            .getClassLoader()
            .getResourceAsStream("generated/conv_lstm_reference.json")) {
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

  static Tensor seqv(float scale, double a, double b, int... shape) {
    return RecurrentLayersTest.seqv(scale, a, b, shape);
  }

  /** Kernel, recurrent kernel and bias as the numpy script's {@code weights}. */
  private static void setWeights(ConvLSTM<?> layer) {
    ConvLSTMCell cell = layer.cellLayer();
    layer.setWeights(
        List.of(
            seqv(0.5f, 0.29, 0.5, cell.kernel().shape()),
            seqv(0.5f, 0.17, 0.9, cell.recurrentKernel().shape()),
            seqv(0.3f, 0.31, 0.6, cell.bias().shape())));
  }

  private static List<Tensor> call(Layer layer, List<Tensor> inputs, Tensor mask) {
    List<Tensor> masks = new ArrayList<>();
    masks.add(mask);
    for (int i = 1; i < inputs.size(); i++) {
      masks.add(null);
    }
    return layer.callEager(inputs, CallContext.of(false, masks));
  }

  static final Tensor X1 = seqv(1f, 0.37, 0.1, 2, 4, 5, 2);
  static final Tensor MASK = Tensor.of(new float[] {1, 1, 0, 1, 1, 0, 0, 0}, 2, 4);
  static final Tensor X2 = seqv(1f, 0.23, 0.2, 2, 3, 4, 4, 2);

  @Test
  void conv1dSameReturnSequencesMatchesNumpy() {
    ConvLSTM1D l = new ConvLSTM1D(3, 3).padding("same").returnSequences(true);
    l.build(2, 4, 5, 2);
    assertArrayEquals(new int[] {3, 2, 12}, l.cellLayer().kernel().shape());
    assertArrayEquals(new int[] {3, 3, 12}, l.cellLayer().recurrentKernel().shape());
    assertArrayEquals(new int[] {12}, l.cellLayer().bias().shape());
    setWeights(l);
    Tensor y = l.apply(X1);
    assertArrayEquals(new int[] {2, 4, 5, 3}, y.shape());
    LayerTestCase.assertValues(REF.get("C1_SAME_SEQ"), y);
  }

  @Test
  void conv1dValidWithMaskAndInitialStatesMatchesNumpy() {
    ConvLSTM1D l = new ConvLSTM1D(3, new int[] {3}).returnState(true);
    l.build(2, 4, 5, 2);
    setWeights(l);
    Tensor h0 = seqv(0.5f, 0.53, 0.4, 2, 3, 3);
    Tensor c0 = seqv(0.5f, 0.61, 0.8, 2, 3, 3);
    List<Tensor> out = call(l, List.of(X1, h0, c0), MASK);
    assertEquals(3, out.size());
    LayerTestCase.assertValues(REF.get("C1_VALID_MASK_H"), out.get(0));
    LayerTestCase.assertValues(REF.get("C1_VALID_MASK_H"), out.get(1));
    LayerTestCase.assertValues(REF.get("C1_VALID_MASK_C"), out.get(2));
    assertArrayEquals(new int[] {2, 3, 3}, out.get(2).shape());
    // The sequence too, masked steps repeating the previous output.
    ConvLSTM1D s = new ConvLSTM1D(3, 3).returnSequences(true);
    s.build(2, 4, 5, 2);
    setWeights(s);
    LayerTestCase.assertValues(
        REF.get("C1_VALID_MASK_SEQ"), call(s, List.of(X1, h0, c0), MASK).get(0));
  }

  @Test
  void conv1dDilatedBackwardsMatchesNumpy() {
    ConvLSTM1D l = new ConvLSTM1D(3, 3).dilationRate(2).goBackwards(true);
    l.build(2, 4, 5, 2);
    setWeights(l);
    LayerTestCase.assertValues(REF.get("C1_DIL_BACK_H"), l.apply(X1));
  }

  @Test
  void conv2dSameMatchesNumpyInBothDataFormats() {
    ConvLSTM2D l = new ConvLSTM2D(2, 3).padding("same");
    l.build(2, 3, 4, 4, 2);
    setWeights(l);
    LayerTestCase.assertValues(REF.get("C2_SAME_H"), l.apply(X2));
    ConvLSTM2D cf = new ConvLSTM2D(2, 3).padding("same").dataFormat("channels_first");
    cf.build(2, 3, 2, 4, 4);
    setWeights(cf);
    Tensor y = cf.apply(Ops.transpose(X2, 0, 1, 4, 2, 3));
    assertArrayEquals(new int[] {2, 2, 4, 4}, y.shape());
    LayerTestCase.assertValues(REF.get("C2_SAME_CF_H"), y);
  }

  @Test
  void conv2dValidStridedReturnSequencesMatchesNumpy() {
    ConvLSTM2D l = new ConvLSTM2D(2, new int[] {2, 3}).strides(1, 2).returnSequences(true);
    Tensor x = seqv(1f, 0.41, 0.3, 1, 3, 5, 6, 2);
    l.build(1, 3, 5, 6, 2);
    setWeights(l);
    Tensor y = l.apply(x);
    assertArrayEquals(new int[] {1, 3, 4, 2, 2}, y.shape());
    LayerTestCase.assertValues(REF.get("C2_VALID_STRIDES_SEQ"), y);
  }

  @Test
  void conv3dSameMatchesNumpy() {
    ConvLSTM3D l = new ConvLSTM3D(2, 2).padding("same").returnSequences(true);
    l.build(1, 2, 3, 4, 3, 1);
    setWeights(l);
    Tensor y = l.apply(seqv(1f, 0.31, 0.7, 1, 2, 3, 4, 3, 1));
    assertArrayEquals(new int[] {1, 2, 3, 4, 3, 2}, y.shape());
    LayerTestCase.assertValues(REF.get("C3_SAME_SEQ"), y);
  }

  @Test
  void layerTestsWithShapesConfigsAndGradientsThroughTime() {
    LayerTestCase.of(new ConvLSTM1D(2, 3).padding("same").returnSequences(true))
        .inputs(LayerTestCase.random(3, 2, 3, 4, 2))
        .expectedOutputShape(2, 3, 4, 2)
        .run();
    LayerTestCase.of(new ConvLSTM2D(2, 2))
        .inputs(LayerTestCase.random(4, 1, 3, 3, 4, 2))
        .expectedOutputShape(1, 2, 3, 2)
        .run();
    LayerTestCase.of(new ConvLSTM3D(1, 2).padding("same").dataFormat("channels_first"))
        .inputs(LayerTestCase.random(5, 1, 2, 1, 2, 3, 2))
        .expectedOutputShape(1, 1, 2, 3, 2)
        .run();
  }

  @Test
  void maskedGradientsThroughTimeMatchFiniteDifferences() {
    Tensor x1 = LayerTestCase.random(11, 2, 4, 4, 2);
    Tensor x2 = LayerTestCase.random(12, 2, 4, 3, 3, 1);
    List<ConvLSTM<?>> layers =
        List.of(
            new ConvLSTM1D(2, 3).padding("same").returnSequences(true),
            new ConvLSTM2D(2, 2).padding("same").goBackwards(true));
    List<Tensor> xs = List.of(x1, x2);
    for (int k = 0; k < layers.size(); k++) {
      ConvLSTM<?> layer = layers.get(k);
      Tensor x = xs.get(k);
      layer.build(x.shape());
      int[] cellState = layer.cellLayer().stateShape();
      int[] state = new int[cellState.length + 1];
      state[0] = 2;
      System.arraycopy(cellState, 0, state, 1, cellState.length);
      Tensor h0 = LayerTestCase.random(20, state);
      Tensor c0 = LayerTestCase.random(21, state);
      // Input and initial states, with and without a mask.
      GradientCheck.check(ys -> call(layer, ys, MASK).get(0), x, h0, c0);
      GradientCheck.check(ys -> call(layer, ys, null).get(0), x, h0, c0);
      // Kernel, recurrent kernel and bias, with and without a mask.
      checkWeightGradients(layer, List.of(x, h0, c0), MASK);
      checkWeightGradients(layer, List.of(x), null);
    }
  }

  /** The tape's gradient of {@code sum(y * r)} for every weight against central differences. */
  private static void checkWeightGradients(Layer layer, List<Tensor> inputs, Tensor mask) {
    Tensor probe = call(layer, inputs, mask).get(0);
    Tensor r = LayerTestCase.random(99, probe.shape());
    List<Variable> weights = layer.trainableWeights();
    assertEquals(3, weights.size());
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> sources = new ArrayList<>();
      for (Variable v : weights) {
        tape.watch(v);
        sources.add(v.value());
      }
      Tensor y = call(layer, inputs, mask).get(0);
      grads = tape.gradient(Ops.sum(Ops.multiply(y, r)), sources);
    }
    for (int w = 0; w < weights.size(); w++) {
      Variable v = weights.get(w);
      Tensor original = v.numpy();
      float[] values = original.toFloatArray();
      float[] g = grads.get(w).toFloatArray();
      int step = Math.max(1, values.length / 24);
      for (int j = 0; j < values.length; j += step) {
        float eps = 1e-2f;
        float[] plus = values.clone();
        plus[j] += eps;
        float[] minus = values.clone();
        minus[j] -= eps;
        v.assign(Tensor.of(plus, v.shape()));
        double lp = weighted(call(layer, inputs, mask).get(0), r);
        v.assign(Tensor.of(minus, v.shape()));
        double lm = weighted(call(layer, inputs, mask).get(0), r);
        v.assign(original);
        double numeric = (lp - lm) / (plus[j] - minus[j]);
        assertEquals(
            numeric,
            g[j],
            1e-3 + 1e-2 * Math.abs(numeric),
            layer.getClass().getSimpleName() + ": gradient of " + v.path() + " at " + j);
      }
    }
  }

  private static double weighted(Tensor y, Tensor r) {
    float[] a = y.toFloatArray();
    float[] b = r.toFloatArray();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  @Test
  void paramCountsAndSummaryAsKeras() {
    // kernel 3*3*2*16 + recurrent kernel 3*3*4*16 + bias 16 (Keras's ConvLSTMCell.build).
    Sequential m = new Sequential(Input.of(5, 8, 8, 2), new ConvLSTM2D(4, 3));
    assertEquals(880, m.layers().get(0).countParams());
    String summary = m.summary(0);
    assertTrue(summary.contains("(None, 6, 6, 4)"), summary);
    assertTrue(summary.contains("880"), summary);
    ConvLSTM1D one = new ConvLSTM1D(3, 2).useBias(false);
    one.build(1, 2, 5, 4);
    assertEquals(2 * 4 * 12 + 2 * 3 * 12, one.countParams());
    ConvLSTM3D three = new ConvLSTM3D(2, new int[] {1, 2, 3});
    three.build(1, 2, 3, 4, 5, 1);
    assertEquals(6 * 1 * 8 + 6 * 2 * 8 + 8, three.countParams());
  }

  @Test
  void unitForgetBiasStartsTheForgetGateAtOne() {
    ConvLSTM2D l = new ConvLSTM2D(2, 1);
    l.build(1, 1, 2, 2, 1);
    assertArrayEquals(
        new float[] {0, 0, 1, 1, 0, 0, 0, 0}, l.cellLayer().bias().numpy().toFloatArray());
    ConvLSTM2D off = new ConvLSTM2D(2, 1).unitForgetBias(false);
    off.build(1, 1, 2, 2, 1);
    assertArrayEquals(new float[8], off.cellLayer().bias().numpy().toFloatArray());
  }

  @Test
  void configHasKerasKeysAndRoundTrips() {
    ConvLSTM2D l =
        new ConvLSTM2D(4, new int[] {3, 2})
            .strides(2, 1)
            .padding("same")
            .recurrentActivation("hard_sigmoid")
            .kernelRegularizer("l2")
            .dropout(0.25)
            .recurrentDropout(0.5)
            .seed(7)
            .returnSequences(true)
            .stateful(true);
    Map<String, Object> c = l.getConfig();
    List<String> keys = new ArrayList<>(c.keySet());
    List<String> expected =
        List.of(
            "name",
            "trainable",
            "dtype",
            "return_sequences",
            "return_state",
            "go_backwards",
            "stateful",
            "unroll",
            "zero_output_for_mask",
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "data_format",
            "dilation_rate",
            "activation",
            "recurrent_activation",
            "use_bias",
            "kernel_initializer",
            "recurrent_initializer",
            "bias_initializer",
            "unit_forget_bias",
            "kernel_regularizer",
            "recurrent_regularizer",
            "bias_regularizer",
            "activity_regularizer",
            "kernel_constraint",
            "recurrent_constraint",
            "bias_constraint",
            "dropout",
            "recurrent_dropout",
            "seed");
    assertEquals(expected, keys);
    assertEquals(List.of(3, 2), c.get("kernel_size"));
    assertEquals(List.of(2, 1), c.get("strides"));
    assertEquals("hard_sigmoid", c.get("recurrent_activation"));
    String json = Json.write(c);
    Layer back = LayerRegistry.create("ConvLSTM2D", Json.readObject(json));
    assertTrue(back instanceof ConvLSTM2D);
    assertEquals(json, Json.write(back.getConfig()));
    // A config as Keras 3 writes it, with defaults left out where Keras allows.
    Map<String, Object> keras = new HashMap<>();
    keras.put("name", "conv_lstm1d");
    keras.put("filters", 5);
    keras.put("kernel_size", List.of(3));
    keras.put("padding", "same");
    keras.put("return_sequences", true);
    ConvLSTM1D k = (ConvLSTM1D) LayerRegistry.create("ConvLSTM1D", keras);
    assertEquals(5, k.filters());
    assertTrue(k.returnSequences());
  }

  @Test
  void dropoutInTrainingOnlyAndSeeded() {
    Tensor x = LayerTestCase.random(8, 2, 3, 4, 2);
    ConvLSTM1D a = new ConvLSTM1D(2, 3).padding("same").dropout(0.5).recurrentDropout(0.5).seed(3);
    a.build(2, 3, 4, 2);
    ConvLSTM1D plain = new ConvLSTM1D(2, 3).padding("same");
    plain.build(2, 3, 4, 2);
    plain.setWeights(a.getWeights());
    // Inference: no dropout.
    assertArrayEquals(plain.apply(x).toFloatArray(), a.apply(x).toFloatArray(), 0f);
    float[] t1 = a.apply(x, true).toFloatArray();
    assertFalse(java.util.Arrays.equals(plain.apply(x).toFloatArray(), t1));
    ConvLSTM1D b = new ConvLSTM1D(2, 3).padding("same").dropout(0.5).recurrentDropout(0.5).seed(3);
    b.build(2, 3, 4, 2);
    b.setWeights(a.getWeights());
    assertArrayEquals(t1, b.apply(x, true).toFloatArray(), 0f);
  }

  @Test
  void statefulCarriesImageStates() {
    Tensor x = LayerTestCase.random(5, 2, 4, 3, 2);
    ConvLSTM1D whole = new ConvLSTM1D(2, 2);
    ConvLSTM1D parts = new ConvLSTM1D(2, 2).stateful(true);
    whole.build(2, 4, 3, 2);
    parts.build(2, 2, 3, 2);
    parts.setWeights(whole.getWeights());
    List<Tensor> halves = Ops.split(x, 2, 1);
    parts.apply(halves.get(0));
    assertArrayEquals(new int[] {2, 2, 2}, parts.states().get(0).shape());
    LayerTestCase.assertValues(whole.apply(x).toFloatArray(), parts.apply(halves.get(1)));
    parts.resetStates();
    assertEquals(null, parts.states());
  }

  @Test
  void badArgumentsAndInputsGetClearErrors() {
    IllegalArgumentException f =
        assertThrows(IllegalArgumentException.class, () -> new ConvLSTM2D(0, 3));
    assertTrue(f.getMessage().contains("Received: filters=0"), f.getMessage());
    IllegalArgumentException k =
        assertThrows(IllegalArgumentException.class, () -> new ConvLSTM2D(2, new int[] {3, 3, 3}));
    assertTrue(k.getMessage().contains("kernel_size"), k.getMessage());
    assertTrue(k.getMessage().contains("ConvLSTM2D"), k.getMessage());
    IllegalArgumentException sd =
        assertThrows(
            IllegalArgumentException.class, () -> new ConvLSTM2D(2, 3).strides(2).dilationRate(2));
    assertTrue(sd.getMessage().contains("dilation_rate"), sd.getMessage());
    ConvLSTM2D l = new ConvLSTM2D(2, 3);
    IllegalArgumentException rank =
        assertThrows(IllegalArgumentException.class, () -> l.apply(Tensor.zeros(2, 3, 4, 4)));
    assertTrue(rank.getMessage().contains("(ConvLSTM2D)"), rank.getMessage());
    assertTrue(rank.getMessage().contains("Received: input_shape=(2, 3, 4, 4)"), rank.getMessage());
    assertFalse(l.isBuilt());
    IllegalArgumentException small =
        assertThrows(IllegalArgumentException.class, () -> l.apply(Tensor.zeros(1, 2, 2, 4, 1)));
    assertTrue(small.getMessage().contains("larger than the padded input"), small.getMessage());
    ConvLSTM2D dyn = new ConvLSTM2D(2, 3);
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> dyn.apply(Input.of(-1, -1, 5, 2)));
    assertTrue(unknown.getMessage().contains("static"), unknown.getMessage());
    ConvLSTM1D built = new ConvLSTM1D(2, 3);
    built.build(1, 2, 5, 2);
    IllegalArgumentException other =
        assertThrows(IllegalArgumentException.class, () -> built.apply(Tensor.zeros(1, 2, 6, 2)));
    assertTrue(
        other.getMessage().contains("Received: input_shape=(1, 2, 6, 2)"), other.getMessage());
    IllegalArgumentException state =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                built.callEager(
                    List.of(Tensor.zeros(1, 2, 5, 2), Tensor.zeros(1, 4, 2), Tensor.zeros(1, 3, 2)),
                    CallContext.inference()));
    assertTrue(state.getMessage().contains("initial_state[0].shape=(1, 4, 2)"), state.getMessage());
    assertNotEquals(null, built.cellLayer().kernel());
  }

  /** Frames of a spot moving one column right (label 1) or left (label 0) each step. */
  private static Tensor[] movingSpots(int n, long seed) {
    java.util.Random r = new java.util.Random(seed);
    float[] x = new float[n * 3 * 16];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int row = r.nextInt(4);
      boolean right = r.nextBoolean();
      int col = right ? r.nextInt(2) : 2 + r.nextInt(2);
      for (int t = 0; t < 3; t++) {
        int c = Math.min(3, Math.max(0, col + (right ? t : -t)));
        x[(i * 3 + t) * 16 + row * 4 + c] = 1f;
      }
      y[i] = right ? 1 : 0;
    }
    return new Tensor[] {Tensor.of(x, n, 3, 4, 4, 1), Tensor.ofInts(y, n)};
  }

  @Test
  void aSmallConvLstmModelLearnsAndRoundTripsThroughJson() {
    io.keras4j.Keras.setRandomSeed(5);
    Sequential m =
        new Sequential(
            Input.of(3, 4, 4, 1),
            new ConvLSTM2D(4, 3).padding("same"),
            new Flatten(),
            new Dense(2, "softmax"));
    m.compile(new io.keras4j.optimizers.Adam(0.02), "sparse_categorical_crossentropy", "accuracy");
    Tensor[] train = movingSpots(64, 1);
    List<Double> loss =
        m.fit(train[0], train[1], io.keras4j.testing.Quiet.fit().epochs(30).batchSize(16))
            .get("loss");
    assertTrue(loss.get(loss.size() - 1) < 0.5 * loss.get(0), "loss " + loss);
    io.keras4j.models.Model back = io.keras4j.models.Models.modelFromJson(m.toJson());
    assertEquals(m.toJson(), back.toJson());
    back.setWeights(m.getWeights());
    assertArrayEquals(
        m.predict(train[0], io.keras4j.testing.Quiet.predict()).toFloatArray(),
        back.predict(train[0], io.keras4j.testing.Quiet.predict()).toFloatArray(),
        0f);
  }
}
