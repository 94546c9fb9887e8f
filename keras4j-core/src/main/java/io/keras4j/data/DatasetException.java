package io.keras4j.data;

/**
 * A stage of a {@link Dataset} pipeline failed to produce an element: a {@code map} function or a
 * generator threw, a CSV line is malformed, elements to batch differ in shape. The message names
 * the stage (its place in the pipeline) and the element; the cause is what was thrown.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }

  public DatasetException(String message) {
    super(message);
  }
}
