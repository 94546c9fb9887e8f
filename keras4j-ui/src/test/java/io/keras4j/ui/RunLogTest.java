package io.keras4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cap on batch points and the JSON of missing and non-finite values. */
class RunLogTest {
  private static JsonNode json(RunLog run) throws IOException {
    StringBuilder out = new StringBuilder();
    run.toJson(out);
    return TestSupport.JSON.readTree(out.toString());
  }

  @Test
  void batchPointsAreThinnedToEvenlySpacedSteps() throws IOException {
    RunLog run = new RunLog(1, "r", 8);
    run.trainBegin("", 1, 100);
    for (int step = 0; step < 100; step++) {
      run.batch(0, Map.of("loss", (double) step / 2));
    }
    JsonNode j = json(run);
    assertEquals(100, j.get("batches_seen").asLong());
    // 8 points fill at step 7; then steps 0,2,..,14 at step 14 (stride 2); 0,4,..,28 (4); ...
    // 0,16,..,112 is 8 points at stride 16 once step 112 comes: at 100 steps, stride 16 holds 7.
    assertEquals(16, j.get("batch_stride").asInt());
    double[] steps = TrainingServerTest.doubles(j.get("batch").get("step"));
    assertEquals(7, steps.length);
    for (int i = 0; i < steps.length; i++) {
      assertEquals(16 * i, steps[i], 0.0);
      assertEquals(8.0 * i, j.get("batch").get("loss").get(i).asDouble(), 0.0);
    }
    assertEquals(49.5, j.get("last_batch").get("loss").asDouble(), 0.0);
  }

  @Test
  void missingAndNonFiniteValuesAreNull() throws IOException {
    RunLog run = new RunLog(3, "quote \" and </script>", 10);
    run.epoch(0, Map.of("loss", 1.5));
    run.epoch(1, new java.util.TreeMap<>(Map.of("loss", Double.NaN, "val_loss", 0.25)));
    JsonNode j = json(run);
    assertEquals("quote \" and </script>", j.get("name").asText());
    JsonNode e = j.get("epoch");
    assertEquals("[0,1]", e.get("epoch").toString());
    assertEquals("[1.5,null]", e.get("loss").toString());
    assertEquals("[null,0.25]", e.get("val_loss").toString());
    assertEquals("waiting", j.get("status").asText());
  }

  @Test
  void aSecondFitContinuesTheEpochAxis() throws IOException {
    RunLog run = new RunLog(1, "r", 10);
    run.epoch(0, Map.of("loss", 1.0));
    run.epoch(1, Map.of("loss", 0.5));
    run.epoch(0, Map.of("loss", 0.25)); // the same callback in a second fit
    run.epoch(5, Map.of("loss", 0.125)); // initialEpoch(5)
    assertEquals("[0,1,2,5]", json(run).get("epoch").get("epoch").toString());
  }
}
