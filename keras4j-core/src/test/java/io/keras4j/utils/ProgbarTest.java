package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Progbar's output, byte for byte. The expected strings were produced by running Keras 3's own
 * {@code keras/src/utils/progbar.py} (keras-team/keras 3422977) under a fake clock ({@code
 * time.time = lambda: ns / 1e9}, {@code _last_update = -1e9}, {@code _dynamic_display} forced),
 * with the same calls as each test, and printing what it wrote.
 */
class ProgbarTest {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  /** A clock the test moves by hand. */
  static final class Clock {
    long now;

    long get() {
      return now;
    }
  }

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  final Clock clock = new Clock();

  String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String bs(int n) {
    return "\b".repeat(n);
  }

  static Map<String, Double> values(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  Progbar bar(int target, boolean dynamic) {
    return new Progbar(target, out, clock::get).dynamicDisplay(dynamic).plainText(false);
  }

  void at(long nanos, Progbar p, int current, Map<String, Double> v) {
    clock.now = nanos;
    p.update(current, v);
  }

  @Test
  void nonDynamicAveragesValuesAndSkipsUpdatesWithinTheInterval() {
    Progbar p = bar(3, false);
    at(500 * MS, p, 1, values("loss", 1.0, "acc", 0.5));
    at(520 * MS, p, 2, values("loss", 0.5, "acc", 0.75)); // 20 ms later: not drawn
    at(1250 * MS, p, 3, values("loss", 0.25, "acc", 1.0)); // reaches the target: final line
    assertEquals(
        "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m1s\u001b[0m 500ms/step - loss: 1.0000 - acc: 0.5000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m1s\u001b[0m 375ms/step - loss: 0.2500 - acc: 1.0000\n",
        output());
  }

  @Test
  void outputThatIsNotATerminalGetsPlainLinesWithTheTimePerStep() {
    // No dynamicDisplay/plainText given: the stream is not a terminal, so plain new lines.
    Progbar p = new Progbar(3, out, clock::get);
    at(500 * MS, p, 1, values("loss", 1.0));
    at(1250 * MS, p, 3, values("loss", 0.25));
    String text = output();
    assertEquals(
        "\n1/3 ━━━━━━━━━━━━━━━━━━━━ 1s 500ms/step - loss: 1.0000\n"
            + "3/3 ━━━━━━━━━━━━━━━━━━━━ 1s 375ms/step - loss: 0.2500\n",
        text);
    assertFalse(text.contains("\r") || text.contains("\u001b["), text);
  }

  @Test
  void plainTextEvenWhenRewritingInPlace() {
    Progbar p = new Progbar(2, out, clock::get).dynamicDisplay(true).plainText(true);
    at(2 * S, p, 1, values("loss", 2.5));
    at(3 * S, p, 2, values("loss", 1.5));
    assertFalse(output().contains("\u001b["), output());
    assertTrue(
        output().endsWith("\r2/2 ━━━━━━━━━━━━━━━━━━━━ 3s 1s/step - loss: 1.5000\n"), output());
  }

  @Test
  void dynamicRewritesTheLineAndPadsWhenItShrinks() {
    Progbar p = bar(100, true).statelessMetrics(Set.of());
    at(2 * S, p, 1, values("loss", 2.5));
    at(4500 * MS, p, 2, values("loss", 1.25)); // 2.5 s/step rounds half to even: "2s/step"
    at(10 * S, p, 50, values("loss", 0.00042));
    at(12 * S, p, 100, values("loss", 0.125));
    assertEquals(
        "\r\u001b[1m  1/100\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m3:18\u001b[0m 2s/step - loss: 2.5000"
            + bs(56)
            + "\r\u001b[1m  2/100\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m4:05\u001b[0m 2s/step - loss: 1.2500"
            + bs(56)
            + "\r\u001b[1m 50/100\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m8s\u001b[0m 163ms/step - loss: 4.2000e-04"
            + bs(61)
            + "\r\u001b[1m100/100\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m12s\u001b[0m 101ms/step - loss: 0.1250   \n",
        output());
  }

  @Test
  void etaInHoursAndTimePerStepInMicroseconds() {
    Progbar hours = bar(10000, false);
    at(2 * S, hours, 1, Map.of());
    at(6 * S, hours, 3, Map.of());
    assertEquals(
        "\n"
            + "\u001b[1m    1/10000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m5:33:18\u001b[0m 2s/step\n"
            + "\u001b[1m    3/10000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m5:33:14\u001b[0m 2s/step",
        output());
    bytes.reset();
    clock.now = 0;
    Progbar micro = bar(1000000, false);
    at(MS, micro, 1, Map.of());
    at(100 * MS, micro, 1001, Map.of());
    assertEquals(
        "\n"
            + "\u001b[1m      1/1000000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m16:39\u001b[0m 1ms/step\n"
            + "\u001b[1m   1001/1000000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m1:38\u001b[0m 99us/step",
        output());
  }

  @Test
  void verboseTwoPrintsOneLineWhenFinished() {
    Progbar p = bar(469, false).verbose(2).statelessMetrics(List.of());
    at(10 * MS, p, 1, values("loss", 0.5, "delta", -0.5, "tiny", 0.0005));
    at(900 * MS, p, 200, values("loss", 0.25, "delta", -0.5, "tiny", 0.0005));
    assertEquals("", output());
    at(2100 * MS, p, 469, values("loss", 0.0931, "delta", -0.5, "tiny", 0.0005));
    // Verbose 2 tests the value itself, not its magnitude: -0.5 is written in %.4e.
    assertEquals(
        "469/469 - 2s - 4ms/step - loss: 0.0931 - delta: -5.0000e-01 - tiny: 5.0000e-04\n",
        output());
  }

  @Test
  void unknownTarget() {
    Progbar p = bar(Progbar.UNKNOWN, false).statelessMetrics(Set.of());
    at(300 * MS, p, 5, values("loss", 0.75));
    clock.now = 700 * MS;
    p.update(12, values("loss", 0.5), true);
    assertEquals(
        "\n"
            + "      5/Unknown \u001b[1m0s\u001b[0m 60ms/step - loss: 0.7500\n"
            + "     12/Unknown \u001b[1m1s\u001b[0m 58ms/step - loss: 0.5000\n",
        output());
  }

  @Test
  void countPaddedToTheTargetAndValueFormats() {
    Progbar p = bar(1000, false).statelessMetrics(Set.of());
    at(
        70 * MS,
        p,
        7,
        values(
            "big",
            1234.56789,
            "neg",
            -0.0042,
            "edge",
            0.001,
            "zero",
            0.0,
            "nan",
            Double.NaN,
            "inf",
            Double.POSITIVE_INFINITY));
    assertEquals(
        "\n"
            + "\u001b[1m   7/1000\u001b[0m \u001b[37m━━━━━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m9s\u001b[0m 10ms/step - big: 1234.5679 - neg: -0.0042 - edge: 1.0000e-03 - zero: 0.0000e+00 - nan: nan - inf: inf",
        output());
  }

  @Test
  void averagesAreWeightedByTheStepsBetweenUpdates() {
    Progbar p = bar(10, false);
    at(100 * MS, p, 2, values("loss", 4.0));
    at(400 * MS, p, 6, values("loss", 1.0)); // (4*2 + 1*4) / 6 = 2
    at(900 * MS, p, 10, values("loss", 2.0)); // final: shown as given
    assertEquals(
        "\n"
            + "\u001b[1m 2/10\u001b[0m \u001b[32m━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 50ms/step - loss: 4.0000\n"
            + "\u001b[1m 6/10\u001b[0m \u001b[32m━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 67ms/step - loss: 2.0000\n"
            + "\u001b[1m10/10\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m1s\u001b[0m 90ms/step - loss: 2.0000\n",
        output());
  }

  @Test
  void readableTextWithoutTheColourCodes() {
    Progbar p = bar(469, false).statelessMetrics(Set.of());
    at(2 * S, p, 469, values("accuracy", 0.9712, "loss", 0.0931));
    assertEquals(
        "\n"
            + "\u001b[1m469/469\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m2s\u001b[0m 4ms/step - accuracy: 0.9712 - loss: 0.0931\n",
        output());
    // The same line as a terminal shows it: 2 s / 469 steps = 4.26 ms per step.
    assertEquals(
        "\n469/469 ━━━━━━━━━━━━━━━━━━━━ 2s 4ms/step - accuracy: 0.9712 - loss: 0.0931\n",
        output().replaceAll("\u001b\\[\\d+m", ""));
  }

  @Test
  void fallsBackToEqualsSignsWhenTheEncodingCannotWriteTheBar() {
    PrintStream ascii = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
    Progbar p = new Progbar(4, ascii, clock::get).dynamicDisplay(false).width(4).plainText(false);
    at(S, p, 2, Map.of());
    assertEquals(
        "\n"
            + "\u001b[1m2/4\u001b[0m \u001b[32m==\u001b[0m\u001b[37m==\u001b[0m \u001b[1m1s\u001b[0m 500ms/step",
        output());
  }

  @Test
  void verboseZeroPrintsNothing() {
    Progbar p = bar(2, false).verbose(0);
    at(S, p, 1, values("loss", 1.0));
    at(2 * S, p, 2, values("loss", 1.0));
    assertEquals("", output());
  }

  @Test
  void addMovesOnFromTheLastStep() {
    Progbar p = bar(4, false).interval(0);
    clock.now = S;
    p.add(2, values("loss", 3.0));
    clock.now = 2 * S;
    p.add(2, values("loss", 1.0)); // the final update shows the last value, not the mean
    assertEquals(
        "\n"
            + "\u001b[1m2/4\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m1s\u001b[0m 500ms/step - loss: 3.0000\n"
            + "\u001b[1m4/4\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m2s\u001b[0m 500ms/step - loss: 1.0000\n",
        output());
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Progbar(-2, out));
    assertEquals(
        "Progbar: target must be >= 0 or Progbar.UNKNOWN. Received: target=-2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> bar(3, false).verbose(3));
    assertEquals("Progbar: verbose must be 0, 1 or 2. Received: verbose=3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> bar(3, false).statefulMetrics(Set.of("a")).statelessMetrics(Set.of("b")));
    assertTrue(e.getMessage().startsWith("Progbar: only one of statefulMetrics"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> bar(3, false).width(-1));
    assertEquals("Progbar: width must be >= 0. Received: width=-1", e.getMessage());
  }
}
