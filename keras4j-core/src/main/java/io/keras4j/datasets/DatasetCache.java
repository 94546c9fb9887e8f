package io.keras4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Where the dataset loaders keep the files they download, as Keras's {@code get_file} keeps them in
 * {@code ~/.keras/datasets}: a file is fetched once, checked against the hash Keras publishes for
 * it, and read from the cache afterwards.
 *
 * <p>The directory is, first found: the one given to {@link #setDirectory(Path)}; the system
 * property {@code keras4j.datasets}; the environment variable {@code KERAS4J_DATASETS}; else {@code
 * ~/.keras4j/datasets}.
 *
 * <p>A download goes to {@code NAME.part} next to its place, is checked there (SHA-256, or MD5 for
 * the few files Keras gives only an MD5 for) and renamed into place only when its hash matches: a
 * truncated or damaged download is deleted and reported, never kept. A file already in the cache is
 * checked on every load; one that does not match is reported with both hashes (it is not deleted:
 * it may have been placed by hand). Offline, the error names the file and the exact path where to
 * place it by hand.
 */
public final class DatasetCache {
  private static volatile Path directory;

  /** Writes the resource at {@code url} to {@code file} (the loaders' download, or a test's). */
  @FunctionalInterface
  interface Fetcher {
    void fetch(String url, Path file) throws IOException;
  }

  /**
   * A file Keras downloads: its name in the cache, the sub-directory it goes to ("" for the cache
   * itself), where it comes from and its published hash (64 hex digits SHA-256, 32 MD5).
   */
  record Remote(String name, String subdir, String url, String hash) {
    Remote {
      if (hash.length() != 64 && hash.length() != 32) {
        throw new IllegalArgumentException("a SHA-256 or MD5 hex digest. Received: " + hash);
      }
    }

    String algorithm() {
      return hash.length() == 32 ? "MD5" : "SHA-256";
    }
  }

  private final Path root;
  private final Fetcher fetcher;
  private final Map<String, String> hashes;

  DatasetCache(Path root, Fetcher fetcher) {
    this(root, fetcher, Map.of());
  }

  /**
   * A cache whose files of the given names are checked against other hashes than Keras's: for tests
   * that serve small files in Keras's formats in place of the real ones.
   */
  DatasetCache(Path root, Fetcher fetcher, Map<String, String> hashes) {
    this.root = root;
    this.fetcher = fetcher;
    this.hashes = Map.copyOf(hashes);
  }

  /** The cache at {@link #directory()}, downloading over HTTPS. */
  static DatasetCache standard() {
    return new DatasetCache(directory(), Downloads::fetch);
  }

  /** The cache directory in use (see the class comment for the order of the settings). */
  public static Path directory() {
    Path set = directory;
    if (set != null) {
      return set;
    }
    String prop = System.getProperty("keras4j.datasets");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("KERAS4J_DATASETS");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".keras4j", "datasets");
  }

  /**
   * Sets the cache directory for this JVM, before the property and the environment variable; null
   * goes back to them.
   */
  public static void setDirectory(Path dir) {
    directory = dir;
  }

  Path root() {
    return root;
  }

  /** Where {@code remote} lives in this cache. */
  Path path(Remote remote) {
    return remote.subdir().isEmpty()
        ? root.resolve(remote.name())
        : root.resolve(remote.subdir()).resolve(remote.name());
  }

  /**
   * The checked file of {@code remote}, downloaded first when it is not here. {@code who} names the
   * loader in errors, {@code byHand} says what else the user can call with local files.
   */
  Path file(String who, Remote published, String byHand) {
    String hash = hashes.get(published.name());
    Remote remote =
        hash == null
            ? published
            : new Remote(published.name(), published.subdir(), published.url(), hash);
    Path target = path(remote);
    try {
      if (Files.isRegularFile(target)) {
        String got = Downloads.hash(target, remote.algorithm());
        if (!got.equalsIgnoreCase(remote.hash())) {
          throw new IllegalStateException(
              who
                  + ": "
                  + target
                  + " is damaged or not Keras's "
                  + remote.name()
                  + ": expected "
                  + remote.algorithm()
                  + " "
                  + remote.hash()
                  + ". Received: "
                  + got
                  + " (delete it and load again, or place the right file there)");
        }
        return target;
      }
      Files.createDirectories(target.getParent());
      Path part = target.resolveSibling(target.getFileName() + ".part");
      try {
        fetcher.fetch(remote.url(), part);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(part);
        throw new UncheckedIOException(
            who
                + ": cannot download "
                + remote.url()
                + " ("
                + e
                + "). Offline, place "
                + remote.name()
                + " ("
                + remote.algorithm()
                + " "
                + remote.hash()
                + ") at "
                + target
                + " by hand"
                + (byHand.isEmpty() ? "" : ", or " + byHand),
            e instanceof IOException io ? io : new IOException(e));
      }
      String got = Downloads.hash(part, remote.algorithm());
      if (!got.equalsIgnoreCase(remote.hash())) {
        long size = Files.size(part);
        Files.deleteIfExists(part);
        throw new IllegalStateException(
            who
                + ": the download of "
                + remote.url()
                + " is damaged or truncated ("
                + size
                + " bytes) and was deleted: expected "
                + remote.algorithm()
                + " "
                + remote.hash()
                + ". Received: "
                + got);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot prepare " + target + ": " + e, e);
    }
  }
}
