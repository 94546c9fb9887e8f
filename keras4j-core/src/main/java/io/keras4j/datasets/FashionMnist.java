package io.keras4j.datasets;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando): 70,000 grey images of 28 x 28 pixels of clothes in 10 classes ({@link
 * #CLASS_NAMES}), as {@code keras.datasets.fashion_mnist.load_data()}: images float32 {@code (n,
 * 28, 28)} holding the raw values 0..255 (Keras gives uint8), labels int32 {@code (n,)}; 60,000 for
 * training and 10,000 for testing.
 *
 * <p>{@link #loadData()} downloads the four gzip-compressed IDX files once from Keras's bucket into
 * the sub-directory {@code fashion-mnist} of the {@link DatasetCache}, each checked against the
 * SHA-256 Keras publishes. {@link #load(Path)} reads the same files from any directory (they have
 * MNIST's names; Debian's {@code dataset-fashion-mnist} package puts them in {@code
 * /usr/share/datasets/fashion-mnist}). Licence: MIT, Zalando SE.
 */
public final class FashionMnist {
  private static final String WHO = "FashionMnist";
  static final String SUBDIR = "fashion-mnist";
  private static final String BASE = ImdbDownload.ORIGIN;

  /** The class names, by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  static final List<DatasetCache.Remote> FILES =
      List.of(
          remote(
              "train-labels-idx1-ubyte.gz",
              "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
          remote(
              "train-images-idx3-ubyte.gz",
              "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
          remote(
              "t10k-labels-idx1-ubyte.gz",
              "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
          remote(
              "t10k-images-idx3-ubyte.gz",
              "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"));

  private FashionMnist() {}

  private static DatasetCache.Remote remote(String name, String sha256) {
    return new DatasetCache.Remote(name, SUBDIR, BASE + name, sha256);
  }

  /** {@code load_data()}: fetches the four files the first time (see the class comment). */
  public static TrainTestData loadData() {
    return loadData(DatasetCache.standard());
  }

  static TrainTestData loadData(DatasetCache cache) {
    Path dir = null;
    for (DatasetCache.Remote r : FILES) {
      dir =
          cache
              .file(WHO, r, "call FashionMnist.load(Path) on a directory of the four files")
              .getParent();
    }
    return load(dir);
  }

  /** The four IDX files in {@code dir} (gzip-compressed or not), read as {@link Mnist#load}. */
  public static TrainTestData load(Path dir) {
    return Mnist.load(dir);
  }
}
