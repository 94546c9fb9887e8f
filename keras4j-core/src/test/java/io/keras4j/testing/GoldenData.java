package io.keras4j.testing;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads golden-value files: where they are, their JSON, and their arrays as tensors. */
public final class GoldenData {
  private GoldenData() {}

  /**
   * The directory named by a system property (the build passes it), else the first existing
   * candidate: the default relative to the working directory (the repository when run from the
   * root, the module in surefire and IDEs), then one level further up.
   */
  public static Path dir(String property, String dflt) {
    String given = System.getProperty(property);
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    Path first = Path.of(dflt);
    for (Path p : List.of(first, Path.of("..").resolve(dflt))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return first;
  }

  /** A JSON file as maps and lists. */
  public static Map<String, Object> readJson(Path file) {
    try {
      return Json.readObject(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The {@code *.json} files under a directory (recursively when {@code deep}), sorted by path. */
  public static List<Path> jsonFiles(Path dir, boolean deep) {
    try (Stream<Path> s = deep ? Files.walk(dir) : Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** A JSON list of numbers as floats. */
  public static float[] floats(Object list) {
    List<?> l = asList(list);
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).floatValue();
    }
    return out;
  }

  /** A JSON list of numbers as doubles (expected values keep every digit the file has). */
  public static double[] doubles(Object list) {
    List<?> l = asList(list);
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) l.get(i)).doubleValue();
    }
    return out;
  }

  /** A JSON list of integers; also reads integral floats ({@code 3.0}) as ids. */
  public static int[] ints(Object list) {
    List<?> l = asList(list);
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) {
      double d = ((Number) l.get(i)).doubleValue();
      if (d != Math.rint(d)) {
        throw new IllegalArgumentException("Expected integer values. Received: " + d + " at " + i);
      }
      out[i] = (int) d;
    }
    return out;
  }

  /** A tensor from a {@code {"shape": [...], "data": [...]}} entry. */
  public static Tensor tensor(Map<String, Object> entry, DType dtype) {
    int[] shape = ints(entry.get("shape"));
    return dtype == DType.INT32
        ? Tensor.ofInts(ints(entry.get("data")), shape)
        : Tensor.of(floats(entry.get("data")), shape);
  }

  /** Tensors from a list of {@code {"shape", "data"}} entries (e.g. weights in Keras order). */
  @SuppressWarnings("unchecked")
  public static List<Tensor> tensors(Object entries) {
    List<Tensor> out = new ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (Object o : asList(entries)) {
      out.add(tensor((Map<String, Object>) o, DType.FLOAT32));
    }
    return out;
  }

  /** A shape with a batch axis of {@code batch} in front. */
  public static int[] withBatch(int batch, int[] shape) {
    int[] out = new int[shape.length + 1];
    out[0] = batch;
    System.arraycopy(shape, 0, out, 1, shape.length);
    return out;
  }

  private static List<?> asList(Object o) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("Expected a JSON list. Received: " + o);
  }
}
