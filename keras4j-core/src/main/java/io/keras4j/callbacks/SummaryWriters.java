package io.keras4j.callbacks;

import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The service that creates {@link SummaryWriter}s, found with {@link ServiceLoader}. Module {@code
 * io.keras4j:keras4j-tensorboard} provides it; keras4j-core has no implementation of its own, so
 * that its size does not grow by the protobuf runtime.
 */
public interface SummaryWriters {

  /** A writer of a new event file in {@code runDir} (created if missing). */
  SummaryWriter create(Path runDir);

  /**
   * The provider on the class path or module path.
   *
   * @param user who needs it, for the error message (e.g. "TensorBoard")
   * @throws IllegalStateException naming the artifact to add, when there is none
   */
  static SummaryWriters find(String user) {
    return ServiceLoader.load(SummaryWriters.class, SummaryWriters.class.getClassLoader())
        .findFirst()
        .or(() -> ServiceLoader.load(SummaryWriters.class).findFirst())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    user
                        + " needs io.keras4j:keras4j-tensorboard on the class path or module path"
                        + " (it writes TensorBoard's event files): add the dependency"
                        + " <groupId>io.keras4j</groupId><artifactId>keras4j-tensorboard</artifactId>."
                        + " Received: no "
                        + SummaryWriters.class.getName()
                        + " provider"));
  }
}
