package io.keras4j.plots;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.internal.Headless;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * Training charts as PNG files, drawn with JFreeChart without a display: a {@link History} (what
 * {@code history.plot(file)} draws) and confusion matrices.
 *
 * <pre>{@code
 * History history = model.fit(x, y, new FitOptions().epochs(10).validationSplit(0.2));
 * history.plot(Path.of("history.png"));
 * Plots.confusionMatrix(yTest, model.predict(xTest), List.of("cat", "dog"), Path.of("cm.png"));
 * }</pre>
 */
public final class Plots {
  /** Side of a confusion matrix image, in pixels, up to 8 classes; 60 more per class beyond. */
  public static final int CONFUSION_MATRIX_SIZE = 640;

  private Plots() {}

  /** The loss and metrics of {@code history} per epoch, one chart each ({@link HistoryCharts}). */
  public static void history(History history, Path file) {
    requirePng(file, "History.plot");
    write(HistoryCharts.render(HistoryCharts.of(history)), file, "History.plot");
  }

  /** The confusion matrix of integer labels (class indices into {@code classNames}). */
  public static void confusionMatrix(int[] yTrue, int[] yPred, List<String> classNames, Path file) {
    requirePng(file, "confusionMatrix");
    long[][] counts = ConfusionMatrixChart.counts(yTrue, yPred, classNames.size());
    write(render(ConfusionMatrixChart.of(counts, classNames)), file, "confusionMatrix");
  }

  /**
   * The confusion matrix of labels given as tensors: a rank-1 tensor holds class indices, a rank-2
   * one (one-hot labels or predicted probabilities) gives the index of each row's largest value, as
   * {@code np.argmax(y, axis=1)} in the Keras tutorials.
   */
  public static void confusionMatrix(
      Tensor yTrue, Tensor yPred, List<String> classNames, Path file) {
    confusionMatrix(labels(yTrue, "yTrue"), labels(yPred, "yPred"), classNames, file);
  }

  /** Class indices of a tensor of labels (rank 1) or of scores per class (rank 2, argmax). */
  public static int[] labels(Tensor y, String name) {
    int[] shape = y.shape();
    if (y.rank() == 2 && shape[1] == 1 || y.rank() == 1) {
      if (y.dtype() == DType.INT32) {
        return y.toIntArray();
      }
      float[] v = y.toFloatArray();
      int[] out = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        if (v[i] != Math.rint(v[i])) {
          throw new IllegalArgumentException(
              "confusionMatrix: "
                  + name
                  + " must hold class indices. Received: "
                  + name
                  + "["
                  + i
                  + "]="
                  + v[i]);
        }
        out[i] = (int) v[i];
      }
      return out;
    }
    if (y.rank() != 2) {
      throw new IllegalArgumentException(
          "confusionMatrix: "
              + name
              + " must be class indices (rank 1) or scores per class (rank 2). Received: shape="
              + java.util.Arrays.toString(shape));
    }
    float[] v = y.toFloatArray();
    int rows = shape[0];
    int cols = shape[1];
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < cols; c++) {
        if (v[r * cols + c] > v[r * cols + best]) {
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }

  static BufferedImage render(JFreeChart chart) {
    Headless.ensure();
    int k = chart.getXYPlot().getDataset().getItemCount(0);
    int classes = (int) Math.round(Math.sqrt(k));
    int side = CONFUSION_MATRIX_SIZE + 60 * Math.max(0, classes - 8);
    return chart.createBufferedImage(side + 80, side);
  }

  private static void requirePng(Path file, String what) {
    String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException(
          what
              + ": the charts are written as PNG: expected a file name ending in .png. Received: file="
              + file);
    }
  }

  private static void write(BufferedImage image, Path file, String what) {
    try {
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IllegalStateException(what + ": no PNG writer in this JDK (javax.imageio)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
