package io.keras4j.losses;

import java.util.Arrays;

/**
 * A target value a loss cannot use, such as a class label out of range, with where it is. The loss
 * knows the position in the batch it was given ({@code yTrue[21]}); {@code fit} and {@code
 * evaluate} know which rows of the user's data that batch holds, and rethrow the error naming the
 * row of the data ({@code y[1234]}), also when the batches are shuffled.
 */
public final class InvalidTargetException extends IllegalArgumentException {
  private final String problem;
  private final int[] position;
  private final String value;
  private final String output;

  /**
   * @param problem what is wrong, naming the loss and what was expected (no "Received:" part)
   * @param position the index of the value in {@code yTrue}, one entry per axis
   * @param value the value, as it should be printed
   */
  public InvalidTargetException(String problem, int[] position, String value) {
    this(
        problem,
        position.clone(),
        value,
        null,
        problem + ". Received: yTrue" + at(position) + "=" + value);
  }

  private InvalidTargetException(
      String problem, int[] position, String value, String output, String message) {
    super(message);
    this.problem = problem;
    this.position = position;
    this.value = value;
    this.output = output;
  }

  private static String at(int[] position) {
    return Arrays.toString(position);
  }

  /** The index of the value in the batch's {@code yTrue}: its first entry is the batch row. */
  public int[] position() {
    return position.clone();
  }

  /** The model output whose target holds the value, or null when the model has one output. */
  public String output() {
    return output;
  }

  /** The same error for the target of a named output of a model with several. */
  public InvalidTargetException forOutput(String outputName) {
    InvalidTargetException e =
        new InvalidTargetException(
            problem,
            position,
            value,
            outputName,
            getMessage() + " (the target of output '" + outputName + "')");
    e.setStackTrace(getStackTrace());
    return e;
  }

  /**
   * The same error naming row {@code dataRow} of the data given to {@code call} ("fit", "evaluate")
   * instead of the batch position: {@code y[1234]=3} (or {@code y['out'][1234]=3}).
   */
  public InvalidTargetException atDataRow(int dataRow, String call) {
    int[] inData = position.clone();
    if (inData.length > 0) {
      inData[0] = dataRow;
    }
    String target = output == null ? "y" : "y['" + output + "']";
    String message =
        problem
            + ". Received: "
            + target
            + at(inData)
            + "="
            + value
            + " (row "
            + dataRow
            + " of the targets given to "
            + call
            + "; yTrue"
            + at(position)
            + " of its batch)";
    InvalidTargetException e = new InvalidTargetException(problem, inData, value, output, message);
    e.initCause(this);
    return e;
  }
}
