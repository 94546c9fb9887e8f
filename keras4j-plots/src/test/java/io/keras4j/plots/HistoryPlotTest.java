package io.keras4j.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryPlotTest {
  @TempDir Path dir;
  static History history;

  /** A real short fit: a small regression with a validation split, loss and one metric. */
  @BeforeAll
  static void fit() {
    Keras.setRandomSeed(7);
    Random r = new Random(7);
    int n = 64;
    float[] x = new float[n * 4];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      float s = 0;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) r.nextGaussian();
        s += (j + 1) * x[i * 4 + j];
      }
      y[i] = s;
    }
    var model = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1));
    model.compile("adam", "mean_squared_error", "mae");
    history =
        model.fit(
            Tensor.of(x, n, 4),
            Tensor.of(y, n, 1),
            new FitOptions().epochs(5).batchSize(16).validationSplit(0.25).verbose(0));
  }

  @Test
  void chartsHoldTheHistorysNumbersWithKerasTutorialLabels() {
    List<JFreeChart> charts = HistoryCharts.of(history);
    assertEquals(2, charts.size()); // loss and mae, each with its val_ twin
    String[] names = {"loss", "mae"};
    for (int c = 0; c < 2; c++) {
      JFreeChart chart = charts.get(c);
      assertEquals("model " + names[c], chart.getTitle().getText());
      XYPlot plot = chart.getXYPlot();
      assertEquals("epoch", plot.getDomainAxis().getLabel());
      assertEquals(names[c], plot.getRangeAxis().getLabel());
      XYDataset data = plot.getDataset();
      assertEquals(2, data.getSeriesCount());
      assertEquals("train", data.getSeriesKey(0));
      assertEquals("val", data.getSeriesKey(1));
      List<Double> train = history.get(names[c]);
      List<Double> val = history.get("val_" + names[c]);
      assertEquals(5, train.size());
      for (int e = 0; e < 5; e++) {
        assertEquals(e + 1, data.getXValue(0, e));
        assertEquals(train.get(e), data.getYValue(0, e));
        assertEquals(e + 1, data.getXValue(1, e));
        assertEquals(val.get(e), data.getYValue(1, e));
      }
    }
    // Training lowered the loss: the chart is of a real fit.
    assertTrue(history.get("loss").get(4) < history.get("loss").get(0), history.toString());
  }

  @Test
  void historyPlotFindsThisModuleAndWritesThePng() throws Exception {
    Path file = dir.resolve("history.png");
    history.plot(file); // keras4j-core's History, through ServiceLoader
    BufferedImage img = ImageIO.read(file.toFile());
    assertNotNull(img);
    assertEquals(2 * HistoryCharts.CHART_WIDTH, img.getWidth());
    assertEquals(HistoryCharts.CHART_HEIGHT, img.getHeight());
    assertTrue(Images.distinctColors(img) > 50, "lines, text, anti-aliasing: not blank");
    Files.copy(file, Path.of("target", "history.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void axisLabelsAreDrawnWhereTheAxesAre() {
    JFreeChart chart = HistoryCharts.of(history).get(0);
    BufferedImage with = HistoryCharts.render(List.of(chart));
    chart.getXYPlot().getDomainAxis().setLabel(null);
    chart.getXYPlot().getRangeAxis().setLabel(null);
    BufferedImage without = HistoryCharts.render(List.of(chart));
    int w = HistoryCharts.CHART_WIDTH;
    int h = HistoryCharts.CHART_HEIGHT;
    // "epoch" under the x axis, in the middle; "loss" turned along the y axis, at the left.
    int[] epochRegion = {w / 2 - 60, h - 70, w / 2 + 60, h - 25};
    int[] lossRegion = {0, h / 2 - 80, 40, h / 2 + 40};
    assertTrue(
        Images.dark(with, epochRegion) > 20 && Images.dark(with, lossRegion) > 20,
        "labels drawn: " + Images.dark(with, epochRegion) + ", " + Images.dark(with, lossRegion));
    assertTrue(
        Images.differing(with, without, epochRegion) > 20,
        "the x label region changes without the label");
    assertTrue(
        Images.differing(with, without, lossRegion) > 20,
        "the y label region changes without the label");
  }

  @Test
  void anEmptyHistoryOrAnotherSuffixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new History().plot(dir.resolve("h.png")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> history.plot(dir.resolve("h.jpg")));
    assertTrue(e.getMessage().contains("expected a file name ending in .png"), e.getMessage());
  }
}
