package io.keras4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fetches IMDB's files once, as Keras's {@code get_file} does, from Keras's dataset bucket into the
 * cache directory (see {@link Cifar10Download#cacheDirectory()}), checked against the hashes Keras
 * gives (SHA-256 for {@code imdb.npz}, MD5 for the word index), written under a temporary name and
 * renamed when complete. Offline, the error names the file to place in the cache directory.
 */
final class ImdbDownload {
  static final String ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/";

  /** A file Keras downloads: its name and expected hash (MD5 or SHA-256, by length). */
  record Remote(String name, String hash) {}

  static final Remote NPZ =
      new Remote("imdb.npz", "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f");
  static final Remote WORD_INDEX =
      new Remote("imdb_word_index.json", "bfafd718b763782e994055a2d397834f");

  private ImdbDownload() {}

  static Path file(Remote remote) {
    return file(Cifar10Download.cacheDirectory(), remote, ORIGIN);
  }

  static Path file(Path cache, Remote remote, String origin) {
    Path target = cache.resolve(remote.name());
    try {
      if (!Files.isRegularFile(target)) {
        Files.createDirectories(cache);
        download(origin + remote.name(), target, remote);
      }
      String got = hash(target, remote.hash().length() == 32 ? "MD5" : "SHA-256");
      if (!got.equalsIgnoreCase(remote.hash())) {
        throw new IllegalStateException(
            "Imdb: "
                + target
                + " is damaged or not Keras's "
                + remote.name()
                + ": expected hash "
                + remote.hash()
                + ". Received: "
                + got
                + " (delete it and load again)");
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Imdb: cannot prepare " + target + ": " + e, e);
    }
  }

  private static void download(String url, Path target, Remote remote) throws IOException {
    try {
      Downloads.fetch(url, target);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Imdb: cannot download "
              + url
              + " ("
              + e
              + "). Offline, place "
              + remote.name()
              + " (hash "
              + remote.hash()
              + ") in "
              + target.getParent()
              + " by hand, or call Imdb.loadData(Path, ImdbOptions) on an imdb.npz",
          e);
    }
  }

  static String hash(Path file, String algorithm) throws IOException {
    return Downloads.hash(file, algorithm);
  }
}
