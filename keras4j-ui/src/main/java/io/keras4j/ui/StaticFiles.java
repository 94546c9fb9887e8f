package io.keras4j.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files: its own HTML, JavaScript and CSS (resources of this module, next to this class)
 * and uPlot's script and style sheet from the uPlot webjar on the class path (its version read from
 * the webjar's pom.properties). Each file is read once, when first asked for.
 */
final class StaticFiles {
  /** A file's bytes and its Content-Type. */
  record File(byte[] bytes, String contentType) {}

  private static final String UPLOT_PROPERTIES =
      "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  // Keyed by the request path without its leading slash ("" is the page itself).
  private static final Map<String, String> OWN =
      Map.of(
          "", "index.html",
          "index.html", "index.html",
          "training.js", "training.js",
          "training.css", "training.css");

  private static final Map<String, String> UPLOT =
      Map.of(
          "uplot/uPlot.iife.min.js", "dist/uPlot.iife.min.js",
          "uplot/uPlot.min.css", "dist/uPlot.min.css",
          "uplot/LICENSE", "LICENSE");

  private final Map<String, File> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /** The file served at {@code path}, or null when there is none. */
  File get(String path) {
    String key = path.startsWith("/") ? path.substring(1) : path;
    if (!OWN.containsKey(key) && !UPLOT.containsKey(key)) {
      return null;
    }
    return cache.computeIfAbsent(key, StaticFiles::load);
  }

  private static File load(String path) {
    String own = OWN.get(path);
    if (own != null) {
      return new File(read(TrainingServer.class.getResourceAsStream(own), own), typeOf(own));
    }
    String name = UPLOT.get(path);
    String resource = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/" + name;
    return new File(read(loader().getResourceAsStream(resource), resource), typeOf(name));
  }

  static String typeOf(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    } else if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }

  private static String uplotVersion() {
    try (InputStream in = loader().getResourceAsStream(UPLOT_PROPERTIES)) {
      if (in == null) {
        throw missingUplot(UPLOT_PROPERTIES);
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader l = TrainingServer.class.getClassLoader();
    return l != null ? l : ClassLoader.getSystemClassLoader();
  }

  private static byte[] read(InputStream in, String resource) {
    if (in == null) {
      throw missingUplot(resource);
    }
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException missingUplot(String resource) {
    return new IllegalStateException(
        "TrainingServer: the resource "
            + resource
            + " is not on the class path; the training page needs the uPlot webjar"
            + " (org.webjars.npm:uplot, a dependency of io.keras4j:keras4j-ui); on the module"
            + " path, where it is the automatic module uplot, add --add-modules uplot.");
  }
}
