package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download cache: a file is fetched once (over a loopback HTTP server here, no network),
 * checked before it is renamed into place, a damaged download is deleted and reported, a damaged
 * cached file is reported with both hashes, offline the error names the file and where to put it.
 */
class DatasetCacheTest {
  @TempDir Path tmp;

  @Test
  void downloadsOverHttpOnceThenReadsTheCache() throws Exception {
    Path src = Fixtures.copy("boston_housing.npz", tmp.resolve("src"));
    try (LoopbackServer server = new LoopbackServer(src.getParent())) {
      DatasetCache.Fetcher overLoopback =
          (url, file) -> Downloads.fetch(server.url(url.substring(url.lastIndexOf('/') + 1)), file);
      var cache =
          new DatasetCache(
              tmp.resolve("cache"),
              overLoopback,
              Map.of("boston_housing.npz", Fixtures.sha256(src)));
      TrainTestData a = BostonHousing.loadData(cache, 0.2, 113);
      TrainTestData b = BostonHousing.loadData(cache, 0.2, 113);
      assertEquals(List.of("/boston_housing.npz"), server.requests);
      assertArrayEquals(
          Files.readAllBytes(src), Files.readAllBytes(cache.root().resolve(src.getFileName())));
      assertFalse(Files.exists(tmp.resolve("cache/boston_housing.npz.part")));
      assertArrayEquals(a.train().y().toFloatArray(), b.train().y().toFloatArray());
      assertEquals(18, a.train().size()); // int(23 * 0.8)
    }
  }

  @Test
  void httpErrorLeavesNothing() throws Exception {
    try (LoopbackServer server = new LoopbackServer(tmp)) {
      Path target = tmp.resolve("out/missing.npz");
      Files.createDirectories(target.getParent());
      var e =
          assertThrows(IOException.class, () -> Downloads.fetch(server.url("missing.npz"), target));
      assertTrue(e.getMessage().contains("404"), e.getMessage());
      try (var files = Files.list(target.getParent())) {
        assertEquals(0, files.count(), "no file and no .part left");
      }
    }
  }

  @Test
  void aTruncatedDownloadIsRejectedByItsChecksumAndNotKept() throws IOException {
    Path src = Fixtures.copy("mnist.npz", tmp.resolve("src"));
    byte[] whole = Files.readAllBytes(src);
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.write(cut.resolve("mnist.npz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    String sha = Fixtures.sha256(src);
    var truncated =
        new DatasetCache(
            tmp.resolve("cache"), new Fixtures.LocalFetcher(cut), Map.of("mnist.npz", sha));
    var e = assertThrows(IllegalStateException.class, () -> Mnist.loadData(truncated));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Mnist: the download of https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz is damaged or truncated"),
        e.getMessage());
    assertTrue(e.getMessage().contains("expected SHA-256 " + sha), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("cache/mnist.npz")), "the damaged file is not kept");
    assertFalse(Files.exists(tmp.resolve("cache/mnist.npz.part")));
    // the real file then downloads and loads
    var good =
        new DatasetCache(
            tmp.resolve("cache"),
            new Fixtures.LocalFetcher(src.getParent()),
            Map.of("mnist.npz", sha));
    assertEquals(7, Mnist.loadData(good).train().size());
  }

  @Test
  void aDamagedCachedFileIsReportedWithBothHashesAndKept() throws IOException {
    Path cached = Fixtures.copy("mnist.npz", tmp.resolve("cache"));
    var fetcher = new Fixtures.LocalFetcher(tmp.resolve("nowhere"));
    var cache = new DatasetCache(tmp.resolve("cache"), fetcher); // Keras's real SHA-256
    var e = assertThrows(IllegalStateException.class, () -> Mnist.loadData(cache));
    assertEquals(
        "Mnist: "
            + cached
            + " is damaged or not Keras's mnist.npz: expected SHA-256 "
            + Mnist.NPZ.hash()
            + ". Received: "
            + Fixtures.sha256(cached)
            + " (delete it and load again, or place the right file there)",
        e.getMessage());
    assertTrue(Files.exists(cached));
    assertEquals(0, fetcher.downloads.get());
  }

  @Test
  void offlineTheErrorNamesTheFileAndTheExactPath() {
    var cache =
        new DatasetCache(tmp.resolve("cache"), new Fixtures.LocalFetcher(tmp.resolve("nowhere")));
    var e =
        assertThrows(
            UncheckedIOException.class, () -> CaliforniaHousing.loadData(cache, "large", 0.2, 113));
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "CaliforniaHousing: cannot download https://storage.googleapis.com/tensorflow/tf-keras-datasets/california_housing.npz ("),
        m);
    assertTrue(
        m.contains(
            "Offline, place california_housing.npz (SHA-256 "
                + CaliforniaHousing.NPZ.hash()
                + ") at "
                + tmp.resolve("cache").resolve("california_housing.npz")
                + " by hand, or call CaliforniaHousing.loadData(Path, version, testSplit, seed)"),
        m);
    assertFalse(Files.exists(tmp.resolve("cache/california_housing.npz.part")));
    // a sub-directory is part of the path named
    var f = assertThrows(UncheckedIOException.class, () -> FashionMnist.loadData(cache));
    assertTrue(
        f.getMessage()
            .contains(
                tmp.resolve("cache").resolve("fashion-mnist").resolve("train-labels-idx1-ubyte.gz")
                    + " by hand"),
        f.getMessage());
  }

  @Test
  void theDirectoryComesFromTheMethodThenThePropertyThenHome() {
    String before = System.getProperty("keras4j.datasets");
    try {
      DatasetCache.setDirectory(tmp.resolve("a"));
      System.setProperty("keras4j.datasets", tmp.resolve("b").toString());
      assertEquals(tmp.resolve("a"), DatasetCache.directory());
      assertEquals(tmp.resolve("a"), Cifar10Download.cacheDirectory());
      DatasetCache.setDirectory(null);
      assertEquals(tmp.resolve("b"), DatasetCache.directory());
      System.clearProperty("keras4j.datasets");
      String env = System.getenv("KERAS4J_DATASETS");
      Path expected =
          env != null && !env.isBlank()
              ? Path.of(env)
              : Path.of(System.getProperty("user.home"), ".keras4j", "datasets");
      assertEquals(expected, DatasetCache.directory());
    } finally {
      DatasetCache.setDirectory(null);
      if (before == null) {
        System.clearProperty("keras4j.datasets");
      } else {
        System.setProperty("keras4j.datasets", before);
      }
    }
  }

  /** A minimal HTTP/1.1 server on 127.0.0.1 serving the files of a directory (404 otherwise). */
  static final class LoopbackServer implements AutoCloseable {
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket socket;
    private final Thread thread;
    private final AtomicInteger served = new AtomicInteger();

    LoopbackServer(Path dir) throws IOException {
      socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!socket.isClosed()) {
                      try (Socket s = socket.accept()) {
                        serve(s, dir);
                      } catch (IOException e) {
                        // closed, or the client went away
                      }
                    }
                  });
    }

    String url(String name) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/" + name;
    }

    private void serve(Socket s, Path dir) throws IOException {
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          return;
        }
        head.append((char) c);
      }
      String path = head.toString().split(" ")[1];
      requests.add(path);
      Path f = dir.resolve(path.substring(1));
      OutputStream out = s.getOutputStream();
      byte[] body =
          Files.isRegularFile(f)
              ? Files.readAllBytes(f)
              : "not found".getBytes(StandardCharsets.US_ASCII);
      String status = Files.isRegularFile(f) ? "200 OK" : "404 Not Found";
      out.write(
          ("HTTP/1.1 "
                  + status
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      served.incrementAndGet();
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5000);
    }
  }
}
