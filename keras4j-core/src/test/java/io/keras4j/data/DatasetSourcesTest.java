package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import io.keras4j.utils.ImageDatasetOptions;
import io.keras4j.utils.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sources: a CSV read lazily and an image directory decoded image by image. */
class DatasetSourcesTest {
  @Test
  void csvRowsEqualTheReadersTensors(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("d.csv");
    Files.writeString(f, "a,b,y1,y2\n1,2,3,4\n5,6,7,8\n\n9,10,11,12\n");
    CsvReader reader = new CsvReader().header(true).labelColumns("y1", "y2");
    Dataset whole = reader.read(f);
    Dataset lazy = Dataset.fromCsv(f, reader).batch(3);
    try (DatasetIterator it = lazy.iterator()) {
      StepData b = it.next();
      assertArrayEquals(whole.x().toFloatArray(), b.x().toFloatArray(), 0f);
      assertArrayEquals(whole.x().shape(), b.x().shape());
      assertArrayEquals(whole.y().toFloatArray(), b.y().toFloatArray(), 0f);
      assertArrayEquals(whole.y().shape(), b.y().shape());
      assertFalse(it.hasNext());
    }
    assertEquals(3, Dataset.fromCsv(f, reader).count());
    // int labels, one column: targets () per row, (n,) per batch, as CsvReader
    Path g = dir.resolve("g.csv");
    Files.writeString(g, "0.5,1\n1.5,0\n");
    Dataset ints = Dataset.fromCsv(g, new CsvReader().labelColumns(-1).intLabels(true)).batch(2);
    try (DatasetIterator it = ints.iterator()) {
      StepData b = it.next();
      assertArrayEquals(new int[] {1, 0}, b.y().toIntArray());
      assertArrayEquals(new int[] {2}, b.y().shape());
      assertArrayEquals(new float[] {0.5f, 1.5f}, b.x().toFloatArray(), 0f);
    }
  }

  @Test
  void imageDirectoryStreamsTheSameImagesAsImageDatasetFromDirectory(@TempDir Path dir)
      throws IOException {
    // two classes, 3 + 2 images of 5x4 pixels with distinct colours
    int k = 0;
    for (String cls : List.of("cats", "dogs")) {
      Files.createDirectories(dir.resolve(cls));
      for (int i = 0; i < (cls.equals("cats") ? 3 : 2); i++, k++) {
        BufferedImage img = new BufferedImage(4, 5, BufferedImage.TYPE_INT_RGB);
        for (int yy = 0; yy < 5; yy++) {
          for (int xx = 0; xx < 4; xx++) {
            img.setRGB(xx, yy, (k * 40 + xx) << 16 | (yy * 30) << 8 | (k * 7 + xx + yy));
          }
        }
        ImageIO.write(img, "png", dir.resolve(cls).resolve("img" + i + ".png").toFile());
      }
    }
    for (String mode : List.of("int", "categorical", "binary")) {
      ImageDatasetOptions o =
          new ImageDatasetOptions()
              .imageSize(3, 2)
              .batchSize(2)
              .shuffle(false)
              .labelMode(mode)
              .verbose(false);
      Dataset eager = Images.imageDatasetFromDirectory(dir, o);
      Dataset lazy = Dataset.fromImageDirectory(dir, o);
      assertEquals(3, lazy.cardinality());
      List<Tensor> xs = new ArrayList<>();
      List<Tensor> ys = new ArrayList<>();
      try (DatasetIterator it = lazy.iterator()) {
        it.forEachRemaining(
            b -> {
              xs.add(b.x());
              ys.add(b.y());
            });
      }
      assertEquals(3, xs.size());
      assertArrayEquals(new int[] {2, 3, 2, 3}, xs.get(0).shape());
      assertArrayEquals(new int[] {1, 3, 2, 3}, xs.get(2).shape());
      assertArrayEquals(eager.x().toFloatArray(), concat(xs), 0f, mode);
      assertArrayEquals(eager.y().toFloatArray(), concat(ys), 0f, mode);
    }
  }

  private static float[] concat(List<Tensor> ts) {
    int n = 0;
    for (Tensor t : ts) {
      n += (int) t.size();
    }
    float[] out = new float[n];
    int at = 0;
    for (Tensor t : ts) {
      float[] v = t.toFloatArray();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }
}
