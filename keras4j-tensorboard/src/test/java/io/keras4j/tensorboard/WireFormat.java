package io.keras4j.tensorboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * An independent reader of event files for the tests, written from the formats' specifications and
 * sharing no code with the module: TFRecord framing (uint64 little-endian length, masked CRC32C of
 * the length, payload, masked CRC32C of the payload) and a minimal protobuf wire-format decoder
 * (varint, 64-bit, length-delimited and 32-bit fields). The generated classes are not used.
 */
final class WireFormat {
  private WireFormat() {}

  /** A record whose checksum does not match. */
  static final class CorruptRecord extends IOException {
    CorruptRecord(String message) {
      super(message);
    }
  }

  /** The masked CRC32C: crc rotated right by 15 bits plus 0xa282ead8 (TensorFlow's crc32c.h). */
  static int maskedCrc(byte[] b, int offset, int length) {
    CRC32C c = new CRC32C();
    c.update(b, offset, length);
    long crc = c.getValue();
    long rotated = ((crc >> 15) | (crc << 17)) & 0xffffffffL;
    return (int) ((rotated + 0xa282ead8L) & 0xffffffffL);
  }

  static long le(byte[] b, int offset, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b[offset + i] & 0xff);
    }
    return v;
  }

  /** The payloads of every record of a file, checking both checksums of each. */
  static List<byte[]> records(byte[] file) throws CorruptRecord {
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while (at < file.length) {
      if (file.length - at < 12) {
        throw new CorruptRecord("truncated header at byte " + at);
      }
      long length = le(file, at, 8);
      if ((int) le(file, at + 8, 4) != maskedCrc(file, at, 8)) {
        throw new CorruptRecord("length checksum mismatch at byte " + at);
      }
      if (length < 0 || length > file.length - at - 16) {
        throw new CorruptRecord("truncated record at byte " + at);
      }
      int start = at + 12;
      int n = (int) length;
      if ((int) le(file, start + n, 4) != maskedCrc(file, start, n)) {
        throw new CorruptRecord("payload checksum mismatch at byte " + start);
      }
      byte[] payload = new byte[n];
      System.arraycopy(file, start, payload, 0, n);
      out.add(payload);
      at = start + n + 4;
    }
    return out;
  }

  /** A decoded message: each field number's values in order (Long, byte[] or Integer). */
  static final class Msg {
    final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    static Msg parse(byte[] b) {
      Msg m = new Msg();
      int[] at = {0};
      while (at[0] < b.length) {
        long key = varint(b, at);
        int field = (int) (key >>> 3);
        int wire = (int) (key & 7);
        Object value =
            switch (wire) {
              case 0 -> varint(b, at);
              case 1 -> {
                long v = le(b, at[0], 8);
                at[0] += 8;
                yield v;
              }
              case 2 -> {
                int n = (int) varint(b, at);
                byte[] v = new byte[n];
                System.arraycopy(b, at[0], v, 0, n);
                at[0] += n;
                yield v;
              }
              case 5 -> {
                int v = (int) le(b, at[0], 4);
                at[0] += 4;
                yield v;
              }
              default -> throw new IllegalArgumentException("wire type " + wire);
            };
        m.fields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
      }
      return m;
    }

    private static long varint(byte[] b, int[] at) {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int x = b[at[0]++] & 0xff;
        v |= (long) (x & 0x7f) << shift;
        if (x < 0x80) {
          return v;
        }
      }
    }

    boolean has(int field) {
      return fields.containsKey(field);
    }

    private Object last(int field) {
      List<Object> v = fields.get(field);
      return v == null ? null : v.get(v.size() - 1);
    }

    long varint(int field) {
      Object v = last(field);
      return v == null ? 0 : (Long) v;
    }

    double dbl(int field) {
      Object v = last(field);
      return v == null ? 0 : Double.longBitsToDouble((Long) v);
    }

    byte[] bytes(int field) {
      Object v = last(field);
      return v == null ? new byte[0] : (byte[]) v;
    }

    String string(int field) {
      return new String(bytes(field), StandardCharsets.UTF_8);
    }

    Msg msg(int field) {
      return parse(bytes(field));
    }

    List<Msg> msgs(int field) {
      List<Msg> out = new ArrayList<>();
      for (Object o : fields.getOrDefault(field, List.of())) {
        out.add(parse((byte[]) o));
      }
      return out;
    }

    List<byte[]> allBytes(int field) {
      List<byte[]> out = new ArrayList<>();
      for (Object o : fields.getOrDefault(field, List.of())) {
        out.add((byte[]) o);
      }
      return out;
    }
  }

  /**
   * One summary value of an event, flattened: Event{wall_time=1, step=2, file_version=3,
   * summary=5{value=1{tag=1, metadata=9{plugin_data=1{plugin_name=1, content=2}, data_class=4},
   * tensor=8{dtype=1, tensor_shape=2{dim=2{size=1}}, tensor_content=4, string_val=8}}}}.
   */
  record Value(
      long step,
      double wallTime,
      String tag,
      String plugin,
      byte[] pluginContent,
      long dataClass,
      long dtype,
      long[] shape,
      byte[] tensorContent,
      List<byte[]> stringVal) {

    float floatScalar() {
      if (dtype != 1 || shape.length != 0 || tensorContent.length != 4) {
        throw new AssertionError(tag + ": not a float32 scalar tensor");
      }
      return Float.intBitsToFloat((int) le(tensorContent, 0, 4));
    }

    double[] doubles() {
      if (dtype != 2) {
        throw new AssertionError(tag + ": not a float64 tensor");
      }
      double[] d = new double[tensorContent.length / 8];
      for (int i = 0; i < d.length; i++) {
        d[i] = Double.longBitsToDouble(le(tensorContent, 8 * i, 8));
      }
      return d;
    }
  }

  /** The events of a file: the first one's file_version, then every summary value. */
  record EventFile(String fileVersion, double firstWallTime, List<Value> values) {
    List<Value> tagged(String tag) {
      return values.stream().filter(v -> v.tag().equals(tag)).toList();
    }
  }

  static EventFile read(byte[] file) throws CorruptRecord {
    List<byte[]> records = records(file);
    Msg first = Msg.parse(records.get(0));
    List<Value> values = new ArrayList<>();
    for (byte[] r : records.subList(1, records.size())) {
      Msg event = Msg.parse(r);
      for (Msg v : event.msg(5).msgs(1)) {
        Msg meta = v.msg(9);
        Msg tensor = v.msg(8);
        List<Msg> dims = tensor.msg(2).msgs(2);
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = dims.get(i).varint(1);
        }
        values.add(
            new Value(
                event.varint(2),
                event.dbl(1),
                v.string(1),
                meta.msg(1).string(1),
                meta.msg(1).bytes(2),
                meta.varint(4),
                tensor.varint(1),
                shape,
                tensor.bytes(4),
                tensor.allBytes(8)));
      }
    }
    return new EventFile(first.string(3), first.dbl(1), values);
  }
}
