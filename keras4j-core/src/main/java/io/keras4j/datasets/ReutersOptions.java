package io.keras4j.datasets;

/**
 * The keyword arguments of Keras's {@code keras.datasets.reuters.load_data}, for {@link
 * Reuters#loadData(ReutersOptions)}, with Keras's defaults: {@code numWords} none (every word),
 * {@code skipTop} 0, {@code maxlen} none, {@code testSplit} 0.2, {@code seed} 113, {@code
 * startChar} 1, {@code oovChar} 2, {@code indexFrom} 3.
 */
public final class ReutersOptions {
  Integer numWords;
  int skipTop;
  Integer maxlen;
  double testSplit = 0.2;
  long seed = 113;
  Integer startChar = 1;
  Integer oovChar = 2;
  int indexFrom = 3;

  /**
   * Keep the indices below {@code numWords} (after {@code indexFrom} is added); the others become
   * {@code oovChar}. Without it, Keras takes the largest index present (which then itself counts as
   * out of vocabulary, as in Keras).
   */
  public ReutersOptions numWords(int numWords) {
    this.numWords = positive("numWords", numWords);
    return this;
  }

  /** Treat the indices below {@code skipTop} (the start, OOV and most frequent words) as OOV. */
  public ReutersOptions skipTop(int skipTop) {
    if (skipTop < 0) {
      throw bad("skipTop", skipTop, ">= 0");
    }
    this.skipTop = skipTop;
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

  /** The seed of the shuffle ({@code np.random.RandomState(seed)}), 113 by default. */
  public ReutersOptions seed(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw bad("seed", seed, "in [0, 2^32)");
    }
    this.seed = seed;
    return this;
  }

  /** The index that starts every newswire (1); see {@link #noStartChar()}. */
  public ReutersOptions startChar(int startChar) {
    this.startChar = startChar;
    return this;
  }

  /** No start index (Keras's {@code start_char=None}). */
  public ReutersOptions noStartChar() {
    this.startChar = null;
    return this;
  }

  /** The index that replaces a word outside {@code [skipTop, numWords)} (2). */
  public ReutersOptions oovChar(int oovChar) {
    this.oovChar = oovChar;
    return this;
  }

  /** Drop such words instead of replacing them (Keras's {@code oov_char=None}). */
  public ReutersOptions noOovChar() {
    this.oovChar = null;
    return this;
  }

  /** The offset added to the word ranks (3: 0 pads, 1 starts, 2 is out of vocabulary). */
  public ReutersOptions indexFrom(int indexFrom) {
    if (indexFrom < 0) {
      throw bad("indexFrom", indexFrom, ">= 0");
    }
    this.indexFrom = indexFrom;
    return this;
  }

  private static int positive(String arg, int v) {
    if (v < 1) {
      throw bad(arg, v, ">= 1");
    }
    return v;
  }

  private static IllegalArgumentException bad(String arg, long v, String expected) {
    return new IllegalArgumentException(
        "Reuters: " + arg + " must be " + expected + ". Received: " + arg + "=" + v);
  }
}
