package io.keras4j.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Catches what one class of the library logs (through {@code java.util.logging} or {@code
 * System.Logger}, which writes to it) while a test expects it: the test can assert the message, and
 * the console stays quiet. Use in try-with-resources; closing restores the logger.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(R2Score.class)) {
 *   ...
 *   assertTrue(log.contains("Falling back to standard R2 score"), log.messages().toString());
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger; // held, so that the configuration below is not collected
  private final boolean parentHandlers;
  private final Level level;
  private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
          messages.add(r.getLevel() + ": " + formatter.formatMessage(r));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture(String name) {
    logger = Logger.getLogger(name);
    parentHandlers = logger.getUseParentHandlers();
    level = logger.getLevel();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Captures the logger of that name (for a package-private class of the library). */
  public static LogCapture named(String name) {
    return new LogCapture(name);
  }

  /** Captures the logger named after the class (as the library names its loggers). */
  public static LogCapture of(Class<?> source) {
    return new LogCapture(source.getName());
  }

  /** The captured messages, each as {@code LEVEL: text}. */
  public List<String> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  /** Whether a captured message contains the text. */
  public boolean contains(String text) {
    return messages().stream().anyMatch(m -> m.contains(text));
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(level);
    logger.setUseParentHandlers(parentHandlers);
  }
}
