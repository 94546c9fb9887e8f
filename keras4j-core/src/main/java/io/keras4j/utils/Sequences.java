package io.keras4j.utils;

import io.keras4j.Tensor;
import java.util.List;

/**
 * Keras's sequence utilities ({@code keras.utils.pad_sequences}): ragged integer sequences, such as
 * the token ids {@link io.keras4j.datasets.Imdb} gives, made into one int32 matrix.
 */
public final class Sequences {
  private Sequences() {}

  /**
   * Pads (or truncates) every sequence to the longest one's length, with Keras's defaults: padding
   * and truncating "pre", value 0.
   */
  public static Tensor padSequences(List<int[]> sequences) {
    return padSequences(sequences, new PadSequencesOptions());
  }

  /**
   * Pads (or truncates) every sequence to {@code maxlen} values, with Keras's defaults: zeros
   * before a shorter sequence, the first values of a longer one dropped.
   */
  public static Tensor padSequences(List<int[]> sequences, int maxlen) {
    return padSequences(sequences, new PadSequencesOptions().maxlen(maxlen));
  }

  /**
   * As {@code keras.utils.pad_sequences(sequences, maxlen, dtype="int32", padding, truncating,
   * value)}: an int32 tensor {@code (len(sequences), maxlen)}. An empty sequence gives a row of the
   * padding value; with {@code maxlen} unset the rows are as long as the longest sequence.
   */
  public static Tensor padSequences(List<int[]> sequences, PadSequencesOptions options) {
    if (sequences == null) {
      throw new IllegalArgumentException("padSequences: sequences must not be null");
    }
    int n = sequences.size();
    int longest = 0;
    for (int i = 0; i < n; i++) {
      int[] s = sequences.get(i);
      if (s == null) {
        throw new IllegalArgumentException(
            "padSequences: sequence " + i + " is null. Received: sequences[" + i + "]=null");
      }
      longest = Math.max(longest, s.length);
    }
    int maxlen = options.maxlen() == null ? longest : options.maxlen();
    boolean padPost = "post".equals(options.padding());
    boolean truncPost = "post".equals(options.truncating());
    int[] out = new int[n * maxlen];
    if (options.value() != 0) {
      java.util.Arrays.fill(out, options.value());
    }
    for (int i = 0; i < n; i++) {
      int[] s = sequences.get(i);
      int len = Math.min(s.length, maxlen);
      int from = truncPost ? 0 : s.length - len;
      int to = i * maxlen + (padPost ? 0 : maxlen - len);
      System.arraycopy(s, from, out, to, len);
    }
    return Tensor.ofInts(out, n, maxlen);
  }
}
