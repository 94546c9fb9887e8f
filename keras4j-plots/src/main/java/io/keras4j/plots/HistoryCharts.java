package io.keras4j.plots;

import io.keras4j.callbacks.History;
import io.keras4j.internal.Headless;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a {@link History} as the Keras tutorials draw them with matplotlib: one chart a
 * metric ("model loss", "model accuracy", ...), epochs along x, the training values as "train" and
 * the {@code val_} values as "val" when there are some.
 */
public final class HistoryCharts {
  /** Size of one chart in the image, in pixels. */
  public static final int CHART_WIDTH = 640;

  public static final int CHART_HEIGHT = 480;

  /** Charts side by side in a row of the image; more go on the next row. */
  public static final int COLUMNS = 2;

  private HistoryCharts() {}

  /**
   * One chart per recorded name without a {@code val_} prefix, in the order History recorded them;
   * a {@code val_} name without its training twin gets a chart of its own.
   */
  public static List<JFreeChart> of(History history) {
    Map<String, List<Double>> values = history.history();
    List<JFreeChart> charts = new ArrayList<>();
    for (String name : values.keySet()) {
      boolean validation = name.startsWith("val_");
      if (validation && values.containsKey(name.substring(4))) {
        continue; // drawn with its training twin
      }
      XYSeriesCollection data = new XYSeriesCollection();
      data.addSeries(series(validation ? "val" : "train", values.get(name)));
      if (!validation && values.containsKey("val_" + name)) {
        data.addSeries(series("val", values.get("val_" + name)));
      }
      charts.add(chart(name, data));
    }
    return charts;
  }

  private static XYSeries series(String key, List<Double> values) {
    XYSeries s = new XYSeries(key, false, true);
    for (int i = 0; i < values.size(); i++) {
      s.add(i + 1, values.get(i)); // epochs counted from 1, as the progress bar does
    }
    return s;
  }

  private static JFreeChart chart(String name, XYSeriesCollection data) {
    NumberAxis epochs = new NumberAxis("epoch");
    epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    epochs.setAutoRangeIncludesZero(false);
    NumberAxis values = new NumberAxis(name);
    values.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e)}; // matplotlib's first two
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, colors[i % colors.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, epochs, values, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart("model " + name, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** The charts in a grid of {@link #COLUMNS} columns, each {@code CHART_WIDTH x CHART_HEIGHT}. */
  public static BufferedImage render(List<JFreeChart> charts) {
    if (charts.isEmpty()) {
      throw new IllegalArgumentException(
          "History.plot: the History has no values to draw (was fit run?). Received: an empty"
              + " History");
    }
    Headless.ensure();
    int columns = Math.min(COLUMNS, charts.size());
    int rows = (charts.size() + columns - 1) / columns;
    BufferedImage image =
        new BufferedImage(columns * CHART_WIDTH, rows * CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < charts.size(); i++) {
        int x = (i % columns) * CHART_WIDTH;
        int y = (i / columns) * CHART_HEIGHT;
        charts.get(i).draw(g, new Rectangle2D.Double(x, y, CHART_WIDTH, CHART_HEIGHT));
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
