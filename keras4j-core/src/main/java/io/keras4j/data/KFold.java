package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.random.SeedGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-fold cross-validation, as scikit-learn's {@code KFold} and {@code StratifiedKFold}: the rows
 * are cut into {@code k} folds whose sizes differ by at most one; each fold is the validation set
 * once, and every row is in exactly one validation fold.
 *
 * <pre>{@code
 * for (Fold f : new KFold(5).seed(42).stratified(labels)) {
 *   model.fit(f.train(data), ...);
 * }
 * }</pre>
 *
 * <p>Plain folds are consecutive rows (of the shuffled order when shuffling), the first {@code n %
 * k} folds one row longer. Stratified folds follow scikit-learn's allocation: the sorted class
 * labels are dealt round-robin to the folds, so each class count per fold differs by at most one
 * across folds, and shuffling only changes which rows of a class go to which fold. Training rows
 * are in ascending order.
 */
public final class KFold {
  private final int k;
  private boolean shuffle;
  private Long seed;

  /**
   * @param k the number of folds, at least 2
   */
  public KFold(int k) {
    if (k < 2) {
      throw new IllegalArgumentException(
          "KFold: k (the number of folds) must be at least 2. Received: k=" + k);
    }
    this.k = k;
  }

  /** Whether to shuffle the rows before cutting the folds (default false, as scikit-learn). */
  public KFold shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** Shuffles with this seed (a seed only matters when shuffling, so this turns shuffling on). */
  public KFold seed(long seed) {
    this.seed = seed;
    this.shuffle = true;
    return this;
  }

  public int k() {
    return k;
  }

  /** The folds of {@code n} rows ({@code k <= n}). */
  public List<Fold> split(int n) {
    checkRows(n);
    int[] order = Splits.identity(n);
    if (shuffle) {
      Splits.shuffleInPlace(order, random());
    }
    int[] foldOf = new int[n];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int len = n / k + (f < n % k ? 1 : 0);
      for (int i = start; i < start + len; i++) {
        foldOf[order[i]] = f;
      }
      start += len;
    }
    List<Fold> folds = new ArrayList<>(k);
    start = 0;
    for (int f = 0; f < k; f++) {
      int len = n / k + (f < n % k ? 1 : 0);
      int[] validation = new int[len];
      System.arraycopy(order, start, validation, 0, len);
      start += len;
      folds.add(new Fold(trainRows(foldOf, f, n - len), validation));
    }
    return List.copyOf(folds);
  }

  /** The folds of a dataset's rows. */
  public List<Fold> split(Dataset d) {
    return split(d.size());
  }

  /**
   * Stratified folds: each class of {@code labels} (int32, shape {@code (n,)} or {@code (n, 1)}) is
   * spread evenly over the folds.
   */
  public List<Fold> stratified(Tensor labels) {
    int[] y = Rows.labels(labels, "KFold.stratified");
    int n = y.length;
    checkRows(n);
    ClassRows classes = ClassRows.byFirstAppearance(y);
    int[][] byClass = classes.rowsByClass();
    int numClasses = classes.numClasses();
    int[] counts = classes.counts();
    int largest = 0;
    for (int c : counts) {
      largest = Math.max(largest, c);
    }
    if (k > largest) {
      throw new IllegalArgumentException(
          "KFold.stratified: k cannot be greater than the number of rows in every class"
              + " (the largest class has "
              + largest
              + "). Received: k="
              + k);
    }
    // allocation[f][c]: rows of class c in fold f, from dealing the sorted labels round-robin.
    int[][] allocation = new int[k][numClasses];
    int i = 0;
    for (int c = 0; c < numClasses; c++) {
      for (int r = 0; r < counts[c]; r++, i++) {
        allocation[i % k][c]++;
      }
    }
    SplittableRandom rnd = shuffle ? random() : null;
    int[] foldOf = new int[n];
    for (int c = 0; c < numClasses; c++) {
      int[] folds = new int[counts[c]];
      int j = 0;
      for (int f = 0; f < k; f++) {
        for (int r = 0; r < allocation[f][c]; r++) {
          folds[j++] = f;
        }
      }
      if (rnd != null) {
        Splits.shuffleInPlace(folds, rnd);
      }
      int[] rows = byClass[c];
      for (int r = 0; r < rows.length; r++) {
        foldOf[rows[r]] = folds[r];
      }
    }
    int[] sizes = new int[k];
    for (int f : foldOf) {
      sizes[f]++;
    }
    List<Fold> out = new ArrayList<>(k);
    for (int f = 0; f < k; f++) {
      int[] validation = new int[sizes[f]];
      int v = 0;
      for (int r = 0; r < n; r++) {
        if (foldOf[r] == f) {
          validation[v++] = r;
        }
      }
      out.add(new Fold(trainRows(foldOf, f, n - sizes[f]), validation));
    }
    return List.copyOf(out);
  }

  /** Stratified folds of a dataset by its single int32 target. */
  public List<Fold> stratified(Dataset d) {
    return stratified(Splits.singleIntTarget(d, "KFold.stratified"));
  }

  private void checkRows(int n) {
    if (k > n) {
      throw new IllegalArgumentException(
          "KFold: k cannot be greater than the number of rows (n=" + n + "). Received: k=" + k);
    }
  }

  private static int[] trainRows(int[] foldOf, int fold, int count) {
    int[] train = new int[count];
    int t = 0;
    for (int r = 0; r < foldOf.length; r++) {
      if (foldOf[r] != fold) {
        train[t++] = r;
      }
    }
    return train;
  }

  private SplittableRandom random() {
    return new SplittableRandom(seed != null ? seed : SeedGenerator.nextGlobal());
  }
}
