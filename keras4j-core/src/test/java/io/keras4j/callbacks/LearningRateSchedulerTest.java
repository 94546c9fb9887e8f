package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Fixtures.TestModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LearningRateScheduler. Expected rates and messages were produced by running Keras 3's
 * learning_rate_scheduler.py (keras-team/keras 3422977) with the same schedules on a stub model.
 */
class LearningRateSchedulerTest {

  /** Runs {@code n} epochs; returns the rate during each epoch and the logged "learning_rate". */
  static List<List<Double>> run(LearningRateScheduler cb, TestModel model, int n) {
    cb.setModel(model);
    List<Double> rates = new ArrayList<>();
    List<Double> logged = new ArrayList<>();
    for (int epoch = 0; epoch < n; epoch++) {
      cb.onEpochBegin(epoch, Map.of());
      rates.add(model.optimizer().learningRate());
      Map<String, Double> logs = logs("loss", 1.0);
      cb.onEpochEnd(epoch, logs);
      logged.add(logs.get("learning_rate"));
    }
    return List.of(rates, logged);
  }

  @Test
  void scheduleOfEpochAndRate() {
    TestModel model = new TestModel(0.1);
    LearningRateScheduler cb =
        new LearningRateScheduler((epoch, lr) -> epoch < 2 ? lr : lr * 0.5).verbose(1);
    Fixtures.Captured out = Fixtures.capture(cb);
    List<List<Double>> r = run(cb, model, 4);
    assertEquals(List.of(0.1, 0.1, 0.05, 0.025), r.get(0));
    assertEquals(List.of(0.1, 0.1, 0.05, 0.025), r.get(1));
    assertEquals(
        "\nEpoch 1: LearningRateScheduler setting learning rate to 0.1.\n"
            + "\nEpoch 2: LearningRateScheduler setting learning rate to 0.1.\n"
            + "\nEpoch 3: LearningRateScheduler setting learning rate to 0.05.\n"
            + "\nEpoch 4: LearningRateScheduler setting learning rate to 0.025.\n",
        out.text());
  }

  @Test
  void scheduleOfEpochOnly() {
    TestModel model = new TestModel(0.1);
    List<List<Double>> r = run(new LearningRateScheduler(epoch -> 0.01 * (epoch + 1)), model, 3);
    assertEquals(List.of(0.01, 0.02, 0.03), r.get(0));
    assertEquals(List.of(0.01, 0.02, 0.03), r.get(1));
    assertEquals(List.of(0.01, 0.02, 0.03), model.optimizer.set);
  }

  @Test
  void aNullRateIsRefused() {
    LearningRateScheduler cb = new LearningRateScheduler((epoch, lr) -> null);
    cb.setModel(new TestModel(0.1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cb.onEpochBegin(0, Map.of()));
    assertEquals(
        "LearningRateScheduler: the output of the schedule function should be a number."
            + " Received: null",
        e.getMessage());
  }
}
