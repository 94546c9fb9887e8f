package io.keras4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * What the dataset loaders share to fetch a file once: an HTTP download written to a {@code .part}
 * file and renamed into place (a file in the cache is always whole), and the hash that checks it.
 */
final class Downloads {
  private Downloads() {}

  /**
   * Downloads {@code url} to {@code target} atomically. On failure nothing is left behind and the
   * cause is rethrown as an IOException (an interrupt keeps the thread's flag).
   */
  static void fetch(String url, Path target) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      HttpResponse<Path> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofFile(part));
      if (r.statusCode() != 200) {
        throw new IOException("HTTP " + r.statusCode());
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | InterruptedException | IllegalArgumentException e) {
      Files.deleteIfExists(part);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** The hex digest of a file with {@code algorithm} ("MD5", "SHA-256"). */
  static String hash(Path file, String algorithm) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
