package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Recurrent layers inside models: the seed text model's LSTM, and training through masks. */
class RecurrentModelTest {
  @Test
  void theSeedModelsLstmHasKerasParameterCount() {
    LSTM lstm = new LSTM(64);
    Sequential m =
        new Sequential(new Embedding(8000, 64), lstm, new Dense(64, "relu"), new Dense(1));
    m.build(-1, -1);
    // 4 * (64*64 + 64*64 + 64), Keras's LSTM(64) on 64 features (twice that in Bidirectional).
    assertEquals(33_024, lstm.countParams());
    assertEquals(512_000 + 33_024 + 4_160 + 65, m.countParams());
  }

  @Test
  void anLstmOnMaskedPaddedSequencesLearnsWhetherAWordOccurs() {
    Keras.setRandomSeed(3);
    int n = 96;
    int len = 6;
    int[] ids = new int[n * len];
    float[] labels = new float[n];
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      int words = 2 + rnd.nextInt(len - 1);
      boolean has = false;
      for (int t = 0; t < words; t++) {
        int id = 1 + rnd.nextInt(9);
        ids[i * len + t] = id;
        has |= id == 5;
      }
      labels[i] = has ? 1 : 0;
    }
    Tensor x = Tensor.ofInts(ids, n, len);
    Tensor y = Tensor.of(labels, n, 1);
    Sequential model =
        new Sequential(new Embedding(10, 8).maskZero(true), new LSTM(8), new Dense(1));
    model.compile(new Adam(0.02), new BinaryCrossentropy().fromLogits(true), "accuracy");
    History h = model.fit(x, y, Quiet.fit().epochs(25).batchSize(16));
    List<Double> loss = h.get("loss");
    assertTrue(
        loss.get(loss.size() - 1) < 0.5 * loss.get(0), "the loss should at least halve: " + loss);
    List<Double> acc = h.get("accuracy");
    assertTrue(acc.get(acc.size() - 1) > 0.9, "accuracy " + acc);
  }

  @Test
  void anEncoderHandsItsStatesToADecoderInAFunctionalModel() {
    io.keras4j.KerasTensor encIn = io.keras4j.Input.of(5, 3);
    io.keras4j.KerasTensor decIn = io.keras4j.Input.of(4, 2);
    LSTM encoder = new LSTM(6).returnState(true);
    List<io.keras4j.KerasTensor> enc = encoder.applyAll(List.of(encIn));
    LSTM decoder = new LSTM(6).returnSequences(true);
    io.keras4j.KerasTensor out = decoder.apply(List.of(decIn, enc.get(1), enc.get(2)));
    io.keras4j.models.Model model =
        new io.keras4j.models.Model(List.of(encIn, decIn), List.of(out));
    assertEquals(4 * (6 * 3 + 6 * 6 + 6) + 4 * (6 * 2 + 6 * 6 + 6), model.countParams());
    Tensor a = LayerTestCase.random(1, 2, 5, 3);
    Tensor b = LayerTestCase.random(2, 2, 4, 2);
    Tensor y = model.predict(List.of(a, b), Quiet.predict()).get(0);
    List<Tensor> states = encoder.callEager(List.of(a), CallContext.inference());
    Tensor expected =
        decoder.callEager(List.of(b, states.get(1), states.get(2)), CallContext.inference()).get(0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        expected.toFloatArray(), y.toFloatArray(), 1e-6f);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {2, 4, 6}, y.shape());
  }
}
