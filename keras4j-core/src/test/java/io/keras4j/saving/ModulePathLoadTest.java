package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application on the module path that resolves only {@code io.keras4j} (not every module on the
 * path, as the test runner does) loads a Keras file: jhdf is an automatic module, so the modules it
 * needs at run time (slf4j, commons-lang3) must be resolved through io.keras4j's requires. Run in a
 * fresh JVM, as a source-file program, without an SLF4J provider: nothing about logging is printed.
 */
class ModulePathLoadTest {
  @TempDir Path tmp;

  @Test
  void aModularApplicationLoadsAKerasFile() throws IOException, InterruptedException {
    String modulePath = System.getProperty("jdk.module.path");
    assumeTrue(
        modulePath != null && !modulePath.isBlank(), "tests do not run on the module path here");
    Path keras = KerasArchiveTest.file("keras_models/keras3/gru_forecast_keras3.15.keras");
    Path program = tmp.resolve("LoadOnModulePath.java");
    Files.writeString(
        program,
        """
        public class LoadOnModulePath {
          public static void main(String[] args) {
            var model = io.keras4j.models.Model.load(java.nio.file.Path.of(args[0]));
            System.out.println("params=" + model.countParams());
          }
        }
        """);
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-p",
                    modulePath,
                    "--add-modules",
                    "io.keras4j",
                    program.toString(),
                    keras.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    assertEquals(
        List.of("params=22689"), out.lines().filter(l -> l.startsWith("params=")).toList(), out);
    // No SLF4J provider on this module path: loading prints nothing about logging.
    assertEquals(List.of(), out.lines().filter(l -> l.contains("SLF4J")).toList(), out);
  }
}
