package io.keras4j.datasets;

import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn's 8x8 hand-written digits ({@code sklearn.datasets.load_digits}): 1,797 images of 64
 * pixels with values 0..16 (float32, shape {@code (1797, 64)}, row-major 8x8; reshape to {@code
 * (1797, 8, 8)} for convolutions), and the digit 0..9 as an int32 label (shape {@code (1797,)}).
 * Features are named {@code pixel_0_0} .. {@code pixel_7_7} as in scikit-learn.
 *
 * <p>The data ship with keras4j ({@code io/keras4j/datasets/digits.csv.gz}), copied from
 * scikit-learn under its BSD-3-Clause licence; the notice is in {@code
 * io/keras4j/datasets/SCIKIT-LEARN-LICENSE.txt} next to it. The digits are the test set of the UCI
 * "Optical Recognition of Handwritten Digits" data (Alpaydin and Kaynak, 1998).
 */
public final class Digits {
  private Digits() {}

  /** All 1,797 digits, in scikit-learn's order. */
  public static Dataset load() {
    Dataset d = Resources.readCsv("digits.csv.gz", new CsvReader().labelColumn(-1).intLabels(true));
    List<String> names = new ArrayList<>(64);
    for (int r = 0; r < 8; r++) {
      for (int c = 0; c < 8; c++) {
        names.add("pixel_" + r + "_" + c);
      }
    }
    return d.withFeatureNames(names);
  }
}
