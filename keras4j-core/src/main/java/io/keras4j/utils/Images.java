package io.keras4j.utils;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.ops.ImageOps;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Image files, as Keras's {@code keras.utils.load_img}, {@code img_to_array} and {@code
 * image_dataset_from_directory}. PNG, JPEG, BMP and GIF (its first frame) are decoded by the JDK's
 * {@code javax.imageio}; JPEG decoders differ slightly, so JPEG pixels may differ from Keras's by a
 * few levels. Resizing is {@code keras.ops.image.resize} ({@link ImageOps#resize}: half-pixel
 * centres, no antialiasing), as Keras's {@code image_dataset_from_directory} resizes.
 *
 * <pre>{@code
 * Dataset train = Images.imageDatasetFromDirectory(Path.of("flowers"),
 *     new ImageDatasetOptions().imageSize(180, 180).validationSplit(0.2).subset("training").seed(123));
 * Tensor x = Images.imageToTensor(Images.loadImage(Path.of("cat.png")));  // (h, w, 3), 0..255
 * }</pre>
 */
public final class Images {
  private Images() {}

  /** The image as stored, converted to RGB (Keras's {@code load_img(path)}). */
  public static BufferedImage loadImage(Path path) {
    return loadImage(path, new LoadImageOptions());
  }

  /**
   * The image in the options' colour mode, resized to their target size if any (Keras's {@code
   * load_img(path, color_mode, target_size, interpolation)}). A file that cannot be read or decoded
   * throws an {@link UncheckedIOException} naming it.
   */
  public static BufferedImage loadImage(Path path, LoadImageOptions options) {
    BufferedImage img = decode(path);
    int c = ImagePixels.channels(options.colorMode(), "loadImage");
    float[] px = ImagePixels.read(img, c);
    int h = img.getHeight();
    int w = img.getWidth();
    int[] size = options.targetSize();
    if (size != null && (size[0] != h || size[1] != w)) {
      px = resize(px, h, w, c, size[0], size[1], options.interpolation());
      h = size[0];
      w = size[1];
    }
    return ImagePixels.write(px, h, w, c);
  }

  /**
   * Keras's {@code img_to_array}: float32 {@code (height, width, channels)}, values 0..255 as
   * stored (1 channel for a grey image, 4 with alpha, else 3).
   */
  public static Tensor imageToTensor(BufferedImage image) {
    return imageToTensor(image, "channels_last");
  }

  /**
   * {@link #imageToTensor(BufferedImage)}, {@code (channels, height, width)} for channels_first.
   */
  public static Tensor imageToTensor(BufferedImage image, String dataFormat) {
    boolean first = channelsFirst(dataFormat, "imageToTensor");
    int c = ImagePixels.naturalChannels(image);
    int h = image.getHeight();
    int w = image.getWidth();
    float[] px = ImagePixels.read(image, c);
    return first ? Tensor.of(toChannelsFirst(px, h, w, c), c, h, w) : Tensor.of(px, h, w, c);
  }

  /** The files {@link #imageDatasetFromDirectory} reads, in its order, with labels and classes. */
  public static ImageFiles indexDirectory(Path directory, ImageDatasetOptions options) {
    if ("both".equals(options.subset())) {
      throw new IllegalArgumentException(
          "indexDirectory: subset \"both\" gives two lists: ask for \"training\" and"
              + " \"validation\" in turn. Received: subset=both");
    }
    return ImageDirectory.index(directory, options, options.subset(), true);
  }

  /** Keras's {@code image_dataset_from_directory(directory)} with its defaults. */
  public static Dataset imageDatasetFromDirectory(Path directory) {
    return imageDatasetFromDirectory(directory, new ImageDatasetOptions());
  }

  /**
   * Keras's {@code image_dataset_from_directory}: the images of the class folders of {@code
   * directory}, resized, as one float32 tensor {@code (n, height, width, channels)} (values 0..255)
   * with their labels, batched by {@code batchSize}. The files are those of {@link
   * #indexDirectory}, in that order ({@code fit} reshuffles every epoch). A file that cannot be
   * decoded is skipped with a warning on stderr naming it.
   */
  public static Dataset imageDatasetFromDirectory(Path directory, ImageDatasetOptions options) {
    if ("both".equals(options.subset())) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: subset \"both\" returns two datasets: call"
              + " imageDatasetsFromDirectory. Received: subset=both");
    }
    return load(
        ImageDirectory.index(directory, options, options.subset(), true), options, directory);
  }

  /**
   * Keras's {@code image_dataset_from_directory(..., subset="both")}: the training and the
   * validation datasets, in that order (the options need a validation split and a seed).
   */
  public static List<Dataset> imageDatasetsFromDirectory(
      Path directory, ImageDatasetOptions options) {
    if (!"both".equals(options.subset())) {
      throw new IllegalArgumentException(
          "imageDatasetsFromDirectory: needs subset \"both\" and a validationSplit. Received:"
              + " subset="
              + options.subset());
    }
    ImageFiles train = ImageDirectory.index(directory, options, "training", true);
    ImageFiles val = ImageDirectory.index(directory, options, "validation", false);
    return List.of(load(train, options, directory), load(val, options, directory));
  }

  private static Dataset load(ImageFiles files, ImageDatasetOptions o, Path directory) {
    if (files.size() == 0) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: no images found in directory "
              + directory
              + ". Allowed formats: "
              + ImageDirectory.FORMATS);
    }
    int[] size = o.imageSize();
    int c = ImagePixels.channels(o.colorMode(), "imageDatasetFromDirectory");
    boolean first = "channels_first".equals(o.dataFormat());
    int per = size[0] * size[1] * c;
    float[] all = new float[files.size() * per];
    int[] labels = files.labels();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path path = files.paths().get(i);
      BufferedImage img;
      try {
        img = decode(path);
      } catch (UncheckedIOException e) {
        System.err.println("Warning: imageDatasetFromDirectory skips " + e.getMessage());
        continue;
      }
      System.arraycopy(pixels(img, o), 0, all, kept.size() * per, per);
      kept.add(i);
    }
    int n = kept.size();
    if (n == 0) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: none of the "
              + files.size()
              + " image files of "
              + directory
              + " could be decoded.");
    }
    float[] data = n == files.size() ? all : Arrays.copyOf(all, n * per);
    Tensor x =
        first ? Tensor.of(data, n, c, size[0], size[1]) : Tensor.of(data, n, size[0], size[1], c);
    if (o.labelMode() == null) {
      return Dataset.of(x).batch(o.batchSize());
    }
    int[] y = new int[n];
    for (int k = 0; k < n; k++) {
      y[k] = labels[kept.get(k)];
    }
    return Dataset.of(x, labelTensor(y, o.labelMode(), files.classNames().size()))
        .batch(o.batchSize());
  }

  /**
   * One image file as {@link #imageDatasetFromDirectory} reads it with these options (colour mode,
   * image size, crop, interpolation, data format): float32 {@code (height, width, channels)} or
   * {@code (channels, height, width)}, values 0..255. A file that cannot be decoded throws an
   * {@link UncheckedIOException} naming it. {@code Dataset.fromImageDirectory} reads its files with
   * it, one at a time.
   */
  public static Tensor readImage(Path path, ImageDatasetOptions o) {
    int[] size = o.imageSize();
    int c = ImagePixels.channels(o.colorMode(), "imageDatasetFromDirectory");
    float[] px = pixels(decode(path), o);
    if ("channels_first".equals(o.dataFormat())) {
      return Tensor.of(px, c, size[0], size[1]);
    }
    return Tensor.of(px, size[0], size[1], c);
  }

  /** An image's pixels as the options lay them out (size, crop, colour mode, data format). */
  private static float[] pixels(BufferedImage img, ImageDatasetOptions o) {
    int[] size = o.imageSize();
    int c = ImagePixels.channels(o.colorMode(), "imageDatasetFromDirectory");
    float[] px = imagePixels(img, c, size, o.interpolation(), o.cropToAspectRatio());
    return "channels_first".equals(o.dataFormat()) ? toChannelsFirst(px, size[0], size[1], c) : px;
  }

  private static Tensor labelTensor(int[] y, String mode, int classes) {
    int n = y.length;
    return switch (mode) {
      case "int" -> Tensor.ofInts(y, n);
      case "binary" -> {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] = y[i];
        }
        yield Tensor.of(f, n, 1);
      }
      default -> {
        float[] f = new float[n * classes];
        for (int i = 0; i < n; i++) {
          f[i * classes + y[i]] = 1f;
        }
        yield Tensor.of(f, n, classes);
      }
    };
  }

  /** One image's channels_last pixels at the target size (cropped first when asked). */
  private static float[] imagePixels(
      BufferedImage img, int c, int[] size, String interpolation, boolean crop) {
    float[] px = ImagePixels.read(img, c);
    int h = img.getHeight();
    int w = img.getWidth();
    if (crop) {
      // Keras's smart_resize: the largest centred window of the target's aspect ratio.
      int cropH = Math.max(Math.min(h, (int) ((double) w * size[0] / size[1])), 1);
      int cropW = Math.max(Math.min(w, (int) ((double) h * size[1] / size[0])), 1);
      int top = (int) ((h - cropH) / 2.0);
      int left = (int) ((w - cropW) / 2.0);
      if (cropH != h || cropW != w) {
        float[] cropped = new float[cropH * cropW * c];
        for (int r = 0; r < cropH; r++) {
          System.arraycopy(px, ((top + r) * w + left) * c, cropped, r * cropW * c, cropW * c);
        }
        px = cropped;
        h = cropH;
        w = cropW;
      }
    }
    if (h == size[0] && w == size[1]) {
      return px; // a half-pixel resize to the same size is the identity
    }
    return resize(px, h, w, c, size[0], size[1], interpolation);
  }

  private static float[] resize(
      float[] px, int h, int w, int c, int toH, int toW, String interpolation) {
    Tensor resized = ImageOps.resize(Tensor.of(px, h, w, c), toH, toW, interpolation, null);
    return resized.toFloatArray();
  }

  /** Reads and decodes an image file; errors name it. */
  static BufferedImage decode(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UncheckedIOException(
          new IOException("Cannot read the image file " + path + ": no such file"));
    }
    BufferedImage img;
    try {
      img = ImageIO.read(path.toFile());
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("Cannot decode the image file " + path + ": " + e.getMessage(), e));
    }
    if (img == null) {
      throw new UncheckedIOException(
          new IOException(
              "Cannot decode the image file "
                  + path
                  + ": no reader of javax.imageio recognises it (PNG, JPEG, BMP and GIF are"
                  + " read)"));
    }
    return img;
  }

  private static float[] toChannelsFirst(float[] px, int h, int w, int c) {
    float[] out = new float[px.length];
    for (int i = 0; i < h * w; i++) {
      for (int k = 0; k < c; k++) {
        out[k * h * w + i] = px[i * c + k];
      }
    }
    return out;
  }

  private static boolean channelsFirst(String dataFormat, String who) {
    if ("channels_last".equals(dataFormat)) {
      return false;
    }
    if ("channels_first".equals(dataFormat)) {
      return true;
    }
    throw new IllegalArgumentException(
        who
            + ": dataFormat must be \"channels_last\" or \"channels_first\". Received: dataFormat="
            + dataFormat);
  }

  static void checkSize(int height, int width, String who, String arg) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          who
              + ": "
              + arg
              + " must be two positive integers (height, width). Received: "
              + arg
              + "=("
              + height
              + ", "
              + width
              + ")");
    }
  }

  static void checkInterpolation(String interpolation, String who) {
    if (!"bilinear".equals(interpolation) && !"nearest".equals(interpolation)) {
      throw new IllegalArgumentException(
          who
              + ": interpolation must be \"bilinear\" or \"nearest\" (Keras's \"bicubic\","
              + " \"area\", \"lanczos3\", ... are not implemented). Received: interpolation="
              + interpolation);
    }
  }
}
