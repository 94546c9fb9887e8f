package io.keras4j.tensorboard;

import io.keras4j.callbacks.SummaryWriter;
import io.keras4j.callbacks.SummaryWriters;
import java.nio.file.Path;

/** The {@link SummaryWriters} service of this module: event-file writers. */
public final class EventSummaryWriters implements SummaryWriters {
  /** Public, for {@link java.util.ServiceLoader} on the class path. */
  public EventSummaryWriters() {}

  @Override
  public SummaryWriter create(Path runDir) {
    return new EventSummaryWriter(runDir);
  }
}
