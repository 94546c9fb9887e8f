package io.keras4j.utils;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * DOT text of a model plot as Keras's {@code model_to_dot} builds it with pydot: one record node a
 * layer whose label is Keras's HTML-like table, edges with {@code penwidth=2}, and a dashed {@code
 * cluster_} subgraph for each expanded nested model.
 */
final class PlotDot {
  private PlotDot() {}

  static String of(PlotGraph g, PlotModelOptions options) {
    StringBuilder sb = new StringBuilder("digraph G {\n");
    sb.append("rankdir=").append(options.rankdir()).append(";\n");
    sb.append("concentrate=True;\n");
    sb.append("dpi=").append(options.dpi()).append(";\n");
    sb.append("splines=ortho;\n");
    sb.append("node [shape=record];\n");
    body(g, -1, sb, "");
    return sb.append("}\n").toString();
  }

  private static void body(PlotGraph g, int cluster, StringBuilder sb, String indent) {
    for (PlotBox box : g.boxes) {
      int owner = box.clusters().isEmpty() ? -1 : box.clusters().get(box.clusters().size() - 1);
      if (owner == cluster) {
        sb.append(indent)
            .append(box.id())
            .append(" [label=")
            .append(label(box))
            .append(", fontname=Helvetica, border=0, margin=0];\n");
      }
    }
    for (int c = 0; c < g.clusters.size(); c++) {
      PlotGraph.Cluster sub = g.clusters.get(c);
      if (sub.parent() == cluster) {
        sb.append(indent).append("subgraph cluster_").append(c).append(" {\n");
        String inner = indent + "  ";
        sb.append(inner).append("style=dashed;\n");
        sb.append(inner).append("label=").append(quote(sub.name())).append(";\n");
        sb.append(inner).append("labeljust=l;\n");
        body(g, c, sb, inner);
        sb.append(indent).append("}\n");
      }
    }
    for (PlotGraph.Edge e : g.edges) {
      if (e.cluster() == cluster) {
        sb.append(indent).append(e.from()).append(" -> ").append(e.to());
        sb.append(" [penwidth=2];\n");
      }
    }
  }

  /** Keras's label: a table with a black title row, then white (or green/red) cells. */
  static String label(PlotBox box) {
    List<List<PlotBox.Cell>> rows = box.rows();
    int colspan = 1;
    for (List<PlotBox.Cell> row : rows) {
      colspan = Math.max(colspan, row.size());
    }
    StringBuilder sb =
        new StringBuilder(
            "<<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">");
    for (List<PlotBox.Cell> row : rows) {
      sb.append("<tr>");
      for (PlotBox.Cell cell : row) {
        sb.append("<td");
        if (row.size() == 1 && colspan > 1) {
          sb.append(" colspan=\"").append(colspan).append('"');
        }
        sb.append(" bgcolor=\"").append(colorName(cell.background())).append("\">");
        sb.append("<font point-size=\"").append(Math.round(cell.size())).append('"');
        if (!cell.foreground().equals(Color.BLACK)) {
          sb.append(" color=\"").append(colorName(cell.foreground())).append('"');
        }
        sb.append('>');
        for (PlotBox.Segment s : cell.text()) {
          String text = html(s.text());
          sb.append(s.bold() ? "<b>" + text + "</b>" : text);
        }
        sb.append("</font></td>");
      }
      sb.append("</tr>");
    }
    return sb.append("</table>>").toString();
  }

  private static String colorName(Color c) {
    if (c.equals(Color.BLACK)) {
      return "black";
    }
    if (c.equals(Color.WHITE)) {
      return "white";
    }
    if (c.equals(PlotBox.FOREST_GREEN)) {
      return "forestgreen";
    }
    if (c.equals(PlotBox.FIREBRICK)) {
      return "firebrick";
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  static String html(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
