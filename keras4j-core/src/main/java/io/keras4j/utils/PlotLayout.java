package io.keras4j.utils;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything of a model plot goes, in points: the boxes and their cells sized from the text
 * (fonts measured without a display), ranked and ordered by {@link PlotRanks}, edges as right-angle
 * polylines (Graphviz's {@code splines=ortho}), clusters as the padded union of their boxes.
 */
final class PlotLayout {
  static final double PAD = 10; // Keras's cellpadding
  static final double SPACING = 2; // Graphviz's default cellspacing
  static final double NODE_SEP = 18; // Graphviz's nodesep, 0.25 inch
  static final double RANK_SEP = 36; // Graphviz's ranksep, 0.5 inch
  static final double MARGIN = 8;
  static final double CLUSTER_PAD = 8;
  static final float CLUSTER_FONT = 14f;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  /** A cell placed: its rectangle and where its text starts (left end of the baseline). */
  record PlacedCell(PlotBox.Cell cell, Rectangle2D rect, double textX, double baseline) {}

  record PlacedBox(PlotBox box, Rectangle2D rect, List<PlacedCell> cells) {}

  record PlacedCluster(String name, Rectangle2D rect, double labelX, double labelBaseline) {}

  record PlacedEdge(int from, int to, List<Point2D> points) {}

  final List<PlacedBox> boxes = new ArrayList<>();
  final List<PlacedCluster> clusters = new ArrayList<>();
  final List<PlacedEdge> edges = new ArrayList<>();
  double width;
  double height;

  static Font font(PlotBox.Segment s, float size) {
    return new Font(Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
  }

  static double textWidth(List<PlotBox.Segment> text, float size) {
    double w = 0;
    for (PlotBox.Segment s : text) {
      w += font(s, size).getStringBounds(s.text(), FRC).getWidth();
    }
    return w;
  }

  private static double lineHeight(float size) {
    Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    return f.getLineMetrics("Hg", FRC).getHeight();
  }

  private static double ascent(float size) {
    Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
    return f.getLineMetrics("Hg", FRC).getAscent();
  }

  static PlotLayout of(PlotGraph g, boolean leftToRight) {
    PlotLayout layout = new PlotLayout();
    int n = g.boxes.size();
    double[] w = new double[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      double[] size = boxSize(g.boxes.get(i));
      w[i] = size[0];
      h[i] = size[1];
    }
    int maxDepth = 0;
    for (PlotGraph.Cluster c : g.clusters) {
      maxDepth = Math.max(maxDepth, c.depth() + 1);
    }
    double clusterRoom = maxDepth * (CLUSTER_PAD * 2 + lineHeight(CLUSTER_FONT));
    int[][] edges = new int[g.edges.size()][];
    for (int i = 0; i < edges.length; i++) {
      edges[i] = new int[] {g.edges.get(i).from(), g.edges.get(i).to()};
    }
    // Breadth runs across a rank, depth along the edges: x and y top to bottom, y and x left to
    // right.
    PlotRanks ranks =
        PlotRanks.of(
            leftToRight ? h : w,
            leftToRight ? w : h,
            edges,
            NODE_SEP + clusterRoom,
            RANK_SEP + clusterRoom);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    Rectangle2D[] rects = new Rectangle2D[n];
    for (int i = 0; i < n; i++) {
      double cx = leftToRight ? ranks.depthCenter(i) : ranks.breadthCenter(i);
      double cy = leftToRight ? ranks.breadthCenter(i) : ranks.depthCenter(i);
      rects[i] = new Rectangle2D.Double(cx - w[i] / 2, cy - h[i] / 2, w[i], h[i]);
    }
    // Clusters: deepest first, so that an outer cluster wraps its inner ones.
    Rectangle2D[] clusterRects = new Rectangle2D[g.clusters.size()];
    for (int depth = maxDepth - 1; depth >= 0; depth--) {
      for (int c = 0; c < g.clusters.size(); c++) {
        if (g.clusters.get(c).depth() != depth) {
          continue;
        }
        Rectangle2D r = null;
        for (int i = 0; i < n; i++) {
          if (g.boxes.get(i).clusters().contains(c)) {
            r = union(r, rects[i]);
          }
        }
        for (int s = 0; s < g.clusters.size(); s++) {
          if (g.clusters.get(s).parent() == c && clusterRects[s] != null) {
            r = union(r, clusterRects[s]);
          }
        }
        if (r != null) {
          double top = CLUSTER_PAD + lineHeight(CLUSTER_FONT);
          clusterRects[c] =
              new Rectangle2D.Double(
                  r.getX() - CLUSTER_PAD,
                  r.getY() - top,
                  r.getWidth() + 2 * CLUSTER_PAD,
                  r.getHeight() + top + CLUSTER_PAD);
        }
      }
    }
    for (Rectangle2D r : rects) {
      minX = Math.min(minX, r.getX());
      minY = Math.min(minY, r.getY());
    }
    for (Rectangle2D r : clusterRects) {
      if (r != null) {
        minX = Math.min(minX, r.getX());
        minY = Math.min(minY, r.getY());
      }
    }
    if (n == 0) {
      minX = 0;
      minY = 0;
    }
    double dx = MARGIN - minX;
    double dy = MARGIN - minY;
    double maxX = 0;
    double maxY = 0;
    for (int i = 0; i < n; i++) {
      Rectangle2D r = rects[i];
      r.setRect(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight());
      maxX = Math.max(maxX, r.getMaxX());
      maxY = Math.max(maxY, r.getMaxY());
      layout.boxes.add(new PlacedBox(g.boxes.get(i), r, placeCells(g.boxes.get(i), r)));
    }
    for (int c = 0; c < clusterRects.length; c++) {
      Rectangle2D r = clusterRects[c];
      if (r == null) {
        continue;
      }
      r.setRect(r.getX() + dx, r.getY() + dy, r.getWidth(), r.getHeight());
      maxX = Math.max(maxX, r.getMaxX());
      maxY = Math.max(maxY, r.getMaxY());
      layout.clusters.add(
          new PlacedCluster(
              g.clusters.get(c).name(),
              r,
              r.getX() + CLUSTER_PAD,
              r.getY() + CLUSTER_PAD / 2 + ascent(CLUSTER_FONT)));
    }
    for (int e = 0; e < edges.length; e++) {
      List<Point2D> bends = new ArrayList<>();
      for (double[] p : ranks.route(e)) {
        double x = leftToRight ? p[1] : p[0];
        double y = leftToRight ? p[0] : p[1];
        bends.add(new Point2D.Double(x + dx, y + dy));
      }
      layout.edges.add(new PlacedEdge(edges[e][0], edges[e][1], bends));
    }
    layout.width = maxX + MARGIN;
    layout.height = maxY + MARGIN;
    return layout;
  }

  private static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
    if (a == null) {
      return (Rectangle2D) b.clone();
    }
    Rectangle2D r = (Rectangle2D) a.clone();
    r.add(b);
    return r;
  }

  /** Width and height of a box: Keras's table of rows, cells padded, spaced, stretched to fit. */
  static double[] boxSize(PlotBox box) {
    double width = 0;
    double height = SPACING;
    for (List<PlotBox.Cell> row : box.rows()) {
      double rowWidth = SPACING;
      double rowHeight = 0;
      for (PlotBox.Cell c : row) {
        rowWidth += textWidth(c.text(), c.size()) + 2 * PAD + SPACING;
        rowHeight = Math.max(rowHeight, lineHeight(c.size()) + 2 * PAD);
      }
      width = Math.max(width, rowWidth);
      height += rowHeight + SPACING;
    }
    return new double[] {Math.ceil(width), Math.ceil(height)};
  }

  private static List<PlacedCell> placeCells(PlotBox box, Rectangle2D r) {
    List<PlacedCell> out = new ArrayList<>();
    double y = r.getY() + SPACING;
    for (List<PlotBox.Cell> row : box.rows()) {
      double natural = SPACING;
      double rowHeight = 0;
      for (PlotBox.Cell c : row) {
        natural += textWidth(c.text(), c.size()) + 2 * PAD + SPACING;
        rowHeight = Math.max(rowHeight, lineHeight(c.size()) + 2 * PAD);
      }
      double extra = (r.getWidth() - natural) / row.size();
      double x = r.getX() + SPACING;
      for (PlotBox.Cell c : row) {
        double tw = textWidth(c.text(), c.size());
        double cw = tw + 2 * PAD + extra;
        Rectangle2D cell = new Rectangle2D.Double(x, y, cw, rowHeight);
        double baseline = y + (rowHeight - lineHeight(c.size())) / 2 + ascent(c.size());
        out.add(new PlacedCell(c, cell, x + (cw - tw) / 2, baseline));
        x += cw + SPACING;
      }
      y += rowHeight + SPACING;
    }
    return out;
  }
}
