package io.keras4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Fetches CIFAR-10's binary archive once, as Keras's {@code get_file} does: into the cache
 * directory ({@code ~/.keras4j/datasets}, or the system property {@code keras4j.datasets}), checked
 * against its published MD5, then unpacked to {@code cifar-10-batches-bin/}. Every file is written
 * under a temporary name and renamed when complete, so an interrupted download leaves nothing that
 * looks finished. Offline, the error names the archive to place in the cache directory by hand (it
 * is checked and unpacked the same way).
 */
final class Cifar10Download {
  static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
  static final String ARCHIVE = "cifar-10-binary.tar.gz";
  static final String MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
  static final String BATCHES = "cifar-10-batches-bin";

  private Cifar10Download() {}

  /** The cache directory, as {@link DatasetCache#directory()} resolves it. */
  static Path cacheDirectory() {
    return DatasetCache.directory();
  }

  /** The unpacked batch files' directory, fetching and unpacking the archive when needed. */
  static Path batchesDirectory() {
    return batchesDirectory(cacheDirectory(), MD5);
  }

  static Path batchesDirectory(Path cache, String md5) {
    Path batches = cache.resolve(BATCHES);
    if (Files.isRegularFile(batches.resolve("test_batch.bin"))) {
      return batches;
    }
    try {
      Files.createDirectories(cache);
      Path archive = cache.resolve(ARCHIVE);
      if (!Files.isRegularFile(archive)) {
        download(archive);
      }
      String got = md5(archive);
      if (!got.equals(md5)) {
        throw new IllegalStateException(
            "Cifar10: "
                + archive
                + " is damaged or not the CIFAR-10 binary archive: expected MD5 "
                + md5
                + ". Received: "
                + got
                + " (delete it and load again)");
      }
      unpack(archive, batches);
      return batches;
    } catch (IOException e) {
      throw new UncheckedIOException("Cifar10: cannot prepare " + batches + ": " + e, e);
    }
  }

  private static void download(Path archive) throws IOException {
    try {
      Downloads.fetch(URL, archive);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cifar10: cannot download "
              + URL
              + " ("
              + e
              + "). Offline, place "
              + ARCHIVE
              + " (MD5 "
              + MD5
              + ") in "
              + archive.getParent()
              + " by hand, or the unpacked batch files in "
              + archive.resolveSibling(BATCHES)
              + ", or call Cifar10.load(Path) on a directory of batch files",
          e);
    }
  }

  static String md5(Path file) throws IOException {
    return Downloads.hash(file, "MD5");
  }

  /** Unpacks the archive's batch files into {@code batches} (see {@link Tar}). */
  static void unpack(Path archive, Path batches) throws IOException {
    Set<String> names = new HashSet<>(Set.of("test_batch.bin"));
    for (int i = 1; i <= 5; i++) {
      names.add("data_batch_" + i + ".bin");
    }
    try {
      Tar.extract(archive, batches, names, Set.of("test_batch.bin"));
    } catch (IOException e) {
      throw new IOException(e.getMessage() + ": not the CIFAR-10 binary archive", e);
    }
  }
}
