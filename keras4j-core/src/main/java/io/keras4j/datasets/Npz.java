package io.keras4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the arrays of a numpy {@code .npz} archive that Keras's datasets ship: integer arrays
 * ({@code <i8}, {@code <i4}, {@code |u1}...) and object arrays of integer lists (IMDB's ragged
 * reviews), the latter stored by numpy as a pickle and read by {@link Unpickler}.
 */
final class Npz {
  private final Path file;
  private final Map<String, byte[]> entries = new HashMap<>();

  private Npz(Path file) {
    this.file = file;
  }

  static Npz read(Path file) {
    Npz npz = new Npz(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          String name = e.getName();
          npz.entries.put(
              name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name,
              in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the numpy archive " + file + ": " + e, e);
    }
    return npz;
  }

  /** A 1-D integer array, as Java ints. */
  int[] ints(String name) {
    Npy a = array(name);
    if (a.descr.equals("|O")) {
      throw bad(name, "an integer array", "an object array");
    }
    ByteBuffer b = ByteBuffer.wrap(a.bytes, a.offset, a.bytes.length - a.offset);
    b.order(a.descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    int n = a.count;
    int[] out = new int[n];
    String kind = a.descr.substring(1);
    for (int i = 0; i < n; i++) {
      out[i] =
          switch (kind) {
            case "i8", "u8" -> Math.toIntExact(b.getLong());
            case "i4", "u4" -> b.getInt();
            case "i2" -> b.getShort();
            case "u2" -> b.getShort() & 0xffff;
            case "i1", "b1" -> b.get();
            case "u1" -> b.get() & 0xff;
            default -> throw bad(name, "an integer dtype", "descr=" + a.descr);
          };
    }
    return out;
  }

  /** The shape of an array. */
  int[] shape(String name) {
    return array(name).shape;
  }

  /**
   * A numeric array of any shape, row-major, as float32 (integers and float64 rounded to the
   * nearest float32, as {@code astype("float32")}).
   */
  float[] floats(String name) {
    Npy a = array(name);
    ByteBuffer b = ByteBuffer.wrap(a.bytes, a.offset, a.bytes.length - a.offset);
    b.order(a.descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    String kind = a.descr.substring(1);
    int size =
        switch (kind) {
          case "f8", "i8", "u8" -> 8;
          case "f4", "i4", "u4" -> 4;
          case "i2", "u2" -> 2;
          case "u1", "i1", "b1" -> 1;
          default -> throw bad(name, "a numeric dtype", "descr=" + a.descr);
        };
    if ((long) a.count * size > b.remaining()) {
      throw bad(
          name,
          a.count + " values of " + size + " bytes",
          "only " + b.remaining() + " bytes (a truncated file)");
    }
    float[] out = new float[a.count];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (kind) {
            case "f8" -> (float) b.getDouble();
            case "f4" -> b.getFloat();
            case "i8" -> b.getLong();
            case "u8" -> Float.parseFloat(Long.toUnsignedString(b.getLong()));
            case "i4" -> b.getInt();
            case "u4" -> b.getInt() & 0xffffffffL;
            case "i2" -> b.getShort();
            case "u2" -> b.getShort() & 0xffff;
            case "i1", "b1" -> b.get();
            default -> b.get() & 0xff;
          };
    }
    return out;
  }

  /** A 1-D object array whose elements are lists (or arrays) of integers. */
  List<int[]> intLists(String name) {
    Npy a = array(name);
    if (!a.descr.equals("|O")) {
      throw bad(name, "an object array of integer lists", "descr=" + a.descr);
    }
    Object top = new Unpickler(a.bytes, a.offset).load();
    List<?> items = Unpickler.objectArrayItems(top);
    if (items == null) {
      throw bad(name, "a pickled numpy object array", String.valueOf(top).substring(0, 80));
    }
    List<int[]> out = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof List<?> list)) {
        throw bad(name, "lists of integers as elements", "an element " + item);
      }
      int[] s = new int[list.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = Math.toIntExact((Long) list.get(i));
      }
      out.add(s);
    }
    return out;
  }

  private record Npy(String descr, int[] shape, int count, byte[] bytes, int offset) {}

  private Npy array(String name) {
    byte[] b = entries.get(name);
    if (b == null) {
      throw new IllegalArgumentException(
          "the numpy archive " + file + " has no array " + name + ". It has: " + entries.keySet());
    }
    if (b.length < 10 || (b[0] & 0xff) != 0x93 || b[1] != 'N' || b[5] != 'Y') {
      throw bad(name, "a .npy array (magic \\x93NUMPY)", "other bytes");
    }
    int major = b[6];
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
    int start = major == 1 ? 10 : 12;
    String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
    String descr = field(header, "descr").replace("'", "").trim();
    String shape = field(header, "shape").replaceAll("[()\\s]", "");
    if (header.contains("'fortran_order': True")
        && shape.contains(",")
        && shape.split(",").length > 1) {
      throw bad(name, "a C-ordered array", "fortran_order=True");
    }
    int count = 1;
    List<Integer> dims = new ArrayList<>();
    for (String d : shape.split(",")) {
      if (!d.isEmpty()) {
        dims.add(Integer.parseInt(d));
        count = Math.multiplyExact(count, dims.getLast());
      }
    }
    int[] dimArray = dims.stream().mapToInt(Integer::intValue).toArray();
    return new Npy(descr, dimArray, count, b, start + headerLen);
  }

  private static String field(String header, String key) {
    int at = header.indexOf("'" + key + "':");
    if (at < 0) {
      throw new IllegalArgumentException("a .npy header without " + key + ": " + header);
    }
    int from = at + key.length() + 3;
    int end = key.equals("shape") ? header.indexOf(')', from) + 1 : header.indexOf(',', from);
    return header.substring(from, end);
  }

  private IllegalArgumentException bad(String name, String expected, String received) {
    return new IllegalArgumentException(
        "the numpy archive "
            + file
            + ": array "
            + name
            + " should be "
            + expected
            + ". Received: "
            + received);
  }
}
