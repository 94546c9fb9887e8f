package io.keras4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test did not run, one line each: {@code SKIPPED <class>#<method>: <reason>} for a
 * disabled test and for one aborted by an assumption. The dynamic tests of one factory (the golden
 * suites' hundreds of cases) make one line together, with their reasons counted: {@code SKIPPED
 * <class>#<factory>: 213 of 276 dynamic tests -- layer Conv2D 12, ...} (a message holding several
 * reasons separated by {@code "; "} counts under each). Registered through {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so surefire and IDEs load
 * it.
 */
public final class SkipReporter implements TestExecutionListener {
  /** The prefix of assumeTrue's messages, left out. */
  private static final String ASSUMPTION = "Assumption failed: ";

  /** The factories with dynamic tests, by unique id: tests run, and skip reasons counted. */
  private final Map<String, Tally> factories = new ConcurrentHashMap<>();

  private final Map<String, TestIdentifier> known = new ConcurrentHashMap<>();

  private static final class Tally {
    private int run;
    private int skipped;
    private final Map<String, Integer> reasons = new TreeMap<>();

    synchronized void started() {
      run++;
    }

    synchronized void skipped(String message) {
      skipped++;
      for (String r : message.split("; ")) {
        reasons.merge(r, 1, Integer::sum);
      }
    }

    /** {@code 213 of 276 dynamic tests -- layer Conv2D 12, ...}: reasons by count. */
    synchronized String line() {
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(reasons.entrySet());
      entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
      StringBuilder sb = new StringBuilder();
      sb.append(skipped).append(" of ").append(run).append(" dynamic tests -- ");
      for (int i = 0; i < entries.size(); i++) {
        Map.Entry<String, Integer> e = entries.get(i);
        sb.append(i == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      }
      return sb.toString();
    }
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    known.put(id.getUniqueId(), id);
    if (isDynamic(id)) {
      id.getParentId().ifPresent(p -> tally(p).started());
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    print(where(id) + ": " + (reason == null || reason.isBlank() ? "(no reason given)" : reason));
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      String reason =
          result
              .getThrowable()
              .map(Throwable::getMessage)
              .map(m -> m.startsWith(ASSUMPTION) ? m.substring(ASSUMPTION.length()) : m)
              .filter(m -> !m.isBlank())
              .orElse("(no reason given)");
      Optional<String> parent = id.getParentId();
      if (isDynamic(id) && parent.isPresent()) {
        tally(parent.get()).skipped(reason);
      } else {
        print(where(id) + ": " + reason);
      }
    }
    Tally t = factories.remove(id.getUniqueId());
    if (t != null && t.skipped > 0) {
      print(where(id) + ": " + t.line());
    }
    known.remove(id.getUniqueId());
  }

  private Tally tally(String factoryId) {
    return factories.computeIfAbsent(factoryId, k -> new Tally());
  }

  private static boolean isDynamic(TestIdentifier id) {
    return id.isTest() && id.getUniqueIdObject().getLastSegment().getType().startsWith("dynamic");
  }

  /** {@code class#method} from the test's source, or its parent's for a dynamic test. */
  private String where(TestIdentifier id) {
    for (TestIdentifier t = id; t != null; t = t.getParentId().map(known::get).orElse(null)) {
      Optional<TestSource> source = t.getSource();
      if (source.isPresent() && source.get() instanceof MethodSource m) {
        String at = m.getClassName() + "#" + m.getMethodName();
        return t == id ? at : at + " [" + id.getDisplayName() + "]";
      }
      if (source.isPresent() && source.get() instanceof ClassSource c) {
        return c.getClassName() + (t == id ? "" : " [" + id.getDisplayName() + "]");
      }
    }
    return id.getDisplayName();
  }

  private static void print(String line) {
    System.out.println("SKIPPED " + line);
  }
}
