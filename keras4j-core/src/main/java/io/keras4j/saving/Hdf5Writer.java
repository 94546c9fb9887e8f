package io.keras4j.saving;

import io.keras4j.saving.Hdf5Tree.Dataset;
import io.keras4j.saving.Hdf5Tree.Group;
import io.keras4j.saving.Hdf5Tree.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Hdf5Tree} as the bytes of an HDF5 file laid out as h5py writes Keras 3 weights
 * files by default (libver "earliest"): a version 0 superblock, version 1 object headers, groups as
 * symbol tables (a version 1 B-tree of symbol nodes and a local heap of names, leaf K 4, internal K
 * 16), contiguous datasets, and variable-length UTF-8 strings in one global heap collection.
 *
 * <p>Why our own writer: jhdf 0.13 (the only pure Java HDF5 library on Maven Central) reads every
 * real Keras file, but its writer, as released, overwrites a group with no children written after a
 * dataset (Keras files always have empty {@code vars} groups), corrupts string attributes longer
 * than ~59,500 characters, throws on empty arrays and writes strings only as fixed-length (h5py
 * reads those as bytes, not str). See ../shared/notes/keras-files-and-tensorboard.md. This writer
 * produces bytes only: it touches no file.
 */
final class Hdf5Writer {
  private static final long UNDEF = -1L;
  private static final int LEAF_K = 4;
  private static final int INTERNAL_K = 16;
  private static final int SUPERBLOCK_SIZE = 96;
  private static final int ENTRY_SIZE = 40;
  private static final int SNOD_SIZE = 8 + 2 * LEAF_K * ENTRY_SIZE;
  private static final int TREE_SIZE = 24 + 2 * INTERNAL_K * 8 + (2 * INTERNAL_K + 1) * 8;
  private static final int GCOL_MIN = 4096;

  private final Hdf5Bytes out = new Hdf5Bytes();

  /** The index in {@link #strings} of each node's first attribute value. */
  private final Map<Node, Integer> firstString = new IdentityHashMap<>();

  private final List<byte[]> strings = new ArrayList<>();

  private Hdf5Writer() {}

  /** The bytes of an HDF5 file holding {@code root} as its root group. */
  static byte[] write(Group root) {
    Hdf5Writer w = new Hdf5Writer();
    w.out.zeros(SUPERBLOCK_SIZE);
    w.collectStrings(root);
    long heap = w.writeGlobalHeap();
    long[] r = w.writeGroup(root, heap);
    Hdf5Bytes o = w.out;
    o.put(0, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'});
    o.putByte(13, 8); // size of offsets
    o.putByte(14, 8); // size of lengths
    o.putShort(16, LEAF_K);
    o.putShort(18, INTERNAL_K);
    o.putLong(24, 0); // base address
    o.putLong(32, UNDEF); // free-space info
    o.putLong(40, o.size()); // end of file
    o.putLong(48, UNDEF); // driver info
    writeEntry(o, 56, 0, r);
    return o.toArray();
  }

  private void collectStrings(Node n) {
    firstString.put(n, strings.size());
    for (Hdf5Tree.Attribute a : n.attributes.values()) {
      for (String v : a.strings()) {
        strings.add(v.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (n instanceof Group g) {
      g.children.values().forEach(this::collectStrings);
    }
    if (strings.size() > 0xffff) {
      throw new IllegalArgumentException("more than 65535 string attributes in one HDF5 file");
    }
  }

  /** One global heap collection with every string attribute value; its address (or UNDEF). */
  private long writeGlobalHeap() {
    if (strings.isEmpty()) {
      return UNDEF;
    }
    long used = 16;
    for (byte[] s : strings) {
      used += 16 + pad8(s.length);
    }
    long size = Math.max(GCOL_MIN, used + 16);
    if (size > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("the HDF5 string attributes are too large");
    }
    long at = out.size();
    out.ascii("GCOL");
    out.u8(1).zeros(3).u64(size);
    for (int i = 0; i < strings.size(); i++) {
      byte[] s = strings.get(i);
      out.u16(i + 1).u16(0).zeros(4).u64(s.length).bytes(s).zeros(pad8(s.length) - s.length);
    }
    out.u16(0).u16(0).zeros(4).u64(size - used).zeros((int) (size - used - 16));
    return at;
  }

  /** Writes a group and its subtree; returns {header, B-tree, local heap} addresses. */
  private long[] writeGroup(Group g, long gheap) {
    List<String> names = new ArrayList<>(g.children.keySet());
    names.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
    List<long[]> refs = new ArrayList<>();
    for (String name : names) {
      Node child = g.children.get(name);
      refs.add(
          child instanceof Group cg
              ? writeGroup(cg, gheap)
              : new long[] {writeDataset((Dataset) child, gheap)});
    }
    // Local heap: "" at offset 0, then every name, each null-terminated and padded to 8 bytes.
    long[] nameOffsets = new long[names.size()];
    long dataSize = 8;
    for (int i = 0; i < names.size(); i++) {
      nameOffsets[i] = dataSize;
      dataSize += pad8(utf8(names.get(i)).length + 1);
    }
    long heapAt = out.align8();
    out.ascii("HEAP").u8(0).zeros(3).u64(dataSize).u64(1).u64(heapAt + 32); // 1: no free block
    out.zeros(8);
    for (String name : names) {
      byte[] b = utf8(name);
      out.bytes(b).zeros(pad8(b.length + 1) - b.length);
    }
    // Symbol nodes of at most 2K entries, then B-tree levels of at most 2K' children.
    List<Long> level = new ArrayList<>();
    List<Long> lastKey = new ArrayList<>();
    for (int start = 0; start < names.size(); start += 2 * LEAF_K) {
      int end = Math.min(names.size(), start + 2 * LEAF_K);
      long at = out.align8();
      out.ascii("SNOD").u8(1).u8(0).u16(end - start);
      for (int i = start; i < end; i++) {
        long entry = out.size();
        out.zeros(ENTRY_SIZE);
        writeEntry(out, entry, nameOffsets[i], refs.get(i));
      }
      out.zeros(SNOD_SIZE - 8 - (end - start) * ENTRY_SIZE);
      level.add(at);
      lastKey.add(nameOffsets[end - 1]);
    }
    int height = 0;
    long btree;
    while (true) {
      List<Long> up = new ArrayList<>();
      List<Long> upKey = new ArrayList<>();
      List<Long> nodes = new ArrayList<>();
      int n = Math.max(level.size(), 1);
      int perNode = 2 * INTERNAL_K;
      int count = (n + perNode - 1) / perNode;
      long first = out.align8();
      for (int k = 0; k < count; k++) {
        nodes.add(first + (long) k * TREE_SIZE);
      }
      for (int k = 0; k < count; k++) {
        int from = k * perNode;
        int to = Math.min(level.size(), from + perNode);
        out.ascii("TREE").u8(0).u8(height).u16(to - from);
        out.u64(k == 0 ? UNDEF : nodes.get(k - 1)).u64(k == count - 1 ? UNDEF : nodes.get(k + 1));
        out.u64(0);
        for (int i = from; i < to; i++) {
          out.u64(level.get(i)).u64(lastKey.get(i));
        }
        out.zeros(TREE_SIZE - 32 - (to - from) * 16);
        up.add(nodes.get(k));
        upKey.add(to > from ? lastKey.get(to - 1) : 0L);
      }
      if (count == 1) {
        btree = nodes.get(0);
        break;
      }
      level = up;
      lastKey = upKey;
      height++;
    }
    List<byte[]> messages = new ArrayList<>();
    messages.add(message(0x11, 0, new Hdf5Bytes().u64(btree).u64(heapAt).toArray()));
    addAttributes(g, gheap, messages);
    return new long[] {writeHeader(messages), btree, heapAt};
  }

  private long writeDataset(Dataset d, long gheap) {
    long dataAt = UNDEF;
    if (d.data.length > 0) {
      dataAt = out.align8();
      out.bytes(d.data);
    }
    Hdf5Bytes space = new Hdf5Bytes().u8(1).u8(d.shape.length).u8(0).zeros(5);
    for (int dim : d.shape) {
      space.u64(dim);
    }
    Hdf5Bytes type = new Hdf5Bytes();
    if (d.type == Hdf5Tree.Type.FLOAT32) {
      // IEEE float32, little-endian, implied leading mantissa bit, sign at bit 31.
      type.u8(0x11).u8(0x20).u8(31).u8(0).u32(4).u16(0).u16(32).u8(23).u8(8).u8(0).u8(23);
      type.u32(127);
    } else {
      type.u8(0x10).u8(0x08).u8(0).u8(0).u32(8).u16(0).u16(64); // signed int64, little-endian
    }
    Hdf5Bytes layout = new Hdf5Bytes().u8(3).u8(1).u64(dataAt).u64(d.data.length);
    List<byte[]> messages = new ArrayList<>();
    messages.add(message(0x01, 0, space.toArray()));
    messages.add(message(0x03, 1, type.toArray()));
    messages.add(message(0x08, 0, layout.toArray()));
    addAttributes(d, gheap, messages);
    return writeHeader(messages);
  }

  private void addAttributes(Node n, long gheap, List<byte[]> messages) {
    int next = firstString.get(n);
    for (Map.Entry<String, Hdf5Tree.Attribute> e : n.attributes.entrySet()) {
      byte[] name = utf8(e.getKey());
      Hdf5Tree.Attribute a = e.getValue();
      byte[] type;
      Hdf5Bytes space = new Hdf5Bytes();
      if (a.scalar()) {
        space.u8(1).zeros(7);
      } else {
        space.u8(1).u8(1).u8(0).zeros(5).u64(a.strings().size());
      }
      Hdf5Bytes data = new Hdf5Bytes();
      if (a.isEmptyFloat64()) {
        // IEEE float64, little-endian, implied leading mantissa bit, sign at bit 63.
        type =
            new Hdf5Bytes()
                .u8(0x11)
                .u8(0x20)
                .u8(63)
                .u8(0)
                .u32(8)
                .u16(0)
                .u16(64)
                .u8(52)
                .u8(11)
                .u8(0)
                .u8(52)
                .u32(1023)
                .toArray();
      } else {
        // Variable-length string, null-terminated padding, UTF-8 or ASCII; base type uint8.
        type =
            new Hdf5Bytes()
                .u8(0x19)
                .u8(0x01)
                .u8(a.utf8() ? 0x01 : 0x00)
                .u8(0)
                .u32(16)
                .u8(0x10)
                .zeros(3)
                .u32(1)
                .u16(0)
                .u16(8)
                .toArray();
        for (int i = 0; i < a.strings().size(); i++) {
          byte[] value = strings.get(next);
          next++; // heap object indices start at 1
          data.u32(value.length).u64(gheap).u32(next);
        }
      }
      byte[] sp = space.toArray();
      Hdf5Bytes m = new Hdf5Bytes().u8(1).u8(0).u16(name.length + 1).u16(type.length);
      m.u16(sp.length);
      m.bytes(name).zeros(pad8(name.length + 1) - name.length);
      m.bytes(type).zeros(pad8(type.length) - type.length);
      m.bytes(sp).zeros(pad8(sp.length) - sp.length);
      m.bytes(data.toArray());
      messages.add(message(0x0C, 0, m.toArray()));
    }
  }

  private static byte[] message(int type, int flags, byte[] body) {
    Hdf5Bytes m = new Hdf5Bytes().u16(type).u16(pad8(body.length)).u8(flags).zeros(3);
    return m.bytes(body).zeros(pad8(body.length) - body.length).toArray();
  }

  /** A version 1 object header; returns its address. */
  private long writeHeader(List<byte[]> messages) {
    long at = out.align8();
    int size = 0;
    for (byte[] m : messages) {
      size += m.length;
    }
    out.u8(1).u8(0).u16(messages.size()).u32(1).u32(size).zeros(4);
    messages.forEach(out::bytes);
    return at;
  }

  /** A symbol table entry: name offset, header address and, for groups, the cached addresses. */
  private static void writeEntry(Hdf5Bytes o, long at, long nameOffset, long[] ref) {
    o.putLong(at, nameOffset);
    o.putLong(at + 8, ref[0]);
    if (ref.length == 3) {
      o.putInt(at + 16, 1);
      o.putLong(at + 24, ref[1]);
      o.putLong(at + 32, ref[2]);
    }
  }

  private static int pad8(int n) {
    return (n + 7) & ~7;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
