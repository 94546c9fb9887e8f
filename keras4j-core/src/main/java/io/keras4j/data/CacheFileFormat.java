package io.keras4j.data;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The file of a {@code Dataset.cache(Path)}, little-endian: a header ({@code K4JCACHE}, version 1,
 * the number of elements, -1 until the pass completes), then one record per element (payload
 * length, CRC-32 of the payload, payload), then a length of -1. A payload holds the element's
 * inputs, targets and optional sample weight, each tensor as dtype, rank, dimensions and values.
 */
final class CacheFileFormat {
  private static final byte[] MAGIC = "K4JCACHE".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int HEADER = MAGIC.length + 4 + 8;
  private static final int COUNT_AT = MAGIC.length + 4;
  private static final byte FLOAT32 = 0;
  private static final byte INT32 = 1;

  private CacheFileFormat() {}

  static void writeHeader(FileChannel out) throws IOException {
    ByteBuffer b = buffer(HEADER);
    b.put(MAGIC).putInt(VERSION).putLong(-1L).flip();
    writeAll(out, b);
  }

  static void writeElement(FileChannel out, StepData e) throws IOException {
    List<Tensor> all = new ArrayList<>(e.inputs());
    all.addAll(e.targets());
    if (e.sampleWeight() != null) {
      all.add(e.sampleWeight());
    }
    long size = 4 + 4 + 1;
    for (Tensor t : all) {
      size += 1 + 4 + 4L * t.shape().length + 4L * t.size();
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("an element of " + size + " bytes is too large for a cache record");
    }
    ByteBuffer b = buffer(8 + (int) size);
    b.putInt((int) size).putInt(0); // the CRC is filled in below
    b.putInt(e.inputs().size())
        .putInt(e.targets().size())
        .put((byte) (e.sampleWeight() != null ? 1 : 0));
    for (Tensor t : all) {
      int[] shape = t.shape();
      b.put(t.dtype() == DType.INT32 ? INT32 : FLOAT32).putInt(shape.length);
      for (int d : shape) {
        b.putInt(d);
      }
      if (t.dtype() == DType.INT32) {
        int[] v = t.toIntArray();
        b.asIntBuffer().put(v);
        b.position(b.position() + 4 * v.length);
      } else {
        float[] v = t.toFloatArray();
        b.asFloatBuffer().put(v);
        b.position(b.position() + 4 * v.length);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(b.array(), 8, (int) size);
    b.putInt(4, (int) crc.getValue()).flip();
    writeAll(out, b);
  }

  /** The end marker, and the count in the header: the file is complete. */
  static void writeEnd(FileChannel out, long count) throws IOException {
    ByteBuffer end = buffer(4).putInt(-1).flip();
    writeAll(out, end);
    ByteBuffer c = buffer(8).putLong(count).flip();
    while (c.hasRemaining()) {
      out.write(c, COUNT_AT + c.position());
    }
  }

  /** Checks the header and returns the number of elements; the channel is left at the first. */
  static long readHeader(FileChannel ch, Path file) throws IOException {
    ByteBuffer b = buffer(HEADER);
    ch.position(0);
    if (!readAll(ch, b) || !Arrays.equals(Arrays.copyOf(b.array(), MAGIC.length), MAGIC)) {
      throw damaged(file, "it is not a keras4j dataset cache (no K4JCACHE header)");
    }
    int version = b.getInt(MAGIC.length);
    if (version != VERSION) {
      throw damaged(file, "its format version is " + version + ", this keras4j reads " + VERSION);
    }
    long count = b.getLong(COUNT_AT);
    if (count < 0) {
      throw damaged(file, "it was never completed");
    }
    return count;
  }

  /** The next element, or null at the end marker. */
  static StepData readElement(FileChannel ch, Path file, long index) throws IOException {
    ByteBuffer head = buffer(8);
    if (!readAll(ch, head.limit(4))) {
      throw damaged(file, "it ends inside element " + index);
    }
    int size = head.getInt(0);
    if (size == -1) {
      return null;
    }
    long left = ch.size() - ch.position();
    if (size < 9 || size > left - 4) {
      throw damaged(file, "element " + index + " claims " + size + " bytes");
    }
    head.limit(8);
    readAll(ch, head);
    ByteBuffer b = buffer(size);
    if (!readAll(ch, b)) {
      throw damaged(file, "it ends inside element " + index);
    }
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, size);
    if ((int) crc.getValue() != head.getInt(4)) {
      throw damaged(file, "element " + index + " fails its CRC-32 check");
    }
    b.flip();
    try {
      int nIn = b.getInt();
      int nTarget = b.getInt();
      boolean weighted = b.get() != 0;
      List<Tensor> in = tensors(b, nIn);
      List<Tensor> target = tensors(b, nTarget);
      Tensor w = weighted ? tensor(b) : null;
      return new StepData(in, target, w);
    } catch (RuntimeException e) {
      throw damaged(file, "element " + index + " does not decode (" + e + ")");
    }
  }

  static DatasetException damaged(Path file, String why) {
    return new DatasetException(
        "Dataset.cache: the cache file "
            + file
            + " cannot be used: "
            + why
            + ". Delete it and the next complete pass writes it again.");
  }

  private static List<Tensor> tensors(ByteBuffer b, int n) {
    if (n < 0 || n > b.remaining()) {
      throw new IllegalStateException("tensor count " + n);
    }
    List<Tensor> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(tensor(b));
    }
    return out;
  }

  private static Tensor tensor(ByteBuffer b) {
    byte dtype = b.get();
    int rank = b.getInt();
    if (rank < 0 || rank > 64) {
      throw new IllegalStateException("rank " + rank);
    }
    int[] shape = new int[rank];
    long n = 1;
    for (int d = 0; d < rank; d++) {
      shape[d] = b.getInt();
      n *= shape[d];
    }
    if (n < 0 || 4 * n > b.remaining()) {
      throw new IllegalStateException("shape " + Arrays.toString(shape));
    }
    if (dtype == INT32) {
      int[] v = new int[(int) n];
      b.asIntBuffer().get(v);
      b.position(b.position() + 4 * v.length);
      return Tensor.ofInts(v, shape);
    }
    if (dtype != FLOAT32) {
      throw new IllegalStateException("dtype code " + dtype);
    }
    float[] v = new float[(int) n];
    b.asFloatBuffer().get(v);
    b.position(b.position() + 4 * v.length);
    return Tensor.of(v, shape);
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void writeAll(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  /** Fills b from its position to its limit; false when the file ends first. */
  private static boolean readAll(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        return false;
      }
    }
    return true;
  }
}
