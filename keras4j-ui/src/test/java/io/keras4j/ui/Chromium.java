package io.keras4j.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless chromium for the browser test: found through -Dkeras4j.chromium or on the PATH (Debian's
 * package installs /usr/bin/chromium); each look is a fresh process with its own profile directory.
 */
final class Chromium {
  private static final String[] NAMES = {"chromium", "chromium-browser", "google-chrome"};

  private final Path executable;
  private final Path work;

  private Chromium(Path executable, Path work) {
    this.executable = executable;
    this.work = work;
  }

  /** The browser, or null when there is none. */
  static Chromium find(Path work) {
    String given = System.getProperty("keras4j.chromium");
    if (given != null && !given.isBlank()) {
      return Files.isExecutable(Path.of(given)) ? new Chromium(Path.of(given), work) : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : NAMES) {
        Path p = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return new Chromium(p, work);
        }
      }
    }
    return null;
  }

  Path executable() {
    return executable;
  }

  /** The page's DOM after {@code budgetMillis} of virtual time (its timers and fetches run). */
  String dumpDom(String url, int budgetMillis) throws IOException, InterruptedException {
    return run(url, budgetMillis, List.of("--dump-dom"));
  }

  /** A PNG of the page after {@code budgetMillis} of virtual time. */
  void screenshot(String url, int budgetMillis, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run(
        url,
        budgetMillis,
        List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height));
    if (!Files.exists(png)) {
      throw new IOException("chromium wrote no screenshot at " + png);
    }
  }

  private String run(String url, int budgetMillis, List<String> extra)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    Path out = work.resolve("chromium-stdout.txt");
    Path err = work.resolve("chromium-stderr.txt");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.add("--headless=new");
    command.add("--no-sandbox"); // CI runs as root
    command.add("--disable-gpu");
    command.add("--disable-dev-shm-usage");
    command.add("--no-first-run");
    command.add("--user-data-dir=" + profile.toAbsolutePath());
    command.add("--virtual-time-budget=" + budgetMillis);
    command.addAll(extra);
    command.add(url);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "chromium exited with "
              + p.exitValue()
              + ": "
              + Files.readString(err, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
