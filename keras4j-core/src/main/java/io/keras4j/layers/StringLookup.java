package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps strings to integer indices through a vocabulary, as Keras's {@code StringLookup} (see {@link
 * IndexLookup} for the vocabulary, the special indices and the output modes); OOV tokens default to
 * "[UNK]", several OOV indices are picked by FarmHash (SipHash with a salt), as Keras.
 *
 * <p>Strings in and out: a {@link Tensor} holds numbers only, so strings reach the layer as Java
 * lists: {@link #adapt(List)} learns from a list of tokens (each one a sample), {@link #call(List)}
 * maps a batch of tokens to {@code (n,)} indices (encoded modes: one sample, as Keras's rank-1
 * input), {@link #call(String[][])} rows of tokens to {@code (n, m)}; in {@link #invert} mode
 * {@link #invertToStrings(Tensor)} maps indices back to tokens.
 */
public class StringLookup extends IndexLookup<String, StringLookup> {
  public StringLookup() {
    super("[UNK]");
  }

  /** Learns the vocabulary from tokens, one sample each (Keras's rank-1 data). */
  public void adapt(List<String> tokens) {
    List<List<String>> docs = new ArrayList<>();
    for (String t : tokens) {
      docs.add(List.of(t));
    }
    adaptTokens(docs);
  }

  /** Learns the vocabulary from rows of tokens (each row a document, for "tf_idf"). */
  public void adapt(String[][] rows) {
    List<List<String>> docs = new ArrayList<>();
    for (String[] r : rows) {
      docs.add(List.of(r));
    }
    adaptTokens(docs);
  }

  /** Learns from documents of tokens of any length (TextVectorization's path). */
  void adaptDocuments(List<List<String>> documents) {
    adaptTokens(documents);
  }

  /** A batch of tokens: indices {@code (n,)} in "int" mode, else one encoded sample. */
  public Tensor call(List<String> tokens) {
    requireVocabulary();
    int[] ids = new int[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = lookup(tokens.get(i));
    }
    return output(ids, new int[] {ids.length});
  }

  /** Rows of tokens, all of one length: {@code (n, m)} indices, or one encoded row per sample. */
  public Tensor call(String[][] rows) {
    requireVocabulary();
    int m = rows.length == 0 ? 0 : rows[0].length;
    int[] ids = new int[rows.length * m];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != m) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (StringLookup): rows must have the same length. Received:"
                + " rows[0].length="
                + m
                + ", rows["
                + i
                + "].length="
                + rows[i].length);
      }
      for (int j = 0; j < m; j++) {
        ids[i * m + j] = lookup(rows[i][j]);
      }
    }
    return output(ids, new int[] {rows.length, m});
  }

  /** Indices of documents of any length (TextVectorization's path); -1 marks a dropped mask. */
  List<int[]> lookupDocuments(List<List<String>> documents) {
    requireVocabulary();
    List<int[]> out = new ArrayList<>();
    for (List<String> d : documents) {
      int[] ids = new int[d.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = lookup(d.get(i));
      }
      out.add(ids);
    }
    return out;
  }

  /** {@code invert} mode: the tokens of indices, in row-major order. */
  public List<String> invertToStrings(Tensor indices) {
    if (!inverted()) {
      throw new IllegalStateException(
          "Layer '"
              + name()
              + "' (StringLookup): invertToStrings needs invert(true). Received:"
              + " invert=false");
    }
    List<String> out = new ArrayList<>();
    for (int i : indices.asInt().toIntArray()) {
      out.add(token(i));
    }
    return out;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    throw new IllegalArgumentException(
        "Layer '"
            + name()
            + "' (StringLookup): a Tensor holds numbers, not strings: call"
            + " call(List<String>) or call(String[][]) (invertToStrings(Tensor) in invert mode)."
            + " Received: a "
            + inputs.dtype()
            + " tensor");
  }

  @Override
  protected String tokenFromText(String text) {
    return text;
  }

  @Override
  protected int compareTokens(String a, String b) {
    // The order of their UTF-8 bytes, as numpy sorts bytes: code point order.
    return compareCodePoints(a, b);
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  @Override
  protected int oovIndex(String token, int numOov, long[] salt) {
    return salt == null
        ? StringHashes.fastBucket(token, numOov)
        : StringHashes.strongBucket(token, numOov, salt[0], salt[1]);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = lookupConfig("string");
    c.remove("vocabulary_dtype");
    c.put("encoding", "utf-8");
    return c;
  }

  public static StringLookup fromConfig(Config c) {
    String enc = c.getString("encoding", "utf-8");
    if (!"utf-8".equalsIgnoreCase(enc)) {
      throw new IllegalArgumentException(
          "Layer StringLookup: only the utf-8 encoding is supported. Received: encoding=" + enc);
    }
    StringLookup l = IndexLookupConfigs.read(c, new StringLookup(), String::valueOf);
    return l.applyBaseConfig(c, l);
  }
}
