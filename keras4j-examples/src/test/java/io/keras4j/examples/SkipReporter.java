package io.keras4j.examples;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test did not run, one line each: {@code SKIPPED <class>#<method>: <reason>}, for a
 * disabled test and for one aborted by an assumption. The short form of keras4j-core's {@code
 * io.keras4j.testing.SkipReporter} (this module has no dynamic tests to count together; test
 * classes are not shared between modules). Registered through {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkipReporter implements TestExecutionListener {
  private static final String ASSUMPTION = "Assumption failed: ";

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    print(id, reason);
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      String m = result.getThrowable().map(Throwable::getMessage).orElse(null);
      print(id, m != null && m.startsWith(ASSUMPTION) ? m.substring(ASSUMPTION.length()) : m);
    }
  }

  private static void print(TestIdentifier id, String reason) {
    String where =
        id.getSource()
            .filter(MethodSource.class::isInstance)
            .map(s -> ((MethodSource) s).getClassName() + "#" + ((MethodSource) s).getMethodName())
            .orElse(id.getDisplayName());
    String why = reason == null || reason.isBlank() ? "(no reason given)" : reason;
    System.out.println("SKIPPED " + where + ": " + why);
  }
}
