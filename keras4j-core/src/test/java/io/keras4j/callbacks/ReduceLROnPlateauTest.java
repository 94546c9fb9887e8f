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
 * ReduceLROnPlateau driven by epoch-end logs. The expected rates (after each epoch) and logged
 * "learning_rate" values (before any reduction) were produced by running Keras 3's
 * reduce_lr_on_plateau.py and monitor_callback.py (keras-team/keras 3422977) with a stub model
 * whose optimizer holds a Python float, and checked by hand against its wait/cooldown rules.
 */
class ReduceLROnPlateauTest {
  record Run(List<Double> rates, List<Double> logged) {}

  static Run run(ReduceLROnPlateau cb, TestModel model, String monitor, double... values) {
    cb.setModel(model);
    cb.onTrainBegin(Map.of());
    List<Double> rates = new ArrayList<>();
    List<Double> logged = new ArrayList<>();
    for (int epoch = 0; epoch < values.length; epoch++) {
      Map<String, Double> logs = logs("loss", 9.0, monitor, values[epoch]);
      cb.onEpochEnd(epoch, logs);
      rates.add(model.optimizer().learningRate());
      logged.add(logs.get("learning_rate"));
    }
    return new Run(rates, logged);
  }

  static double[] constant(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1.0);
    return v;
  }

  @Test
  void factorAppliedAfterPatienceEpochs() {
    TestModel model = new TestModel(1.0);
    ReduceLROnPlateau cb = new ReduceLROnPlateau().factor(0.5).patience(2).minDelta(0).verbose(1);
    Fixtures.Captured out = Fixtures.capture(cb);
    Run r = run(cb, model, "val_loss", constant(6));
    assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25, 0.25), r.rates());
    assertEquals(List.of(1.0, 1.0, 1.0, 0.5, 0.5, 0.25), r.logged());
    assertEquals(
        "\nEpoch 3: ReduceLROnPlateau reducing learning rate to 0.5.\n"
            + "\nEpoch 5: ReduceLROnPlateau reducing learning rate to 0.25.\n",
        out.text());
  }

  @Test
  void cooldownPausesTheCounting() {
    TestModel model = new TestModel(1.0);
    Run r =
        run(
            new ReduceLROnPlateau().factor(0.1).patience(1).cooldown(2),
            model,
            "val_loss",
            constant(7));
    // 1.0 * 0.1 * 0.1 in doubles is 0.010000000000000002, as in Python
    assertEquals(
        List.of(
            1.0,
            0.1,
            0.1,
            0.010000000000000002,
            0.010000000000000002,
            0.0010000000000000002,
            0.0010000000000000002),
        r.rates());
    assertEquals(
        List.of(
            1.0, 1.0, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002),
        r.logged());
  }

  @Test
  void neverBelowMinLr() {
    TestModel model = new TestModel(1.0);
    Run r =
        run(
            new ReduceLROnPlateau().factor(0.1).patience(1).minLr(0.05),
            model,
            "val_loss",
            constant(4));
    // 0.01 is clipped to 0.05; then 0.05 is not above float32(0.05) so nothing more happens
    assertEquals(List.of(1.0, 0.1, 0.05, 0.05), r.rates());
    assertEquals(List.of(1.0, 1.0, 0.1, 0.05), r.logged());
    assertEquals(List.of(0.1, 0.05), model.optimizer.set);
  }

  @Test
  void maxModeAndImprovementResetsTheWait() {
    TestModel model = new TestModel(1.0);
    Run r =
        run(
            new ReduceLROnPlateau("val_acc").factor(0.5).patience(2).mode("max"),
            model,
            "val_acc",
            0.5,
            0.5,
            0.6,
            0.6,
            0.6,
            0.6);
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 0.5, 0.5), r.rates());
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.5), r.logged());
  }

  @Test
  void defaultMinDeltaIsOneTenThousandth() {
    TestModel model = new TestModel(1.0);
    // 0.99995 is better by only 5e-5: counts as no improvement (patience 1) -> reduced at epoch 1
    Run r =
        run(new ReduceLROnPlateau().factor(0.5).patience(1), model, "val_loss", 1.0, 0.99995, 0.9);
    assertEquals(List.of(1.0, 0.5, 0.5), r.rates());
  }

  @Test
  void missingMonitorWarnsButStillLogsTheRate() {
    TestModel model = new TestModel(0.25);
    ReduceLROnPlateau cb = new ReduceLROnPlateau().patience(0);
    cb.setModel(model);
    cb.onTrainBegin(Map.of());
    Map<String, Double> logs = logs("loss", 1.0);
    try (Fixtures.Warnings w = new Fixtures.Warnings(ReduceLROnPlateau.class)) {
      cb.onEpochEnd(0, logs);
      assertEquals(
          List.of(
              "Learning rate reduction is conditioned on metric `val_loss` which is not"
                  + " available. Available metrics are: loss,learning_rate."),
          w.messages);
    }
    assertEquals(0.25, logs.get("learning_rate"));
    assertEquals(0.25, model.optimizer().learningRate());
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0));
    assertEquals(
        "ReduceLROnPlateau: factor must be < 1.0 (ReduceLROnPlateau does not support a factor"
            + " >= 1.0). Received: factor=1.0",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().cooldown(-1));
    assertEquals("ReduceLROnPlateau: cooldown must be >= 0. Received: cooldown=-1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().minLr(-1e-3));
    assertEquals("ReduceLROnPlateau: minLr must be >= 0. Received: minLr=-0.001", e.getMessage());
    ReduceLROnPlateau noModel = new ReduceLROnPlateau();
    IllegalStateException s =
        assertThrows(IllegalStateException.class, () -> noModel.onEpochEnd(0, logs("val_loss", 1)));
    assertEquals(
        "ReduceLROnPlateau: the model has no optimizer; compile it before fit. Received: model=null",
        s.getMessage());
  }
}
