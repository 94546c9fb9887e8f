package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keras4j-core alone has no chart library: History.plot names the module that draws. */
class HistoryPlotTest {
  @TempDir Path dir;

  @Test
  void withoutKeras4jPlotsTheErrorNamesTheArtifact() {
    assertTrue(
        ServiceLoader.load(HistoryPlotter.class).findFirst().isEmpty(),
        "keras4j-core's tests run without keras4j-plots");
    History h = new History();
    h.onTrainBegin(Map.of());
    h.onEpochEnd(0, logs("loss", 1.0));
    Path file = dir.resolve("history.png");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.plot(file));
    assertEquals(
        "History.plot: no chart plotter found. Add the artifact io.keras4j:keras4j-plots (module"
            + " io.keras4j.plots, JFreeChart) to the class path or module path. Received: no"
            + " provider of io.keras4j.callbacks.HistoryPlotter",
        e.getMessage());
    assertFalse(Files.exists(file));
  }
}
