package io.keras4j.tensorboard;

import io.keras4j.callbacks.SummaryWriter;
import io.keras4j.tensorboard.proto.Event;
import io.keras4j.tensorboard.proto.Summary;
import java.nio.file.Path;

/** A {@link SummaryWriter} into one new event file: one {@link Event} per summary. */
public final class EventSummaryWriter implements SummaryWriter {
  private final EventFileWriter file;

  /** A writer of a new event file in {@code runDir} (created if missing). */
  public EventSummaryWriter(Path runDir) {
    this.file = new EventFileWriter(runDir);
  }

  /** The event file. */
  public Path file() {
    return file.file();
  }

  @Override
  public void scalar(String tag, double value, long step) {
    write(Summaries.scalar(tag, value), step);
  }

  @Override
  public void histogram(String tag, float[] values, long step) {
    Summary.Value value;
    try {
      value = Summaries.histogram(tag, values);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TensorBoard: cannot write histogram '"
              + tag
              + "' at step "
              + step
              + ": "
              + e.getMessage(),
          e);
    }
    write(value, step);
  }

  @Override
  public void modelConfig(String tag, String json, long step) {
    write(Summaries.kerasModel(tag, json), step);
  }

  private void write(Summary.Value value, long step) {
    file.write(
        Event.newBuilder()
            .setWallTime(System.currentTimeMillis() / 1000.0)
            .setStep(step)
            .setSummary(Summary.newBuilder().addValue(value))
            .build());
  }

  @Override
  public void flush() {
    file.flush();
  }

  @Override
  public void close() {
    file.close();
  }
}
