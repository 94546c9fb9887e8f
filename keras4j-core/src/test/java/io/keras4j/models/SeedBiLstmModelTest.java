package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.LSTM;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.optimizers.Adam;
import io.keras4j.testing.Quiet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed text model of API.md: Keras's summary rows, and the snippet compiles and runs. */
class SeedBiLstmModelTest {
  @Test
  void summaryShowsKerasRowsAndTheSnippetRuns() {
    // The API.md snippet, unchanged.
    var rnn =
        new Sequential(
            new Embedding(8000, 64),
            new Bidirectional(new LSTM(64)),
            new Dense(64, "relu"),
            new Dense(1));
    rnn.build(-1, -1); // batch and sequence length unknown, as Keras's model.build((None, None))
    rnn.compile(new Adam(1e-3), new BinaryCrossentropy().fromLogits(true), "accuracy");

    assertEquals(586_369, rnn.countParams());
    String summary = rnn.summary(0);
    String[] lines = summary.split("\n");
    assertRow(lines, "(Embedding)", "(None, None, 64)", "512,000");
    assertRow(lines, "(Bidirectional)", "(None, 128)", "66,048");
    assertRow(lines, "(Dense)", "(None, 64)", "8,256");
    assertRow(lines, "(Dense)", "(None, 1)", "65");
    assertTrue(summary.contains("Total params: 586,369"), summary);

    Keras.setRandomSeed(1);
    int[] ids = new int[8 * 5];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i * 37) % 8000;
    }
    Tensor x = Tensor.ofInts(ids, 8, 5);
    Tensor y = Tensor.of(new float[] {1, 0, 1, 0, 1, 0, 1, 0}, 8, 1);
    rnn.fit(x, y, Quiet.fit().epochs(1).batchSize(4));
    Map<String, Double> scores = rnn.evaluate(x, y, Quiet.evaluate());
    assertTrue(Double.isFinite(scores.get("loss")), scores.toString());
    Tensor predicted = rnn.predict(x, Quiet.predict());
    assertEquals(8, predicted.dim(0));

    // Keras JSON round trip: same rows, same numbers with the same weights.
    Model copy = Models.modelFromJson(rnn.toJson());
    assertEquals(586_369, copy.countParams());
    assertRow(copy.summary(0).split("\n"), "(Bidirectional)", "(None, 128)", "66,048");
    copy.setWeights(rnn.getWeights());
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        predicted.toFloatArray(), copy.predict(x, Quiet.predict()).toFloatArray(), 0f);
  }

  private static void assertRow(String[] lines, String type, String shape, String params) {
    for (int i = 0; i < lines.length; i++) {
      String[] cells = lines[i].split("│"); // "│ name (Type) │ shape │ params │"
      // A long name (a high counter) wraps the type onto the next line, as Keras's table does.
      String next = i + 1 < lines.length ? lines[i + 1] : "";
      if (cells.length == 4
          && (cells[1].contains(type)
              || next.split("│").length == 4 && next.split("│")[1].contains(type))
          && cells[2].trim().equals(shape)
          && cells[3].trim().equals(params)) {
        return;
      }
    }
    throw new AssertionError(
        "no row " + type + " " + shape + " " + params + " in:\n" + String.join("\n", lines));
  }
}
