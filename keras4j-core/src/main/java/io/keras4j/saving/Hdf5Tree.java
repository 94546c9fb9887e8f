package io.keras4j.saving;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of an HDF5 file to write with {@link Hdf5Writer}: groups (possibly empty), contiguous
 * little-endian float32 and int64 datasets, and variable-length string attributes (scalars and 1-D
 * arrays), which is all Keras 3 weights files and legacy {@code .h5} files hold.
 */
final class Hdf5Tree {
  private Hdf5Tree() {}

  /** The element types Keras 3 writes in weights files. */
  enum Type {
    FLOAT32(4),
    INT64(8);

    final int size;

    Type(int size) {
      this.size = size;
    }
  }

  /**
   * An attribute: variable-length strings (a scalar or a 1-D array; UTF-8 or ASCII character set,
   * as h5py writes a Python {@code str} or {@code bytes}), or an empty 1-D float64 array (what h5py
   * writes for an empty list, as Keras's {@code weight_names} of a layer without weights).
   */
  record Attribute(List<String> strings, boolean scalar, boolean utf8) {
    Attribute {
      strings = List.copyOf(strings);
    }

    boolean isEmptyFloat64() {
      return strings.isEmpty() && !scalar;
    }
  }

  /** A node: a group or a dataset, with its attributes in insertion order. */
  abstract static sealed class Node permits Group, Dataset {
    final Map<String, Attribute> attributes = new LinkedHashMap<>();

    /** Adds a scalar variable-length UTF-8 string attribute (as h5py writes a Python str). */
    void attribute(String name, String value) {
      put(name, value, true);
    }

    /** Adds a scalar variable-length ASCII string attribute (as h5py writes Python bytes). */
    void asciiAttribute(String name, String value) {
      put(name, value, false);
    }

    private void put(String name, String value, boolean utf8) {
      checkName(name);
      if (value == null) {
        throw new IllegalArgumentException("HDF5 attribute '" + name + "': the value is null");
      }
      attributes.put(name, new Attribute(List.of(value), true, utf8));
    }

    /**
     * Adds a 1-D array of variable-length ASCII strings (as h5py writes a list of Python bytes); an
     * empty list becomes an empty float64 array, as h5py writes it.
     */
    void asciiAttribute(String name, List<String> values) {
      checkName(name);
      for (String v : values) {
        if (v == null) {
          throw new IllegalArgumentException("HDF5 attribute '" + name + "': a value is null");
        }
      }
      attributes.put(name, new Attribute(values, false, false));
    }
  }

  /** A group; its children are kept in insertion order (the file sorts them by name). */
  static final class Group extends Node {
    final Map<String, Node> children = new LinkedHashMap<>();

    /** The child group of that name, created when absent. */
    Group group(String name) {
      Node n = children.get(name);
      if (n == null) {
        checkName(name);
        Group g = new Group();
        children.put(name, g);
        return g;
      }
      if (n instanceof Group g) {
        return g;
      }
      throw new IllegalArgumentException("HDF5 name '" + name + "' is already a dataset");
    }

    /** A float32 dataset of the given shape ({@code []} for a scalar). */
    void floats(String name, float[] values, int[] shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asFloatBuffer().put(values);
      add(name, new Dataset(Type.FLOAT32, shape, b.array(), values.length));
    }

    /** An int64 dataset of the given shape ({@code []} for a scalar). */
    void longs(String name, long[] values, int[] shape) {
      ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      b.asLongBuffer().put(values);
      add(name, new Dataset(Type.INT64, shape, b.array(), values.length));
    }

    private void add(String name, Dataset d) {
      checkName(name);
      if (children.containsKey(name)) {
        throw new IllegalArgumentException("HDF5 name '" + name + "' is already used");
      }
      children.put(name, d);
    }
  }

  /** A contiguous dataset: its raw little-endian bytes. */
  static final class Dataset extends Node {
    final Type type;
    final int[] shape;
    final byte[] data;

    Dataset(Type type, int[] shape, byte[] data, int count) {
      long size = 1;
      for (int d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("HDF5 dataset shape " + Arrays.toString(shape));
        }
        size *= d;
      }
      if (size != count) {
        throw new IllegalArgumentException(
            "HDF5 dataset of shape " + Arrays.toString(shape) + " given " + count + " values");
      }
      this.type = type;
      this.shape = shape.clone();
      this.data = data;
    }
  }

  static void checkName(String name) {
    if (name == null
        || name.isEmpty()
        || name.equals(".")
        || name.indexOf('/') >= 0
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("Invalid HDF5 name. Received: '" + name + "'");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > 0xffff - 1) {
      throw new IllegalArgumentException("HDF5 name too long: " + name.length() + " chars");
    }
  }
}
