package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our HDF5 writer, read back by jhdf: every group, dataset value and attribute, bit for bit. */
class Hdf5WriterTest {
  @Test
  void jhdfReadsGroupsDatasetsAndStringsBitForBit() {
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    Random r = new Random(7);
    float[] kernel = new float[3 * 5];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) r.nextGaussian();
    }
    kernel[0] = Float.NaN;
    kernel[1] = -0.0f;
    Hdf5Tree.Group vars = root.group("layers").group("dense").group("vars");
    vars.attribute("name", "dense_é");
    vars.floats("0", kernel, new int[] {3, 5});
    vars.floats("1", new float[] {1.5f}, new int[] {1});
    root.group("layers").group("dropout").group("vars").attribute("name", "dropout");
    Hdf5Tree.Group opt = root.group("optimizer").group("vars");
    opt.longs("0", new long[] {1234567890123L}, new int[0]);
    opt.floats("1", new float[] {0.001f}, new int[0]);
    root.group("vars").attribute("name", "x".repeat(100_000)); // longer than jhdf's writer allows
    byte[] bytes = Hdf5Writer.write(root);
    try (HdfFile h5 = HdfFile.fromByteBuffer(ByteBuffer.wrap(bytes))) {
      Dataset k = (Dataset) h5.getByPath("layers/dense/vars/0");
      assertArrayEquals(new int[] {3, 5}, k.getDimensions());
      float[] back = (float[]) k.getDataFlat();
      for (int i = 0; i < kernel.length; i++) {
        assertEquals(
            Float.floatToRawIntBits(kernel[i]), Float.floatToRawIntBits(back[i]), "i=" + i);
      }
      assertEquals("dense_é", h5.getByPath("layers/dense/vars").getAttribute("name").getData());
      Group dropout = (Group) h5.getByPath("layers/dropout/vars");
      assertTrue(dropout.getChildren().isEmpty());
      assertEquals("dropout", dropout.getAttribute("name").getData());
      Dataset it = (Dataset) h5.getByPath("optimizer/vars/0");
      assertTrue(it.isScalar());
      assertEquals(1234567890123L, it.getData());
      assertEquals(0.001f, ((Dataset) h5.getByPath("optimizer/vars/1")).getData());
      assertEquals("x".repeat(100_000), h5.getByPath("vars").getAttribute("name").getData());
    }
  }

  @Test
  void groupsWithManyChildrenSpanSeveralSymbolNodesAndBTreeLevels() {
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    Hdf5Tree.Group vars = root.group("vars");
    int n = 600; // > 2K symbol entries per node and > 2K' nodes per B-tree node
    for (int i = 0; i < n; i++) {
      vars.floats(Integer.toString(i), new float[] {i, -i}, new int[] {2});
      vars.group("g" + i).attribute("name", "n" + i);
    }
    try (HdfFile h5 = HdfFile.fromByteBuffer(ByteBuffer.wrap(Hdf5Writer.write(root)))) {
      Group g = (Group) h5.getByPath("vars");
      assertEquals(2 * n, g.getChildren().size());
      for (int i = 0; i < n; i++) {
        Dataset d = assertInstanceOf(Dataset.class, g.getChild(Integer.toString(i)));
        assertArrayEquals(new float[] {i, -i}, (float[]) d.getData());
        assertEquals("n" + i, g.getChild("g" + i).getAttribute("name").getData());
      }
    }
  }

  @Test
  void badNamesAndShapesAreRefused() {
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    assertThrows(IllegalArgumentException.class, () -> root.group("../x"));
    assertThrows(IllegalArgumentException.class, () -> root.group(""));
    assertThrows(
        IllegalArgumentException.class, () -> root.floats("0", new float[3], new int[] {2}));
    root.floats("0", new float[2], new int[] {2});
    assertThrows(IllegalArgumentException.class, () -> root.group("0"));
  }
}
