package io.keras4j.saving;

import java.nio.file.Path;

/**
 * A Keras file that cannot be loaded: unreadable, corrupt, truncated, too big, holding a class
 * keras4j refuses (such as {@code Lambda}) or weights that disagree with the model. The message
 * names the file and what is wrong with it.
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

  /** The file that could not be loaded. */
  public Path file() {
    return file;
  }
}
