package io.keras4j.utils;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Pixels of a {@link BufferedImage} as channels_last floats in PIL's conventions (what Keras's
 * {@code load_img} + {@code img_to_array} give): a grey image's samples are read as stored (never
 * through {@code getRGB}, whose colour management changes grey levels); colour images through sRGB
 * ARGB values; grey from colour is PIL's {@code convert("L")} (ITU-R 601-2 luma, rounded as PIL
 * rounds); colour from grey repeats the grey level; alpha is 255 where there is none.
 */
final class ImagePixels {
  private ImagePixels() {}

  /** The number of channels of a colour mode ("grayscale" 1, "rgb" 3, "rgba" 4). */
  static int channels(String colorMode, String who) {
    if (colorMode == null) {
      throw new IllegalArgumentException(
          who + ": colorMode must be one of \"rgb\", \"rgba\", \"grayscale\". Received: null");
    }
    return switch (colorMode) {
      case "grayscale" -> 1;
      case "rgb" -> 3;
      case "rgba" -> 4;
      default ->
          throw new IllegalArgumentException(
              who
                  + ": colorMode must be one of \"rgb\", \"rgba\", \"grayscale\". Received:"
                  + " colorMode="
                  + colorMode);
    };
  }

  /** Whether the image stores grey levels (1 band, or 2 with alpha). */
  static boolean isGray(BufferedImage image) {
    return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  /** The channels the image has as it is: 1 (grey), 4 (with alpha) or 3. */
  static int naturalChannels(BufferedImage image) {
    if (isGray(image) && !image.getColorModel().hasAlpha()) {
      return 1;
    }
    return image.getColorModel().hasAlpha() ? 4 : 3;
  }

  /** Row-major {@code (h, w, channels)} values 0..255 (a 16-bit grey image keeps its 0..65535). */
  static float[] read(BufferedImage image, int channels) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] out = new float[h * w * channels];
    if (isGray(image)) {
      Raster r = image.getRaster();
      boolean alpha = r.getNumBands() > 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int o = (y * w + x) * channels;
          float g = r.getSample(x, y, 0);
          if (channels == 1) {
            out[o] = g;
          } else {
            out[o] = g;
            out[o + 1] = g;
            out[o + 2] = g;
            if (channels == 4) {
              out[o + 3] = alpha ? r.getSample(x, y, 1) : 255f;
            }
          }
        }
      }
      return out;
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      int red = (p >> 16) & 0xff;
      int green = (p >> 8) & 0xff;
      int blue = p & 0xff;
      int o = i * channels;
      if (channels == 1) {
        out[o] = luma(red, green, blue);
      } else {
        out[o] = red;
        out[o + 1] = green;
        out[o + 2] = blue;
        if (channels == 4) {
          out[o + 3] = (p >>> 24) & 0xff;
        }
      }
    }
    return out;
  }

  /** PIL's RGB to L: {@code (r*19595 + g*38470 + b*7471 + 0x8000) >> 16}. */
  static int luma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  }

  /**
   * An image of the given channels (1: TYPE_BYTE_GRAY, 3: TYPE_INT_RGB, 4: TYPE_INT_ARGB) from
   * channels_last values, rounded and clipped to 0..255.
   */
  static BufferedImage write(float[] values, int h, int w, int channels) {
    if (channels == 1) {
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      WritableRaster r = img.getRaster();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          r.setSample(x, y, 0, byteOf(values[y * w + x]));
        }
      }
      return img;
    }
    int type = channels == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage img = new BufferedImage(w, h, type);
    int[] argb = new int[h * w];
    for (int i = 0; i < argb.length; i++) {
      int o = i * channels;
      int a = channels == 4 ? byteOf(values[o + 3]) : 255;
      argb[i] =
          (a << 24)
              | (byteOf(values[o]) << 16)
              | (byteOf(values[o + 1]) << 8)
              | byteOf(values[o + 2]);
    }
    img.setRGB(0, 0, w, h, argb, 0, w);
    return img;
  }

  private static int byteOf(float v) {
    return Math.max(0, Math.min(255, Math.round(v)));
  }
}
