import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What bin/test prints after Maven: why each test that did not run was skipped, and the totals of
 * each test run, read from the surefire reports written during this run. A skipped test gives
 * {@code SKIPPED <class>#<method>: <reason>}; the skipped cases of one test factory or
 * parameterized test (the golden suites' hundreds) give one line, with their reasons counted
 * ({@code 213 of 276 cases -- layer Conv2D 12, ...}; a message holding reasons separated by
 * {@code "; "} counts under each). A line repeated by another run (the scalar-fallback one) is
 * printed once.
 *
 * <p>The reports, not a JUnit listener: tests run on the module path, where a listener in the
 * tests' META-INF/services is not loaded.
 *
 * <p>Usage: {@code java bin/TestReport.java MARKER DIR...}: the reports newer than the file
 * MARKER, in each surefire reports directory DIR (e.g. {@code keras4j-core/target/surefire-reports}).
 */
public final class TestReport {
  private static final Pattern INDEXED = Pattern.compile("^([^(\\[]+)(\\(.*\\))?\\[\\d+\\]$");
  private static final String ASSUMPTION = "Assumption failed: ";

  /** A few skipped cases of one method get a line each; more share one line. */
  private static final int OWN_LINES = 3;

  /** The cases of one test method: how many ran, and the skipped ones with their reasons. */
  private static final class Group {
    int cases;
    final List<String> skippedNames = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
  }

  public static void main(String[] args) throws Exception {
    FileTime since = Files.getLastModifiedTime(Path.of(args[0]));
    Set<String> lines = new LinkedHashSet<>();
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      Path dir = Path.of(args[i]);
      Map<String, Group> groups = new TreeMap<>();
      long[] t = new long[4]; // tests, failures, errors, skipped
      for (Path report : reports(dir, since)) {
        read(report, groups, t);
      }
      if (t[0] > 0) {
        totals.put(label(dir), t);
      }
      groups.forEach((where, g) -> lines.addAll(skipLines(where, g)));
    }
    lines.forEach(System.out::println);
    if (!totals.isEmpty()) {
      System.out.println("Tests of this run:");
      totals.forEach(
          (run, t) ->
              System.out.printf(
                  "  %s: %d tests, %d failed, %d errors, %d skipped%n", run, t[0], t[1], t[2], t[3]));
    }
  }

  private static List<Path> reports(Path dir, FileTime since) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
          .filter(p -> newer(p, since))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean newer(Path p, FileTime since) {
    try {
      return Files.getLastModifiedTime(p).compareTo(since) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code keras4j-core}, or {@code keras4j-core (scalar run)} for surefire-reports-scalar. */
  static String label(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    String module = abs.getParent().getParent().getFileName().toString();
    String suffix = abs.getFileName().toString().replaceFirst("^surefire-reports-?", "");
    return suffix.isEmpty() ? module : module + " (" + suffix + " run)";
  }

  private static void read(Path report, Map<String, Group> groups, long[] t) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setExpandEntityReferences(false);
    Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
    String[] counts = {"tests", "failures", "errors", "skipped"};
    for (int i = 0; i < counts.length; i++) {
      String v = suite.getAttribute(counts[i]);
      t[i] += v.isEmpty() ? 0 : Long.parseLong(v);
    }
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      String name = c.getAttribute("name");
      Matcher m = INDEXED.matcher(name);
      String method = m.matches() ? m.group(1) : name.replaceFirst("\\(.*\\)$", "");
      Group g = groups.computeIfAbsent(c.getAttribute("classname") + "#" + method, k -> new Group());
      g.cases++;
      NodeList skipped = c.getElementsByTagName("skipped");
      if (skipped.getLength() > 0) {
        g.skippedNames.add(m.matches() ? name.substring(name.lastIndexOf('[')) : "");
        g.skipped.add(reason((Element) skipped.item(0)));
      }
    }
  }

  /**
   * The reason of a skip: the message attribute ({@code @Disabled}), else the first line of the
   * exception surefire wrote ({@code org.opentest4j.TestAbortedException: <message>}).
   */
  static String reason(Element skipped) {
    String r = skipped.getAttribute("message");
    if (r.isBlank()) {
      r = skipped.getTextContent().strip().lines().findFirst().orElse("");
      String type = skipped.getAttribute("type");
      if (!type.isEmpty() && r.startsWith(type + ": ")) {
        r = r.substring(type.length() + 2);
      } else if (r.equals(type)) {
        r = "";
      }
    }
    if (r.startsWith(ASSUMPTION)) {
      r = r.substring(ASSUMPTION.length());
    }
    return r.isBlank() ? "(no reason given)" : r.strip();
  }

  private static List<String> skipLines(String where, Group g) {
    if (g.skipped.isEmpty()) {
      return List.of();
    }
    if (g.skipped.size() <= OWN_LINES) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < g.skipped.size(); i++) {
        out.add("SKIPPED " + where + g.skippedNames.get(i) + ": " + g.skipped.get(i));
      }
      return out;
    }
    Map<String, Integer> byReason = new TreeMap<>();
    for (String r : g.skipped) {
      for (String part : r.split("; ")) {
        byReason.merge(part, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(byReason.entrySet());
    entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    StringBuilder sb = new StringBuilder("SKIPPED ").append(where).append(": ");
    sb.append(g.skipped.size()).append(" of ").append(g.cases).append(" cases -- ");
    for (int i = 0; i < entries.size(); i++) {
      Map.Entry<String, Integer> e = entries.get(i);
      sb.append(i == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    return List.of(sb.toString());
  }
}
