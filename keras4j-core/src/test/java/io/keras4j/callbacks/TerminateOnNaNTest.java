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

/** TerminateOnNaN, with Keras 3's messages (terminate_on_nan.py). */
class TerminateOnNaNTest {
  @Test
  void finiteLossesDoNothing() {
    TestModel model = new TestModel(1);
    TerminateOnNaN cb = new TerminateOnNaN();
    Fixtures.Captured out = Fixtures.capture(cb);
    cb.setModel(model);
    cb.onTrainBatchEnd(0, logs("loss", 1e30));
    cb.onTrainBatchEnd(1, logs("accuracy", Double.NaN)); // only the loss is looked at
    assertFalse(model.stopTraining());
    assertEquals("", out.text());
  }

  @Test
  void nanLossStopsGracefully() {
    TestModel model = new TestModel(1);
    TerminateOnNaN cb = new TerminateOnNaN();
    Fixtures.Captured out = Fixtures.capture(cb);
    // through a CallbackList, as the trainer calls it: onTrainBatchEnd reaches onBatchEnd
    CallbackList list = new CallbackList(List.of(cb));
    list.setModel(model);
    list.onTrainBatchEnd(7, logs("loss", Double.NaN));
    assertTrue(model.stopTraining());
    assertEquals("Batch 7: Invalid loss, terminating training\n", out.text());
  }

  @Test
  void infiniteLossStopsToo() {
    TestModel model = new TestModel(1);
    TerminateOnNaN cb = new TerminateOnNaN();
    Fixtures.capture(cb);
    cb.setModel(model);
    cb.onTrainBatchEnd(2, logs("loss", Double.NEGATIVE_INFINITY));
    assertTrue(model.stopTraining());
  }

  @Test
  void raiseErrorThrowsAtOnce() {
    TestModel model = new TestModel(1);
    TerminateOnNaN cb = new TerminateOnNaN(true);
    cb.setModel(model);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> cb.onTrainBatchEnd(3, logs("loss", Double.POSITIVE_INFINITY)));
    assertEquals(
        "NaN or Inf loss encountered at batch 3. Loss value: inf. Terminating training"
            + " immediately.",
        e.getMessage());
    assertFalse(model.stopTraining());
    cb.raiseError(false);
    Fixtures.capture(cb);
    cb.onTrainBatchEnd(4, logs("loss", Double.NaN));
    assertTrue(model.stopTraining());
    cb.onTestBatchEnd(0, Map.of()); // other hooks do nothing
  }
}
