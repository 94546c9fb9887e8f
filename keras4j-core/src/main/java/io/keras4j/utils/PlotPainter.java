package io.keras4j.utils;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Draws a laid-out model plot with Java2D into an image, scaled from points to the dpi. */
final class PlotPainter {
  static final double ARROW_LENGTH = 10;
  static final double ARROW_HALF_WIDTH = 4;

  /** The largest image drawn, in pixels per side, so that a huge model cannot exhaust the heap. */
  static final int MAX_SIDE = 32_000;

  private PlotPainter() {}

  static BufferedImage paint(PlotLayout layout, int dpi) {
    double scale = dpi / 72.0;
    int w = (int) Math.ceil(layout.width * scale);
    int h = (int) Math.ceil(layout.height * scale);
    if (w > MAX_SIDE || h > MAX_SIDE) {
      scale *= Math.min((double) MAX_SIDE / w, (double) MAX_SIDE / h);
      w = Math.min(MAX_SIDE, (int) Math.ceil(layout.width * scale));
      h = Math.min(MAX_SIDE, (int) Math.ceil(layout.height * scale));
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.scale(scale, scale);
      for (PlotLayout.PlacedCluster c : layout.clusters) {
        g.setColor(Color.BLACK);
        g.setStroke(
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 2f}, 0f));
        g.draw(c.rect());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(PlotLayout.CLUSTER_FONT));
        g.drawString(c.name(), (float) c.labelX(), (float) c.labelBaseline());
      }
      g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
      for (PlotLayout.PlacedEdge e : layout.edges) {
        drawEdge(g, e.points());
      }
      g.setStroke(new BasicStroke(1f));
      for (PlotLayout.PlacedBox b : layout.boxes) {
        g.setColor(Color.BLACK);
        g.fill(b.rect());
        for (PlotLayout.PlacedCell c : b.cells()) {
          g.setColor(c.cell().background());
          g.fill(c.rect());
          g.setColor(Color.BLACK);
          g.draw(c.rect());
          g.setColor(c.cell().foreground());
          float x = (float) c.textX();
          for (PlotBox.Segment s : c.cell().text()) {
            Font f = PlotLayout.font(s, c.cell().size());
            g.setFont(f);
            g.drawString(s.text(), x, (float) c.baseline());
            x += (float) PlotLayout.textWidth(List.of(s), c.cell().size());
          }
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawEdge(Graphics2D g, List<Point2D> pts) {
    g.setColor(Color.BLACK);
    Point2D end = pts.get(pts.size() - 1);
    Point2D before = pts.size() > 1 ? pts.get(pts.size() - 2) : end;
    double[] tip = arrow(before, end);
    Path2D.Double line = new Path2D.Double();
    line.moveTo(pts.get(0).getX(), pts.get(0).getY());
    for (int i = 1; i < pts.size() - 1; i++) {
      line.lineTo(pts.get(i).getX(), pts.get(i).getY());
    }
    line.lineTo(tip[0], tip[1]); // the line stops where the arrowhead begins
    g.draw(line);
    Path2D.Double head = new Path2D.Double();
    head.moveTo(end.getX(), end.getY());
    head.lineTo(tip[2], tip[3]);
    head.lineTo(tip[4], tip[5]);
    head.closePath();
    g.fill(head);
  }

  /** The arrowhead ending at {@code end}: its base center, then its two base corners. */
  static double[] arrow(Point2D before, Point2D end) {
    double dx = end.getX() - before.getX();
    double dy = end.getY() - before.getY();
    double len = Math.hypot(dx, dy);
    if (len == 0) {
      dx = 0;
      dy = 1;
      len = 1;
    }
    double ux = dx / len;
    double uy = dy / len;
    double bx = end.getX() - ux * ARROW_LENGTH;
    double by = end.getY() - uy * ARROW_LENGTH;
    return new double[] {
      bx,
      by,
      bx - uy * ARROW_HALF_WIDTH,
      by + ux * ARROW_HALF_WIDTH,
      bx + uy * ARROW_HALF_WIDTH,
      by - ux * ARROW_HALF_WIDTH
    };
  }
}
