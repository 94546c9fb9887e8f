package io.keras4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.callbacks.SummaryWriter;
import io.keras4j.callbacks.SummaryWriters;
import io.keras4j.tensorboard.WireFormat.EventFile;
import io.keras4j.tensorboard.WireFormat.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer found through the service: each summary as TensorFlow 2's summary ops write it. */
class EventSummaryWriterTest {
  @TempDir Path dir;

  @Test
  void theServiceIsFoundAndWritesScalarsHistogramsAndTheModelConfig() throws IOException {
    SummaryWriters service = SummaryWriters.find("test");
    assertEquals(EventSummaryWriters.class, service.getClass());
    EventSummaryWriter w = (EventSummaryWriter) service.create(dir.resolve("run"));
    w.scalar("epoch_loss", 0.1, 7); // stored as float32
    w.histogram("dense/kernel/histogram", new float[] {0f, 0.5f, 1f}, 3);
    w.modelConfig("keras", "{\"class_name\": \"Sequential\"}", 0);
    w.flush();
    EventFile read = WireFormat.read(Files.readAllBytes(w.file()));
    assertEquals(3, read.values().size());

    Value s = read.values().get(0);
    assertEquals("epoch_loss", s.tag());
    assertEquals(7, s.step());
    assertEquals(0.1f, s.floatScalar());
    assertEquals("scalars", s.plugin());
    assertEquals(0, s.pluginContent().length); // ScalarPluginData(version=0) serializes empty
    assertEquals(1, s.dataClass());

    Value h = read.values().get(1);
    assertEquals(3, h.step());
    assertEquals("histograms", h.plugin());
    assertEquals(2, h.dtype()); // DT_DOUBLE
    assertArrayEquals(new long[] {30, 3}, h.shape());
    double[] rows = h.doubles();
    assertEquals(0.0, rows[0]);
    assertEquals(1.0, rows[88]);
    assertEquals(1.0, rows[2]); // 0 in the first bucket
    assertEquals(1.0, rows[3 * 15 + 2]); // 0.5 in the sixteenth
    assertEquals(1.0, rows[89]); // 1 in the last, closed one

    Value k = read.values().get(2);
    assertEquals("graph_keras_model", k.plugin());
    assertEquals("1", new String(k.pluginContent(), StandardCharsets.UTF_8));
    assertEquals(0, k.dataClass());
    assertEquals(
        "{\"class_name\": \"Sequential\"}",
        new String(k.stringVal().get(0), StandardCharsets.UTF_8));
    assertTrue(k.wallTime() >= read.firstWallTime());

    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> w.histogram("d/kernel/histogram", new float[] {Float.NaN}, 4));
    assertEquals(
        "TensorBoard: cannot write histogram 'd/kernel/histogram' at step 4: Histograms: the values"
            + " contain NaN. Received: a NaN among 1",
        nan.getMessage());

    w.close();
    w.close();
    assertThrows(IllegalStateException.class, () -> w.scalar("x", 1, 0));
  }

  @Test
  void closeFlushes() throws IOException {
    Path file;
    try (SummaryWriter w = new EventSummaryWriters().create(dir)) {
      w.scalar("a", 1.5, 1);
      file = ((EventSummaryWriter) w).file();
    }
    assertEquals(1.5f, WireFormat.read(Files.readAllBytes(file)).tagged("a").get(0).floatScalar());
  }
}
