package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * keras4j-core alone (its tests do not have keras4j-tensorboard): TensorBoard fails at once and
 * names the artifact to add. Its logs are tested in keras4j-tensorboard.
 */
class TensorBoardTest {

  @Test
  void withoutTheModuleTheErrorNamesTheArtifact() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new TensorBoard("logs"));
    assertEquals(
        "TensorBoard needs io.keras4j:keras4j-tensorboard on the class path or module path (it"
            + " writes TensorBoard's event files): add the dependency"
            + " <groupId>io.keras4j</groupId><artifactId>keras4j-tensorboard</artifactId>."
            + " Received: no io.keras4j.callbacks.SummaryWriters provider",
        e.getMessage());
    assertThrows(IllegalStateException.class, () -> new TensorBoard(Path.of("logs")));
    assertThrows(IllegalStateException.class, TensorBoard::new);
  }

  @Test
  void aNullLogDirIsRefusedFirst() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TensorBoard((Path) null));
    assertEquals("TensorBoard: logDir must not be null. Received: logDir=null", e.getMessage());
  }
}
