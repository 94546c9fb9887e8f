package io.keras4j.plots;

import io.keras4j.callbacks.History;
import io.keras4j.callbacks.HistoryPlotter;
import java.nio.file.Path;

/**
 * The {@link HistoryPlotter} behind {@code History.plot(Path)}: {@link HistoryCharts} written as a
 * PNG. Found by keras4j-core through {@link java.util.ServiceLoader}.
 */
public final class JFreeHistoryPlotter implements HistoryPlotter {
  /** For {@link java.util.ServiceLoader}. */
  public JFreeHistoryPlotter() {}

  @Override
  public void plot(History history, Path file) {
    Plots.history(history, file);
  }
}
