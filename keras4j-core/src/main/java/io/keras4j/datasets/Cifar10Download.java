package io.keras4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;

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

  static Path cacheDirectory() {
    String dir = System.getProperty("keras4j.datasets");
    return dir != null && !dir.isBlank()
        ? Path.of(dir)
        : Path.of(System.getProperty("user.home"), ".keras4j", "datasets");
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

  /**
   * Unpacks the archive's {@code .bin} files into {@code batches}: into a temporary directory
   * first, renamed when every file is there. The archive is a gzip-compressed tar (POSIX ustar):
   * 512-byte headers (name, octal size, type), each file's bytes padded to 512.
   */
  static void unpack(Path archive, Path batches) throws IOException {
    Path tmp = Files.createTempDirectory(batches.getParent(), BATCHES + ".part");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512) {
        String name = field(header, 0, 100);
        if (name.isEmpty()) {
          break; // the two zero blocks that end the archive
        }
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        String base = name.substring(name.lastIndexOf('/') + 1);
        boolean wanted = (type == '0' || type == 0) && base.endsWith(".bin");
        if (wanted) {
          Files.write(tmp.resolve(base), in.readNBytes((int) size));
        } else {
          in.skipNBytes(size);
        }
        in.skipNBytes((512 - size % 512) % 512);
      }
      if (!Files.isRegularFile(tmp.resolve("test_batch.bin"))) {
        throw new IOException(
            archive + " holds no test_batch.bin: not the CIFAR-10 binary archive");
      }
      Files.move(tmp, batches, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.isDirectory(tmp)) {
        try (var files = Files.list(tmp)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.US_ASCII);
  }
}
