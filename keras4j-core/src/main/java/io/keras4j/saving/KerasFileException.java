package io.keras4j.saving;

import java.nio.file.Path;

/**
 * A Keras file that cannot be loaded: unreadable, corrupt, truncated, too big, holding a class
 * keras4j refuses (such as {@code Lambda}) or weights that disagree with the model. The message
 * names the file and what is wrong with it. A save that fails says so the same way.
 */
public final class KerasFileException extends RuntimeException {
  private final transient Path file;

  public KerasFileException(Path file, String problem) {
    super("Cannot load " + file + ": " + problem);
    this.file = file;
  }

  public KerasFileException(Path file, String problem, Throwable cause) {
    super("Cannot load " + file + ": " + problem, cause);
    this.file = file;
  }

  private KerasFileException(Path file, String message, Throwable cause, boolean unused) {
    super(message, cause);
    this.file = file;
  }

  /** A file that could not be saved: the message names the file and why. */
  static KerasFileException onSave(Path file, String problem, Throwable cause) {
    return new KerasFileException(file, "Cannot save " + file + ": " + problem, cause, true);
  }

  /** The file that could not be loaded (or saved). */
  public Path file() {
    return file;
  }
}
