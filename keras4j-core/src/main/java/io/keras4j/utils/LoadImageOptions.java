package io.keras4j.utils;

/**
 * The keyword arguments of Keras's {@code keras.utils.load_img}, for {@link Images#loadImage(
 * java.nio.file.Path, LoadImageOptions)}: {@code colorMode} ("rgb" by default, "grayscale",
 * "rgba"), {@code targetSize} (none: the image's own size) and the {@code interpolation} used to
 * resize ("nearest" by default, as Keras's, or "bilinear").
 */
public final class LoadImageOptions {
  private String colorMode = "rgb";
  private int[] targetSize;
  private String interpolation = "nearest";

  /** "rgb", "grayscale" or "rgba". */
  public LoadImageOptions colorMode(String colorMode) {
    ImagePixels.channels(colorMode, "loadImage");
    this.colorMode = colorMode;
    return this;
  }

  /** The {@code (height, width)} to resize to. */
  public LoadImageOptions targetSize(int height, int width) {
    Images.checkSize(height, width, "loadImage", "targetSize");
    this.targetSize = new int[] {height, width};
    return this;
  }

  /** "nearest" or "bilinear" (as keras.ops.image.resize; Keras's PIL filters are not all here). */
  public LoadImageOptions interpolation(String interpolation) {
    Images.checkInterpolation(interpolation, "loadImage");
    this.interpolation = interpolation;
    return this;
  }

  public String colorMode() {
    return colorMode;
  }

  /** {@code {height, width}}, or null to keep the image's size. */
  public int[] targetSize() {
    return targetSize == null ? null : targetSize.clone();
  }

  public String interpolation() {
    return interpolation;
  }
}
