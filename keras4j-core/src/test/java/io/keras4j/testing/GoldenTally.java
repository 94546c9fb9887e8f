package io.keras4j.testing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Counts a golden suite's outcomes for its one-line summary: passed, failed, and skipped cases
 * grouped by reason (e.g. {@code layer Conv2D: 20}); a case skipped for two reasons counts under
 * both.
 */
public final class GoldenTally {
  /** Reasons of the form "<kind> <name>" that the summary lists together per kind. */
  private static final Set<String> GROUPED = Set.of("layer", "activation", "initializer");

  private final String suite;
  private int passed;
  private int failed;
  private int skipped;
  private final Map<String, Integer> reasons = new TreeMap<>();
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

  public synchronized void skipped(Collection<String> why) {
    skipped++;
    for (String r : why) {
      reasons.merge(r, 1, Integer::sum);
    }
  }

  /** A remark on a case that ran (e.g. entries of it that could not be checked yet). */
  public synchronized void note(String note) {
    notes.add(note);
  }

  /**
   * Marks the running case as skipped for these reasons: counts it and aborts the test (JUnit
   * reports it as skipped with a message naming the case and the reasons). Use as {@code throw
   * tally.skip(...)}.
   */
  public TestAbortedException skip(String caseName, Collection<String> why) {
    skipped(why);
    String message = caseName + " skipped: " + String.join("; ", why);
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

  /** The one-line summary. */
  public synchronized String line() {
    StringBuilder sb = new StringBuilder(suite).append(": ");
    sb.append(passed).append(" passed, ").append(failed).append(" failed, ");
    sb.append(skipped).append(" skipped");
    // "layer Conv2D", "layer Dense" -> "missing layer: Conv2D 12, Dense 1"; others as they are.
    Map<String, StringBuilder> groups = new TreeMap<>();
    for (Map.Entry<String, Integer> e : reasons.entrySet()) {
      String r = e.getKey();
      int space = r.indexOf(' ');
      String kind = space > 0 ? r.substring(0, space) : "";
      boolean grouped = GROUPED.contains(kind) && r.indexOf(' ', space + 1) < 0;
      String group = grouped ? "missing " + kind : r;
      StringBuilder g = groups.computeIfAbsent(group, k -> new StringBuilder());
      if (grouped) {
        g.append(g.isEmpty() ? "" : ", ").append(r.substring(space + 1)).append(' ');
      }
      g.append(e.getValue());
    }
    if (!groups.isEmpty()) {
      sb.append(" -- ");
      boolean firstGroup = true;
      for (Map.Entry<String, StringBuilder> g : groups.entrySet()) {
        sb.append(firstGroup ? "" : "; ").append(g.getKey()).append(": ").append(g.getValue());
        firstGroup = false;
      }
    }
    if (!notes.isEmpty()) {
      sb.append(" | notes: ").append(String.join("; ", notes));
    }
    return sb.toString();
  }
}
