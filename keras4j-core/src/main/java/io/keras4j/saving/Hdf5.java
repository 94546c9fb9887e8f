package io.keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.FloatingPoint;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading the parts of HDF5 that Keras files use, through jhdf: groups, float datasets and string
 * attributes. Every failure of the library (corrupt offsets, truncated data) becomes a {@link
 * KerasFileException} naming the file and the HDF5 path.
 */
final class Hdf5 {
  static {
    Slf4jDefaults.quietWithoutProvider();
  }

  /** The HDF5 signature: {@code \211HDF\r\n\032\n}. */
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private Hdf5() {}

  static boolean hasSignature(byte[] head) {
    return head.length >= SIGNATURE.length
        && Arrays.equals(Arrays.copyOf(head, SIGNATURE.length), SIGNATURE);
  }

  /** Opens HDF5 bytes held in memory (an entry of a .keras zip or a whole .h5 file). */
  static HdfFile open(Path file, byte[] bytes) {
    if (!hasSignature(bytes)) {
      throw new KerasFileException(file, "not an HDF5 file (no HDF5 signature at offset 0)");
    }
    try {
      return HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes));
    } catch (RuntimeException e) {
      throw new KerasFileException(file, "corrupt HDF5 data (" + e.getMessage() + ")", e);
    }
  }

  /** The HDF5 path of a child of a group (jhdf ends group paths with a slash). */
  static String path(Group parent, String child) {
    String p = parent.getPath();
    return (p.endsWith("/") ? p : p + "/") + child;
  }

  /** A child group, or null when absent. */
  static Group childGroup(Path file, Group parent, String name) {
    Node n = child(file, parent, name);
    if (n == null) {
      return null;
    }
    if (!(n instanceof Group g)) {
      throw new KerasFileException(
          file, "expected a group at " + n.getPath() + ", found a dataset");
    }
    return g;
  }

  /** A child node, or null when absent. */
  static Node child(Path file, Group parent, String name) {
    try {
      return parent.getChildren().get(name);
    } catch (RuntimeException e) {
      throw new KerasFileException(
          file, "corrupt HDF5 group " + parent.getPath() + " (" + e.getMessage() + ")", e);
    }
  }

  /** A node by a path relative to a group (the weight names of legacy files), or null. */
  static Node byPath(Path file, Group parent, String path) {
    try {
      return parent.getByPath(path);
    } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
      return null;
    } catch (RuntimeException e) {
      throw new KerasFileException(
          file, "corrupt HDF5 data under " + parent.getPath() + " (" + e.getMessage() + ")", e);
    }
  }

  /** The children of a group, by name (jhdf lists them sorted by name). */
  static List<Node> children(Path file, Group g) {
    try {
      return new ArrayList<>(g.getChildren().values());
    } catch (RuntimeException e) {
      throw new KerasFileException(
          file, "corrupt HDF5 group " + g.getPath() + " (" + e.getMessage() + ")", e);
    }
  }

  /** A float dataset as a float32 tensor (float64 values are rounded, as Keras casts). */
  static Tensor tensor(Path file, Dataset ds) {
    try {
      if (!(ds.getDataType() instanceof FloatingPoint fp)
          || (fp.getSize() != 4 && fp.getSize() != 8)) {
        throw new KerasFileException(
            file,
            "the weight "
                + ds.getPath()
                + " is not float32 or float64 (keras4j reads those). Received: "
                + ds.getDataType().getClass().getSimpleName()
                + " of "
                + ds.getDataType().getSize()
                + " bytes");
      }
      int[] shape = ds.isScalar() ? new int[0] : ds.getDimensions();
      long size = Shapes.size(shape);
      if (size * fp.getSize() > ds.getHdfFile().size()) {
        throw new KerasFileException(
            file,
            "the weight "
                + ds.getPath()
                + " declares "
                + size
                + " values, more than the file holds");
      }
      Object data = ds.isScalar() ? ds.getData() : ds.getDataFlat();
      float[] values;
      if (data instanceof float[] f) {
        values = f;
      } else if (data instanceof double[] d) {
        values = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          values[i] = (float) d[i];
        }
      } else if (data instanceof Float f) {
        values = new float[] {f};
      } else if (data instanceof Double d) {
        values = new float[] {d.floatValue()};
      } else {
        throw new KerasFileException(
            file, "unreadable weight " + ds.getPath() + ": " + describe(data));
      }
      if (values.length != size) {
        throw new KerasFileException(
            file,
            "the weight "
                + ds.getPath()
                + " has "
                + values.length
                + " values for its shape "
                + Arrays.toString(shape));
      }
      return Tensor.of(values, shape);
    } catch (KerasFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KerasFileException(
          file, "corrupt HDF5 dataset " + ds.getPath() + " (" + e.getMessage() + ")", e);
    }
  }

  /** A string attribute (scalar, or an array of one), or null when absent. */
  static String stringAttribute(Path file, Node node, String name) {
    Object data = attribute(file, node, name);
    if (data == null) {
      return null;
    }
    if (data instanceof String s) {
      return s;
    }
    if (data instanceof String[] a && a.length == 1) {
      return a[0];
    }
    throw new KerasFileException(
        file,
        "the attribute " + name + " of " + node.getPath() + " is not a string: " + describe(data));
  }

  /**
   * A string-list attribute ({@code layer_names}, {@code weight_names}), fixed or variable length;
   * absent or empty (Keras writes an empty float64 array for a layer without weights) reads as an
   * empty list.
   */
  static List<String> stringsAttribute(Path file, Node node, String name) {
    Object data = attribute(file, node, name);
    if (data == null) {
      return List.of();
    }
    if (data instanceof String s) {
      return List.of(trim(s));
    }
    if (data instanceof String[] a) {
      List<String> out = new ArrayList<>(a.length);
      for (String s : a) {
        out.add(trim(s));
      }
      return out;
    }
    if (data instanceof double[] d && d.length == 0) {
      return List.of();
    }
    throw new KerasFileException(
        file,
        "the attribute "
            + name
            + " of "
            + node.getPath()
            + " is not a list of strings: "
            + describe(data));
  }

  private static Object attribute(Path file, Node node, String name) {
    try {
      Attribute a = node.getAttribute(name);
      return a == null ? null : a.getData();
    } catch (RuntimeException e) {
      throw new KerasFileException(
          file,
          "corrupt attribute " + name + " of " + node.getPath() + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static String trim(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == 0) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String describe(Object data) {
    return data == null ? "null" : data.getClass().getSimpleName();
  }
}
