package io.keras4j.testing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Counts a golden suite's outcomes for its one-line summary (passed, failed, skipped, and notes on
 * cases that ran); the skipped cases abort with their reasons, which bin/TestReport.java counts.
 */
public final class GoldenTally {
  private final String suite;
  private int passed;
  private int failed;
  private int skipped;
  private final Set<String> notes = new LinkedHashSet<>();

  public GoldenTally(String suite) {
    this.suite = suite;
  }

  public synchronized void passed() {
    passed++;
  }

  public synchronized void failed() {
    failed++;
  }

  public synchronized void skipped() {
    skipped++;
  }

  /** A remark on a case that ran (e.g. entries of it that could not be checked yet). */
  public synchronized void note(String note) {
    notes.add(note);
  }

  /**
   * Marks the running case as skipped for these reasons: counts it and aborts the test, with the
   * reasons as the message (the test's display name names the case; bin/TestReport.java counts the
   * reasons of all the cases on one line, splitting messages at {@code "; "}). Use as {@code throw
   * tally.skip(...)}.
   */
  public TestAbortedException skip(Collection<String> why) {
    skipped();
    String message = String.join("; ", why);
    Assumptions.abort(message);
    return new TestAbortedException(message); // not reached: abort throws
  }

  /**
   * The body, counted as passed when it returns and failed when it throws (skips aside). Errors
   * other than assertion failures are wrapped in one that names the case, since reports show
   * dynamic tests by index.
   */
  public Executable counted(String caseName, Executable body) {
    return () -> {
      try {
        body.execute();
      } catch (TestAbortedException e) {
        throw e;
      } catch (AssertionError e) {
        failed();
        throw e;
      } catch (Throwable t) {
        failed();
        throw new AssertionError(caseName + ": " + t, t);
      }
      passed();
    };
  }

  /**
   * The one-line summary: the counts and the notes. The reasons of the skipped cases are on the
   * {@code SKIPPED} line bin/TestReport.java prints for the suite's factory.
   */
  public synchronized String line() {
    StringBuilder sb = new StringBuilder(suite).append(": ");
    sb.append(passed).append(" passed, ").append(failed).append(" failed, ");
    sb.append(skipped).append(" skipped");
    if (!notes.isEmpty()) {
      sb.append(" | notes: ").append(String.join("; ", notes));
    }
    return sb.toString();
  }
}
