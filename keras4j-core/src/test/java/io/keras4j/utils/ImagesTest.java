package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.internal.NumpyShuffle;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files: pixels read back as written (PNG, BMP, GIF exactly; JPEG within a few levels), PIL's
 * colour conversions, resizing, and image_dataset_from_directory's class order, file order (numpy's
 * seeded shuffle, reference permutations from numpy), labels, splits and a bad file.
 */
class ImagesTest {
  @TempDir Path dir;

  /** A w x h RGB image whose pixel (y, x) is (base + 10y + x, base + 50, 255 - base). */
  private static BufferedImage rgb(int h, int w, int base) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, ((base + 10 * y + x) << 16) | ((base + 50) << 8) | (255 - base));
      }
    }
    return img;
  }

  private static float[] rgbValues(int h, int w, int base) {
    float[] v = new float[h * w * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        v[o] = base + 10 * y + x;
        v[o + 1] = base + 50;
        v[o + 2] = 255 - base;
      }
    }
    return v;
  }

  private static Path write(BufferedImage img, String format, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(img, format, file.toFile()), "no writer for " + format);
    return file;
  }

  @Test
  void pngAndBmpPixelsAreReadExactly() throws IOException {
    Path png = write(rgb(3, 4, 20), "png", dir.resolve("a.png"));
    BufferedImage bgr = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
    bgr.setData(rgb(3, 4, 30).getRaster());
    Path bmp = write(bgr, "bmp", dir.resolve("b.bmp"));
    Tensor a = Images.imageToTensor(Images.loadImage(png));
    assertArrayEquals(new int[] {3, 4, 3}, a.shape());
    assertEquals(DType.FLOAT32, a.dtype());
    assertArrayEquals(rgbValues(3, 4, 20), a.toFloatArray(), 0f);
    assertArrayEquals(
        rgbValues(3, 4, 30), Images.imageToTensor(Images.loadImage(bmp)).toFloatArray(), 0f);
    // channels_first: (c, h, w)
    Tensor cf = Images.imageToTensor(Images.loadImage(png), "channels_first");
    assertArrayEquals(new int[] {3, 3, 4}, cf.shape());
    assertEquals(20 + 10 * 2 + 3, cf.getFloat(0, 2, 3));
    assertEquals(70, cf.getFloat(1, 0, 0));
  }

  @Test
  void greyAndColourConversionsAreThoseOfPil() throws IOException {
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 7);
    grey.getRaster().setSample(1, 0, 0, 200);
    Path g = write(grey, "png", dir.resolve("g.png"));
    // img_to_array of a grey image: one channel, the stored levels (no colour management).
    Tensor asStored =
        Images.imageToTensor(Images.loadImage(g, new LoadImageOptions().colorMode("grayscale")));
    assertArrayEquals(new int[] {1, 2, 1}, asStored.shape());
    assertArrayEquals(new float[] {7, 200}, asStored.toFloatArray(), 0f);
    // rgb (load_img's default) repeats the level.
    assertArrayEquals(
        new float[] {7, 7, 7, 200, 200, 200},
        Images.imageToTensor(Images.loadImage(g)).toFloatArray(),
        0f);
    // rgba adds an opaque alpha.
    assertArrayEquals(
        new float[] {7, 7, 7, 255, 200, 200, 200, 255},
        Images.imageToTensor(Images.loadImage(g, new LoadImageOptions().colorMode("rgba")))
            .toFloatArray(),
        0f);

    // Colour to grey: PIL's L = R*299/1000 + G*587/1000 + B*114/1000 (values from PIL's formula
    // computed in Python: (200,100,50) -> 124, (10,20,30) -> 18, white 255, (0,128,255) -> 104).
    BufferedImage colour = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
    int[][] px = {{200, 100, 50}, {10, 20, 30}, {255, 255, 255}, {0, 128, 255}};
    for (int x = 0; x < 4; x++) {
      colour.setRGB(x, 0, (px[x][0] << 16) | (px[x][1] << 8) | px[x][2]);
    }
    Path c = write(colour, "png", dir.resolve("c.png"));
    assertArrayEquals(
        new float[] {124, 18, 255, 104},
        Images.imageToTensor(Images.loadImage(c, new LoadImageOptions().colorMode("grayscale")))
            .toFloatArray(),
        0f);

    // RGBA keeps its alpha in "rgba" and drops it in "rgb".
    BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, (77 << 24) | (1 << 16) | (2 << 8) | 3);
    Path a = write(argb, "png", dir.resolve("a.png"));
    assertArrayEquals(
        new float[] {1, 2, 3, 77},
        Images.imageToTensor(Images.loadImage(a, new LoadImageOptions().colorMode("rgba")))
            .toFloatArray(),
        0f);
    assertArrayEquals(
        new float[] {1, 2, 3}, Images.imageToTensor(Images.loadImage(a)).toFloatArray(), 0f);
  }

  @Test
  void gifPaletteColoursAreReadExactly() throws IOException {
    byte[] r = {(byte) 255, 0, 12};
    byte[] gr = {0, (byte) 128, 34};
    byte[] b = {0, 64, 56};
    BufferedImage img =
        new BufferedImage(
            3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, gr, b));
    for (int x = 0; x < 3; x++) {
      img.getRaster().setSample(x, 0, 0, x);
    }
    Path gif = write(img, "gif", dir.resolve("p.gif"));
    assertArrayEquals(
        new float[] {255, 0, 0, 0, 128, 64, 12, 34, 56},
        Images.imageToTensor(Images.loadImage(gif)).toFloatArray(),
        0f);
  }

  @Test
  void jpegPixelsAreCloseToTheOriginal() throws IOException {
    // 8x8 blocks of one level each: a block-aligned grey JPEG keeps each block's mean closely.
    BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    int[] levels = {30, 90, 160, 230};
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        grey.getRaster().setSample(x, y, 0, levels[(y / 8) * 2 + x / 8]);
      }
    }
    Path jpg = write(grey, "jpg", dir.resolve("g.jpg"));
    float[] v =
        Images.imageToTensor(Images.loadImage(jpg, new LoadImageOptions().colorMode("grayscale")))
            .toFloatArray();
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        assertEquals(levels[(y / 8) * 2 + x / 8], v[y * 16 + x], 3f, "pixel " + y + "," + x);
      }
    }
    BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        flat.setRGB(x, y, (200 << 16) | (120 << 8) | 40);
      }
    }
    Path jpeg = write(flat, "jpeg", dir.resolve("f.jpeg"));
    float[] c = Images.imageToTensor(Images.loadImage(jpeg)).toFloatArray();
    for (int i = 0; i < 256; i++) {
      assertEquals(200, c[3 * i], 4f);
      assertEquals(120, c[3 * i + 1], 4f);
      assertEquals(40, c[3 * i + 2], 4f);
    }
  }

  @Test
  void loadImageResizesToTheTargetSize() throws IOException {
    Path png = write(rgb(4, 4, 0), "png", dir.resolve("r.png"));
    // nearest (Keras's load_img default): output o reads pixel floor((o + 0.5) * 2) = 1, 3.
    BufferedImage small = Images.loadImage(png, new LoadImageOptions().targetSize(2, 2));
    assertEquals(2, small.getWidth());
    assertEquals(2, small.getHeight());
    float[] v = Images.imageToTensor(small).toFloatArray();
    float[] all = rgbValues(4, 4, 0);
    int[][] at = {{1, 1}, {1, 3}, {3, 1}, {3, 3}};
    for (int i = 0; i < 4; i++) {
      int o = (at[i][0] * 4 + at[i][1]) * 3;
      assertArrayEquals(
          new float[] {all[o], all[o + 1], all[o + 2]},
          new float[] {v[3 * i], v[3 * i + 1], v[3 * i + 2]},
          0f);
    }
  }

  @Test
  void anUndecodableFileIsNamedInTheError() throws IOException {
    Path bad = dir.resolve("broken.png");
    Files.writeString(bad, "this is not a PNG");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Images.loadImage(bad));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    Path missing = dir.resolve("missing.png");
    e = assertThrows(UncheckedIOException.class, () -> Images.loadImage(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    IllegalArgumentException iae =
        assertThrows(
            IllegalArgumentException.class, () -> new LoadImageOptions().colorMode("cmyk"));
    assertTrue(iae.getMessage().contains("Received: colorMode=cmyk"), iae.getMessage());
    iae =
        assertThrows(
            IllegalArgumentException.class, () -> new LoadImageOptions().interpolation("bicubic"));
    assertTrue(iae.getMessage().contains("Received: interpolation=bicubic"), iae.getMessage());
  }

  @Test
  void numpysSeededShuffleIsReproduced() {
    // np.random.RandomState(seed).shuffle(list(range(n))), computed with numpy 2.4.
    assertArrayEquals(
        new int[] {6, 3, 0, 4, 5, 2, 1, 9, 8, 7}, new NumpyShuffle(1337).permutation(10));
    assertArrayEquals(
        new int[] {
          5, 2, 19, 16, 11, 22, 17, 24, 23, 14, 1, 10, 13, 8, 6, 18, 4, 9, 7, 20, 3, 0, 21, 15, 12
        },
        new NumpyShuffle(0).permutation(25));
    assertArrayEquals(new int[] {4, 3, 0, 6, 5, 2, 1}, new NumpyShuffle(123456).permutation(7));
    assertArrayEquals(
        new int[] {8, 1, 5, 0, 7, 2, 9, 4, 3, 6}, new NumpyShuffle(42).permutation(10));
  }

  /**
   * root/a_cats/{c1.png, c0.png, sub/c2.bmp, notes.txt}, root/b_dogs/{d0.png, d1.bmp, d2.gif},
   * root/.hidden/h.png, root/loose.png; every pixel of file k (in sorted order) is (40k, 40k+1,
   * 40k+2).
   */
  private Path classFolders() throws IOException {
    String[] files = {
      "a_cats/c0.png",
      "a_cats/c1.png",
      "a_cats/sub/c2.bmp",
      "b_dogs/d0.png",
      "b_dogs/d1.bmp",
      "b_dogs/d2.gif"
    };
    Path root = dir.resolve("root");
    for (int k = 0; k < files.length; k++) {
      String f = files[k];
      String format = f.substring(f.lastIndexOf('.') + 1);
      BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 2; x++) {
          img.setRGB(x, y, ((40 * k) << 16) | ((40 * k + 1) << 8) | (40 * k + 2));
        }
      }
      write(img, format, root.resolve(f));
    }
    Files.writeString(root.resolve("a_cats/notes.txt"), "not an image");
    write(rgb(2, 2, 0), "png", root.resolve(".hidden/h.png"));
    write(rgb(2, 2, 0), "png", root.resolve("loose.png"));
    return root;
  }

  /** The file index k of each image of x (its first red value is 40k). */
  private static List<Integer> fileIds(Tensor x) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < x.dim(0); i++) {
      ids.add(Math.round(x.getFloat(i, 0, 0, 0) / 40));
    }
    return ids;
  }

  private static ImageDatasetOptions quiet() {
    return new ImageDatasetOptions().verbose(false).imageSize(2, 2);
  }

  @Test
  void classFoldersAreSortedAndFilesFollowKerasOrder() throws IOException {
    Path root = classFolders();
    Dataset d = Images.imageDatasetFromDirectory(root, quiet().shuffle(false));
    assertArrayEquals(new int[] {6, 2, 2, 3}, d.x().shape());
    assertEquals(List.of(0, 1, 2, 3, 4, 5), fileIds(d.x()));
    assertEquals(DType.INT32, d.y().dtype());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, d.y().toIntArray());
    assertEquals(32, d.batchSize());
    // Pixels exactly as written: file 4 (d1.bmp) is (160, 161, 162) everywhere.
    assertArrayEquals(
        new float[] {160, 161, 162},
        new float[] {
          d.x().getFloat(4, 1, 1, 0), d.x().getFloat(4, 1, 1, 1), d.x().getFloat(4, 1, 1, 2)
        },
        0f);

    ImageFiles files = Images.indexDirectory(root, quiet().shuffle(false));
    assertEquals(List.of("a_cats", "b_dogs"), files.classNames());
    assertEquals(root.resolve("a_cats/sub/c2.bmp"), files.paths().get(2));

    // classNames chooses the folders and their order.
    Dataset swapped =
        Images.imageDatasetFromDirectory(
            root, quiet().shuffle(false).classNames("b_dogs", "a_cats"));
    assertEquals(List.of(3, 4, 5, 0, 1, 2), fileIds(swapped.x()));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, swapped.y().toIntArray());
  }

  @Test
  void theSeededShuffleAndTheValidationSplitAreKeras() throws IOException {
    Path root = classFolders();
    // numpy: RandomState(7).shuffle(list(range(6))) -> [3, 5, 0, 2, 1, 4]
    Dataset d = Images.imageDatasetFromDirectory(root, quiet().seed(7));
    assertEquals(List.of(3, 5, 0, 2, 1, 4), fileIds(d.x()));
    assertArrayEquals(new int[] {1, 1, 0, 0, 0, 1}, d.y().toIntArray());
    assertEquals(
        fileIds(d.x()), fileIds(Images.imageDatasetFromDirectory(root, quiet().seed(7)).x()));

    // int(0.34 * 6) = 2 files validate: the last two of the shuffled list.
    ImageDatasetOptions split = quiet().seed(7).validationSplit(0.34);
    Dataset train = Images.imageDatasetFromDirectory(root, split.subset("training"));
    Dataset val =
        Images.imageDatasetFromDirectory(
            root, quiet().seed(7).validationSplit(0.34).subset("validation"));
    assertEquals(List.of(3, 5, 0, 2), fileIds(train.x()));
    assertEquals(List.of(1, 4), fileIds(val.x()));
    List<Dataset> both =
        Images.imageDatasetsFromDirectory(
            root, quiet().seed(7).validationSplit(0.34).subset("both"));
    assertEquals(List.of(3, 5, 0, 2), fileIds(both.get(0).x()));
    assertEquals(List.of(1, 4), fileIds(both.get(1).x()));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Images.imageDatasetFromDirectory(
                    root, quiet().validationSplit(0.2).subset("training")));
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Images.imageDatasetFromDirectory(root, quiet().seed(1).subset("training")));
    assertTrue(e.getMessage().contains("validationSplit must be set"), e.getMessage());
  }

  @Test
  void labelModesAndDataFormats() throws IOException {
    Path root = classFolders();
    Dataset cat =
        Images.imageDatasetFromDirectory(
            root, quiet().shuffle(false).labelMode("categorical").batchSize(4));
    assertArrayEquals(new int[] {6, 2}, cat.y().shape());
    assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1}, cat.y().toFloatArray(), 0f);
    assertEquals(4, cat.batchSize());
    Dataset bin =
        Images.imageDatasetFromDirectory(root, quiet().shuffle(false).labelMode("binary"));
    assertArrayEquals(new int[] {6, 1}, bin.y().shape());
    assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, bin.y().toFloatArray(), 0f);
    Dataset none = Images.imageDatasetFromDirectory(root, quiet().shuffle(false).labelMode(null));
    assertEquals(0, none.targets().size());
    // Without labels every image under the directory counts, hidden folder and loose file too.
    assertEquals(8, none.size());
    Dataset grey =
        Images.imageDatasetFromDirectory(
            root, quiet().shuffle(false).colorMode("grayscale").dataFormat("channels_first"));
    assertArrayEquals(new int[] {6, 1, 2, 2}, grey.x().shape());
    // file 1: (40, 41, 42) -> PIL L = (40*19595 + 41*38470 + 42*7471 + 32768) >> 16 = 41
    assertEquals(41, grey.x().getFloat(1, 0, 1, 1));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Images.imageDatasetFromDirectory(
                    root, quiet().shuffle(false).labelMode("binary").classNames("a_cats")));
    assertTrue(e.getMessage().contains("exactly 2 classNames"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Images.imageDatasetFromDirectory(root, quiet().classNames("a_cats", "fish")));
    assertTrue(e.getMessage().contains("classNames=[a_cats, fish]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> quiet().labelMode("sparse"));
    assertTrue(e.getMessage().contains("Received: labelMode=sparse"), e.getMessage());
  }

  @Test
  void imagesAreResizedBilinearlyAndCroppedToTheAspectRatio() throws IOException {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    int[][] v = {{0, 100}, {200, 40}};
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        img.getRaster().setSample(x, y, 0, v[y][x]);
      }
    }
    Path root = dir.resolve("small");
    write(img, "png", root.resolve("only/i.png"));
    Dataset d =
        Images.imageDatasetFromDirectory(
            root, new ImageDatasetOptions().verbose(false).colorMode("grayscale").imageSize(4, 4));
    // Half-pixel bilinear (tf.image.resize), from a numpy transcription of it.
    float[] expected = {
      0, 25, 75, 100, 50, 58.75f, 76.25f, 85, 150, 126.25f, 78.75f, 55, 200, 160, 80, 40
    };
    assertArrayEquals(expected, d.x().toFloatArray(), 1e-4f);

    // A 4 x 8 image cropped to its centred 4 x 4 window (columns 2..5), then halved: each output
    // is the mean of a 2 x 2 block (sample points 0.5 and 2.5).
    BufferedImage wide = new BufferedImage(8, 4, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 8; x++) {
        wide.getRaster().setSample(x, y, 0, 10 * y + x);
      }
    }
    Path root2 = dir.resolve("wide");
    write(wide, "png", root2.resolve("only/w.png"));
    Dataset c =
        Images.imageDatasetFromDirectory(
            root2,
            new ImageDatasetOptions()
                .verbose(false)
                .colorMode("grayscale")
                .imageSize(2, 2)
                .cropToAspectRatio(true));
    assertArrayEquals(new float[] {7.5f, 9.5f, 27.5f, 29.5f}, c.x().toFloatArray(), 1e-5f);
  }

  @Test
  void anUndecodableFileIsSkippedWithAWarningNamingIt() throws IOException {
    Path root = classFolders();
    Path bad = root.resolve("a_cats/c05.png");
    Files.writeString(bad, "garbage");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    Dataset d;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      d = Images.imageDatasetFromDirectory(root, quiet().shuffle(false));
    } finally {
      System.setErr(old);
    }
    String warning = err.toString(StandardCharsets.UTF_8);
    assertTrue(warning.contains(bad.toString()), warning);
    assertEquals(List.of(0, 1, 2, 3, 4, 5), fileIds(d.x()));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, d.y().toIntArray());
    assertNull(d.sampleWeights());
  }
}
