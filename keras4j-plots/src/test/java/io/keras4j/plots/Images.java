package io.keras4j.plots;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Pixel counts for the image tests. */
final class Images {
  private Images() {}

  static int distinctColors(BufferedImage img) {
    Set<Integer> colors = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colors.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colors.size();
  }

  static int luma(int rgb) {
    return (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
  }

  /** Dark pixels in {x0, y0, x1, y1}. */
  static int dark(BufferedImage img, int[] r) {
    int n = 0;
    for (int y = r[1]; y < r[3]; y++) {
      for (int x = r[0]; x < r[2]; x++) {
        if (luma(img.getRGB(x, y)) < 128) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels that differ between two images in {x0, y0, x1, y1}. */
  static int differing(BufferedImage a, BufferedImage b, int[] r) {
    int n = 0;
    for (int y = r[1]; y < r[3]; y++) {
      for (int x = r[0]; x < r[2]; x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          n++;
        }
      }
    }
    return n;
  }
}
