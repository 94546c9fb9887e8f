package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KFoldTest {
  @Test
  void plainFoldsAreConsecutiveAsScikitLearn() {
    // sklearn KFold(3).split(range(10)): test folds [0..3], [4..6], [7..9].
    List<Fold> folds = new KFold(3).split(10);
    assertEquals(3, folds.size());
    assertArrayEquals(new int[] {0, 1, 2, 3}, folds.get(0).validation());
    assertArrayEquals(new int[] {4, 5, 6}, folds.get(1).validation());
    assertArrayEquals(new int[] {7, 8, 9}, folds.get(2).validation());
    assertArrayEquals(new int[] {0, 1, 2, 3, 7, 8, 9}, folds.get(1).train());
  }

  @Test
  void shuffledFoldsCoverEveryRowOnceAndDependOnTheSeed() {
    List<Fold> a = new KFold(4).seed(9).split(23);
    List<Fold> b = new KFold(4).seed(9).split(23);
    List<Fold> c = new KFold(4).seed(10).split(23);
    int[] seen = new int[23];
    for (int f = 0; f < 4; f++) {
      Fold fold = a.get(f);
      assertEquals(f < 3 ? 6 : 5, fold.validation().length); // 23 = 6 + 6 + 6 + 5
      assertEquals(23, fold.train().length + fold.validation().length);
      SplitsTest.assertPartition(23, fold.train(), fold.validation());
      for (int r : fold.validation()) {
        seen[r]++;
      }
      assertArrayEquals(fold.validation(), b.get(f).validation());
      int[] sorted = fold.train().clone();
      Arrays.sort(sorted);
      assertArrayEquals(sorted, fold.train(), "training rows ascending");
    }
    for (int r = 0; r < 23; r++) {
      assertEquals(1, seen[r], "row " + r);
    }
    assertFalse(Arrays.equals(a.get(0).validation(), c.get(0).validation()));
    assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4, 5}, a.get(0).validation()));
  }

  @Test
  void stratifiedFoldsByHand() {
    // Labels: six 0s then four 1s. Sorted labels dealt to 2 folds round-robin give each fold
    // three 0s and two 1s; unshuffled, the first rows of each class go to fold 0
    // (sklearn StratifiedKFold(2): test folds [0, 1, 2, 6, 7] and [3, 4, 5, 8, 9]).
    Tensor y = Tensor.ofInts(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, 10);
    List<Fold> folds = new KFold(2).stratified(y);
    assertArrayEquals(new int[] {0, 1, 2, 6, 7}, folds.get(0).validation());
    assertArrayEquals(new int[] {3, 4, 5, 8, 9}, folds.get(1).validation());
    assertArrayEquals(new int[] {3, 4, 5, 8, 9}, folds.get(0).train());
  }

  @Test
  void stratifiedShuffledFoldsBalanceEveryClass() {
    // Classes of 17, 9 and 4 rows in a scrambled order; 3 folds of 10 rows.
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      int k = (i * 7) % 30;
      y[i] = k < 17 ? 5 : (k < 26 ? 1 : 3);
    }
    List<Fold> folds = new KFold(3).seed(1).stratified(Tensor.ofInts(y, 30));
    int[] seen = new int[30];
    for (Fold f : folds) {
      assertEquals(10, f.validation().length);
      for (int cls : new int[] {5, 1, 3}) {
        long total = Arrays.stream(y).filter(v -> v == cls).count();
        long inFold = Arrays.stream(f.validation()).filter(r -> y[r] == cls).count();
        // Each class count per fold is floor or ceil of its share total / 3.
        assertTrue(
            inFold == total / 3 || inFold == (total + 2) / 3, cls + ": " + inFold + " of " + total);
      }
      for (int r : f.validation()) {
        seen[r]++;
      }
    }
    for (int r = 0; r < 30; r++) {
      assertEquals(1, seen[r]);
    }
    List<Fold> again = new KFold(3).seed(1).stratified(Tensor.ofInts(y, 30));
    assertArrayEquals(folds.get(2).validation(), again.get(2).validation());
  }

  @Test
  void foldsGatherDatasets() {
    Dataset d = Dataset.of(Tensor.of(new float[] {0, 1, 2, 3, 4}, 5, 1));
    Fold f = new KFold(2).split(d).get(1);
    assertArrayEquals(new float[] {3, 4}, f.validation(d).x().toFloatArray());
    assertArrayEquals(new float[] {0, 1, 2}, f.train(d).x().toFloatArray());
  }

  @Test
  void badArgumentsAreExplained() {
    var one = assertThrows(IllegalArgumentException.class, () -> new KFold(1));
    assertEquals(
        "KFold: k (the number of folds) must be at least 2. Received: k=1", one.getMessage());
    var many = assertThrows(IllegalArgumentException.class, () -> new KFold(5).split(4));
    assertEquals(
        "KFold: k cannot be greater than the number of rows (n=4). Received: k=5",
        many.getMessage());
    var small =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KFold(4).stratified(Tensor.ofInts(new int[] {0, 0, 0, 1, 1, 1}, 6)));
    assertEquals(
        "KFold.stratified: k cannot be greater than the number of rows in every class (the"
            + " largest class has 3). Received: k=4",
        small.getMessage());
  }
}
