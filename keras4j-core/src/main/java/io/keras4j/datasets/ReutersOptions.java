package io.keras4j.datasets;

/**
 * The keyword arguments of Keras's {@code keras.datasets.reuters.load_data}, for {@link
 * Reuters#loadData(ReutersOptions)}, with Keras's defaults: {@code numWords} none (every word),
 * {@code skipTop} 0, {@code maxlen} none, {@code testSplit} 0.2, {@code seed} 113, {@code
 * startChar} 1, {@code oovChar} 2, {@code indexFrom} 3.
 */
public final class ReutersOptions extends WordIndexOptions<ReutersOptions> {
  double testSplit = 0.2;

  public ReutersOptions() {
    super("Reuters");
  }

  @Override
  ReutersOptions self() {
    return this;
  }

  /**
   * Keep the indices below {@code numWords} (after {@code indexFrom} is added); the others become
   * {@code oovChar}. Without it, Keras takes the largest index present (which then itself counts as
   * out of vocabulary, as in Keras).
   */
  public ReutersOptions numWords(int numWords) {
    this.numWords = positive("numWords", numWords);
    return this;
  }

  /** Drop the newswires of {@code maxlen} or more tokens (the start token counted), as Keras. */
  public ReutersOptions maxlen(int maxlen) {
    this.maxlen = positive("maxlen", maxlen);
    return this;
  }

  /** The fraction of the shuffled newswires kept for testing, in [0, 1] (0.2). */
  public ReutersOptions testSplit(double testSplit) {
    if (!(testSplit >= 0 && testSplit <= 1)) {
      throw new IllegalArgumentException(
          "Reuters: testSplit must be in [0, 1]. Received: testSplit=" + testSplit);
    }
    this.testSplit = testSplit;
    return this;
  }
}
