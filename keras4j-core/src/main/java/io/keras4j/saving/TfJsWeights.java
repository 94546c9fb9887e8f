package io.keras4j.saving;

import io.keras4j.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary half of the TF.js layers format: the {@code weightsManifest} of a {@code model.json}
 * (groups of {@code paths}, the shard files, and {@code weights}, each a name, shape and dtype) and
 * the little-endian bytes of the shards, one weight after another across the shards of a group.
 * Every shard path is resolved inside the model's directory only; every size is checked against the
 * shapes before a tensor is made.
 */
final class TfJsWeights {
  /** The largest shard the TF.js converter writes (its default {@code weight_shard_size_bytes}). */
  static final int SHARD_BYTES = 4 * 1024 * 1024;

  private TfJsWeights() {}

  /** A weight of the manifest: its name as written (without {@code :0}) and its values. */
  record Named(String name, Tensor value) {}

  /** Every weight of the manifest, in the manifest's order. */
  @SuppressWarnings("unchecked")
  static List<Named> read(Path file, Path dir, Object manifest) {
    if (!(manifest instanceof List<?> groups)) {
      throw new KerasFileException(
          file, "weightsManifest must be a list of groups. Received: " + describe(manifest));
    }
    List<Named> out = new ArrayList<>();
    long total = 0;
    for (Object g : groups) {
      if (!(g instanceof Map<?, ?> group)) {
        throw new KerasFileException(
            file, "a weightsManifest group must be an object. Received: " + describe(g));
      }
      if (!(group.get("paths") instanceof List<?> paths)
          || !(group.get("weights") instanceof List<?> weights)) {
        throw new KerasFileException(
            file, "a weightsManifest group needs the lists 'paths' and 'weights'");
      }
      List<Path> shards = new ArrayList<>();
      for (Object p : paths) {
        Path shard = shardPath(file, dir, p);
        shards.add(shard);
        total += size(file, shard);
        if (total > KerasFiles.MAX_WEIGHTS_BYTES) {
          throw new KerasFileException(
              file, "the weight shards hold more than " + KerasFiles.MAX_WEIGHTS_BYTES + " bytes");
        }
      }
      ByteBuffer bytes = concat(file, shards);
      for (Object w : weights) {
        out.add(weight(file, shards, bytes, (Map<String, Object>) checkMap(file, w)));
      }
      if (bytes.hasRemaining()) {
        throw new KerasFileException(
            file,
            "the shards "
                + names(shards)
                + " hold "
                + bytes.remaining()
                + " bytes more than the weights of their group");
      }
    }
    return out;
  }

  /**
   * Writes the values as shards of at most {@link #SHARD_BYTES} into {@code dir} and returns the
   * manifest (one group).
   */
  static List<Object> write(Path dir, List<String> names, List<Tensor> values) throws IOException {
    long size = 0;
    for (Tensor t : values) {
      size += 4L * t.size();
    }
    if (size > KerasFiles.MAX_WEIGHTS_BYTES) {
      throw new IllegalArgumentException(
          "The model's weights take " + size + " bytes, more than " + KerasFiles.MAX_WEIGHTS_BYTES);
    }
    ByteBuffer all = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    List<Object> specs = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Tensor t = values.get(i);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("name", names.get(i));
      spec.put("shape", Config.list(t.shape()));
      if (t.dtype().isFloating()) {
        spec.put("dtype", "float32");
        all.asFloatBuffer().put(t.toFloatArray());
      } else {
        spec.put("dtype", "int32");
        all.asIntBuffer().put(t.toIntArray());
      }
      all.position(all.position() + 4 * (int) t.size());
      specs.add(spec);
    }
    int count = Math.max(1, (int) ((size + SHARD_BYTES - 1) / SHARD_BYTES));
    List<Object> paths = new ArrayList<>();
    byte[] array = all.array();
    for (int s = 0; s < count; s++) {
      String name = "group1-shard" + (s + 1) + "of" + count + ".bin";
      int from = s * SHARD_BYTES;
      int to = (int) Math.min(size, from + (long) SHARD_BYTES);
      Files.write(dir.resolve(name), java.util.Arrays.copyOfRange(array, from, to));
      paths.add(name);
    }
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("paths", paths);
    group.put("weights", specs);
    return List.of(group);
  }

  /** A shard's path: a plain relative name inside {@code dir}, never outside it. */
  static Path shardPath(Path file, Path dir, Object p) {
    if (!(p instanceof String name)) {
      throw new KerasFileException(
          file, "a weightsManifest path must be a string. Received: " + describe(p));
    }
    boolean bad =
        name.isEmpty()
            || name.startsWith("/")
            || name.contains("\\")
            || name.indexOf('\0') >= 0
            || name.indexOf(':') >= 0;
    for (String part : name.split("/", -1)) {
      bad |= part.equals("..") || part.isEmpty();
    }
    if (bad) {
      throw new KerasFileException(
          file,
          "weightsManifest lists an unsafe shard path (only names inside the model's directory"
              + " are read). Received: '"
              + name
              + "'");
    }
    Path base = dir.toAbsolutePath().normalize();
    Path shard = base.resolve(name).normalize();
    if (!shard.startsWith(base) || shard.equals(base)) {
      throw new KerasFileException(
          file, "weightsManifest lists a shard outside the model's directory. Received: " + name);
    }
    try {
      if (Files.exists(shard) && !shard.toRealPath().startsWith(base.toRealPath())) {
        throw new KerasFileException(
            file,
            "the shard "
                + name
                + " links outside the model's directory (to "
                + shard.toRealPath()
                + ")");
      }
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the shard " + name + " (" + e + ")", e);
    }
    if (!Files.isRegularFile(shard, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(shard)) {
      throw new KerasFileException(
          file, "the weight shard " + name + " is missing (looked for " + shard + ")");
    }
    return shard;
  }

  private static Named weight(
      Path file, List<Path> shards, ByteBuffer bytes, Map<String, Object> w) {
    if (!(w.get("name") instanceof String rawName)) {
      throw new KerasFileException(
          file, "a weight of weightsManifest has no string 'name'. Received: " + w.keySet());
    }
    String name = rawName.endsWith(":0") ? rawName.substring(0, rawName.length() - 2) : rawName;
    if (w.get("quantization") != null) {
      throw new KerasFileException(
          file,
          "the weight "
              + name
              + " is quantized, which keras4j does not read. Received: quantization="
              + w.get("quantization")
              + " (convert the model without --quantize_* options)");
    }
    int[] shape = shape(file, name, w.get("shape"));
    long count = 1;
    for (int d : shape) {
      count *= d;
    }
    Object dtype = w.get("dtype");
    int width =
        switch (dtype instanceof String s ? s : "") {
          case "float32", "int32" -> 4;
          case "bool", "uint8" -> 1;
          default ->
              throw new KerasFileException(
                  file,
                  "the weight "
                      + name
                      + " has a dtype keras4j does not read (float32, int32, bool and uint8 are"
                      + " read). Received: dtype="
                      + dtype);
        };
    if (count * width > bytes.remaining()) {
      throw new KerasFileException(
          file,
          "the shards "
              + names(shards)
              + " end before the weight "
              + name
              + " (shape "
              + java.util.Arrays.toString(shape)
              + ", "
              + dtype
              + ": "
              + count * width
              + " bytes; "
              + bytes.remaining()
              + " left)");
    }
    int n = (int) count;
    Tensor t;
    if ("float32".equals(dtype)) {
      float[] v = new float[n];
      bytes.asFloatBuffer().get(v);
      t = Tensor.of(v, shape);
    } else if ("int32".equals(dtype)) {
      int[] v = new int[n];
      bytes.asIntBuffer().get(v);
      t = Tensor.ofInts(v, shape);
    } else {
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = Byte.toUnsignedInt(bytes.get(bytes.position() + i));
      }
      t = Tensor.ofInts(v, shape);
    }
    bytes.position(bytes.position() + n * width);
    return new Named(name, t);
  }

  private static int[] shape(Path file, String name, Object s) {
    if (!(s instanceof List<?> dims)) {
      throw new KerasFileException(
          file, "the weight " + name + " has no 'shape' list. Received: " + describe(s));
    }
    int[] shape = new int[dims.size()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      Object d = dims.get(i);
      if (!(d instanceof Number num)
          || num.doubleValue() != num.longValue()
          || num.longValue() < 0
          || num.longValue() > Integer.MAX_VALUE) {
        throw new KerasFileException(
            file, "the weight " + name + " has an invalid shape. Received: shape=" + dims);
      }
      shape[i] = num.intValue();
      count *= Math.max(1, shape[i]);
      if (count > KerasFiles.MAX_WEIGHTS_BYTES) {
        throw new KerasFileException(
            file, "the weight " + name + " has a gigantic shape. Received: shape=" + dims);
      }
    }
    return shape;
  }

  private static ByteBuffer concat(Path file, List<Path> shards) {
    long total = 0;
    for (Path p : shards) {
      total += size(file, p);
    }
    ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    for (Path p : shards) {
      try {
        byte[] b = Files.readAllBytes(p);
        if (b.length > buf.remaining()) {
          throw new KerasFileException(file, "the shard " + p.getFileName() + " grew while read");
        }
        buf.put(b);
      } catch (IOException e) {
        throw new KerasFileException(file, "cannot read the shard " + p + " (" + e + ")", e);
      }
    }
    return buf.flip();
  }

  private static long size(Path file, Path shard) {
    try {
      return Files.size(shard);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the shard " + shard + " (" + e + ")", e);
    }
  }

  private static Object checkMap(Path file, Object w) {
    if (!(w instanceof Map<?, ?>)) {
      throw new KerasFileException(
          file, "a weight of weightsManifest must be an object. Received: " + describe(w));
    }
    return w;
  }

  private static List<String> names(List<Path> shards) {
    return shards.stream().map(p -> p.getFileName().toString()).toList();
  }

  static String describe(Object o) {
    String s = String.valueOf(o);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
