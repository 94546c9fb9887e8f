package io.keras4j.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A second JVM for the tests that kill a process mid-work: it runs a single-file Java program on
 * the test's own module path or class path (keras4j and its dependencies), its standard error
 * dropped, its standard output followed line by line.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The test's own module path or class path, as options of {@code java} and {@code javac}. */
  public static List<String> classPathOptions() {
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isBlank()) {
      return List.of("-p", modulePath, "--add-modules", "io.keras4j");
    }
    return List.of("-cp", System.getProperty("java.class.path"));
  }

  /** Starts {@code java -Xmx1g <class path> program args...} (a source-file program). */
  public static Process startProgram(Path program, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
    cmd.addAll(classPathOptions());
    cmd.add("-Dslf4j.provider=org.slf4j.helpers.NOP_SLF4JServiceProvider");
    cmd.add(program.toString());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Gives each line the process prints to {@code onLine}, on a daemon thread, until it ends. */
  public static Thread follow(Process p, Consumer<String> onLine) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  onLine.accept(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
