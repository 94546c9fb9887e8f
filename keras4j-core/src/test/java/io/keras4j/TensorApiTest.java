package io.keras4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.ops.Ops;
import org.junit.jupiter.api.Test;

/** The "Tensors" section of the API contract, verbatim, plus the guarantees behind it. */
class TensorApiTest {

  @Test
  void contractProgram() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3); // data (row-major) + shape
    Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}}); // shape [2, 2]
    Tensor ids = Tensor.ofInts(new int[] {4, 0, 7}, 3, 1); // int32
    Tensor z = Tensor.zeros(32, 10);
    Tensor o = Tensor.ones(3);
    int[] shape = x.shape();
    int rank = x.rank();
    long n = x.size();
    float[] flat = x.toFloatArray();
    int[] flatInts = ids.toIntArray();
    float v = x.getFloat(1, 2);

    assertArrayEquals(new int[] {2, 3}, shape);
    assertEquals(2, rank);
    assertEquals(6, n);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, flat);
    assertArrayEquals(new int[] {4, 0, 7}, flatInts);
    assertEquals(6f, v);
    assertArrayEquals(new int[] {2, 2}, m.shape());
    assertEquals(3f, m.getFloat(1, 0));
    assertEquals(DType.INT32, ids.dtype());
    assertEquals(DType.FLOAT32, x.dtype());
    assertEquals(320, z.size());
    assertEquals(0f, z.getFloat(31, 9));
    assertArrayEquals(new float[] {1, 1, 1}, o.toFloatArray());
  }

  @Test
  void userTensorsAreNeverChanged() {
    float[] data = {1, 2, 3};
    Tensor t = Tensor.of(data, 3);
    data[0] = 100; // the factory copied
    assertEquals(1f, t.getFloat(0));
    float[] out = t.toFloatArray();
    out[1] = 100; // accessors copy
    assertEquals(2f, t.getFloat(1));
    int[] s = t.shape();
    s[0] = 7;
    assertArrayEquals(new int[] {3}, t.shape());
    Tensor sum = Ops.add(t, t);
    assertArrayEquals(new float[] {1, 2, 3}, t.toFloatArray());
    assertArrayEquals(new float[] {2, 4, 6}, sum.toFloatArray());
  }

  @Test
  void badShapesAreRefusedWithTheReceivedValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[] {1, 2, 3}, 2, 2));
    assertTrue(e.getMessage().contains("Received: data.length=3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
    assertTrue(e.getMessage().contains("Received: shape=[2, -1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
    assertTrue(e.getMessage().contains("rows[1].length=1"), e.getMessage());
    Tensor x = Tensor.zeros(2, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> x.getFloat(2, 0));
    assertThrows(IllegalArgumentException.class, () -> x.getFloat(1));
  }

  @Test
  void intTensorsConvert() {
    Tensor ids = Tensor.ofInts(new int[][] {{1, 2}, {3, 4}});
    assertArrayEquals(new float[] {1, 2, 3, 4}, ids.toFloatArray());
    assertEquals(4, ids.getInt(1, 1));
    assertEquals(2.5f, Tensor.scalar(2.5f).item());
    assertEquals("(None, 128)", Shapes.toString(new int[] {-1, 128}));
    assertEquals("(3,)", Shapes.toString(new int[] {3}));
  }

  /**
   * A tensor is a shape and an opaque storage: no public method of {@code Tensor} hands out the
   * backend's memory, and the storage's class lives in a package the module does not export.
   */
  @Test
  void aTensorIsAHandleOverTheBackendsStorage() throws Exception {
    for (java.lang.reflect.Method m : Tensor.class.getMethods()) {
      Class<?> r = m.getReturnType();
      if (r == float[].class || r == int[].class) {
        assertTrue(
            java.util.Set.of("toFloatArray", "toIntArray", "shape").contains(m.getName()),
            "public method returning an array: " + m);
      }
    }
    Tensor t = Tensor.of(new float[] {1, 2, 3}, 3);
    io.keras4j.backend.Storage storage = t.storage();
    assertEquals(3, storage.size());
    assertEquals(DType.FLOAT32, storage.dtype());
    Module core = Tensor.class.getModule();
    if (core.isNamed()) {
      assertTrue(!core.isExported(storage.getClass().getPackageName()), "storage's package");
    }
    float[] copy = storage.toFloatArray();
    copy[0] = 100;
    assertEquals(1f, t.getFloat(0));
    Tensor same = Tensor.of(storage, 1, 3); // a backend's path: a new shape over the same storage
    assertEquals(3f, same.getFloat(0, 2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(storage, 2, 2));
    assertTrue(e.getMessage().contains("Received: data.length=3"), e.getMessage());
    Tensor ints = Tensor.ofInts(new int[] {7, -2}, 2);
    assertEquals(DType.FLOAT32, ints.storage().cast(DType.FLOAT32).dtype());
    assertArrayEquals(new float[] {7, -2}, ints.asFloat().toFloatArray());
  }
}
