package io.keras4j.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the backend of the process once, lazily, in a holder class: the one named by the system
 * property {@code keras4j.backend} or the environment variable {@code KERAS4J_BACKEND}, else
 * {@value #DEFAULT}. A name that no provider has is a clear error listing the ones found.
 */
public final class Backends {
  /** The pure Java backend's name, the default. */
  public static final String DEFAULT = "jvm";

  private Backends() {}

  private static final class Holder {
    static final Backend CURRENT = select(requestedName());
  }

  static Backend current() {
    return Holder.CURRENT;
  }

  /** The names of the backends found on the class path or module path. */
  public static List<String> available() {
    List<String> names = new ArrayList<>();
    for (BackendProvider p : providers()) {
      names.add(p.name());
    }
    return names;
  }

  /** The name asked for by property or environment, or {@value #DEFAULT}. */
  static String requestedName() {
    String name = System.getProperty("keras4j.backend");
    if (name == null || name.isBlank()) {
      name = System.getenv("KERAS4J_BACKEND");
    }
    return name == null || name.isBlank() ? DEFAULT : name.trim();
  }

  /** Creates the backend of that name, or fails naming the ones found. */
  static Backend select(String name) {
    List<BackendProvider> found = providers();
    for (BackendProvider p : found) {
      if (p.name().equalsIgnoreCase(name)) {
        return p.create();
      }
    }
    List<String> names = new ArrayList<>();
    for (BackendProvider p : found) {
      names.add(p.name());
    }
    throw new IllegalStateException(
        "No keras4j backend named '"
            + name
            + "' was found (set by -Dkeras4j.backend or KERAS4J_BACKEND). Backends found: "
            + (names.isEmpty() ? "none" : String.join(", ", names))
            + ". Received: keras4j.backend="
            + name);
  }

  private static List<BackendProvider> providers() {
    List<BackendProvider> list = new ArrayList<>();
    for (BackendProvider p :
        ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
      list.add(p);
    }
    return list;
  }
}
