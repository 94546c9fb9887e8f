package io.keras4j.datasets;

/**
 * The keyword arguments that Keras's word-index datasets share ({@code imdb.load_data} and {@code
 * reuters.load_data}), with Keras's defaults: {@code numWords} none (every word), {@code skipTop}
 * 0, {@code maxlen} none, {@code seed} 113, {@code startChar} 1, {@code oovChar} 2, {@code
 * indexFrom} 3.
 *
 * @param <O> the options class itself, which the chained setters return
 */
public abstract sealed class WordIndexOptions<O extends WordIndexOptions<O>>
    permits ImdbOptions, ReutersOptions {
  private final String who;
  Integer numWords;
  int skipTop;
  Integer maxlen;
  long seed = 113;
  Integer startChar = 1;
  Integer oovChar = 2;
  int indexFrom = 3;

  WordIndexOptions(String who) {
    this.who = who;
  }

  /** This object as its own class, for the chained setters. */
  abstract O self();

  /** Treat the indices below {@code skipTop} (the start, OOV and most frequent words) as OOV. */
  public O skipTop(int skipTop) {
    if (skipTop < 0) {
      throw bad("skipTop", skipTop, ">= 0");
    }
    this.skipTop = skipTop;
    return self();
  }

  /** The seed of the shuffle ({@code np.random.RandomState(seed)}), 113 by default. */
  public O seed(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw bad("seed", seed, "in [0, 2^32)");
    }
    this.seed = seed;
    return self();
  }

  /** The index that starts every sequence (1); see {@link #noStartChar()}. */
  public O startChar(int startChar) {
    this.startChar = startChar;
    return self();
  }

  /** No start index (Keras's {@code start_char=None}). */
  public O noStartChar() {
    this.startChar = null;
    return self();
  }

  /** The index that replaces a word outside {@code [skipTop, numWords)} (2). */
  public O oovChar(int oovChar) {
    this.oovChar = oovChar;
    return self();
  }

  /** Drop such words instead of replacing them (Keras's {@code oov_char=None}). */
  public O noOovChar() {
    this.oovChar = null;
    return self();
  }

  /** The offset added to the word ranks (3: 0 pads, 1 starts, 2 is out of vocabulary). */
  public O indexFrom(int indexFrom) {
    if (indexFrom < 0) {
      throw bad("indexFrom", indexFrom, ">= 0");
    }
    this.indexFrom = indexFrom;
    return self();
  }

  /**
   * A sequence as Keras prepares it: {@code startChar} first (when set), every index offset by
   * {@code indexFrom}; null when it is not shorter than {@code maxlen} (Keras drops it).
   */
  int[] indexed(int[] s) {
    int start = startChar != null ? 1 : 0;
    if (maxlen != null && s.length + start >= maxlen) {
      return null;
    }
    int[] t = new int[s.length + start];
    if (start == 1) {
      t[0] = startChar;
    }
    for (int i = 0; i < s.length; i++) {
      t[start + i] = s[i] + indexFrom;
    }
    return t;
  }

  /** The largest index in {@code xs}, at least {@code floor}: Keras's {@code num_words} default. */
  static int largestIndex(java.util.List<int[]> xs, int floor) {
    int largest = floor;
    for (int[] s : xs) {
      for (int w : s) {
        largest = Math.max(largest, w);
      }
    }
    return largest;
  }

  /**
   * Keras's vocabulary cut, in place: an index outside {@code [skipTop, numWords)} becomes {@code
   * oovChar}, or is dropped without one.
   */
  void keepWords(java.util.List<int[]> xs, int numWords) {
    for (int i = 0; i < xs.size(); i++) {
      int[] s = xs.get(i);
      int[] out = new int[s.length];
      int k = 0;
      for (int w : s) {
        if (skipTop <= w && w < numWords) {
          out[k++] = w;
        } else if (oovChar != null) {
          out[k++] = oovChar;
        }
      }
      xs.set(i, k == out.length ? out : java.util.Arrays.copyOf(out, k));
    }
  }

  int positive(String arg, int v) {
    if (v < 1) {
      throw bad(arg, v, ">= 1");
    }
    return v;
  }

  IllegalArgumentException bad(String arg, long v, String expected) {
    return new IllegalArgumentException(
        who + ": " + arg + " must be " + expected + ". Received: " + arg + "=" + v);
  }
}
