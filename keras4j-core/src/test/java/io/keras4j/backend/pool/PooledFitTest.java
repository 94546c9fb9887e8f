package io.keras4j.backend.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Layer;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * fit with the step buffer pool gives, bit for bit, what fit without it gives (every weight, every
 * History value, validation included, and a later evaluate): the pool changes where arrays come
 * from, never a number. The model has Dropout, so the random stream must be the same too.
 */
class PooledFitTest {

  /** Passes its input through and keeps it, to tell whether the pool ran (it is not readable). */
  static final class Probe extends Layer {
    Tensor last;

    @Override
    protected Tensor call(Tensor inputs, CallContext ctx) {
      last = inputs;
      return inputs;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
      return inputShape;
    }
  }

  record Run(List<Tensor> weights, History history, Map<String, Double> evaluation, Probe probe) {}

  private static Run train(boolean pooled) {
    boolean before = Buffers.enabled();
    Buffers.setEnabled(pooled);
    try {
      Keras.setRandomSeed(21);
      Probe probe = new Probe();
      Sequential m =
          new Sequential(
              Input.of(6),
              new Dense(16, "relu"),
              probe,
              new Dropout(0.3),
              new Dense(8, "tanh"),
              new Dropout(0.2),
              new Dense(3, "softmax"));
      m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
      Tensor x = RandomOps.uniform(new int[] {60, 6}, -1, 1, 5);
      Tensor y = RandomOps.uniform(new int[] {60}, 0, 3, 6).asInt();
      History h =
          m.fit(x, y, new FitOptions().batchSize(8).epochs(5).validationSplit(0.2).verbose(0));
      Map<String, Double> eval = m.evaluate(x, y, new EvaluateOptions().batchSize(16).verbose(0));
      return new Run(m.getWeights(), h, eval, probe);
    } finally {
      Buffers.setEnabled(before);
    }
  }

  @Test
  void pooledFitMatchesUnpooledFitBitForBit() {
    Run pooled = train(true);
    Run fresh = train(false);
    assertFalse(pooled.probe().last.isReadable(), "the pooled run reused its steps' arrays");
    assertTrue(fresh.probe().last.isReadable(), "the unpooled run leased nothing");

    assertEquals(fresh.weights().size(), pooled.weights().size());
    for (int i = 0; i < fresh.weights().size(); i++) {
      assertArrayEquals(
          fresh.weights().get(i).toFloatArray(),
          pooled.weights().get(i).toFloatArray(),
          0f,
          "weight " + i);
    }
    Map<String, List<Double>> hp = pooled.history().history();
    Map<String, List<Double>> hf = fresh.history().history();
    assertEquals(
        List.of("accuracy", "loss", "val_accuracy", "val_loss"),
        hf.keySet().stream().sorted().toList());
    assertEquals(hf.keySet(), hp.keySet());
    for (String k : hf.keySet()) {
      assertEquals(5, hf.get(k).size(), k);
      for (int e = 0; e < 5; e++) {
        assertEquals(
            Double.doubleToLongBits(hf.get(k).get(e)),
            Double.doubleToLongBits(hp.get(k).get(e)),
            k + " at epoch " + e + ": " + hf.get(k).get(e) + " vs " + hp.get(k).get(e));
      }
    }
    assertEquals(fresh.evaluation(), pooled.evaluation());
    // Training did something: the loss went down over the epochs.
    assertTrue(hf.get("loss").get(4) < hf.get("loss").get(0), hf.get("loss").toString());
  }
}
