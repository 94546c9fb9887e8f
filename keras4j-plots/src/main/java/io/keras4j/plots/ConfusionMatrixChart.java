package io.keras4j.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as scikit-learn's {@code ConfusionMatrixDisplay} draws it: rows the true
 * labels (first class at the top), columns the predicted ones, each cell shaded by its count on a
 * white-to-blue scale and labelled with the count (white text on dark cells).
 */
public final class ConfusionMatrixChart {
  static final Color DARK_BLUE = new Color(8, 48, 107); // the dark end of matplotlib's "Blues"

  private ConfusionMatrixChart() {}

  /** {@code counts[t][p]}: how many samples of true class t were predicted as class p. */
  public static long[][] counts(int[] yTrue, int[] yPred, int numClasses) {
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException(
          "confusionMatrix: yTrue and yPred must have one label per sample. Received: yTrue of"
              + " length "
              + yTrue.length
              + ", yPred of length "
              + yPred.length);
    }
    long[][] counts = new long[numClasses][numClasses];
    for (int i = 0; i < yTrue.length; i++) {
      check("yTrue", i, yTrue[i], numClasses);
      check("yPred", i, yPred[i], numClasses);
      counts[yTrue[i]][yPred[i]]++;
    }
    return counts;
  }

  private static void check(String name, int i, int label, int numClasses) {
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          "confusionMatrix: "
              + name
              + "["
              + i
              + "] is not a class index: expected 0 to "
              + (numClasses - 1)
              + " ("
              + numClasses
              + " class names). Received: "
              + name
              + "["
              + i
              + "]="
              + label);
    }
  }

  /** The chart of {@code counts} with the class names along both axes. */
  public static JFreeChart of(long[][] counts, List<String> classNames) {
    int k = classNames.size();
    if (counts.length != k) {
      throw new IllegalArgumentException(
          "confusionMatrix: one class name per row of counts. Received: "
              + k
              + " names for "
              + counts.length
              + " rows");
    }
    long max = 0;
    double[] xs = new double[k * k];
    double[] ys = new double[k * k];
    double[] zs = new double[k * k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        int i = t * k + p;
        xs[i] = p;
        ys[i] = t;
        zs[i] = counts[t][p];
        max = Math.max(max, counts[t][p]);
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("counts", new double[][] {xs, ys, zs});
    String[] names = classNames.toArray(String[]::new);
    SymbolAxis predicted = new SymbolAxis("Predicted label", names);
    predicted.setGridBandsVisible(false);
    SymbolAxis truth = new SymbolAxis("True label", names);
    truth.setGridBandsVisible(false);
    truth.setInverted(true); // the first class on the top row, as a matrix is printed
    XYBlockRenderer renderer = new XYBlockRenderer();
    Blues scale = new Blues(Math.max(1, max));
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, predicted, truth, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, k > 12 ? 10 : 14);
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        XYTextAnnotation a = new XYTextAnnotation(Long.toString(counts[t][p]), p, t);
        a.setFont(font);
        a.setPaint(counts[t][p] > max / 2.0 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(a);
      }
    }
    JFreeChart chart =
        new JFreeChart("Confusion matrix", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis legendAxis = new NumberAxis();
    legendAxis.setRange(0, Math.max(1, max));
    legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(15);
    legend.setMargin(40, 10, 40, 10);
    chart.addSubtitle(legend);
    return chart;
  }

  /** White at 0 to dark blue at the largest count. */
  static final class Blues implements PaintScale {
    private final double upper;

    Blues(double upper) {
      this.upper = upper;
    }

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      double f = Math.max(0, Math.min(1, value / upper));
      return new Color(
          mix(247, DARK_BLUE.getRed(), f),
          mix(251, DARK_BLUE.getGreen(), f),
          mix(255, DARK_BLUE.getBlue(), f));
    }

    private static int mix(int from, int to, double f) {
      return (int) Math.round(from + (to - from) * f);
    }
  }
}
