package io.keras4j.datasets;

import io.keras4j.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format: a big-endian int32 magic number, the dimensions, then unsigned
 * bytes), gzip-compressed or not.
 */
final class Idx {
  static final int IMAGES_MAGIC = 2051;
  static final int LABELS_MAGIC = 2049;

  private Idx() {}

  /** Images as float32 {@code (n, rows, cols)} holding the byte values 0..255. */
  static Tensor images(Path file, String who) {
    try (DataInputStream in = open(file)) {
      checkMagic(in.readInt(), IMAGES_MAGIC, "image", file, who);
      int n = in.readInt();
      int rows = in.readInt();
      int cols = in.readInt();
      long bytes = (long) n * rows * cols;
      if (n < 0 || rows <= 0 || cols <= 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            who
                + ": "
                + file
                + " has an invalid IDX header. Received: count="
                + n
                + ", rows="
                + rows
                + ", cols="
                + cols);
      }
      byte[] pixels = readFully(in, (int) bytes, file, n + " images of " + rows + "x" + cols, who);
      float[] x = new float[pixels.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = pixels[i] & 0xff;
      }
      return Tensor.of(x, n, rows, cols);
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot read " + file + ": " + e, e);
    }
  }

  /** The first {@code limit} labels (all when negative) as int32 {@code (n,)}. */
  static Tensor labels(Path file, int limit, String who) {
    try (DataInputStream in = open(file)) {
      checkMagic(in.readInt(), LABELS_MAGIC, "label", file, who);
      int n = in.readInt();
      if (n < 0) {
        throw new IllegalArgumentException(
            who + ": " + file + " has an invalid IDX header. Received: count=" + n);
      }
      if (limit > n) {
        throw new IllegalArgumentException(
            who
                + ": "
                + file
                + " holds "
                + n
                + " labels, fewer than the "
                + limit
                + " images they must label");
      }
      int count = limit < 0 ? n : limit;
      byte[] b = readFully(in, count, file, count + " labels", who);
      int[] y = new int[count];
      for (int i = 0; i < count; i++) {
        y[i] = b[i] & 0xff;
      }
      return Tensor.ofInts(y, count);
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot read " + file + ": " + e, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    BufferedInputStream b = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    b.mark(2);
    int b0 = b.read();
    int b1 = b.read();
    b.reset();
    InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    return new DataInputStream(in);
  }

  private static void checkMagic(int magic, int expected, String kind, Path file, String who) {
    if (magic != expected) {
      throw new IllegalArgumentException(
          who
              + ": "
              + file
              + " is not an IDX "
              + kind
              + " file: expected the magic number "
              + expected
              + ". Received: "
              + magic);
    }
  }

  private static byte[] readFully(DataInputStream in, int n, Path file, String what, String who)
      throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new IllegalArgumentException(
          who
              + ": "
              + file
              + " is truncated: its header announces "
              + what
              + " ("
              + n
              + " bytes) but only "
              + b.length
              + " bytes follow");
    }
    return b;
  }
}
