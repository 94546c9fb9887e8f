package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LambdaCallback runs the given function at each hook. */
class LambdaCallbackTest {
  @Test
  void eachOptionSetsItsHook() {
    List<String> calls = new ArrayList<>();
    LambdaCallback cb =
        new LambdaCallback()
            .onTrainBegin(l -> calls.add("trainBegin " + l))
            .onEpochBegin((e, l) -> calls.add("epochBegin " + e))
            .onTrainBatchBegin((b, l) -> calls.add("trainBatchBegin " + b))
            .onTrainBatchEnd((b, l) -> calls.add("trainBatchEnd " + b + " " + l.get("loss")))
            .onEpochEnd((e, l) -> calls.add("epochEnd " + e + " " + l.get("val_loss")))
            .onTrainEnd(l -> calls.add("trainEnd"))
            .onTestBegin(l -> calls.add("testBegin"))
            .onTestBatchBegin((b, l) -> calls.add("testBatchBegin " + b))
            .onTestBatchEnd((b, l) -> calls.add("testBatchEnd " + b))
            .onTestEnd(l -> calls.add("testEnd"))
            .onPredictBegin(l -> calls.add("predictBegin"))
            .onPredictBatchBegin((b, l) -> calls.add("predictBatchBegin " + b))
            .onPredictBatchEnd((b, l) -> calls.add("predictBatchEnd " + b))
            .onPredictEnd(l -> calls.add("predictEnd"));
    cb.onTrainBegin(Map.of());
    cb.onEpochBegin(0, Map.of());
    cb.onTrainBatchBegin(0, Map.of());
    cb.onTrainBatchEnd(0, logs("loss", 0.5));
    cb.onTestBegin(Map.of());
    cb.onTestBatchBegin(0, Map.of());
    cb.onTestBatchEnd(0, Map.of());
    cb.onTestEnd(Map.of());
    cb.onEpochEnd(0, logs("val_loss", 0.25));
    cb.onTrainEnd(Map.of());
    cb.onPredictBegin(Map.of());
    cb.onPredictBatchBegin(1, Map.of());
    cb.onPredictBatchEnd(1, Map.of());
    cb.onPredictEnd(Map.of());
    assertEquals(
        List.of(
            "trainBegin {}",
            "epochBegin 0",
            "trainBatchBegin 0",
            "trainBatchEnd 0 0.5",
            "testBegin",
            "testBatchBegin 0",
            "testBatchEnd 0",
            "testEnd",
            "epochEnd 0 0.25",
            "trainEnd",
            "predictBegin",
            "predictBatchBegin 1",
            "predictBatchEnd 1",
            "predictEnd"),
        calls);
  }

  @Test
  void unsetHooksDoNothingAndTheBatchAliasesStillWork() {
    List<String> calls = new ArrayList<>();
    LambdaCallback cb =
        new LambdaCallback()
            .onBatchBegin((b, l) -> calls.add("batchBegin " + b))
            .onBatchEnd((b, l) -> calls.add("batchEnd " + b));
    cb.onTrainBegin(Map.of());
    cb.onEpochEnd(0, Map.of());
    cb.onTrainBatchBegin(3, Map.of()); // no onTrainBatchBegin function: the alias runs
    cb.onTrainBatchEnd(3, Map.of());
    cb.onTestBatchEnd(3, Map.of()); // test batches have no alias
    assertEquals(List.of("batchBegin 3", "batchEnd 3"), calls);
  }
}
