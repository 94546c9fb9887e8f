package io.keras4j.data;

import java.util.Arrays;

/** The classes of integer labels (distinct values, sorted unless noted) and the rows of each. */
final class ClassRows {
  private final int[] classes;
  private final int[] encoded;
  private final int[] counts;

  private ClassRows(int[] classes, int[] encoded, int[] counts) {
    this.classes = classes;
    this.encoded = encoded;
    this.counts = counts;
  }

  static ClassRows of(int[] labels) {
    int[] classes = Arrays.stream(labels).distinct().sorted().toArray();
    int[] encoded = new int[labels.length];
    int[] counts = new int[classes.length];
    for (int i = 0; i < labels.length; i++) {
      int c = Arrays.binarySearch(classes, labels[i]);
      encoded[i] = c;
      counts[c]++;
    }
    return new ClassRows(classes, encoded, counts);
  }

  /**
   * The classes numbered by first appearance (0 is the label of row 0, ...), as scikit-learn's
   * StratifiedKFold numbers them.
   */
  static ClassRows byFirstAppearance(int[] labels) {
    ClassRows sorted = of(labels);
    int[] newId = new int[sorted.classes.length];
    Arrays.fill(newId, -1);
    int[] classes = new int[sorted.classes.length];
    int next = 0;
    int[] encoded = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int c = sorted.encoded[i];
      if (newId[c] < 0) {
        newId[c] = next;
        classes[next++] = sorted.classes[c];
      }
      encoded[i] = newId[c];
    }
    int[] counts = new int[classes.length];
    for (int c = 0; c < newId.length; c++) {
      counts[newId[c]] = sorted.counts[c];
    }
    return new ClassRows(classes, encoded, counts);
  }

  int numClasses() {
    return classes.length;
  }

  /** Rows per class, indexed like {@link #classes}. */
  int[] counts() {
    return counts;
  }

  /** Class index (into the sorted distinct labels) of every row. */
  int[] encoded() {
    return encoded;
  }

  /** The rows of every class, ascending (new arrays, one pass over the labels). */
  int[][] rowsByClass() {
    int[][] out = new int[counts.length][];
    for (int c = 0; c < counts.length; c++) {
      out[c] = new int[counts[c]];
    }
    int[] fill = new int[counts.length];
    for (int i = 0; i < encoded.length; i++) {
      int c = encoded[i];
      out[c][fill[c]++] = i;
    }
    return out;
  }

  /**
   * Shares {@code draws} among classes in proportion to {@code counts} (scikit-learn's {@code
   * _approximate_mode}): each class gets the floor of its exact share, and the draws left over go
   * one each to the largest remainders (lower class first on ties). Exact integer arithmetic; no
   * class gets more than its count.
   */
  static int[] approximateMode(int[] counts, int draws) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    int[] out = new int[counts.length];
    if (total == 0 || draws == 0) {
      return out;
    }
    long[] remainders = new long[counts.length];
    int given = 0;
    for (int i = 0; i < counts.length; i++) {
      long scaled = (long) counts[i] * draws;
      out[i] = (int) (scaled / total);
      remainders[i] = scaled % total;
      given += out[i];
    }
    while (given < draws) {
      int best = -1;
      for (int i = 0; i < counts.length; i++) {
        if (out[i] < counts[i] && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      out[best]++;
      remainders[best] = -1;
      given++;
    }
    return out;
  }
}
