package io.keras4j.datasets;

/**
 * The keyword arguments of Keras's {@code keras.datasets.imdb.load_data}, for {@link
 * Imdb#loadData(ImdbOptions)}, with Keras's defaults: {@code numWords} none (every word), {@code
 * skipTop} 0, {@code maxlen} none, {@code seed} 113, {@code startChar} 1, {@code oovChar} 2, {@code
 * indexFrom} 3.
 */
public final class ImdbOptions {
  Integer numWords;
  int skipTop;
  Integer maxlen;
  long seed = 113;
  Integer startChar = 1;
  Integer oovChar = 2;
  int indexFrom = 3;

  /** Keep the {@code numWords - 1} most frequent words' indices (below {@code numWords}). */
  public ImdbOptions numWords(int numWords) {
    this.numWords = positive("numWords", numWords);
    return this;
  }

  /** Treat the {@code skipTop} lowest indices (the most frequent words) as out of vocabulary. */
  public ImdbOptions skipTop(int skipTop) {
    if (skipTop < 0) {
      throw bad("skipTop", skipTop, ">= 0");
    }
    this.skipTop = skipTop;
    return this;
  }

  /** Drop the reviews of {@code maxlen} or more tokens (the start token counted), as Keras. */
  public ImdbOptions maxlen(int maxlen) {
    this.maxlen = positive("maxlen", maxlen);
    return this;
  }

  /** The seed of the shuffle ({@code np.random.RandomState(seed)}), 113 by default. */
  public ImdbOptions seed(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw bad("seed", seed, "in [0, 2^32)");
    }
    this.seed = seed;
    return this;
  }

  /** The index that starts every review (1); see {@link #noStartChar()}. */
  public ImdbOptions startChar(int startChar) {
    this.startChar = startChar;
    return this;
  }

  /** No start index (Keras's {@code start_char=None}). */
  public ImdbOptions noStartChar() {
    this.startChar = null;
    return this;
  }

  /** The index that replaces a word outside {@code [skipTop, numWords)} (2). */
  public ImdbOptions oovChar(int oovChar) {
    this.oovChar = oovChar;
    return this;
  }

  /** Drop such words instead of replacing them (Keras's {@code oov_char=None}). */
  public ImdbOptions noOovChar() {
    this.oovChar = null;
    return this;
  }

  /** The offset added to the word ranks (3: 0 pads, 1 starts, 2 is out of vocabulary). */
  public ImdbOptions indexFrom(int indexFrom) {
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
        "Imdb: " + arg + " must be " + expected + ". Received: " + arg + "=" + v);
  }
}
