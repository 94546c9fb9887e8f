package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitsTest {
  @Test
  void sizesFollowTheFractions() {
    Split s = new Splits(0.7, 0.2, 0.1).seed(1).split(10);
    assertEquals(7, s.train().length);
    assertEquals(2, s.validation().length);
    assertEquals(1, s.test().length);
    // 101 rows: floors 70, 20, 10; the row left over goes to the largest remainder (0.7 of train).
    Split odd = new Splits(0.7, 0.2, 0.1).seed(1).split(101);
    assertEquals(71, odd.train().length);
    assertEquals(20, odd.validation().length);
    assertEquals(10, odd.test().length);
    Split twoWay = new Splits(0.8, 0.2, 0).seed(1).split(5);
    assertEquals(4, twoWay.train().length);
    assertEquals(1, twoWay.validation().length);
    assertEquals(0, twoWay.test().length);
  }

  @Test
  void partsAreDisjointAndCoverEveryRow() {
    Split s = new Splits(0.5, 0.3, 0.2).seed(7).split(97);
    assertPartition(97, s.train(), s.validation(), s.test());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Split a = new Splits(0.6, 0.2, 0.2).seed(42).split(50);
    Split b = new Splits(0.6, 0.2, 0.2).seed(42).split(50);
    Split c = new Splits(0.6, 0.2, 0.2).seed(43).split(50);
    assertArrayEquals(a.train(), b.train());
    assertArrayEquals(a.validation(), b.validation());
    assertArrayEquals(a.test(), b.test());
    assertFalse(Arrays.equals(a.train(), c.train()));
    // Shuffled: the training rows are not simply 0..29.
    assertFalse(Arrays.equals(Splits.identity(30), a.train()));
  }

  @Test
  void withoutShufflingThePartsAreConsecutive() {
    Split s = new Splits(0.5, 0.25, 0.25).shuffle(false).split(8);
    assertArrayEquals(new int[] {0, 1, 2, 3}, s.train());
    assertArrayEquals(new int[] {4, 5}, s.validation());
    assertArrayEquals(new int[] {6, 7}, s.test());
  }

  @Test
  void stratifiedKeepsEachClassProportion() {
    // Classes 0, 2 and 7 interleaved: 40, 40 and 20 rows, then row 99 moves from 7 to 0.
    int[] y = new int[100];
    for (int i = 0; i < 100; i++) {
      y[i] = i % 5 < 2 ? 0 : (i % 5 < 4 ? 2 : 7);
    }
    y[99] = 0;
    int[] counts = {41, 40, 19};
    assertEquals(41, Arrays.stream(y).filter(v -> v == 0).count());
    Split s = new Splits(0.6, 0.2, 0.2).seed(3).stratified(Tensor.ofInts(y, 100));
    assertPartition(100, s.train(), s.validation(), s.test());
    assertEquals(60, s.train().length);
    assertEquals(20, s.validation().length);
    assertEquals(20, s.test().length);
    int[] classes = {0, 2, 7};
    double[] fractions = {0.6, 0.2, 0.2};
    int[][] parts = {s.train(), s.validation(), s.test()};
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < 3; p++) {
        int cls = classes[c];
        long got = Arrays.stream(parts[p]).filter(r -> y[r] == cls).count();
        double exact = counts[c] * fractions[p];
        assertTrue(
            Math.abs(got - exact) < 2, "class " + cls + " part " + p + ": " + got + " vs " + exact);
      }
    }
  }

  @Test
  void stratifiedCountsMatchTheApproximateModeByHand() {
    // Class 0: 7 rows, class 1: 13 rows; 0.5 / 0.25 / 0.25 of 20 = 10 / 5 / 5 rows.
    // Train: 7*10/20 = 3.5 and 13*10/20 = 6.5 floor to 3 and 6, the tie of remainders goes to
    // class 0: (4, 6). Left (3, 7); validation 5 of 10: 1.5 and 3.5 -> (1, 3) + tie to class 0 =
    // (2, 3). Test: the rest, (1, 4).
    int[] y = new int[20];
    for (int i = 7; i < 20; i++) {
      y[i] = 1;
    }
    Split s = new Splits(0.5, 0.25, 0.25).seed(11).stratified(Tensor.ofInts(y, 20, 1));
    assertArrayEquals(new long[] {4, 6}, classCounts(s.train(), y));
    assertArrayEquals(new long[] {2, 3}, classCounts(s.validation(), y));
    assertArrayEquals(new long[] {1, 4}, classCounts(s.test(), y));
    assertPartition(20, s.train(), s.validation(), s.test());
  }

  @Test
  void splitsADataset() {
    Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, 1);
    Tensor y = Tensor.ofInts(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, 10);
    Dataset d = Dataset.of(x, y);
    Split s = new Splits(0.6, 0.2, 0.2).seed(5).stratified(d);
    Dataset train = s.train(d);
    assertEquals(6, train.size());
    for (int i = 0; i < train.size(); i++) {
      int row = s.train()[i];
      assertEquals(row, train.x().getFloat(i, 0)); // x holds the row number
      assertEquals(y.getInt(row), train.y().getInt(i));
    }
    assertEquals(3, Arrays.stream(train.y().toIntArray()).filter(v -> v == 1).count());
    assertEquals(2, s.validation(d).size());
    assertEquals(2, s.test(d).size());
  }

  @Test
  void badArgumentsAreExplained() {
    var sum = assertThrows(IllegalArgumentException.class, () -> new Splits(0.7, 0.2, 0.2));
    assertTrue(
        sum.getMessage()
            .startsWith(
                "Splits: the fractions must sum to 1 (within 1e-9). Received: train=0.7,"
                    + " validation=0.2, test=0.2 (sum=1.09"),
        sum.getMessage());
    var neg = assertThrows(IllegalArgumentException.class, () -> new Splits(1.2, -0.2, 0));
    assertEquals(
        "Splits: the train fraction must be in [0, 1]. Received: train=1.2", neg.getMessage());
    var labels =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Splits(0.5, 0.5, 0).stratified(Tensor.of(0f, 1f)));
    assertTrue(labels.getMessage().startsWith("Splits.stratified: labels must be an int32"));
    var noTarget =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Splits(0.5, 0.5, 0).stratified(Dataset.of(Tensor.zeros(2, 1))));
    assertTrue(noTarget.getMessage().contains("Received: 0 targets"), noTarget.getMessage());
  }

  static long[] classCounts(int[] rows, int[] y) {
    long[] out = new long[2];
    for (int r : rows) {
      out[y[r]]++;
    }
    return out;
  }

  static void assertPartition(int n, int[]... parts) {
    int[] seen = new int[n];
    for (int[] p : parts) {
      for (int r : p) {
        seen[r]++;
      }
    }
    for (int r = 0; r < n; r++) {
      assertEquals(1, seen[r], "row " + r + " must be in exactly one part");
    }
  }
}
