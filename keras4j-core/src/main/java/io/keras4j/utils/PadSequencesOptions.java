package io.keras4j.utils;

/**
 * The keyword arguments of Keras's {@code keras.utils.pad_sequences}, for {@link
 * Sequences#padSequences(java.util.List, PadSequencesOptions)}: {@code maxlen} (none: the longest
 * sequence's length), {@code padding} and {@code truncating} ("pre" by default, or "post") and the
 * padding {@code value} (0). The result is int32, Keras's default dtype.
 */
public final class PadSequencesOptions {
  private Integer maxlen;
  private String padding = "pre";
  private String truncating = "pre";
  private int value;

  /** The length of every row; sequences longer than this are truncated. */
  public PadSequencesOptions maxlen(int maxlen) {
    if (maxlen < 0) {
      throw new IllegalArgumentException(
          "padSequences: maxlen must be >= 0 (or left unset for the longest sequence). Received:"
              + " maxlen="
              + maxlen);
    }
    this.maxlen = maxlen;
    return this;
  }

  /** "pre" (pad before each sequence, Keras's default) or "post". */
  public PadSequencesOptions padding(String padding) {
    this.padding = check("padding", padding);
    return this;
  }

  /** "pre" (drop values from the start of a longer sequence, Keras's default) or "post". */
  public PadSequencesOptions truncating(String truncating) {
    this.truncating = check("truncating", truncating);
    return this;
  }

  /** The padding value (0 by default). */
  public PadSequencesOptions value(int value) {
    this.value = value;
    return this;
  }

  /** The row length, or null for the longest sequence's. */
  public Integer maxlen() {
    return maxlen;
  }

  public String padding() {
    return padding;
  }

  public String truncating() {
    return truncating;
  }

  public int value() {
    return value;
  }

  private static String check(String arg, String v) {
    if (!"pre".equals(v) && !"post".equals(v)) {
      throw new IllegalArgumentException(
          "padSequences: " + arg + " must be \"pre\" or \"post\". Received: " + arg + "=" + v);
    }
    return v;
  }
}
