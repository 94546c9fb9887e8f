package io.keras4j.backend;

/**
 * A backend implementation, registered for {@link java.util.ServiceLoader} (a {@code provides}
 * clause in a module, or {@code META-INF/services/io.keras4j.backend.BackendProvider} on the class
 * path). Creating the backend may be costly; it happens only for the chosen one.
 */
public interface BackendProvider {

  /** The name users select it by ({@code -Dkeras4j.backend=NAME}), e.g. {@code "jvm"}. */
  String name();

  /** Creates the backend (once per process). */
  Backend create();
}
