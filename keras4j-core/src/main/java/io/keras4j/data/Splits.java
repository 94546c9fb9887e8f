package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.random.SeedGenerator;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits rows into train, validation and test parts by fractions, shuffled with a seed (the same
 * seed gives the same split), optionally stratified by class labels so that each class is split in
 * the same proportions, as scikit-learn's stratified splits do.
 *
 * <pre>{@code
 * Split s = new Splits(0.7, 0.2, 0.1).seed(42).stratified(labels);
 * Dataset train = s.train(data), validation = s.validation(data), test = s.test(data);
 * }</pre>
 *
 * <p>Part sizes: each part gets {@code floor(fraction * n)} rows and the rows left over go to the
 * parts with the largest fractional remainders (ties to train, then validation). Stratified, the
 * rows of each class are shared out the same way (scikit-learn's approximate mode): train first,
 * then validation from what remains, so each class count is within two rows of its exact share.
 */
public final class Splits {
  private final double[] fractions;
  private Long seed;
  private boolean shuffle = true;

  /**
   * @param train the fraction of rows for training, in [0, 1]
   * @param validation the fraction for validation, in [0, 1]
   * @param test the fraction for testing, in [0, 1]; the three must sum to 1 (within 1e-9)
   */
  public Splits(double train, double validation, double test) {
    check("train", train);
    check("validation", validation);
    check("test", test);
    double sum = train + validation + test;
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw new IllegalArgumentException(
          "Splits: the fractions must sum to 1 (within 1e-9). Received: train="
              + train
              + ", validation="
              + validation
              + ", test="
              + test
              + " (sum="
              + sum
              + ")");
    }
    this.fractions = new double[] {train, validation, test};
  }

  private static void check(String name, double f) {
    if (!(f >= 0 && f <= 1)) {
      throw new IllegalArgumentException(
          "Splits: the " + name + " fraction must be in [0, 1]. Received: " + name + "=" + f);
    }
  }

  /** The shuffling seed; without one, each split draws a seed from the global generator. */
  public Splits seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Whether to shuffle (default true); unshuffled parts are consecutive rows in order. */
  public Splits shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** Splits {@code n} rows. */
  public Split split(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Splits: n must be >= 0. Received: n=" + n);
    }
    int[] sizes = apportion(n, fractions);
    int[] order = identity(n);
    if (shuffle) {
      shuffleInPlace(order, random());
    }
    int[] train = new int[sizes[0]];
    int[] validation = new int[sizes[1]];
    int[] test = new int[sizes[2]];
    System.arraycopy(order, 0, train, 0, sizes[0]);
    System.arraycopy(order, sizes[0], validation, 0, sizes[1]);
    System.arraycopy(order, sizes[0] + sizes[1], test, 0, sizes[2]);
    return new Split(train, validation, test);
  }

  /** Splits the rows of a dataset. */
  public Split split(Dataset d) {
    return split(d.size());
  }

  /**
   * Splits rows so that each class of {@code labels} (int32, shape {@code (n,)} or {@code (n, 1)})
   * is divided in the split's proportions.
   */
  public Split stratified(Tensor labels) {
    int[] y = Rows.labels(labels, "Splits.stratified");
    int n = y.length;
    ClassRows classes = ClassRows.of(y);
    int[][] byClass = classes.rowsByClass();
    int[] sizes = apportion(n, fractions);
    int[] trainPer = ClassRows.approximateMode(classes.counts(), sizes[0]);
    int[] rest = new int[trainPer.length];
    for (int c = 0; c < rest.length; c++) {
      rest[c] = classes.counts()[c] - trainPer[c];
    }
    int[] validationPer = ClassRows.approximateMode(rest, sizes[1]);
    SplittableRandom rnd = shuffle ? random() : null;
    int[][] parts = {new int[sizes[0]], new int[sizes[1]], new int[sizes[2]]};
    int[] fill = new int[3];
    for (int c = 0; c < trainPer.length; c++) {
      int[] rows = byClass[c];
      if (rnd != null) {
        shuffleInPlace(rows, rnd);
      }
      int[] cut = {trainPer[c], trainPer[c] + validationPer[c], rows.length};
      int from = 0;
      for (int p = 0; p < 3; p++) {
        int len = cut[p] - from;
        System.arraycopy(rows, from, parts[p], fill[p], len);
        fill[p] += len;
        from = cut[p];
      }
    }
    for (int[] part : parts) {
      if (rnd != null) {
        shuffleInPlace(part, rnd); // interleave the classes
      } else {
        Arrays.sort(part);
      }
    }
    return new Split(parts[0], parts[1], parts[2]);
  }

  /** Stratified split of a dataset by its single int32 target. */
  public Split stratified(Dataset d) {
    return stratified(singleIntTarget(d, "Splits.stratified"));
  }

  static Tensor singleIntTarget(Dataset d, String who) {
    if (d.targets().size() != 1) {
      throw new IllegalArgumentException(
          who
              + ": stratifying a dataset needs exactly one target tensor of class labels; pass the"
              + " labels instead. Received: "
              + d.targets().size()
              + " targets");
    }
    return d.targets().get(0);
  }

  /** Part sizes: floor of each share, leftovers to the largest remainders (earlier on ties). */
  static int[] apportion(int n, double[] fractions) {
    int[] counts = new int[fractions.length];
    double[] remainders = new double[fractions.length];
    int total = 0;
    for (int i = 0; i < fractions.length; i++) {
      double exact = fractions[i] * n;
      // The tolerance keeps 0.7 * 10 = 7.000000000000001 (or 6.9999...) at 7.
      counts[i] = (int) Math.floor(exact + 1e-9);
      remainders[i] = exact - counts[i];
      total += counts[i];
    }
    while (total < n) {
      int best = 0;
      for (int i = 1; i < counts.length; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = Double.NEGATIVE_INFINITY;
      total++;
    }
    while (total > n) { // only when fractions sum to slightly more than 1
      int last = counts.length - 1;
      while (counts[last] == 0) {
        last--;
      }
      counts[last]--;
      total--;
    }
    return counts;
  }

  private SplittableRandom random() {
    return new SplittableRandom(seed != null ? seed : SeedGenerator.nextGlobal());
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Fisher-Yates. */
  static void shuffleInPlace(int[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
