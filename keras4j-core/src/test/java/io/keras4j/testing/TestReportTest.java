package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/TestReport.java, which bin/test runs after Maven, on surefire reports written as surefire
 * writes them: a line per skipped test with its reason, one line for the many skipped cases of a
 * test factory, a line repeated by a second run printed once, reports older than the run left out,
 * and the totals of each run.
 */
class TestReportTest {

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"%s\" time=\"0.1\" tests=\"%d\""
          + " errors=\"0\" skipped=\"%d\" failures=\"%d\">\n";

  private static String aborted(String cls, String name, String message) {
    return "  <testcase name=\""
        + name
        + "\" classname=\""
        + cls
        + "\" time=\"0.0\">\n    <skipped type=\"org.opentest4j.TestAbortedException\">"
        + "<![CDATA[org.opentest4j.TestAbortedException: "
        + message
        + "\n\tat "
        + cls
        + ".x(X.java:1)\n]]></skipped>\n  </testcase>\n";
  }

  private static String passed(String cls, String name) {
    return "  <testcase name=\"" + name + "\" classname=\"" + cls + "\" time=\"0.0\"/>\n";
  }

  private static void write(Path dir, String cls, int tests, int skipped, int failed, String body)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("TEST-" + cls + ".xml"),
        String.format(HEAD, cls, tests, skipped, failed) + body + "</testsuite>\n");
  }

  private static Path script() {
    for (Path p : List.of(Path.of("../bin/TestReport.java"), Path.of("bin/TestReport.java"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "bin/TestReport.java not found from " + Path.of("").toAbsolutePath());
    return null;
  }

  @Test
  void printsWhyEachTestWasSkippedAndTheTotals(@TempDir Path tmp) throws Exception {
    Path core = tmp.resolve("keras4j-core/target/surefire-reports");
    Path scalar = tmp.resolve("keras4j-core/target/surefire-reports-scalar");
    Path examples = tmp.resolve("keras4j-examples/target/surefire-reports");
    String golden = "io.keras4j.GoldenCasesTest";
    StringBuilder cases = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      String name = "goldenCases()[" + i + "]";
      cases.append(
          switch (i) {
            case 1, 2 -> aborted(golden, name, "layer LSTM");
            case 3 -> aborted(golden, name, "layer Conv2D; layer LSTM");
            case 4 -> aborted(golden, name, "layer Conv2D");
            default -> passed(golden, name);
          });
    }
    write(core, golden, 6, 4, 0, cases.toString());
    String files = "io.keras4j.saving.RealKerasFilesTest";
    write(
        core,
        files,
        3,
        2,
        0,
        aborted(files, "load(String)[1]", "Assumption failed: a.json needs [layer Merge]")
            + "  <testcase name=\"disabled\" classname=\""
            + files
            + "\" time=\"0.0\">\n    <skipped message=\"waits for Conv2D\"/>\n  </testcase>\n"
            + passed(files, "load(String)[2]"));
    write(scalar, golden, 6, 4, 0, cases.toString()); // the same skips again: printed once
    write(examples, "io.keras4j.examples.ExamplesTest", 9, 0, 1, passed("E", "seedMlp"));
    Path marker = tmp.resolve("marker");
    Files.writeString(marker, "");
    // A report from an earlier run (older than the marker) is left out.
    Path old = tmp.resolve("keras4j-core/target/surefire-reports/TEST-Old.xml");
    Files.writeString(old, String.format(HEAD, "Old", 1, 1, 0) + "</testsuite>\n");
    Files.setLastModifiedTime(old, FileTime.fromMillis(0));
    Files.setLastModifiedTime(marker, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                script().toString(),
                marker.toString(),
                core.toString(),
                scalar.toString(),
                examples.toString(),
                tmp.resolve("benchmarks/target/surefire-reports").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    assertEquals(
        List.of(
            "SKIPPED io.keras4j.GoldenCasesTest#goldenCases: 4 of 6 cases -- layer LSTM 3,"
                + " layer Conv2D 2",
            "SKIPPED io.keras4j.saving.RealKerasFilesTest#disabled: waits for Conv2D",
            "SKIPPED io.keras4j.saving.RealKerasFilesTest#load[1]: a.json needs [layer Merge]",
            "Tests of this run:",
            "  keras4j-core: 9 tests, 0 failed, 0 errors, 6 skipped",
            "  keras4j-core (scalar run): 6 tests, 0 failed, 0 errors, 4 skipped",
            "  keras4j-examples: 9 tests, 1 failed, 0 errors, 0 skipped"),
        out.lines().toList());
  }
}
