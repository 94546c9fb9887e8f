package io.keras4j.callbacks;

import java.util.ServiceLoader;

/** Finds the {@link HistoryPlotter} of keras4j-plots, or says which artifact to add. */
final class HistoryPlotters {
  private HistoryPlotters() {}

  static HistoryPlotter find() {
    return ServiceLoader.load(HistoryPlotter.class)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "History.plot: no chart plotter found. Add the artifact"
                        + " io.keras4j:keras4j-plots (module io.keras4j.plots, JFreeChart) to the"
                        + " class path or module path. Received: no provider of "
                        + HistoryPlotter.class.getName()));
  }
}
