package io.keras4j.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixTest {
  @TempDir Path dir;

  static final int[] Y_TRUE = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1, 0, 2};
  static final int[] Y_PRED = {0, 1, 0, 1, 2, 2, 2, 0, 2, 1, 0, 2};
  static final List<String> NAMES = List.of("cat", "dog", "bird");

  @Test
  void countsEqualAHandCount() {
    // true 0: predicted 0,1,0,0 -> [3,1,0]; true 1: 1,2,1 -> [0,2,1]; true 2: 2,2,0,2,2 -> [1,0,4]
    long[][] counts = ConfusionMatrixChart.counts(Y_TRUE, Y_PRED, 3);
    assertArrayEquals(new long[] {3, 1, 0}, counts[0]);
    assertArrayEquals(new long[] {0, 2, 1}, counts[1]);
    assertArrayEquals(new long[] {1, 0, 4}, counts[2]);
  }

  @Test
  void chartHasLabelledAxesAndACountPerCell() {
    JFreeChart chart =
        ConfusionMatrixChart.of(ConfusionMatrixChart.counts(Y_TRUE, Y_PRED, 3), NAMES);
    XYPlot plot = chart.getXYPlot();
    SymbolAxis predicted = (SymbolAxis) plot.getDomainAxis();
    SymbolAxis truth = (SymbolAxis) plot.getRangeAxis();
    assertEquals("Predicted label", predicted.getLabel());
    assertEquals("True label", truth.getLabel());
    assertArrayEquals(new String[] {"cat", "dog", "bird"}, predicted.getSymbols());
    assertArrayEquals(new String[] {"cat", "dog", "bird"}, truth.getSymbols());
    assertTrue(truth.isInverted(), "first class on the top row");
    List<String> cells = new ArrayList<>();
    for (XYAnnotation a : plot.getAnnotations()) {
      XYTextAnnotation t = (XYTextAnnotation) a;
      cells.add((int) t.getY() + "," + (int) t.getX() + "=" + t.getText());
    }
    assertEquals(
        List.of("0,0=3", "0,1=1", "0,2=0", "1,0=0", "1,1=2", "1,2=1", "2,0=1", "2,1=0", "2,2=4"),
        cells);
    // The dataset's z values are the counts too (the cell shading).
    for (int i = 0; i < 9; i++) {
      double z = ((org.jfree.data.xy.XYZDataset) plot.getDataset()).getZValue(0, i);
      int t = (int) plot.getDataset().getYValue(0, i);
      int p = (int) plot.getDataset().getXValue(0, i);
      assertEquals(ConfusionMatrixChart.counts(Y_TRUE, Y_PRED, 3)[t][p], (long) z);
    }
  }

  @Test
  void pngFromIntsAndFromTensorsIsTheSameImage() throws Exception {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Plots.confusionMatrix(Y_TRUE, Y_PRED, NAMES, a);
    // One-hot true labels and "probabilities" whose argmax is the prediction.
    float[] oneHot = new float[Y_TRUE.length * 3];
    float[] probs = new float[Y_PRED.length * 3];
    for (int i = 0; i < Y_TRUE.length; i++) {
      oneHot[i * 3 + Y_TRUE[i]] = 1;
      for (int c = 0; c < 3; c++) {
        probs[i * 3 + c] = c == Y_PRED[i] ? 0.6f : 0.2f;
      }
    }
    Plots.confusionMatrix(
        Tensor.of(oneHot, Y_TRUE.length, 3), Tensor.of(probs, Y_PRED.length, 3), NAMES, b);
    BufferedImage ia = ImageIO.read(a.toFile());
    BufferedImage ib = ImageIO.read(b.toFile());
    assertEquals(Plots.CONFUSION_MATRIX_SIZE + 80, ia.getWidth());
    assertEquals(Plots.CONFUSION_MATRIX_SIZE, ia.getHeight());
    assertTrue(Images.distinctColors(ia) > 50, "not blank");
    assertEquals(0, Images.differing(ia, ib, new int[] {0, 0, ia.getWidth(), ia.getHeight()}));
    Files.copy(a, Path.of("target", "confusion.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void badLabelsNameTheSample() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConfusionMatrixChart.counts(new int[] {0, 3}, new int[] {0, 1}, 3));
    assertEquals(
        "confusionMatrix: yTrue[1] is not a class index: expected 0 to 2 (3 class names)."
            + " Received: yTrue[1]=3",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfusionMatrixChart.counts(new int[] {0}, new int[] {0, 1}, 3));
  }
}
