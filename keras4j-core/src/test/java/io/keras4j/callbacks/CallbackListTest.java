package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.callbacks.Fixtures.TestModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CallbackList dispatch, following Keras 3's callback_list.py. */
class CallbackListTest {

  /** Records "name:hook:index:keys" for every call. */
  static final class Recorder extends Callback {
    final String name;
    final List<String> calls;

    Recorder(String name, List<String> calls) {
      this.name = name;
      this.calls = calls;
    }

    void record(String hook, int index, Map<String, Double> logs) {
      calls.add(name + ":" + hook + ":" + index + ":" + List.copyOf(logs.keySet()));
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
      record("trainBegin", -1, logs);
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
      record("epochBegin", epoch, logs);
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
      record("batchEnd", batch, logs);
    }

    @Override
    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
      record("testBatchEnd", batch, logs);
    }

    @Override
    public void onPredictEnd(Map<String, Double> logs) {
      record("predictEnd", -1, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      record("epochEnd", epoch, logs);
    }
  }

  @Test
  void callsEachCallbackInOrderWithSortedLogs() {
    List<String> calls = new ArrayList<>();
    CallbackList list = new CallbackList(new Recorder("a", calls), new Recorder("b", calls));
    list.onTrainBegin(null);
    list.onEpochBegin(0, null);
    // onTrainBatchEnd's default reaches the onBatchEnd alias, as in Keras
    list.onTrainBatchEnd(4, logs("loss", 1.0, "accuracy", 0.5));
    list.onTestBatchEnd(2, logs("val", 1.0));
    list.onPredictEnd(Map.of());
    assertEquals(
        List.of(
            "a:trainBegin:-1:[]",
            "b:trainBegin:-1:[]",
            "a:epochBegin:0:[]",
            "b:epochBegin:0:[]",
            "a:batchEnd:4:[accuracy, loss]",
            "b:batchEnd:4:[accuracy, loss]",
            "a:testBatchEnd:2:[val]",
            "b:testBatchEnd:2:[val]",
            "a:predictEnd:-1:[]",
            "b:predictEnd:-1:[]"),
        calls);
  }

  @Test
  void historyThenProgbarAreAddedAfterTheUserCallbacks() {
    Callback user = new Callback();
    CallbackList list = new CallbackList(List.of(user), true, true);
    assertEquals(3, list.callbacks().size());
    assertSame(user, list.callbacks().get(0));
    assertSame(list.history(), list.callbacks().get(1));
    assertSame(list.progbar(), list.callbacks().get(2));
    assertInstanceOf(History.class, list.callbacks().get(1));

    History mine = new History();
    CallbackList given = new CallbackList(List.of(mine), true, false);
    assertEquals(List.of(mine), given.callbacks());
    assertSame(mine, given.history());
    assertEquals(null, given.progbar());
    assertEquals(0, new CallbackList(List.of(), false, false).callbacks().size());
  }

  @Test
  void aCallbackAddingToTheLogsIsSeenByTheHistoryButNotByTheTrainer() {
    TestModel model = new TestModel(0.125);
    CallbackList list =
        new CallbackList(List.of(new LearningRateScheduler((e, lr) -> lr)), true, false);
    list.setModel(model);
    list.onTrainBegin(Map.of());
    Map<String, Double> trainerLogs = Map.of("val_loss", 0.5, "loss", 0.25); // immutable
    list.onEpochBegin(0, Map.of());
    list.onEpochEnd(0, trainerLogs);
    assertEquals(
        Map.of("loss", List.of(0.25), "val_loss", List.of(0.5), "learning_rate", List.of(0.125)),
        list.history().history());
    // sorted keys first, then what callbacks added, as pythonify_logs then the callbacks do
    assertEquals(
        List.of("loss", "val_loss", "learning_rate"),
        List.copyOf(list.history().history().keySet()));
    assertEquals(2, trainerLogs.size());
  }

  @Test
  void eachCallGetsItsOwnCopy() {
    List<Map<String, Double>> seen = new ArrayList<>();
    LambdaCallback keep = new LambdaCallback().onTrainBatchEnd((b, l) -> seen.add(l));
    CallbackList list = new CallbackList(keep);
    Map<String, Double> running = new HashMap<>(logs("loss", 1.0));
    list.onTrainBatchEnd(0, running);
    running.put("loss", 0.5);
    list.onTrainBatchEnd(1, running);
    assertEquals(List.of(Map.of("loss", 1.0), Map.of("loss", 0.5)), seen);
    assertNotSame(running, seen.get(0));
  }

  @Test
  void modelAndParamsReachEveryCallback() {
    Callback a = new Callback();
    Callback b = new Callback();
    CallbackList list = new CallbackList(a, b);
    TestModel model = new TestModel(1);
    list.setModel(model);
    list.setModel(null); // ignored, as Keras does
    assertSame(model, a.model());
    assertSame(model, b.model());
    Map<String, Object> params = Map.of("epochs", 3, "steps", 10, "verbose", 0);
    list.setParams(params);
    assertSame(params, a.params());
    assertSame(params, b.params());
    list.setParams(Map.of()); // empty params are not passed on
    assertSame(params, b.params());
  }

  @Test
  void appendAddsAtTheEndAndNullsAreRefused() {
    Callback a = new Callback();
    Callback b = new Callback();
    CallbackList list = new CallbackList(a).append(b);
    assertEquals(List.of(a, b), list.callbacks());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> list.append(null));
    assertEquals("CallbackList: callback must not be null. Received: null", e.getMessage());
    List<Callback> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> new CallbackList(withNull));
  }
}
