package io.keras4j.datasets;

import io.keras4j.testing.GoldenData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loaders' test fixtures: the small files in Keras's formats under the test resources {@code
 * generated/datasets/} (written, with the values Keras's {@code load_data} gives on them, by {@code
 * generated/datasets_fixtures.py}), and a fetcher that serves files from a local directory in place
 * of the network, counting its downloads.
 */
final class Fixtures {
  private Fixtures() {}

  /** A fixture copied to {@code dir}. */
  static Path copy(String name, Path dir) {
    Path p = dir.resolve(name);
    try (InputStream in =
        Fixtures.class.getClassLoader().getResourceAsStream("generated/datasets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource generated/datasets/" + name);
      }
      Files.createDirectories(dir);
      Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values Keras's loaders give on the fixtures, by case. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> expected(String key, Path tmp) {
    return (Map<String, Object>) GoldenData.readJson(copy("expected.json", tmp)).get(key);
  }

  static String sha256(Path p) {
    try {
      return Downloads.hash(p, "SHA-256");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String md5(Path p) {
    try {
      return Downloads.hash(p, "MD5");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  static List<int[]> intLists(Object list) {
    List<int[]> out = new ArrayList<>();
    for (Object o : (List<?>) list) {
      out.add(ints(o));
    }
    return out;
  }

  /** Serves the file named as the URL's last segment from {@code source}, counting downloads. */
  static final class LocalFetcher implements DatasetCache.Fetcher {
    final Path source;
    final AtomicInteger downloads = new AtomicInteger();
    final List<String> urls = new ArrayList<>();

    LocalFetcher(Path source) {
      this.source = source;
    }

    @Override
    public void fetch(String url, Path file) throws IOException {
      downloads.incrementAndGet();
      urls.add(url);
      Path from = source.resolve(url.substring(url.lastIndexOf('/') + 1));
      if (!Files.isRegularFile(from)) {
        throw new java.net.ConnectException("no route to host (test: " + from + " is absent)");
      }
      Files.copy(from, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
