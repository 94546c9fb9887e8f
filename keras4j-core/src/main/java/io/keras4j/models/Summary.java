package io.keras4j.models;

import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keras 3's {@code model.summary()} table: name (type), output shape, parameter count, and
 * "Connected to" for models that are not a plain chain; then total, trainable and non-trainable
 * parameters with their size in bytes.
 */
final class Summary {
  private Summary() {}

  static String of(Model model, int lineLength) {
    // As Keras: no "Connected to" column for a stack, an unbuilt model or a chain-shaped graph.
    boolean chain = model instanceof Sequential || !model.hasGraph() || model.isSequentialLike();
    double[] positions =
        chain ? new double[] {0.45, 0.80, 1.0} : new double[] {0.3, 0.56, 0.74, 1.0};
    String[] header =
        chain
            ? new String[] {"Layer (type)", "Output Shape", "Param #"}
            : new String[] {"Layer (type)", "Output Shape", "Param #", "Connected to"};
    int length = lineLength > 0 ? lineLength : Math.min(chain ? 88 : 108, terminalColumns() - 4);
    int[] widths = columnWidths(positions, length);
    List<String[]> rows = new ArrayList<>();
    List<Layer> layers = model instanceof Sequential s ? s.layers() : model.layers();
    for (Layer l : layers) {
      String params =
          l.isBuilt() ? String.format(Locale.ROOT, "%,d", l.countParams()) : "0 (unbuilt)";
      String name = l.name() + " (" + l.getClass().getSimpleName() + ")";
      rows.add(
          chain
              ? new String[] {name, outputShape(l), params}
              : new String[] {name, outputShape(l), params, connections(model, l)});
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model.name()).append("\"\n");
    sb.append(border('┏', '━', '┳', '┓', widths));
    sb.append(row('┃', header, widths));
    sb.append(border('┡', '━', '╇', '┩', widths));
    for (int r = 0; r < rows.size(); r++) {
      sb.append(row('│', rows.get(r), widths));
      sb.append(
          r == rows.size() - 1
              ? border('└', '─', '┴', '┘', widths)
              : border('├', '─', '┼', '┤', widths));
    }
    if (rows.isEmpty()) {
      sb.append(border('└', '─', '┴', '┘', widths));
    }
    long trainable = count(model.trainableWeights());
    long nonTrainable = count(model.nonTrainableWeights());
    long total = trainable + nonTrainable;
    sb.append(" Total params: ").append(fmt(total)).append('\n');
    sb.append(" Trainable params: ").append(fmt(trainable)).append('\n');
    sb.append(" Non-trainable params: ").append(fmt(nonTrainable)).append('\n');
    return sb.toString();
  }

  /** The terminal width Keras would see: $COLUMNS, else 80 (Python's fallback). */
  private static int terminalColumns() {
    try {
      String c = System.getenv("COLUMNS");
      return c == null ? 80 : Math.max(40, Integer.parseInt(c.trim()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /**
   * Content widths of the columns, as Keras asks rich for them: widths from the positions, then,
   * since the padded columns and borders must fit the line, the excess taken from the columns in
   * equal shares (rich's ratio_reduce, rounding half to even as Python does).
   */
  static int[] columnWidths(double[] positions, int length) {
    int n = positions.length;
    int[] padded = new int[n];
    int current = 0;
    int sum = 0;
    for (int i = 0; i < n; i++) {
      int w = (int) (positions[i] * length) - current;
      current += w;
      padded[i] = w + 2;
      sum += padded[i];
    }
    int excess = sum - (length - (n + 1));
    if (excess > 0) {
      int remaining = excess;
      int ratioLeft = n;
      for (int i = 0; i < n; i++) {
        int take = (int) Math.min(padded[i], Math.rint((double) remaining / ratioLeft));
        padded[i] -= take;
        remaining -= take;
        ratioLeft--;
      }
    }
    int[] content = new int[n];
    for (int i = 0; i < n; i++) {
      content[i] = Math.max(1, padded[i] - 2);
    }
    return content;
  }

  private static long count(List<Variable> ws) {
    long n = 0;
    for (Variable v : ws) {
      n += Shapes.size(ShapeRefs.of(v));
    }
    return n;
  }

  private static String fmt(long params) {
    return String.format(Locale.ROOT, "%,d (%s)", params, readableSize(params * 4.0));
  }

  /** Bytes as Keras writes them: 189.54 KB (powers of 1024, two decimals). */
  static String readableSize(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    double v = bytes;
    for (String u : units) {
      if (v / 1024 < 1) {
        return String.format(Locale.ROOT, "%.2f %s", v, u);
      }
      v /= 1024;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[units.length - 1]);
  }

  private static String outputShape(Layer l) {
    List<Node> nodes = l.inboundNodes();
    if (nodes.isEmpty()) {
      List<int[]> built = l.builtInputShapes();
      if (built == null) {
        return "?";
      }
      try {
        return join(l.computeOutputShapes(built));
      } catch (RuntimeException e) {
        return "?";
      }
    }
    List<int[]> shapes = new ArrayList<>();
    for (KerasTensor t : nodes.get(nodes.size() - 1).outputs()) {
      shapes.add(t.shape());
    }
    return join(shapes);
  }

  private static String join(List<int[]> shapes) {
    if (shapes.size() == 1) {
      return Shapes.toString(shapes.get(0));
    }
    List<String> s = new ArrayList<>();
    for (int[] sh : shapes) {
      s.add(Shapes.toString(sh));
    }
    return "[" + String.join(", ", s) + "]";
  }

  private static String connections(Model model, Layer l) {
    StringBuilder sb = new StringBuilder();
    for (Node node : l.inboundNodes()) {
      if (!model.graphContains(node)) {
        continue;
      }
      for (KerasTensor t : node.inputs()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(t.layer().name())
            .append('[')
            .append(t.nodeIndex())
            .append("][")
            .append(t.tensorIndex())
            .append(']');
      }
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  private static String border(char left, char fill, char mid, char right, int[] widths) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      sb.append(String.valueOf(fill).repeat(widths[i] + 2));
      sb.append(i == widths.length - 1 ? right : mid);
    }
    return sb.append('\n').toString();
  }

  /** One table row; long cells wrap onto more lines, as rich does. */
  private static String row(char edge, String[] cells, int[] widths) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> w = wrap(cells[i], widths[i]);
      wrapped.add(w);
      lines = Math.max(lines, w.size());
    }
    StringBuilder sb = new StringBuilder();
    for (int line = 0; line < lines; line++) {
      sb.append(edge);
      for (int i = 0; i < cells.length; i++) {
        String text = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        boolean right = i == 2;
        String pad = " ".repeat(Math.max(0, widths[i] - text.length()));
        sb.append(' ').append(right ? pad + text : text + pad).append(' ');
        sb.append(edge);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    out.add(rest);
    return out;
  }
}
