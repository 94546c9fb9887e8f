package io.keras4j.saving;

import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * jhdf (the HDF5 reader) logs through SLF4J. An application without an SLF4J provider would get
 * SLF4J's three-line "no providers" warning on stderr the first time it loads a Keras file, for
 * logging it never asked for. When no provider is installed and {@code slf4j.provider} is not set,
 * this selects SLF4J's own no-operation provider (what SLF4J falls back to anyway), without the
 * warning, and keeps SLF4J's own reporter to warnings. An application with a provider, or that set
 * the property, is left as it is.
 */
final class Slf4jDefaults {
  private static final String PROPERTY = "slf4j.provider";
  private static final String VERBOSITY = "slf4j.internal.verbosity";
  private static volatile boolean done;

  private Slf4jDefaults() {}

  static void quietWithoutProvider() {
    if (done) {
      return;
    }
    synchronized (Slf4jDefaults.class) {
      if (!done
          && System.getProperty(PROPERTY) == null
          && ServiceLoader.load(SLF4JServiceProvider.class).findFirst().isEmpty()) {
        System.setProperty(PROPERTY, "org.slf4j.helpers.NOP_FallbackServiceProvider");
        // SLF4J would report at INFO that it read the property: keep its own reporter to warnings.
        if (System.getProperty(VERBOSITY) == null) {
          System.setProperty(VERBOSITY, "WARN");
        }
      }
      done = true;
    }
  }
}
