package io.keras4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.tensorboard.proto.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TFRecord framing and the event file's first record. */
class RecordsTest {
  @TempDir Path dir;

  @Test
  void crc32cAndItsMask() {
    // CRC32C("123456789") is 0xe3069283 (RFC 3720's check value); the mask rotates it right by
    // 15 bits and adds 0xa282ead8: 0x2507c60d + 0xa282ead8 (mod 2^32) = 0xc78ab0e5.
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0xc78ab0e5, Records.maskedCrc32c(check, 0, check.length));
    assertEquals(0xc78ab0e5, WireFormat.maskedCrc(check, 0, check.length));
  }

  @Test
  void aRecordIsLengthCrcPayloadCrc() throws IOException {
    byte[] payload = {1, 2, 3, 4, 5};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Records.write(out, payload);
    Records.write(out, new byte[0]);
    byte[] bytes = out.toByteArray();
    assertEquals(12 + 5 + 4 + 12 + 4, bytes.length);
    assertEquals(5, WireFormat.le(bytes, 0, 8));
    assertEquals(WireFormat.maskedCrc(bytes, 0, 8), (int) WireFormat.le(bytes, 8, 4));
    assertEquals(WireFormat.maskedCrc(payload, 0, 5), (int) WireFormat.le(bytes, 17, 4));
    List<byte[]> records = WireFormat.records(bytes);
    assertEquals(2, records.size());
    assertArrayEquals(payload, records.get(0));
    assertArrayEquals(new byte[0], records.get(1));
  }

  @Test
  void theFirstRecordIsTheFileVersionWithTheCrcOfEveryRealFile() throws IOException {
    Path file;
    try (EventFileWriter w = new EventFileWriter(dir.resolve("run"))) {
      file = w.file();
      // written and flushed as soon as the file is created
      assertEquals(12 + 24 + 4, Files.size(file));
    }
    byte[] bytes = Files.readAllBytes(file);
    // wall_time (9 bytes) + file_version "brain.Event:2" (15 bytes): a 24-byte payload whose
    // length header has the masked CRC bytes a3 7f 4b 22 (0x224b7fa3 little-endian), as in every
    // file TensorFlow writes.
    assertEquals(24, WireFormat.le(bytes, 0, 8));
    assertEquals("a37f4b22", java.util.HexFormat.of().formatHex(bytes, 8, 12));
    assertEquals(WireFormat.maskedCrc(bytes, 0, 8), (int) WireFormat.le(bytes, 8, 4));
    WireFormat.EventFile read = WireFormat.read(bytes);
    assertEquals("brain.Event:2", read.fileVersion());
    assertEquals(List.of(), read.values());
    // the generated classes agree with the test's reader
    Event first = Event.parseFrom(WireFormat.records(bytes).get(0));
    assertEquals(EventFileWriter.FILE_VERSION, first.getFileVersion());
    assertEquals(read.firstWallTime(), first.getWallTime());
  }

  @Test
  void writingAfterCloseFailsAndClosingTwiceDoesNothing() {
    EventFileWriter w = new EventFileWriter(dir);
    w.close();
    w.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> w.write(Event.getDefaultInstance()));
    assertEquals(
        "TensorBoard: the event file " + w.file() + " is closed. Received: a write after close",
        e.getMessage());
  }

  @Test
  void twoWritersInOneDirectoryGetTwoFiles() {
    try (EventFileWriter a = new EventFileWriter(dir);
        EventFileWriter b = new EventFileWriter(dir)) {
      assertEquals(a.file().getParent(), b.file().getParent());
      assertEquals(false, a.file().equals(b.file()));
    }
  }
}
