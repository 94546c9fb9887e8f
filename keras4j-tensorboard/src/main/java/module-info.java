/**
 * TensorBoard event files for keras4j: {@code new io.keras4j.callbacks.TensorBoard(logDir)} finds
 * this module's {@link io.keras4j.callbacks.SummaryWriters} through {@link
 * java.util.ServiceLoader}. The protobuf classes (package {@code io.keras4j.tensorboard.proto}) are
 * generated at build time from the module's own .proto files and stay internal.
 */
// protobuf-java is an automatic module (its jar names itself com.google.protobuf).
@SuppressWarnings("requires-automatic")
module io.keras4j.tensorboard {
  requires transitive io.keras4j; // its SummaryWriter(s) are this module's API
  requires com.google.protobuf;

  exports io.keras4j.tensorboard;

  provides io.keras4j.callbacks.SummaryWriters with
      io.keras4j.tensorboard.EventSummaryWriters;
}
