package io.keras4j.callbacks;

import static io.keras4j.callbacks.Fixtures.logs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSVLogger's file content. The expected text was produced with Python's {@code csv.DictWriter}
 * (excel dialect, the given delimiter), as Keras 3's csv_logger.py writes it, fed the same rows:
 * floats as {@code repr}, missing values "NA", {@code \r\n} line ends.
 */
class CSVLoggerTest {
  @TempDir Path dir;

  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheSortedKeysOfTheFirstEpoch() throws IOException {
    Path file = dir.resolve("log.csv");
    CSVLogger cb = new CSVLogger(file.toString());
    cb.onTrainBegin(Map.of());
    cb.onEpochEnd(0, logs("val_loss", 0.75, "loss", 0.5, "val_accuracy", 0.125, "accuracy", 0.25));
    // each row is on disk as soon as the epoch ends
    assertEquals(
        "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.25,0.5,0.125,0.75\r\n", read(file));
    cb.onEpochEnd(
        1,
        logs("accuracy", 0.1 + 0.2, "loss", 1e-5, "val_accuracy", Double.NaN, "val_loss", 100.0));
    cb.onTrainEnd(Map.of());
    assertEquals(
        "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.25,0.5,0.125,0.75\r\n"
            + "1,0.30000000000000004,1e-05,nan,100.0\r\n",
        read(file));
  }

  @Test
  void addsValColumnsWhenTheFirstEpochHasNone() throws IOException {
    Path file = dir.resolve("log.csv");
    CSVLogger cb = new CSVLogger(file);
    cb.onTrainBegin(Map.of());
    cb.onEpochEnd(0, logs("loss", 0.5));
    cb.onTrainEnd(Map.of());
    assertEquals("epoch,loss,val_loss\r\n0,0.5,NA\r\n", read(file));
  }

  @Test
  void separatorAndQuoting() throws IOException {
    Path file = dir.resolve("log.csv");
    CSVLogger cb = new CSVLogger(file).separator(";");
    cb.onTrainBegin(Map.of());
    cb.onEpochEnd(0, logs("a;b", 0.5));
    cb.onTrainEnd(Map.of());
    assertEquals("epoch;\"a;b\";\"val_a;b\"\r\n0;0.5;NA\r\n", read(file));
  }

  @Test
  void appendKeepsTheFileAndWritesNoSecondHeader() throws IOException {
    Path file = dir.resolve("log.csv");
    CSVLogger first = new CSVLogger(file);
    first.onTrainBegin(Map.of());
    first.onEpochEnd(0, logs("loss", 0.5, "val_loss", 0.75));
    first.onTrainEnd(Map.of());
    CSVLogger second = new CSVLogger(file).append(true);
    second.onTrainBegin(Map.of());
    second.onEpochEnd(0, logs("loss", 0.25, "val_loss", 0.5));
    second.onTrainEnd(Map.of());
    assertEquals("epoch,loss,val_loss\r\n0,0.5,0.75\r\n0,0.25,0.5\r\n", read(file));
  }

  @Test
  void appendToAnEmptyOrMissingFileWritesTheHeader() throws IOException {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    Path missing = dir.resolve("sub/missing.csv");
    for (Path p : new Path[] {empty, missing}) {
      CSVLogger cb = new CSVLogger(p).append(true);
      cb.onTrainBegin(Map.of());
      cb.onEpochEnd(0, logs("loss", 0.5, "val_loss", 0.75));
      cb.onTrainEnd(Map.of());
      assertEquals("epoch,loss,val_loss\r\n0,0.5,0.75\r\n", read(p));
    }
  }

  @Test
  void withoutAppendTheFileIsOverwritten() throws IOException {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, "old content\n");
    CSVLogger cb = new CSVLogger(file);
    cb.onTrainBegin(Map.of());
    cb.onEpochEnd(3, logs("loss", 2.0, "val_loss", 3.0));
    cb.onTrainEnd(Map.of());
    assertEquals("epoch,loss,val_loss\r\n3,2.0,3.0\r\n", read(file));
  }

  @Test
  void rejectsBadArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CSVLogger("x.csv").separator(";;"));
    assertEquals(
        "CSVLogger: separator must be a 1-character string. Received: separator=';;'",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CSVLogger((String) null));
    assertEquals("CSVLogger: filename must not be null. Received: filename=null", e.getMessage());
    CSVLogger notStarted = new CSVLogger(dir.resolve("x.csv"));
    assertThrows(IllegalStateException.class, () -> notStarted.onEpochEnd(0, logs("loss", 1)));
  }
}
