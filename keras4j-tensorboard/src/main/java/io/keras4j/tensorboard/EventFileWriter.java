package io.keras4j.tensorboard;

import io.keras4j.tensorboard.proto.Event;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event file, as TensorFlow's {@code EventsWriter}: named {@code
 * events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2}, its first record the {@code file_version}
 * event "brain.Event:2", then one framed {@link Event} per record. Records are buffered until
 * {@link #flush()} (or {@link #close()}).
 */
public final class EventFileWriter implements AutoCloseable {
  /** The file version of TensorFlow 2's event files, in the first record. */
  public static final String FILE_VERSION = "brain.Event:2";

  private static final AtomicLong FILES = new AtomicLong();
  private static volatile String host;

  private final Path file;
  private OutputStream out;

  /** Creates {@code dir} if needed and a new event file in it, with its first record. */
  public EventFileWriter(Path dir) {
    try {
      Files.createDirectories(dir);
      long now = System.currentTimeMillis();
      String name =
          String.format(
              "events.out.tfevents.%010d.%s.%d.%d.v2",
              now / 1000, hostName(), ProcessHandle.current().pid(), FILES.getAndIncrement());
      this.file = dir.resolve(name);
      this.out =
          new BufferedOutputStream(
              Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16);
      write(Event.newBuilder().setWallTime(now / 1000.0).setFileVersion(FILE_VERSION).build());
      flush();
    } catch (IOException e) {
      throw new UncheckedIOException("TensorBoard: cannot create an event file in " + dir, e);
    }
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /** Appends one record (package-private: the protobuf classes are not exported). */
  synchronized void write(Event event) {
    if (out == null) {
      throw new IllegalStateException(
          "TensorBoard: the event file " + file + " is closed. Received: a write after close");
    }
    try {
      Records.write(out, event.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("TensorBoard: cannot write to " + file, e);
    }
  }

  /** Writes the buffered records to the file. */
  public synchronized void flush() {
    if (out == null) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("TensorBoard: cannot write to " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("TensorBoard: cannot close " + file, e);
    } finally {
      out = null;
    }
  }

  /** The host name as TensorFlow puts it in file names; "localhost" when it cannot be told. */
  static String hostName() {
    String h = host;
    if (h == null) {
      try {
        h = InetAddress.getLocalHost().getHostName();
      } catch (IOException | SecurityException e) {
        h = "localhost";
      }
      host = h;
    }
    return h;
  }
}
