package io.keras4j.utils;

import io.keras4j.internal.Headless;
import io.keras4j.models.Model;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Keras's {@code keras.utils.plot_model} and {@code model_to_dot}, drawn in Java: one box a layer
 * with Keras's label (title, activation, "Input shape"/"Output shape", dtype, trainable), edges
 * along the model's graph, expanded nested models as dashed clusters. The format comes from the
 * file name: {@code .png} (Java2D, at the options' dpi), {@code .svg} or {@code .dot} (Graphviz
 * text, for those who have Graphviz). Needs no display and no Graphviz.
 *
 * <pre>{@code
 * ModelPlot.plotModel(model, Path.of("model.png"), new PlotModelOptions().showShapes(true));
 * }</pre>
 */
public final class ModelPlot {
  private ModelPlot() {}

  /** Draws the model with Keras's defaults into {@code file} (.png, .svg or .dot). */
  public static void plotModel(Model model, Path file) {
    plotModel(model, file, new PlotModelOptions());
  }

  /** Draws the model into {@code file}; the format is the file's suffix: .png, .svg or .dot. */
  public static void plotModel(Model model, Path file, PlotModelOptions options) {
    String format = formatOf(file);
    byte[] bytes =
        switch (format) {
          case "dot" -> toDot(model, options).getBytes(StandardCharsets.UTF_8);
          case "svg" -> toSvg(model, options).getBytes(StandardCharsets.UTF_8);
          default -> null;
        };
    try {
      if (bytes != null) {
        Files.write(file, bytes);
      } else {
        BufferedImage image = toImage(model, options);
        if (!ImageIO.write(image, "png", file.toFile())) {
          throw new IllegalStateException("plotModel: no PNG writer in this JDK (javax.imageio)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("plotModel: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The DOT text Keras's {@code model_to_dot} gives (Keras's plot_model defaults). */
  public static String toDot(Model model) {
    return toDot(model, new PlotModelOptions());
  }

  /** The DOT text Keras's {@code model_to_dot} gives for these options. */
  public static String toDot(Model model, PlotModelOptions options) {
    return PlotDot.of(PlotGraph.of(requireModel(model), options), options);
  }

  /** The plot as SVG text, in points. */
  public static String toSvg(Model model, PlotModelOptions options) {
    return PlotSvg.of(layout(model, options));
  }

  /** The plot as an image, at the options' dpi (72 is one pixel per point). */
  public static BufferedImage toImage(Model model, PlotModelOptions options) {
    Headless.ensure();
    return PlotPainter.paint(layout(model, options), options.dpi());
  }

  private static PlotLayout layout(Model model, PlotModelOptions options) {
    Headless.ensure();
    PlotGraph g = PlotGraph.of(requireModel(model), options);
    return PlotLayout.of(g, "LR".equals(options.rankdir()));
  }

  private static Model requireModel(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("plotModel: model must not be null. Received: model=null");
    }
    return model;
  }

  static String formatOf(Path file) {
    if (file == null || file.getFileName() == null) {
      throw new IllegalArgumentException(
          "plotModel: expected a file whose name ends in .png, .svg or .dot. Received: file="
              + file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String suffix = dot < 0 ? "" : name.substring(dot + 1);
    return switch (suffix) {
      case "png", "svg", "dot" -> suffix;
      default ->
          throw new IllegalArgumentException(
              "plotModel: cannot tell the format from the file name '"
                  + file.getFileName()
                  + "': expected a name ending in .png, .svg or .dot. Received: file="
                  + file);
    };
  }
}
