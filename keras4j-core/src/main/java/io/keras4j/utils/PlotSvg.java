package io.keras4j.utils;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * A laid-out model plot as SVG text, in points: a {@code g class="node"} per box (its {@code title}
 * the layer name), a {@code g class="edge"} per edge, a {@code g class="cluster"} per expanded
 * nested model, as Graphviz writes them.
 */
final class PlotSvg {
  private PlotSvg() {}

  static String of(PlotLayout layout) {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(num(layout.width))
        .append("pt\" height=\"")
        .append(num(layout.height))
        .append("pt\" viewBox=\"0 0 ")
        .append(num(layout.width))
        .append(' ')
        .append(num(layout.height))
        .append("\" font-family=\"Helvetica,Arial,sans-serif\">\n");
    sb.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    for (PlotLayout.PlacedCluster c : layout.clusters) {
      sb.append("<g class=\"cluster\"><title>").append(PlotDot.html(c.name())).append("</title>");
      sb.append(rect(c.rect(), "none", "black", " stroke-dasharray=\"5,2\""));
      sb.append("<text x=\"")
          .append(num(c.labelX()))
          .append("\" y=\"")
          .append(num(c.labelBaseline()))
          .append("\" font-size=\"")
          .append(num(PlotLayout.CLUSTER_FONT))
          .append("\">")
          .append(PlotDot.html(c.name()))
          .append("</text></g>\n");
    }
    for (PlotLayout.PlacedEdge e : layout.edges) {
      List<Point2D> pts = e.points();
      Point2D end = pts.get(pts.size() - 1);
      double[] tip = PlotPainter.arrow(pts.size() > 1 ? pts.get(pts.size() - 2) : end, end);
      sb.append("<g class=\"edge\"><path fill=\"none\" stroke=\"black\" stroke-width=\"2\" d=\"M");
      for (int i = 0; i < pts.size() - 1; i++) {
        sb.append(i == 0 ? "" : " L").append(point(pts.get(i).getX(), pts.get(i).getY()));
      }
      sb.append(" L").append(point(tip[0], tip[1])).append("\"/>");
      sb.append("<polygon fill=\"black\" points=\"")
          .append(point(end.getX(), end.getY()))
          .append(' ')
          .append(point(tip[2], tip[3]))
          .append(' ')
          .append(point(tip[4], tip[5]))
          .append("\"/></g>\n");
    }
    for (PlotLayout.PlacedBox b : layout.boxes) {
      sb.append("<g class=\"node\" id=\"node")
          .append(b.box().id())
          .append("\"><title>")
          .append(PlotDot.html(b.box().layerName()))
          .append("</title>");
      sb.append(rect(b.rect(), "black", "none", ""));
      for (PlotLayout.PlacedCell c : b.cells()) {
        sb.append(rect(c.rect(), color(c.cell().background()), "black", ""));
        sb.append("<text xml:space=\"preserve\" x=\"")
            .append(num(c.textX()))
            .append("\" y=\"")
            .append(num(c.baseline()))
            .append("\" font-size=\"")
            .append(num(c.cell().size()))
            .append("\" fill=\"")
            .append(color(c.cell().foreground()))
            .append("\">");
        for (PlotBox.Segment s : c.cell().text()) {
          sb.append(s.bold() ? "<tspan font-weight=\"bold\">" : "<tspan>")
              .append(PlotDot.html(s.text()))
              .append("</tspan>");
        }
        sb.append("</text>");
      }
      sb.append("</g>\n");
    }
    return sb.append("</svg>\n").toString();
  }

  private static String rect(Rectangle2D r, String fill, String stroke, String extra) {
    return "<rect x=\""
        + num(r.getX())
        + "\" y=\""
        + num(r.getY())
        + "\" width=\""
        + num(r.getWidth())
        + "\" height=\""
        + num(r.getHeight())
        + "\" fill=\""
        + fill
        + "\" stroke=\""
        + stroke
        + "\""
        + extra
        + "/>";
  }

  private static String point(double x, double y) {
    return num(x) + "," + num(y);
  }

  private static String color(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
