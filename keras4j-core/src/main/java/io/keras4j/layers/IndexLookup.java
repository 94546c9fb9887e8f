package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras's {@code IndexLookup}, the common part of {@link StringLookup} and {@link IntegerLookup}: a
 * vocabulary of tokens (given with {@link #setVocabulary} or learnt by {@code adapt}) mapped to
 * indices, after the mask index (0, in "int" mode when a mask token is set) and the {@code
 * numOovIndices} out-of-vocabulary indices. {@code adapt} orders tokens by count, highest first,
 * ties by token, highest first (Keras's {@code np.lexsort(...)[::-1]}), keeping at most {@code
 * maxTokens} indices in all. Output modes: "int" (int32 indices, Keras gives int64), "one_hot",
 * "multi_hot", "count" and "tf_idf" (float32, encoded as {@link CategoryEncoding}; the mask token
 * is dropped there). The vocabulary is not a weight: as in Keras, only a vocabulary given to the
 * constructor is in the config (Keras saves an adapted one as an asset file).
 *
 * @param <K> the token type ({@code String} or {@code Long})
 * @param <L> the layer's own type, returned by the chained options
 */
public abstract class IndexLookup<K extends Comparable<K>, L extends IndexLookup<K, L>>
    extends Layer implements HasAssets {
  private Integer maxTokens;
  private int numOovIndices = 1;
  private K maskToken;
  private K oovToken;
  private String outputMode = "int";
  private boolean padToMaxTokens;
  private boolean invert;
  private long[] salt;
  private String oovMethod = "floormod";
  private List<K> inputVocabulary;
  private float[] inputIdfWeights;

  private final List<K> tokens = new ArrayList<>(); // learnt or set, without special tokens
  private final Map<K, Integer> index = new HashMap<>();
  private float[] idf; // per output index, tf_idf only
  private boolean hasVocabulary;

  protected IndexLookup(K oovToken) {
    this.oovToken = oovToken;
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** The class name for errors. */
  private String who() {
    return "Layer '" + name() + "' (" + getClass().getSimpleName() + ")";
  }

  /** The largest vocabulary, special indices included (none by default). */
  public L maxTokens(int maxTokens) {
    checkNotBuilt("maxTokens");
    if (maxTokens <= 1) {
      throw new IllegalArgumentException(
          "Layer "
              + getClass().getSimpleName()
              + ": If set, `max_tokens` must be greater than 1. Received: max_tokens="
              + maxTokens);
    }
    this.maxTokens = maxTokens;
    refresh();
    return self();
  }

  /** How many indices out-of-vocabulary tokens hash into (1 by default; 0 makes them an error). */
  public L numOovIndices(int numOovIndices) {
    checkNotBuilt("numOovIndices");
    if (numOovIndices < 0) {
      throw new IllegalArgumentException(
          "Layer "
              + getClass().getSimpleName()
              + ": `num_oov_indices` must be greater than or equal to 0. Received:"
              + " num_oov_indices="
              + numOovIndices);
    }
    this.numOovIndices = numOovIndices;
    refresh();
    return self();
  }

  /** The token that means padding: index 0 in "int" mode, dropped in the others. */
  public L maskToken(K maskToken) {
    checkNotBuilt("maskToken");
    this.maskToken = maskToken;
    refresh();
    return self();
  }

  /** The token {@link #getVocabulary()} shows for the out-of-vocabulary indices. */
  public L oovToken(K oovToken) {
    checkNotBuilt("oovToken");
    this.oovToken = oovToken;
    refresh();
    return self();
  }

  /** "int" (default), "one_hot", "multi_hot" (also "binary"), "count" or "tf_idf". */
  public L outputMode(String outputMode) {
    checkNotBuilt("outputMode");
    String m = "binary".equals(outputMode) ? "multi_hot" : outputMode;
    m = "tf-idf".equals(m) ? "tf_idf" : m;
    if (!List.of("int", "one_hot", "multi_hot", "count", "tf_idf").contains(m)) {
      throw new IllegalArgumentException(
          "Layer "
              + getClass().getSimpleName()
              + ": Invalid value for argument `output_mode`. Expected one of [\"int\","
              + " \"one_hot\", \"multi_hot\", \"count\", \"tf_idf\"]. Received: output_mode="
              + outputMode);
    }
    this.outputMode = m;
    refresh();
    return self();
  }

  /** Encoded outputs are {@code maxTokens} wide whatever the vocabulary's size. */
  public L padToMaxTokens(boolean padToMaxTokens) {
    checkNotBuilt("padToMaxTokens");
    this.padToMaxTokens = padToMaxTokens;
    refresh();
    return self();
  }

  /** Map indices back to tokens ("int" mode only). */
  public L invert(boolean invert) {
    checkNotBuilt("invert");
    this.invert = invert;
    refresh();
    return self();
  }

  /** SipHash key for hashing out-of-vocabulary tokens into several OOV indices. */
  public L salt(long salt0, long salt1) {
    checkNotBuilt("salt");
    this.salt = new long[] {salt0, salt1};
    return self();
  }

  /**
   * How integer tokens pick one of several OOV indices: "floormod" (default, the token modulo their
   * count) or "farmhash" (the hash of its decimal text). Strings are always hashed.
   */
  public L oovMethod(String oovMethod) {
    checkNotBuilt("oovMethod");
    if (!"floormod".equals(oovMethod) && !"farmhash".equals(oovMethod)) {
      throw new IllegalArgumentException(
          "Layer "
              + getClass().getSimpleName()
              + ": oov_method must be \"floormod\" or \"farmhash\". Received: oov_method="
              + oovMethod);
    }
    this.oovMethod = oovMethod;
    return self();
  }

  protected String oovMethod() {
    return oovMethod;
  }

  /** A fixed vocabulary (Keras's {@code vocabulary} argument): kept in the config. */
  public L vocabulary(List<K> vocabulary) {
    setVocabulary(vocabulary);
    this.inputVocabulary = List.copyOf(vocabulary);
    return self();
  }

  /** A fixed vocabulary with its IDF weights ("tf_idf" mode). */
  public L vocabulary(List<K> vocabulary, float[] idfWeights) {
    setVocabulary(vocabulary, idfWeights);
    this.inputVocabulary = List.copyOf(vocabulary);
    this.inputIdfWeights = idfWeights.clone();
    return self();
  }

  /** Options given after {@code vocabulary(...)} apply to it, as Keras's arguments all do. */
  private void refresh() {
    if (inputVocabulary != null) {
      setVocabulary(inputVocabulary, inputIdfWeights);
    }
  }

  public String outputMode() {
    return outputMode;
  }

  /** The mask index's offset: 1 in "int" mode with a mask token, else 0. */
  private int oovStart() {
    return maskToken != null && "int".equals(outputMode) ? 1 : 0;
  }

  private int tokenStart() {
    return oovStart() + numOovIndices;
  }

  private void checkModes() {
    IndexLookupConfigs.checkModes(who(), invert, outputMode, padToMaxTokens, maxTokens);
  }

  /** Sets the vocabulary (with or without the leading special tokens), as Keras. */
  public void setVocabulary(List<K> vocabulary) {
    if ("tf_idf".equals(outputMode)) {
      throw new IllegalArgumentException(
          who() + ": `idf_weights` must be set if output_mode is 'tf_idf'.");
    }
    setVocabulary(vocabulary, null);
  }

  /** Sets the vocabulary and, in "tf_idf" mode, one IDF weight per vocabulary entry. */
  public void setVocabulary(List<K> vocabulary, float[] idfWeights) {
    checkModes();
    if (idfWeights != null && !"tf_idf".equals(outputMode)) {
      throw new IllegalArgumentException(
          who()
              + ": `idf_weights` should only be set if output_mode is `'tf_idf'`. Received:"
              + " output_mode="
              + outputMode);
    }
    if (vocabulary.isEmpty()) {
      throw new IllegalArgumentException(
          who() + ": Cannot set an empty vocabulary. Received: vocabulary=[]");
    }
    int ts = tokenStart();
    List<K> special = new ArrayList<>();
    for (int i = 0; i < oovStart(); i++) {
      special.add(maskToken);
    }
    for (int i = 0; i < numOovIndices; i++) {
      special.add(oovToken);
    }
    boolean withSpecial =
        vocabulary.size() >= ts && special.equals(new ArrayList<>(vocabulary.subList(0, ts)));
    List<K> toks = withSpecial ? vocabulary.subList(ts, vocabulary.size()) : vocabulary;
    Set<K> seen = new HashSet<>();
    List<K> repeated = new ArrayList<>();
    for (K t : toks) {
      if (!seen.add(t) && !repeated.contains(t)) {
        repeated.add(t);
      }
    }
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException(
          who()
              + ": The passed vocabulary has at least one repeated term. Please uniquify your"
              + " dataset. The repeated terms are: "
              + repeated);
    }
    if (maskToken != null && seen.contains(maskToken)) {
      throw new IllegalArgumentException(
          who()
              + ": Found reserved mask token at unexpected location in `vocabulary`. Either"
              + " remove all mask and OOV tokens, or include them only at the start of the"
              + " vocabulary in precisely this order: "
              + special
              + ". Received: mask_token="
              + maskToken);
    }
    if (oovToken != null && invert && seen.contains(oovToken)) {
      throw new IllegalArgumentException(
          who()
              + ": Found reserved OOV token at unexpected location in `vocabulary`. Received:"
              + " oov_token="
              + oovToken);
    }
    if (maxTokens != null && ts + toks.size() > maxTokens) {
      throw new IllegalArgumentException(
          who()
              + ": Attempted to set a vocabulary larger than the maximum vocab size. Received"
              + " vocabulary size is "
              + (ts + toks.size())
              + "; `max_tokens` is "
              + maxTokens
              + ".");
    }
    if ("tf_idf".equals(outputMode)) {
      if (idfWeights == null || idfWeights.length != vocabulary.size()) {
        throw new IllegalArgumentException(
            who()
                + ": `idf_weights` must be the same length as vocabulary. len(idf_weights) is "
                + (idfWeights == null ? 0 : idfWeights.length)
                + "; len(vocabulary) is "
                + vocabulary.size());
      }
      int front = withSpecial ? 0 : ts;
      double mean = 0;
      for (float w : idfWeights) {
        mean += w;
      }
      mean /= idfWeights.length;
      float[] padded = new float[front + idfWeights.length];
      for (int i = 0; i < front; i++) {
        padded[i] = (float) mean;
      }
      System.arraycopy(idfWeights, 0, padded, front, idfWeights.length);
      idf = padded;
    }
    install(new ArrayList<>(toks));
  }

  private void install(List<K> toks) {
    tokens.clear();
    index.clear();
    tokens.addAll(toks);
    for (int i = 0; i < toks.size(); i++) {
      index.put(toks.get(i), i);
    }
    hasVocabulary = true;
  }

  /**
   * Learns the vocabulary from documents of tokens ({@code adapt}): counts (and document counts,
   * for "tf_idf"), drops the mask and OOV tokens, sorts and truncates as Keras.
   */
  protected void adaptTokens(List<List<K>> documents) {
    checkModes();
    if (inputVocabulary != null) {
      throw new IllegalStateException(
          who()
              + ": Cannot adapt layer '"
              + name()
              + "' after setting a static vocabulary via"
              + " `vocabulary` argument or `set_vocabulary()` method.");
    }
    if (documents.isEmpty()) {
      throw new IllegalArgumentException(
          who()
              + ": adapt needs at least one sample to learn a vocabulary from. Received: an"
              + " empty dataset");
    }
    Map<K, long[]> counts = new LinkedHashMap<>(); // token -> {count, documents}
    for (List<K> doc : documents) {
      Set<K> inDoc = new HashSet<>();
      for (K t : doc) {
        long[] c = counts.computeIfAbsent(t, k -> new long[2]);
        c[0]++;
        if (inDoc.add(t)) {
          c[1]++;
        }
      }
    }
    if (maskToken != null) {
      counts.remove(maskToken);
    }
    if (oovToken != null) {
      counts.remove(oovToken);
    }
    List<K> sorted = new ArrayList<>(counts.keySet());
    sorted.sort(
        (a, b) -> {
          int c = Long.compare(counts.get(b)[0], counts.get(a)[0]);
          return c != 0 ? c : compareTokens(b, a);
        });
    int ts = tokenStart();
    if (maxTokens != null && sorted.size() > maxTokens - ts) {
      sorted = new ArrayList<>(sorted.subList(0, Math.max(0, maxTokens - ts)));
    }
    if ("tf_idf".equals(outputMode)) {
      int n = documents.size();
      float[] w = new float[sorted.size()];
      double mean = 0;
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) Math.log(1 + (double) n / (1 + counts.get(sorted.get(i))[1]));
        mean += w[i];
      }
      mean = w.length == 0 ? Double.NaN : (float) (mean / w.length);
      int width = padToMaxTokens ? Math.max(maxTokens, ts + w.length) : ts + w.length;
      idf = new float[width];
      for (int i = 0; i < ts; i++) {
        idf[i] = (float) mean;
      }
      System.arraycopy(w, 0, idf, ts, w.length);
    }
    install(sorted);
  }

  /** Keras's tie order between tokens of the same count (their sort order). */
  protected abstract int compareTokens(K a, K b);

  /** The decimal or UTF-8 text hashed for several OOV indices. */
  protected abstract int oovIndex(K token, int numOov, long[] salt);

  /** A token read back from a line of {@code vocabulary.txt}. */
  protected abstract K tokenFromText(String text);

  /** A learned vocabulary as Keras saves it ({@link LookupAssets}); none when it was given. */
  @Override
  public Map<String, byte[]> saveAssets() {
    if (inputVocabulary != null || !hasVocabulary) {
      return Map.of();
    }
    return LookupAssets.save(who(), outputMode, getVocabulary(true));
  }

  @Override
  public void loadAssets(Map<String, byte[]> files) {
    List<K> saved = LookupAssets.tokens(files, this::tokenFromText);
    if (inputVocabulary == null && saved != null) {
      setVocabulary(saved);
    }
  }

  /** The vocabulary, special tokens first: a token's position is its index. */
  public List<K> getVocabulary() {
    return getVocabulary(true);
  }

  public List<K> getVocabulary(boolean includeSpecialTokens) {
    List<K> v = new ArrayList<>();
    if (includeSpecialTokens) {
      for (int i = 0; i < oovStart(); i++) {
        v.add(maskToken);
      }
      for (int i = 0; i < numOovIndices; i++) {
        v.add(oovToken);
      }
    }
    v.addAll(tokens);
    return v;
  }

  /** The vocabulary's size, special indices included. */
  public int vocabularySize() {
    return tokenStart() + tokens.size();
  }

  /** The index of one token (mask: 0 in "int" mode, -1 in the others: dropped). */
  protected int lookup(K token) {
    if (maskToken != null && maskToken.equals(token)) {
      return "int".equals(outputMode) ? 0 : -1;
    }
    Integer i = index.get(token);
    if (i != null) {
      return tokenStart() + i;
    }
    if (numOovIndices == 0) {
      throw new IllegalArgumentException(
          who()
              + ": When `num_oov_indices=0` all inputs should be in vocabulary, found OOV value "
              + token
              + ", consider setting `num_oov_indices=1`.");
    }
    return oovStart() + (numOovIndices == 1 ? 0 : oovIndex(token, numOovIndices, salt));
  }

  /** The token at an index (invert mode). */
  protected K token(int i) {
    if (i == 0 && maskToken != null) {
      return maskToken;
    }
    int ts = tokenStart();
    return i >= ts && i - ts < tokens.size() ? tokens.get(i - ts) : oovToken;
  }

  protected void requireVocabulary() {
    checkModes();
    if (!hasVocabulary && !("int".equals(outputMode) || padToMaxTokens)) {
      throw new IllegalStateException(
          who()
              + ": When using `output_mode="
              + outputMode
              + "` and `pad_to_max_tokens=False`, you must set the layer's vocabulary before"
              + " calling it. Either pass a `vocabulary` argument to the layer, or call `adapt`"
              + " with some sample data.");
    }
  }

  protected boolean inverted() {
    return invert;
  }

  /** The encoded width: {@code maxTokens} when padded, else the vocabulary size. */
  int depth() {
    return padToMaxTokens ? maxTokens : vocabularySize();
  }

  /**
   * Encodes rows of indices (-1 = dropped) for the non-"int" modes: one row of {@code depth()}
   * floats per sample ({@code oneHot}: one per index).
   */
  float[] encodeRows(List<int[]> rows) {
    int d = depth();
    float[] out = new float[rows.size() * d];
    for (int r = 0; r < rows.size(); r++) {
      for (int id : rows.get(r)) {
        if (id < 0) {
          continue;
        }
        if (id >= d) {
          throw new IllegalStateException(who() + ": index " + id + " outside depth " + d);
        }
        int at = r * d + id;
        out[at] = "multi_hot".equals(outputMode) ? 1 : out[at] + 1;
      }
      if ("tf_idf".equals(outputMode)) {
        for (int j = 0; j < d; j++) {
          out[r * d + j] *= j < idf.length ? idf[j] : 0;
        }
      }
    }
    return out;
  }

  /** Indices with the input's shape, encoded as the output mode asks. */
  Tensor output(int[] ids, int[] shape) {
    if ("int".equals(outputMode)) {
      return Tensor.ofInts(ids, shape);
    }
    int rank = shape.length;
    if (rank > 2) {
      throw new IllegalArgumentException(
          who()
              + ": inputs must be of rank 1 or 2 when output_mode is not 'int'. Received:"
              + " inputs.shape="
              + java.util.Arrays.toString(shape));
    }
    if ("one_hot".equals(outputMode)) {
      boolean squeeze = rank == 2 && shape[1] == 1;
      int n = squeeze || rank == 1 ? shape[0] : shape[0] * shape[1];
      List<int[]> rows = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        rows.add(new int[] {ids[i]});
      }
      float[] out = encodeRows(rows);
      return rank == 2 && !squeeze
          ? Tensor.of(out, shape[0], shape[1], depth())
          : Tensor.of(out, shape[0], depth());
    }
    List<int[]> rows = new ArrayList<>();
    if (rank <= 1) {
      rows.add(ids);
    } else {
      for (int i = 0; i < shape[0]; i++) {
        rows.add(java.util.Arrays.copyOfRange(ids, i * shape[1], (i + 1) * shape[1]));
      }
    }
    float[] out = encodeRows(rows);
    return rank <= 1 ? Tensor.of(out, depth()) : Tensor.of(out, shape[0], depth());
  }

  @Override
  public int[] computeOutputShape(int[] s) {
    if ("int".equals(outputMode)) {
      return s.clone();
    }
    int d = padToMaxTokens ? maxTokens : hasVocabulary ? vocabularySize() : -1;
    if ("one_hot".equals(outputMode)) {
      if (s.length > 1 && s[s.length - 1] == 1) {
        int[] out = s.clone();
        out[s.length - 1] = d;
        return out;
      }
      int[] out = java.util.Arrays.copyOf(s, s.length + 1);
      out[s.length] = d;
      return out;
    }
    int[] out = s.length == 0 ? new int[1] : s.clone();
    out[out.length - 1] = d;
    return out;
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return "int".equals(outputMode) ? DType.INT32 : DType.FLOAT32;
  }

  /** The config keys of Keras's IndexLookup; tokens written by {@code tokenJson}. */
  protected Map<String, Object> lookupConfig(String vocabularyDtype) {
    Map<String, Object> c = super.getConfig();
    c.put("invert", invert);
    c.put("max_tokens", maxTokens);
    c.put("num_oov_indices", numOovIndices);
    c.put("oov_token", oovToken);
    c.put("mask_token", maskToken);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    c.put("pad_to_max_tokens", padToMaxTokens);
    c.put("vocabulary_dtype", vocabularyDtype);
    c.put("idf_weights", IndexLookupConfigs.doubles(inputIdfWeights));
    c.put("vocabulary", inputVocabulary == null ? null : new ArrayList<>(inputVocabulary));
    c.put("vocabulary_size", hasVocabulary ? vocabularySize() : null);
    c.put("oov_method", oovMethod);
    c.put("salt", salt == null ? null : List.of(salt[0], salt[1]));
    return c;
  }
}
