package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** History keeps Keras 3's semantics: values per epoch, epoch indices restart with each fit. */
class HistoryTest {
  @Test
  void recordsEveryEpoch() {
    History h = new History();
    h.onTrainBegin(Map.of());
    h.onEpochEnd(0, logs("accuracy", 0.5, "loss", 0.9, "val_loss", 1.1));
    h.onEpochEnd(1, logs("accuracy", 0.75, "loss", 0.6, "val_loss", 0.8));
    assertEquals(List.of(0.9, 0.6), h.get("loss"));
    assertEquals(List.of(0.5, 0.75), h.get("accuracy"));
    assertEquals(List.of(1.1, 0.8), h.get("val_loss"));
    assertEquals(List.of(0, 1), h.epoch());
    assertEquals(List.of("accuracy", "loss", "val_loss"), List.copyOf(h.history().keySet()));
  }

  @Test
  void aSecondFitRestartsTheEpochsButKeepsTheValues() {
    History h = new History();
    h.onTrainBegin(Map.of());
    h.onEpochEnd(0, logs("loss", 1.0));
    h.onTrainBegin(Map.of());
    h.onEpochEnd(0, logs("loss", 0.5));
    assertEquals(List.of(0), h.epoch());
    assertEquals(List.of(1.0, 0.5), h.get("loss"));
  }

  @Test
  void viewsAreReadOnly() {
    History h = new History();
    h.onEpochEnd(0, logs("loss", 1.0));
    assertThrows(UnsupportedOperationException.class, () -> h.get("loss").add(2.0));
    assertThrows(UnsupportedOperationException.class, () -> h.history().clear());
    assertThrows(UnsupportedOperationException.class, () -> h.epoch().clear());
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    History h = new History();
    h.onEpochEnd(0, logs("loss", 1.0, "val_loss", 2.0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> h.get("val_los"));
    assertEquals(
        "History: no values for 'val_los'. Did you mean 'val_loss'? Available: [loss, val_loss]."
            + " Received: name=val_los",
        e.getMessage());
  }
}
