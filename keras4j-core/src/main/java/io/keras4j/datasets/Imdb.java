package io.keras4j.datasets;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.internal.Json;
import io.keras4j.internal.NumpyShuffle;
import io.keras4j.utils.Sequences;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The IMDB movie review sentiment dataset as {@code keras.datasets.imdb}: 25,000 training and
 * 25,000 test reviews, each a sequence of word indices (a word's index is its frequency rank plus
 * {@code indexFrom}), labelled 1 (positive) or 0.
 *
 * <p>{@link #loadData(ImdbOptions)} is Keras's {@code load_data}: it reads {@code imdb.npz}
 * (downloaded once into the cache directory, {@code ~/.keras4j/datasets} or the property {@code
 * keras4j.datasets}, and checked against Keras's SHA-256), shuffles both parts with {@code
 * np.random.RandomState(seed)}, prepends {@code startChar}, offsets by {@code indexFrom}, drops
 * reviews of {@code maxlen} tokens or more, and replaces indices outside {@code [skipTop,
 * numWords)} with {@code oovChar}. It returns the ragged reviews ({@link ImdbData}).
 *
 * <p>{@link #load(Path, int, int)} reads a directory of already prepared reviews, one a line as
 * {@code label<TAB>space-separated indices} in {@code imdb_train.txt} and {@code imdb_test.txt} (or
 * {@code .txt.gz}), and returns int32 tensors padded as {@code pad_sequences}.
 */
public final class Imdb {
  private Imdb() {}

  /** {@code load_data()} with Keras's defaults (every word, no length limit). */
  public static ImdbData loadData() {
    return loadData(new ImdbOptions());
  }

  /** {@code load_data(...)}: fetches {@code imdb.npz} the first time (see the class comment). */
  public static ImdbData loadData(ImdbOptions options) {
    return loadData(ImdbDownload.file(ImdbDownload.NPZ), options);
  }

  /** {@code load_data(path=npz, ...)} on an {@code imdb.npz} file already here. */
  public static ImdbData loadData(Path npz, ImdbOptions options) {
    Npz a = Npz.read(npz);
    return prepare(
        a.intLists("x_train"), a.ints("y_train"), a.intLists("x_test"), a.ints("y_test"), options);
  }

  /**
   * {@code get_word_index()}: word to frequency rank (1 the most frequent; add {@code indexFrom} to
   * get the index in the reviews), from {@code imdb_word_index.json} fetched once.
   */
  public static Map<String, Integer> getWordIndex() {
    return getWordIndex(ImdbDownload.file(ImdbDownload.WORD_INDEX));
  }

  /** The word index read from a JSON file (an object of word to rank). */
  public static Map<String, Integer> getWordIndex(Path json) {
    return readWordIndex("Imdb", json);
  }

  /** A word index JSON file, for the loader {@code who}'s messages. */
  static Map<String, Integer> readWordIndex(String who, Path json) {
    try {
      Map<String, Object> raw = Json.readObject(Files.readString(json, StandardCharsets.UTF_8));
      Map<String, Integer> out = new LinkedHashMap<>();
      raw.forEach((k, v) -> out.put(k, ((Number) v).intValue()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot read the word index " + json + ": " + e, e);
    }
  }

  /**
   * Prepared reviews from {@code dir} (see the class comment): indices of {@code numWords} or more
   * become the out-of-vocabulary index 2, as {@code load_data(num_words=numWords)}, and every
   * review is padded or truncated to {@code maxlen} (zeros before, the first words dropped: {@code
   * pad_sequences}'s defaults). x is int32 {@code (n, maxlen)}, y int32 {@code (n,)}.
   */
  public static TrainTestData load(Path dir, int numWords, int maxlen) {
    if (numWords < 3) {
      throw new IllegalArgumentException(
          "Imdb: numWords must be >= 3 (0 pads, 1 starts, 2 is out of vocabulary). Received:"
              + " numWords="
              + numWords);
    }
    if (maxlen < 1) {
      throw new IllegalArgumentException("Imdb: maxlen must be >= 1. Received: maxlen=" + maxlen);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "Imdb: the directory " + dir + " does not exist (or is not a directory)");
    }
    return new TrainTestData(
        part(find(dir, "imdb_train"), numWords, maxlen),
        part(find(dir, "imdb_test"), numWords, maxlen));
  }

  private static Dataset part(Path file, int numWords, int maxlen) {
    List<int[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw badLine(file, lineNo, "no TAB after the label");
        }
        try {
          ys.add(Integer.parseInt(line.substring(0, tab).trim()));
          String body = line.substring(tab + 1).trim();
          String[] words = body.isEmpty() ? new String[0] : body.split(" +");
          int[] s = new int[words.length];
          for (int i = 0; i < s.length; i++) {
            int w = Integer.parseInt(words[i]);
            s[i] = w < numWords ? w : 2;
          }
          xs.add(s);
        } catch (NumberFormatException e) {
          throw badLine(file, lineNo, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Imdb: cannot read " + file + ": " + e.getMessage(), e);
    }
    int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
    return Dataset.of(Sequences.padSequences(xs, maxlen), Tensor.ofInts(y, y.length));
  }

  private static IllegalArgumentException badLine(Path file, int line, String why) {
    return new IllegalArgumentException(
        "Imdb: line "
            + line
            + " of "
            + file
            + " is not 'label<TAB>space-separated indices'. Received: "
            + why);
  }

  private static Path find(Path dir, String stem) {
    for (String name : List.of(stem + ".txt", stem + ".txt.gz")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "Imdb: cannot find " + stem + ".txt or " + stem + ".txt.gz in " + dir);
  }

  /** Keras's {@code load_data} after reading the arrays (see the class comment). */
  static ImdbData prepare(
      List<int[]> xTrain, int[] yTrain, List<int[]> xTest, int[] yTest, ImdbOptions o) {
    NumpyShuffle rng = new NumpyShuffle(o.seed); // one generator for both parts, as Keras
    int[] pTrain = rng.permutation(xTrain.size());
    int[] pTest = rng.permutation(xTest.size());
    List<int[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    int nTrain = keep(xTrain, yTrain, pTrain, o, xs, ys);
    int nTest = keep(xTest, yTest, pTest, o, xs, ys);
    if (o.maxlen != null && (nTrain == 0 || nTest == 0)) {
      throw new IllegalArgumentException(
          "Imdb: after filtering for sequences shorter than maxlen="
              + o.maxlen
              + ", no sequence was kept in the "
              + (nTrain == 0 ? "training" : "test")
              + " part. Increase maxlen.");
    }
    int numWords = o.numWords != null ? o.numWords : WordIndexOptions.largestIndex(xs, 0);
    o.keepWords(xs, numWords);
    int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
    return new ImdbData(
        List.copyOf(xs.subList(0, nTrain)),
        java.util.Arrays.copyOfRange(y, 0, nTrain),
        List.copyOf(xs.subList(nTrain, nTrain + nTest)),
        java.util.Arrays.copyOfRange(y, nTrain, nTrain + nTest));
  }

  /** Shuffles, adds the start and offset, drops long reviews; returns how many were kept. */
  private static int keep(
      List<int[]> x, int[] y, int[] perm, ImdbOptions o, List<int[]> xs, List<Integer> ys) {
    if (x.size() != y.length) {
      throw new IllegalArgumentException(
          "Imdb: " + x.size() + " reviews but " + y.length + " labels");
    }
    int kept = 0;
    for (int p : perm) {
      int[] t = o.indexed(x.get(p));
      if (t != null) {
        xs.add(t);
        ys.add(y[p]);
        kept++;
      }
    }
    return kept;
  }
}
