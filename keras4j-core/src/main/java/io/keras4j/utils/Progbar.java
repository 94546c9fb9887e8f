package io.keras4j.utils;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keras 3's progress bar ({@code keras.utils.Progbar}), written byte for byte as Keras writes it: a
 * bold step count, a 20-character bar of {@code ━} (green done, grey to do), the ETA while running
 * or the elapsed seconds when finished, the time per step and the metric values ({@code %.4f}, or
 * {@code %.4e} when within 1e-3 of zero), e.g. {@code 469/469 ━━━━━━━━━━━━━━━━━━━━ 2s 4ms/step -
 * accuracy: 0.9712 - loss: 0.0931}.
 *
 * <p>On a terminal each update rewrites the line in place ({@code \r}); elsewhere (pipes, log
 * files, CI) each update starts a new line, as Keras's non-dynamic display, and is plain text: no
 * ANSI escape codes (bold, colours), so that a log file reads cleanly. {@link #dynamicDisplay} and
 * {@link #plainText} override the detection (Keras writes the codes everywhere: {@code
 * plainText(false)} gives its bytes exactly). The time per step ({@code 12ms/step}) is the
 * throughput. Updates closer than {@link #interval} seconds apart are not drawn, except the final
 * one. Verbose 2 prints one line when finished, verbose 0 nothing.
 *
 * <p>Metrics are averaged over the steps unless they are stateful; by default all are averaged
 * (Keras's default), {@link #statefulMetrics} or {@link #statelessMetrics} choose otherwise.
 */
public final class Progbar {
  /** The target of a bar whose number of steps is not known (Keras's {@code target=None}). */
  public static final int UNKNOWN = -1;

  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final String GREEN = "\u001b[32m";
  private static final String GREY = "\u001b[37m";

  private final PrintStream out;
  private final LongSupplier nanoTime;
  private int target;
  private int width = 20;
  private int verbose = 1;
  private double interval = 0.05;
  private String unitName = "step";
  private Set<String> statefulMetrics = Set.of(); // null when statelessMetrics is given
  private Set<String> statelessMetrics;
  private boolean statefulGiven;
  private boolean dynamicDisplay;
  private boolean plainText;
  private final char barChar;

  // name -> {sum, count}, in the order the names were first seen
  private final Map<String, double[]> values = new LinkedHashMap<>();
  private int seenSoFar;
  private final long start;
  private long lastUpdate;
  private boolean updatedOnce;
  private long timeAfterFirstStep;
  private boolean firstStepDone;
  private int prevTotalWidth;

  /** A bar of {@code target} steps ({@link #UNKNOWN} if not known) printed to System.out. */
  public Progbar(int target) {
    this(target, System.out);
  }

  /** A bar printed to {@code out}. */
  public Progbar(int target, PrintStream out) {
    this(target, out, System::nanoTime);
  }

  /** A bar printed to {@code out}, reading time (in nanoseconds) from {@code nanoTime}. */
  public Progbar(int target, PrintStream out, LongSupplier nanoTime) {
    checkTarget(target);
    if (out == null || nanoTime == null) {
      throw new IllegalArgumentException(
          "Progbar: out and nanoTime must not be null. Received: out="
              + out
              + ", nanoTime="
              + nanoTime);
    }
    this.target = target;
    this.out = out;
    this.nanoTime = nanoTime;
    this.dynamicDisplay = out == System.out && isTerminal();
    this.plainText = !dynamicDisplay;
    // Keras falls back to '=' when the output encoding cannot write the heavy line.
    this.barChar = out.charset().newEncoder().canEncode('━') ? '━' : '=';
    this.start = nanoTime.getAsLong();
  }

  private static boolean isTerminal() {
    java.io.Console c = System.console();
    return c != null && c.isTerminal();
  }

  private static void checkTarget(int target) {
    if (target < UNKNOWN) {
      throw new IllegalArgumentException(
          "Progbar: target must be >= 0 or Progbar.UNKNOWN. Received: target=" + target);
    }
  }

  /** Width of the bar in characters (default 20). */
  public Progbar width(int width) {
    if (width < 0) {
      throw new IllegalArgumentException("Progbar: width must be >= 0. Received: width=" + width);
    }
    this.width = width;
    return this;
  }

  /** 0 (silent), 1 (the bar) or 2 (one line when finished). */
  public Progbar verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException(
          "Progbar: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  /** Minimum time between two drawn updates, in seconds (default 0.05). */
  public Progbar interval(double interval) {
    if (!(interval >= 0)) {
      throw new IllegalArgumentException(
          "Progbar: interval must be >= 0. Received: interval=" + interval);
    }
    this.interval = interval;
    return this;
  }

  /** The unit shown in the time per unit, e.g. "step" or "sample". */
  public Progbar unitName(String unitName) {
    this.unitName = unitName;
    return this;
  }

  /** Metrics shown as given; all others are averaged. Exclusive with statelessMetrics. */
  public Progbar statefulMetrics(Collection<String> names) {
    if (statelessMetrics != null) {
      throw bothMetricSets();
    }
    statefulMetrics = new HashSet<>(names);
    statefulGiven = true;
    return this;
  }

  /** Metrics averaged over the steps; all others are shown as given. */
  public Progbar statelessMetrics(Collection<String> names) {
    if (statefulGiven) {
      throw bothMetricSets();
    }
    statefulMetrics = null;
    statelessMetrics = new HashSet<>(names);
    return this;
  }

  private static IllegalArgumentException bothMetricSets() {
    return new IllegalArgumentException(
        "Progbar: only one of statefulMetrics or statelessMetrics can be given. Received: both");
  }

  /** Rewrite the line in place (true) or write a new line per update (false). */
  public Progbar dynamicDisplay(boolean dynamic) {
    this.dynamicDisplay = dynamic;
    return this;
  }

  /**
   * Plain text (true: no ANSI escape codes) or Keras's bold and coloured text (false). Defaults to
   * plain text unless the output is System.out on a terminal.
   */
  public Progbar plainText(boolean plain) {
    this.plainText = plain;
    return this;
  }

  public int target() {
    return target;
  }

  /** Sets the target, e.g. once an epoch of unknown length has ended. */
  public void target(int target) {
    checkTarget(target);
    this.target = target;
  }

  /** Updates to step {@code current}, finishing when it reaches the target. */
  public void update(int current) {
    update(current, Map.of());
  }

  /** Updates to step {@code current} with the values of the last step. */
  public void update(int current, Map<String, Double> stepValues) {
    update(current, stepValues, target != UNKNOWN && current >= target);
  }

  /** Goes {@code n} steps further. */
  public void add(int n, Map<String, Double> stepValues) {
    update(seenSoFar + n, stepValues);
  }

  /**
   * Updates to step {@code current}: averages (or keeps) the values, then draws the bar unless the
   * last drawing is more recent than the interval; {@code finalize} draws the last line.
   */
  public void update(int current, Map<String, Double> stepValues, boolean finalize) {
    if (stepValues != null) {
      for (Map.Entry<String, Double> e : stepValues.entrySet()) {
        accumulate(e.getKey(), e.getValue(), current, finalize);
      }
    }
    seenSoFar = current;
    long now = nanoTime.getAsLong();
    double timePerUnit = estimateStepDuration(current, now);
    if (verbose == 1) {
      if (updatedOnce && seconds(now - lastUpdate) < interval && !finalize) {
        return;
      }
      drawLine(current, now, timePerUnit, finalize);
    } else if (verbose == 2 && finalize && target > 0) {
      StringBuilder info = new StringBuilder();
      info.append(count(current)).append(" - ").append(fixed(seconds(now - start), 0)).append('s');
      info.append(" -").append(formatTime(timePerUnit));
      for (Map.Entry<String, double[]> e : values.entrySet()) {
        double avg = average(e.getValue());
        // Keras compares the value itself here, not its magnitude.
        info.append(" - ").append(e.getKey()).append(": ");
        info.append(avg > 1e-3 ? fixed(avg, 4) : scientific(avg));
      }
      info.append('\n');
      print(info.toString());
    }
    lastUpdate = now;
    updatedOnce = true;
  }

  private void accumulate(String k, double v, int current, boolean finalize) {
    boolean stateless =
        statefulMetrics != null ? !statefulMetrics.contains(k) : statelessMetrics.contains(k);
    double[] acc = values.get(k);
    boolean fresh = acc == null;
    if (fresh) {
      acc = new double[2];
      values.put(k, acc);
    }
    if (stateless && !finalize) {
      // Weighted by the steps since the last update, so the display is the mean over steps.
      int base = Math.max(current - seenSoFar, 1);
      acc[0] = fresh ? v * base : acc[0] + v * base;
      acc[1] = fresh ? base : acc[1] + base;
    } else {
      acc[0] = v;
      acc[1] = 1;
    }
  }

  private void drawLine(int current, long now, double timePerUnit, boolean finalize) {
    StringBuilder message = new StringBuilder();
    if (dynamicDisplay) {
      message.append("\b".repeat(prevTotalWidth)).append('\r');
    } else {
      message.append('\n');
    }
    String bold = plainText ? "" : BOLD;
    String reset = plainText ? "" : RESET;
    String green = plainText ? "" : GREEN;
    String grey = plainText ? "" : GREY;
    StringBuilder bar = new StringBuilder();
    int special = 0;
    if (target > 0) {
      bar.append(bold).append(count(current)).append(reset).append(' ');
      special += bold.length() + reset.length();
      int progWidth = (int) (width * ((double) current / target));
      if (progWidth > 0) {
        bar.append(green).append(String.valueOf(barChar).repeat(progWidth)).append(reset);
        special += green.length() + reset.length();
      }
      bar.append(grey).append(String.valueOf(barChar).repeat(Math.max(0, width - progWidth)));
      bar.append(reset);
      special += grey.length() + reset.length();
    } else {
      bar.append(String.format(Locale.ROOT, "%7d/Unknown", current));
    }
    StringBuilder info = new StringBuilder();
    if (target > 0 && !finalize) {
      info.append(' ').append(bold).append(eta(timePerUnit * (target - current))).append(reset);
    } else {
      info.append(' ').append(bold).append(fixed(seconds(now - start), 0)).append('s');
      info.append(reset);
    }
    special += bold.length() + reset.length(); // the codes take no columns
    info.append(formatTime(timePerUnit));
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double avg = average(e.getValue());
      info.append(" - ").append(e.getKey()).append(": ");
      info.append(Math.abs(avg) > 1e-3 ? fixed(avg, 4) : scientific(avg));
    }
    message.append(bar).append(info);
    int totalWidth =
        bar.codePointCount(0, bar.length()) + info.codePointCount(0, info.length()) - special;
    if (prevTotalWidth > totalWidth) {
      message.append(" ".repeat(prevTotalWidth - totalWidth));
    }
    if (finalize) {
      message.append('\n');
    }
    print(message.toString());
    prevTotalWidth = totalWidth;
  }

  private void print(String s) {
    out.print(s);
    out.flush();
  }

  private String count(int current) {
    String t = Integer.toString(target);
    return String.format(Locale.ROOT, "%" + t.length() + "d/%s", current, t);
  }

  private static double average(double[] acc) {
    return acc[0] / Math.max(1, acc[1]);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** Seconds per step; the first step (often slow) is left out once there are more. */
  private double estimateStepDuration(int current, long now) {
    if (current == 0) {
      return 0;
    }
    double perUnit;
    if (firstStepDone && current > 1) {
      perUnit = seconds(now - timeAfterFirstStep) / (current - 1);
    } else {
      perUnit = seconds(now - start) / current;
    }
    if (current == 1) {
      timeAfterFirstStep = now;
      firstStepDone = true;
    }
    return perUnit;
  }

  private String formatTime(double perUnit) {
    if (perUnit >= 1 || perUnit == 0) {
      return " " + fixed(perUnit, 0) + "s/" + unitName;
    } else if (perUnit >= 1e-3) {
      return " " + fixed(perUnit * 1000.0, 0) + "ms/" + unitName;
    }
    return " " + fixed(perUnit * 1000000.0, 0) + "us/" + unitName;
  }

  private static String eta(double eta) {
    if (eta > 3600) {
      return String.format(
          Locale.ROOT,
          "%d:%02d:%02d",
          (long) floorDiv(eta, 3600),
          (long) floorDiv(mod(eta, 3600), 60),
          (long) mod(eta, 60));
    } else if (eta > 60) {
      return String.format(Locale.ROOT, "%d:%02d", (long) floorDiv(eta, 60), (long) mod(eta, 60));
    }
    return (long) eta + "s";
  }

  // Python's float // and % (both follow the sign of the divisor; here the divisor is positive).
  private static double floorDiv(double a, double b) {
    double m = a % b;
    double div = (a - m) / b;
    if (m != 0 && (m < 0) != (b < 0)) {
      div -= 1.0;
    }
    double fl = Math.floor(div);
    return div - fl > 0.5 ? fl + 1.0 : fl;
  }

  private static double mod(double a, double b) {
    double m = a % b;
    return m != 0 && (m < 0) != (b < 0) ? m + b : m;
  }

  /** Python's {@code f"{v:.{digits}f}"}: the exact binary value rounded half to even. */
  static String fixed(double v, int digits) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return negative(v) && !s.startsWith("-") ? "-" + s : s;
  }

  /** Python's {@code f"{v:.4e}"}, e.g. {@code 1.2346e-04}. */
  static String scientific(double v) {
    if (!Double.isFinite(v)) {
      return nonFinite(v);
    }
    if (v == 0) {
      return (negative(v) ? "-" : "") + "0.0000e+00";
    }
    BigDecimal r = new BigDecimal(v).round(new MathContext(5, RoundingMode.HALF_EVEN));
    int exp = r.precision() - r.scale() - 1;
    String mantissa = r.movePointLeft(exp).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    int a = Math.abs(exp);
    return mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
  }

  private static boolean negative(double v) {
    return Double.doubleToRawLongBits(v) < 0;
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
  }
}
