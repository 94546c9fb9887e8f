package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns strings into token indices or encoded vectors, as Keras's {@code TextVectorization}: each
 * string is standardized ("lower_and_strip_punctuation" by default, "lower", "strip_punctuation",
 * or none: ASCII lowercasing and the removal of ASCII punctuation {@code
 * !"#$%&()*+,-./:;<=>?@[\]^_`{|}~'}, as TensorFlow's ops), split ("whitespace" by default,
 * "character" into code points, or none: the whole string is one token), optionally turned into
 * n-grams (widths in order, joined by a space), then looked up in a vocabulary through a {@link
 * StringLookup} whose mask token is "" and OOV token "[UNK]": in "int" mode index 0 pads and 1 is
 * out of vocabulary.
 *
 * <p>Strings in: a {@link Tensor} holds numbers only, so a batch of strings reaches the layer as a
 * {@code List<String>}: {@link #adapt(List)} learns the vocabulary (by count, ties by token
 * descending, at most {@code maxTokens} entries special ones included) and {@link #call(List)}
 * returns int32 {@code (batch, outputSequenceLength)} indices padded with 0 after (to the longest
 * sequence when {@code outputSequenceLength} is unset), or float32 {@code (batch, vocabulary)} in
 * "multi_hot", "count", "tf_idf" and (without split) "one_hot" modes. Use it to prepare a model's
 * inputs; inside a model, pass the int tensor it returns.
 */
public class TextVectorization extends Layer implements HasAssets {
  private static final String PUNCTUATION = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'";

  private Integer maxTokens;
  private String standardize = "lower_and_strip_punctuation";
  private String split = "whitespace";
  private int[] ngrams;
  private Object ngramsArg; // Integer or List<Integer>, as the config writes it
  private String outputMode = "int";
  private Integer outputSequenceLength;
  private boolean padToMaxTokens;
  private StringLookup lookup = newLookup();

  public TextVectorization() {}

  private StringLookup newLookup() {
    StringLookup l = new StringLookup().maskToken("").outputMode(outputMode);
    if (maxTokens != null) {
      l.maxTokens(maxTokens);
    }
    return l.padToMaxTokens(padToMaxTokens);
  }

  /** A changed option rebuilds the lookup, keeping the vocabulary given or learnt so far. */
  private TextVectorization relook() {
    Map<String, Object> old = lookup.getConfig();
    List<String> learnt = lookup.getVocabulary(false);
    lookup = newLookup();
    if (old.get("vocabulary") instanceof List<?> given) {
      List<String> v = new ArrayList<>();
      for (Object o : given) {
        v.add(String.valueOf(o));
      }
      if (old.get("idf_weights") instanceof List<?> w) {
        float[] f = new float[w.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = ((Number) w.get(i)).floatValue();
        }
        lookup.vocabulary(v, f);
      } else {
        lookup.vocabulary(v);
      }
    } else if (!learnt.isEmpty() && !"tf_idf".equals(outputMode)) {
      lookup.setVocabulary(learnt);
    }
    return this;
  }

  /** The largest vocabulary, special tokens included. */
  public TextVectorization maxTokens(int maxTokens) {
    checkNotBuilt("maxTokens");
    new StringLookup().maxTokens(maxTokens); // validates
    this.maxTokens = maxTokens;
    return relook();
  }

  /** "lower_and_strip_punctuation" (default), "lower", "strip_punctuation" or "none". */
  public TextVectorization standardize(String standardize) {
    checkNotBuilt("standardize");
    String s = "none".equals(standardize) ? null : standardize;
    if (s != null
        && !List.of("lower_and_strip_punctuation", "lower", "strip_punctuation").contains(s)) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: Invalid value for argument `standardize`. Expected one of"
              + " [\"lower_and_strip_punctuation\", \"lower\", \"strip_punctuation\", \"none\"]."
              + " Received: standardize="
              + standardize);
    }
    this.standardize = s;
    return this;
  }

  /** "whitespace" (default), "character" or "none". */
  public TextVectorization split(String split) {
    checkNotBuilt("split");
    String s = "none".equals(split) ? null : split;
    if (s != null && !List.of("whitespace", "character").contains(s)) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: Invalid value for argument `split`. Expected one of"
              + " [\"whitespace\", \"character\", \"none\"]. Received: split="
              + split);
    }
    this.split = s;
    return this;
  }

  /** n-grams of widths 1 to {@code n}. */
  public TextVectorization ngrams(int n) {
    checkNotBuilt("ngrams");
    if (n < 1) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: `ngrams` must be >= 1. Received: ngrams=" + n);
    }
    this.ngrams = new int[n];
    for (int i = 0; i < n; i++) {
      ngrams[i] = i + 1;
    }
    this.ngramsArg = n;
    return this;
  }

  /** n-grams of exactly these widths (Keras's tuple). */
  public TextVectorization ngrams(int... widths) {
    checkNotBuilt("ngrams");
    List<Integer> arg = new ArrayList<>();
    for (int w : widths) {
      if (w < 1) {
        throw new IllegalArgumentException(
            "Layer TextVectorization: `ngrams` widths must be >= 1. Received: ngrams="
                + Arrays.toString(widths));
      }
      arg.add(w);
    }
    this.ngrams = widths.clone();
    this.ngramsArg = arg;
    return this;
  }

  /** "int" (default), "multi_hot" (also "binary"), "count", "tf_idf", or "one_hot". */
  public TextVectorization outputMode(String outputMode) {
    checkNotBuilt("outputMode");
    new StringLookup().outputMode(outputMode); // validates
    String m = "binary".equals(outputMode) ? "multi_hot" : outputMode;
    this.outputMode = "tf-idf".equals(m) ? "tf_idf" : m;
    checkSequenceLength();
    return relook();
  }

  /** In "int" mode, the length every output row is padded or truncated to. */
  public TextVectorization outputSequenceLength(int length) {
    checkNotBuilt("outputSequenceLength");
    if (length < 1) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: `output_sequence_length` must be >= 1. Received:"
              + " output_sequence_length="
              + length);
    }
    this.outputSequenceLength = length;
    checkSequenceLength();
    return this;
  }

  /** Encoded outputs are {@code maxTokens} wide. */
  public TextVectorization padToMaxTokens(boolean pad) {
    checkNotBuilt("padToMaxTokens");
    this.padToMaxTokens = pad;
    return relook();
  }

  /**
   * The lookup's learned vocabulary, saved as Keras saves it: in the layer's assets directory and,
   * as its {@code _lookup_layer} attribute is saved too, in that subdirectory.
   */
  @Override
  public Map<String, byte[]> saveAssets() {
    Map<String, byte[]> own = lookup.saveAssets();
    Map<String, byte[]> out = new LinkedHashMap<>(own);
    own.forEach((name, bytes) -> out.put("_lookup_layer/" + name, bytes));
    return out;
  }

  @Override
  public void loadAssets(Map<String, byte[]> files) {
    lookup.loadAssets(files);
  }

  /** A fixed vocabulary (without or with the leading "" and "[UNK]"). */
  public TextVectorization vocabulary(List<String> vocabulary) {
    lookup.vocabulary(vocabulary);
    return this;
  }

  /** A fixed vocabulary and its IDF weights ("tf_idf" mode). */
  public TextVectorization vocabulary(List<String> vocabulary, float[] idfWeights) {
    lookup.vocabulary(vocabulary, idfWeights);
    return this;
  }

  private void checkSequenceLength() {
    if (outputSequenceLength != null && !"int".equals(outputMode)) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: `output_sequence_length` must not be set if `output_mode` is"
              + " not 'int'. Received: output_sequence_length="
              + outputSequenceLength
              + ", output_mode="
              + outputMode);
    }
  }

  /** Learns the vocabulary (and IDF weights) from a batch of strings, each one a document. */
  public void adapt(List<String> texts) {
    if (texts == null || texts.isEmpty()) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (TextVectorization): adapt needs at least one string to learn a vocabulary"
              + " from. Received: an empty list");
    }
    lookup.adaptDocuments(tokenize(texts));
  }

  /** Sets the vocabulary. */
  public void setVocabulary(List<String> vocabulary) {
    lookup.setVocabulary(vocabulary);
  }

  /** Sets the vocabulary and IDF weights ("tf_idf" mode). */
  public void setVocabulary(List<String> vocabulary, float[] idfWeights) {
    lookup.setVocabulary(vocabulary, idfWeights);
  }

  /** The vocabulary: "" and "[UNK]" first in "int" mode, "[UNK]" first otherwise. */
  public List<String> getVocabulary() {
    return lookup.getVocabulary();
  }

  public List<String> getVocabulary(boolean includeSpecialTokens) {
    return lookup.getVocabulary(includeSpecialTokens);
  }

  public int vocabularySize() {
    return lookup.vocabularySize();
  }

  /** Vectorizes a batch of strings (see the class comment). */
  public Tensor call(List<String> texts) {
    List<List<String>> docs = tokenize(texts);
    if ("one_hot".equals(outputMode) && split != null) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (TextVectorization): output_mode \"one_hot\" needs split=\"none\" (one token a"
              + " string). Received: split="
              + split);
    }
    List<int[]> ids = lookup.lookupDocuments(docs);
    int n = ids.size();
    if (!"int".equals(outputMode)) {
      if ("one_hot".equals(outputMode)) {
        int[] flat = new int[n];
        for (int i = 0; i < n; i++) {
          flat[i] = ids.get(i)[0];
        }
        return lookup.output(flat, new int[] {n});
      }
      return Tensor.of(lookup.encodeRows(ids), n, lookup.depth());
    }
    int len = outputSequenceLength != null ? outputSequenceLength : 0;
    if (outputSequenceLength == null) {
      for (int[] r : ids) {
        len = Math.max(len, r.length);
      }
    }
    int[] out = new int[n * len];
    for (int i = 0; i < n; i++) {
      int[] r = ids.get(i);
      System.arraycopy(r, 0, out, i * len, Math.min(len, r.length));
    }
    return Tensor.ofInts(out, n, len);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    throw new IllegalArgumentException(
        "Layer '"
            + name()
            + "' (TextVectorization): a Tensor holds numbers, not strings: call"
            + " call(List<String>) on the texts and pass the int tensor it returns. Received: a "
            + inputs.dtype()
            + " tensor");
  }

  /** Standardize, split and n-grams, as Keras's {@code _preprocess}. */
  List<List<String>> tokenize(List<String> texts) {
    List<List<String>> docs = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      if (t == null) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (TextVectorization): text "
                + i
                + " is null. Received: texts["
                + i
                + "]=null");
      }
      docs.add(ngrams(splitText(standardizeText(t))));
    }
    return docs;
  }

  private String standardizeText(String s) {
    if (standardize == null) {
      return s;
    }
    boolean lower = !"strip_punctuation".equals(standardize);
    boolean strip = !"lower".equals(standardize);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (strip && PUNCTUATION.indexOf(c) >= 0) {
        continue;
      }
      b.append(lower && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  private List<String> splitText(String s) {
    List<String> out = new ArrayList<>();
    if (split == null) {
      out.add(s);
    } else if ("character".equals(split)) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
    } else {
      int start = -1;
      for (int i = 0; i <= s.length(); i++) {
        boolean space = i == s.length() || isAsciiSpace(s.charAt(i));
        if (!space && start < 0) {
          start = i;
        } else if (space && start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
      }
    }
    return out;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  private List<String> ngrams(List<String> toks) {
    if (ngrams == null) {
      return toks;
    }
    List<String> out = new ArrayList<>();
    for (int w : ngrams) {
      for (int i = 0; i + w <= toks.size(); i++) {
        out.add(String.join(" ", toks.subList(i, i + w)));
      }
    }
    return out;
  }

  @Override
  public int[] computeOutputShape(int[] s) {
    int batch = s.length == 0 ? -1 : s[0];
    if ("int".equals(outputMode)) {
      return new int[] {batch, outputSequenceLength == null ? -1 : outputSequenceLength};
    }
    return new int[] {batch, padToMaxTokens ? maxTokens : lookup.vocabularySize()};
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return "int".equals(outputMode) ? DType.INT32 : DType.FLOAT32;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> l = lookup.getConfig();
    c.put("max_tokens", maxTokens);
    c.put("standardize", standardize);
    c.put("split", split);
    c.put("ngrams", ngramsArg);
    c.put("output_mode", outputMode);
    c.put("output_sequence_length", outputSequenceLength);
    c.put("pad_to_max_tokens", padToMaxTokens);
    c.put("sparse", false);
    c.put("ragged", false);
    c.put("vocabulary", l.get("vocabulary"));
    c.put("idf_weights", l.get("idf_weights"));
    c.put("encoding", "utf-8");
    c.put("vocabulary_size", lookup.vocabularySize());
    return c;
  }

  @SuppressWarnings("unchecked")
  public static TextVectorization fromConfig(Config c) {
    TextVectorization t = new TextVectorization();
    if (c.get("max_tokens") != null) {
      t.maxTokens(c.getInt("max_tokens"));
    }
    Object std = c.get("standardize");
    t.standardize(std == null ? "none" : std.toString());
    Object sp = c.get("split");
    t.split(sp == null ? "none" : sp.toString());
    Object ng = c.get("ngrams");
    if (ng instanceof Number n) {
      t.ngrams(n.intValue());
    } else if (ng instanceof List<?> list) {
      t.ngrams(list.stream().mapToInt(o -> ((Number) o).intValue()).toArray());
    }
    t.outputMode(c.getString("output_mode", "int"));
    if (c.get("output_sequence_length") != null) {
      t.outputSequenceLength(c.getInt("output_sequence_length"));
    }
    t.padToMaxTokens(c.getBoolean("pad_to_max_tokens", false));
    if (c.getBoolean("sparse", false) || c.getBoolean("ragged", false)) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: sparse and ragged outputs are not supported by keras4j."
              + " Received: sparse="
              + c.get("sparse")
              + ", ragged="
              + c.get("ragged"));
    }
    String enc = c.getString("encoding", "utf-8");
    if (!"utf-8".equalsIgnoreCase(enc)) {
      throw new IllegalArgumentException(
          "Layer TextVectorization: only the utf-8 encoding is supported. Received: encoding="
              + enc);
    }
    c.get("vocabulary_size");
    Object vocab = c.get("vocabulary");
    Object idf = c.get("idf_weights");
    if (vocab instanceof List<?> v) {
      List<String> toks = new ArrayList<>();
      for (Object o : v) {
        toks.add(String.valueOf(o));
      }
      if (idf instanceof List<?> w) {
        float[] f = new float[w.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = ((Number) w.get(i)).floatValue();
        }
        t.vocabulary(toks, f);
      } else {
        t.vocabulary(toks);
      }
    }
    return t.applyBaseConfig(c, t);
  }
}
