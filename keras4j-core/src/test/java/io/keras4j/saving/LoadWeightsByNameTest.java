package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.testing.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loadWeights(file, byName, skipMismatch)} of a legacy .h5, as Keras's by_name loading. */
class LoadWeightsByNameTest {
  @TempDir Path dir;

  private Sequential saved;
  private Path file;

  @BeforeEach
  void save() {
    Keras.setRandomSeed(21);
    saved = new Sequential(Input.of(4), new Dense(3).name("shared"), new Dense(2).name("head"));
    file = dir.resolve("a.h5");
    saved.save(file);
  }

  private Layer layer(Model m, String name) {
    for (Layer l : m.layers()) {
      if (l.name().equals(name)) {
        return l;
      }
    }
    throw new AssertionError(name);
  }

  private static List<float[]> values(Layer l) {
    List<float[]> out = new ArrayList<>();
    for (Tensor t : l.getWeights()) {
      out.add(t.toFloatArray());
    }
    return out;
  }

  private static void assertSame(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i));
    }
  }

  @Test
  void layersAreMatchedByNameAndOthersKeepTheirWeights() {
    Keras.setRandomSeed(22);
    var m = new Sequential(Input.of(4), new Dense(3).name("shared"), new Dense(5).name("new_head"));
    List<float[]> before = values(layer(m, "new_head"));
    m.loadWeights(file, true);
    assertSame(values(layer(saved, "shared")), values(layer(m, "shared")));
    assertSame(before, values(layer(m, "new_head")));
  }

  @Test
  void aShapeMismatchIsRefusedNamingLayerAndWeightAndNothingChanges() {
    Keras.setRandomSeed(23);
    var m =
        new Sequential(
            Input.of(4), new Dense(3).name("shared"), new Dense(6), new Dense(2).name("head"));
    List<float[]> shared = values(layer(m, "shared"));
    KerasFileException e = assertThrows(KerasFileException.class, () -> m.loadWeights(file, true));
    assertTrue(e.getMessage().contains("Shape mismatch in layer #1 (named head)"), e.getMessage());
    assertTrue(e.getMessage().contains("head/kernel"), e.getMessage());
    assertTrue(e.getMessage().contains("[6, 2]") && e.getMessage().contains("[3, 2]"));
    assertSame(shared, values(layer(m, "shared")));
  }

  @Test
  void skipMismatchSkipsTheMismatchedWeightsWithAWarning() {
    Keras.setRandomSeed(24);
    var m =
        new Sequential(
            Input.of(4), new Dense(3).name("shared"), new Dense(6), new Dense(2).name("head"));
    List<float[]> head = values(layer(m, "head"));
    try (LogCapture log = LogCapture.of(LegacyH5.class)) {
      m.loadWeights(file, true, true);
      assertEquals(1, log.messages().size(), log.messages().toString());
      assertTrue(
          log.messages().get(0).contains("Skipping loading weights for layer #1 (named head)"));
    }
    assertSame(values(layer(saved, "shared")), values(layer(m, "shared")));
    List<float[]> after = values(layer(m, "head"));
    assertArrayEquals(head.get(0), after.get(0)); // the kernel: shapes differ, skipped
    assertArrayEquals(values(layer(saved, "head")).get(1), after.get(1)); // the bias: loaded
  }

  @Test
  void aWeightCountMismatchIsRefusedOrSkipped() {
    Keras.setRandomSeed(25);
    var m = new Sequential(Input.of(4), new Dense(3).useBias(false).name("shared"));
    KerasFileException e = assertThrows(KerasFileException.class, () -> m.loadWeights(file, true));
    assertTrue(
        e.getMessage().contains("Weight count mismatch for layer #0 (named shared)"),
        e.getMessage());
    List<float[]> before = values(layer(m, "shared"));
    try (LogCapture log = LogCapture.of(LegacyH5.class)) {
      m.loadWeights(file, true, true);
      assertTrue(log.messages().toString().contains("mismatch in number of weights"));
    }
    assertSame(before, values(layer(m, "shared")));
  }

  @Test
  void byNameNeedsALegacyFileAndSkipMismatchNeedsByName() {
    Path weights = dir.resolve("a.weights.h5");
    saved.saveWeights(weights);
    KerasFileException e =
        assertThrows(KerasFileException.class, () -> saved.loadWeights(weights, true));
    assertTrue(e.getMessage().contains("byName=true applies to legacy .h5"), e.getMessage());
    IllegalArgumentException e2 =
        assertThrows(IllegalArgumentException.class, () -> saved.loadWeights(file, false, true));
    assertTrue(e2.getMessage().contains("Received: byName=false, skipMismatch=true"));
  }

  @Test
  void skipMismatchOnAKeras3WeightsFileKeepsTheMismatchedLayer() {
    Path weights = dir.resolve("b.weights.h5");
    saved.saveWeights(weights);
    Sequential m =
        new Sequential(Input.of(4), new Dense(3).name("shared"), new Dense(5).name("head"));
    List<float[]> headBefore = values(layer(m, "head"));
    List<float[]> sharedBefore = values(layer(m, "shared"));
    // Without skipMismatch: refused, naming the weight, and nothing changes.
    KerasFileException e = assertThrows(KerasFileException.class, () -> m.loadWeights(weights));
    assertTrue(e.getMessage().contains("has shape [3, 2]"), e.getMessage());
    assertSame(sharedBefore, values(layer(m, "shared")));
    try (LogCapture log = LogCapture.of(Keras3Weights.class)) {
      m.loadWeights(weights, false, true);
      assertEquals(1, log.messages().size(), log.messages().toString());
      assertTrue(log.messages().get(0).contains("Skipping loading of weights for layer 'head'"));
    }
    assertSame(values(layer(saved, "shared")), values(layer(m, "shared")));
    assertSame(headBefore, values(layer(m, "head")));
  }
}
