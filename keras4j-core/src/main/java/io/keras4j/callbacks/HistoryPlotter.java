package io.keras4j.callbacks;

import java.nio.file.Path;

/**
 * Draws a {@link History} into an image file: the service behind {@link History#plot(Path)}. The
 * module {@code io.keras4j:keras4j-plots} provides it (JFreeChart), so that keras4j-core needs no
 * charting library; {@code History.plot} finds it with {@link java.util.ServiceLoader}.
 */
public interface HistoryPlotter {
  /** Writes the charts of {@code history} (loss and metrics per epoch) to {@code file}. */
  void plot(History history, Path file);
}
