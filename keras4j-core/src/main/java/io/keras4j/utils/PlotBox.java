package io.keras4j.utils;

import java.awt.Color;
import java.util.List;

/**
 * One box of a model plot: the rows of Keras's label table (title, activation, the shape, dtype and
 * trainable cells) and the clusters (nested models) it sits in, outermost first.
 */
record PlotBox(int id, String layerName, List<List<Cell>> rows, List<Integer> clusters) {

  /** A run of text, bold or not. */
  record Segment(String text, boolean bold) {}

  /** One cell of the label table: its text, point size and colours. */
  record Cell(List<Segment> text, float size, Color background, Color foreground) {
    String plainText() {
      StringBuilder sb = new StringBuilder();
      for (Segment s : text) {
        sb.append(s.text());
      }
      return sb.toString();
    }
  }

  static final Color FOREST_GREEN = new Color(0x22, 0x8B, 0x22);
  static final Color FIREBRICK = new Color(0xB2, 0x22, 0x22);
}
