package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Every skipped test prints why; a factory's skipped dynamic tests print one line together. */
class SkipReporterTest {

  /** Run only through the launcher below (a static nested class is not discovered on its own). */
  static class Sample {
    @Test
    @Disabled("waits for Conv2D")
    void disabled() {}

    @Test
    void aborted() {
      Assumptions.assumeTrue(false, "no data here");
    }

    @Test
    void runs() {}

    @TestFactory
    Stream<DynamicTest> cases() {
      return Stream.of(
          DynamicTest.dynamicTest("a", () -> Assumptions.abort("layer A")),
          DynamicTest.dynamicTest("b", () -> Assumptions.abort("layer A; layer B")),
          DynamicTest.dynamicTest("c", () -> {}));
    }
  }

  @Test
  void printsOneLinePerSkipAndOnePerFactory() {
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new SkipReporter())
                .build());
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class)).build());
    } finally {
      System.setOut(console);
    }
    String at = "SKIPPED " + Sample.class.getName() + "#";
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    assertEquals(
        List.of(
            at + "aborted: no data here",
            at + "cases: 2 of 3 dynamic tests -- layer A 2, layer B 1",
            at + "disabled: waits for Conv2D"),
        lines);
  }
}
