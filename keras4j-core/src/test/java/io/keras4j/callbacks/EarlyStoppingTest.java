package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.callbacks.Fixtures.TestModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EarlyStopping driven by epoch-end logs. Expected epochs follow Keras 3's early_stopping.py by
 * hand: each epoch increments wait, an improvement (and, with a baseline, beating it) resets it,
 * and training stops once wait >= patience at an epoch > 0.
 */
class EarlyStoppingTest {

  /**
   * Feeds the values of {@code monitor} epoch by epoch; returns the epoch at which stop was asked.
   */
  static int run(EarlyStopping es, TestModel model, String monitor, double... values) {
    es.setModel(model);
    es.onTrainBegin(Map.of());
    for (int epoch = 0; epoch < values.length; epoch++) {
      model.fill(epoch); // the weights "after" this epoch carry its index
      es.onEpochEnd(epoch, logs("loss", 9.0, monitor, values[epoch]));
      if (model.stopTraining()) {
        es.onTrainEnd(Map.of());
        return epoch;
      }
    }
    es.onTrainEnd(Map.of());
    return -1;
  }

  @Test
  void patienceCountsEpochsWithoutImprovement() {
    TestModel model = new TestModel(0.1);
    EarlyStopping es = new EarlyStopping().patience(2).verbose(1);
    Fixtures.Captured out = Fixtures.capture(es);
    // best 1.0, then 0.9; 0.95 (wait 1), 0.92 (wait 2 = patience) -> stop at epoch 3
    assertEquals(3, run(es, model, "val_loss", 1.0, 0.9, 0.95, 0.92, 0.91));
    assertEquals(3, es.stoppedEpoch());
    assertEquals(0.9, es.best());
    assertEquals(1, es.bestEpoch());
    assertEquals("Epoch 4: early stopping\n", out.text());
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAtEpochZero() {
    TestModel model = new TestModel(0.1);
    assertEquals(2, run(new EarlyStopping(), model, "val_loss", 1.0, 0.5, 0.5));
  }

  @Test
  void minDeltaIsTheSmallestImprovement() {
    // 0.95 is 0.05 better than 1.0: not enough with minDelta 0.1 -> stop at 1 (patience 1)
    assertEquals(
        1,
        run(
            new EarlyStopping().patience(1).minDelta(0.1),
            new TestModel(1),
            "val_loss",
            1.0,
            0.95,
            0.7));
    // its sign is ignored, as Keras takes abs(min_delta)
    assertEquals(
        1,
        run(
            new EarlyStopping().patience(1).minDelta(-0.1),
            new TestModel(1),
            "val_loss",
            1.0,
            0.95,
            0.7));
    // with 0.01, 0.95 improves, 0.7 improves: never stops
    assertEquals(
        -1,
        run(
            new EarlyStopping().patience(1).minDelta(0.01),
            new TestModel(1),
            "val_loss",
            1.0,
            0.95,
            0.7));
  }

  @Test
  void maxModeAndAutoModeFromTheName() {
    double[] acc = {0.5, 0.6, 0.6, 0.55};
    // max: 0.6 is not above 0.6 (wait 1), 0.55 (wait 2) -> stop at 3
    assertEquals(
        3,
        run(
            new EarlyStopping("val_accuracy").patience(2).mode("max"),
            new TestModel(1),
            "val_accuracy",
            acc));
    // auto picks max for accuracy, auc and precision_1 (a second Precision), min for mae
    assertEquals(
        3,
        run(new EarlyStopping("val_accuracy").patience(2), new TestModel(1), "val_accuracy", acc));
    assertEquals(3, run(new EarlyStopping("auc").patience(2), new TestModel(1), "auc", acc));
    assertEquals(
        3,
        run(
            new EarlyStopping("val_precision_1").patience(2),
            new TestModel(1),
            "val_precision_1",
            acc));
    // min on the same values: 0.6 (wait 1), 0.6 (wait 2) -> stop at 2
    assertEquals(
        2, run(new EarlyStopping("val_mae").patience(2), new TestModel(1), "val_mae", acc));
  }

  @Test
  void autoModeCannotGuessAnUnknownName() {
    EarlyStopping es = new EarlyStopping("val_my_score");
    es.setModel(new TestModel(1));
    es.onTrainBegin(Map.of());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> es.onEpochEnd(0, logs("val_my_score", 1.0)));
    assertTrue(
        e.getMessage().startsWith("EarlyStopping callback received monitor=val_my_score, but"),
        e.getMessage());
    assertTrue(e.getMessage().contains("mode(\"max\")"), e.getMessage());
    // with a mode it works
    assertEquals(
        2,
        run(
            new EarlyStopping("val_my_score").mode("max").patience(1),
            new TestModel(1),
            "val_my_score",
            1.0,
            2.0,
            1.5));
  }

  @Test
  void baselineKeepsWaitGrowingUntilBeaten() {
    // Baseline 0.5: 0.8, 0.7, 0.6 improve but do not beat it, so wait is 1, 2, 3 yet no stop
    // (an improving epoch returns before the patience check); 0.65 does not improve: wait 4 -> stop
    TestModel model = new TestModel(1);
    EarlyStopping es = new EarlyStopping().patience(2).baseline(0.5);
    assertEquals(3, run(es, model, "val_loss", 0.8, 0.7, 0.6, 0.65));
    // beating the baseline at epoch 1 resets wait: 0.45 (wait 1), 0.46 (wait 2) -> stop at 3
    assertEquals(
        3,
        run(
            new EarlyStopping().patience(2).baseline(0.5),
            new TestModel(1),
            "val_loss",
            0.8,
            0.4,
            0.45,
            0.46));
  }

  @Test
  void restoreBestWeightsPutsBackTheBestEpoch() {
    TestModel model = new TestModel(1);
    EarlyStopping es = new EarlyStopping().patience(2).restoreBestWeights(true).verbose(1);
    Fixtures.Captured out = Fixtures.capture(es);
    assertEquals(3, run(es, model, "val_loss", 1.0, 0.5, 0.7, 0.8));
    assertEquals(1.0f, model.first()); // the weights left by epoch 1
    assertEquals(
        "Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n",
        out.text());
  }

  @Test
  void restoreBestWeightsAlsoWhenTrainingRunsToTheEnd() {
    TestModel model = new TestModel(1);
    EarlyStopping es = new EarlyStopping().patience(5).restoreBestWeights(true);
    assertEquals(-1, run(es, model, "val_loss", 1.0, 0.3, 0.7, 0.8));
    assertEquals(1.0f, model.first());
    assertEquals(0, es.stoppedEpoch());
  }

  @Test
  void withoutRestoreTheLastWeightsStay() {
    TestModel model = new TestModel(1);
    assertEquals(3, run(new EarlyStopping().patience(2), model, "val_loss", 1.0, 0.5, 0.7, 0.8));
    assertEquals(3.0f, model.first());
  }

  @Test
  void startFromEpochIgnoresTheWarmUp() {
    // epochs 0 and 1 are not looked at; best 1.0 at epoch 2, 1.1 at epoch 3 -> stop (patience 1)
    assertEquals(
        3,
        run(
            new EarlyStopping().patience(1).startFromEpoch(2),
            new TestModel(1),
            "val_loss",
            0.1,
            0.2,
            1.0,
            1.1,
            1.2));
    assertEquals(
        1, run(new EarlyStopping().patience(1), new TestModel(1), "val_loss", 0.1, 0.2, 1.0));
  }

  @Test
  void missingMonitorWarnsWithTheAvailableNamesAndChangesNothing() {
    EarlyStopping es = new EarlyStopping().patience(0);
    TestModel model = new TestModel(1);
    es.setModel(model);
    es.onTrainBegin(Map.of());
    try (Fixtures.Warnings w = new Fixtures.Warnings(EarlyStopping.class)) {
      for (int epoch = 0; epoch < 3; epoch++) {
        es.onEpochEnd(epoch, logs("accuracy", 0.5, "loss", 1.0));
      }
      assertEquals(
          List.of(
              "Early stopping conditioned on metric `val_loss` which is not available."
                  + " Available metrics are: accuracy,loss"),
          w.messages); // given once, as Python's warnings
    }
    assertFalse(model.stopTraining());
    assertEquals(0, es.waitCount());
  }

  @Test
  void trainBeginStartsOver() {
    TestModel model = new TestModel(1);
    EarlyStopping es = new EarlyStopping().patience(1);
    assertEquals(1, run(es, model, "val_loss", 1.0, 2.0));
    model.stopTraining(false);
    // a second fit: the old best (1.0) is forgotten, 3.0 is the new best
    assertEquals(-1, run(es, model, "val_loss", 3.0, 2.5));
    assertEquals(2.5, es.best());
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().mode("maxx"));
    assertEquals(
        "EarlyStopping: mode must be one of \"auto\", \"min\", \"max\". Did you mean 'max'?"
            + " Received: mode=maxx",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().patience(-1));
    assertEquals("EarlyStopping: patience must be >= 0. Received: patience=-1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(""));
    assertEquals(
        "EarlyStopping: monitor must be a metric name. Received: monitor=", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping().startFromEpoch(-2));
    assertEquals(
        "EarlyStopping: startFromEpoch must be >= 0. Received: startFromEpoch=-2", e.getMessage());
  }
}
