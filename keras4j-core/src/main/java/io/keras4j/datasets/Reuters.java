package io.keras4j.datasets;

import io.keras4j.internal.NumpyShuffle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Reuters newswire topic classification dataset as {@code keras.datasets.reuters}: 11,228
 * newswires, each a sequence of word indices (a word's index is its frequency rank plus {@code
 * indexFrom}), labelled with one of 46 topics ({@link #getLabelNames()}).
 *
 * <p>{@link #loadData(ReutersOptions)} is Keras's {@code load_data}: it reads {@code reuters.npz}
 * (downloaded once into the {@link DatasetCache}, checked against the SHA-256 Keras publishes),
 * shuffles the newswires with {@code np.random.RandomState(seed)}, prepends {@code startChar},
 * offsets by {@code indexFrom}, drops newswires of {@code maxlen} tokens or more, replaces indices
 * outside {@code [skipTop, numWords)} with {@code oovChar} (or drops them), then gives the first
 * {@code int(n * (1 - testSplit))} to training and the rest to testing (8,982 and 2,246 by
 * default).
 *
 * <p>{@link #getWordIndex()} reads {@code reuters_word_index.json}: Keras publishes only an MD5 for
 * it ({@code 4d44cc38712099c9e383dc6e5f11a921}), so it is checked with MD5, not SHA-256.
 */
public final class Reuters {
  private static final String WHO = "Reuters";

  static final DatasetCache.Remote NPZ =
      new DatasetCache.Remote(
          "reuters.npz",
          "",
          ImdbDownload.ORIGIN + "reuters.npz",
          "d6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916");
  static final DatasetCache.Remote WORD_INDEX =
      new DatasetCache.Remote(
          "reuters_word_index.json",
          "",
          ImdbDownload.ORIGIN + "reuters_word_index.json",
          "4d44cc38712099c9e383dc6e5f11a921");

  private static final List<String> LABEL_NAMES =
      List.of(
          "cocoa",
          "grain",
          "veg-oil",
          "earn",
          "acq",
          "wheat",
          "copper",
          "housing",
          "money-supply",
          "coffee",
          "sugar",
          "trade",
          "reserves",
          "ship",
          "cotton",
          "carcass",
          "crude",
          "nat-gas",
          "cpi",
          "money-fx",
          "interest",
          "gnp",
          "meal-feed",
          "alum",
          "oilseed",
          "gold",
          "tin",
          "strategic-metal",
          "livestock",
          "retail",
          "ipi",
          "iron-steel",
          "rubber",
          "heat",
          "jobs",
          "lei",
          "bop",
          "zinc",
          "orange",
          "pet-chem",
          "dlr",
          "gas",
          "silver",
          "wpi",
          "hog",
          "lead");

  private Reuters() {}

  /** {@code load_data()} with Keras's defaults. */
  public static ReutersData loadData() {
    return loadData(new ReutersOptions());
  }

  /** {@code load_data(...)}: fetches {@code reuters.npz} the first time (see the class comment). */
  public static ReutersData loadData(ReutersOptions options) {
    return loadData(DatasetCache.standard(), options);
  }

  static ReutersData loadData(DatasetCache cache, ReutersOptions options) {
    return loadData(
        cache.file(WHO, NPZ, "call Reuters.loadData(Path, ReutersOptions) on it"), options);
  }

  /** {@code load_data(path=npz, ...)} on a {@code reuters.npz} already here. */
  public static ReutersData loadData(Path npz, ReutersOptions options) {
    Npz a = Npz.read(npz);
    return prepare(a.intLists("x"), a.ints("y"), options);
  }

  /**
   * {@code get_word_index()}: word to frequency rank (1 the most frequent; add {@code indexFrom} to
   * get the index in the newswires), from {@code reuters_word_index.json} fetched once.
   */
  public static Map<String, Integer> getWordIndex() {
    return getWordIndex(DatasetCache.standard());
  }

  static Map<String, Integer> getWordIndex(DatasetCache cache) {
    return getWordIndex(
        cache.file(WHO, WORD_INDEX, "call Reuters.getWordIndex(Path) on a copy of it"));
  }

  /** The word index read from a JSON file (an object of word to rank). */
  public static Map<String, Integer> getWordIndex(Path json) {
    return Imdb.readWordIndex("Reuters", json);
  }

  /** {@code get_label_names()}: the 46 topic names, by label. */
  public static List<String> getLabelNames() {
    return LABEL_NAMES;
  }

  /** Keras's {@code load_data} after reading the arrays (see the class comment). */
  static ReutersData prepare(List<int[]> x, int[] y, ReutersOptions o) {
    if (x.size() != y.length) {
      throw new IllegalArgumentException(
          "Reuters: the file holds " + x.size() + " newswires but " + y.length + " labels");
    }
    int[] perm = new NumpyShuffle(o.seed).permutation(x.size());
    List<int[]> xs = new ArrayList<>(x.size());
    List<Integer> ys = new ArrayList<>(x.size());
    for (int p : perm) {
      int[] t = o.indexed(x.get(p)); // null: remove_long_seq keeps len(x) < maxlen
      if (t != null) {
        xs.add(t);
        ys.add(y[p]);
      }
    }
    int numWords;
    if (o.numWords != null) {
      numWords = o.numWords;
    } else {
      if (xs.isEmpty()) {
        throw new IllegalArgumentException(
            "Reuters: no newswire is shorter than maxlen=" + o.maxlen + ". Increase maxlen.");
      }
      numWords = WordIndexOptions.largestIndex(xs, Integer.MIN_VALUE);
    }
    o.keepWords(xs, numWords);
    int n = xs.size();
    int idx = ShuffleSplit.trainCount(n, o.testSplit);
    int[] labels = ys.stream().mapToInt(Integer::intValue).toArray();
    return new ReutersData(
        List.copyOf(xs.subList(0, idx)),
        Arrays.copyOfRange(labels, 0, idx),
        List.copyOf(xs.subList(idx, n)),
        Arrays.copyOfRange(labels, idx, n));
  }
}
