package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.testing.GoldenData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The topology of a real Keras 3.15 model with two GRUs (reset_after, the Keras 3 default), {@code
 * config.json} of ../shared/data/keras_models/keras3/gru_forecast_keras3.15.keras: it loads, has
 * Keras's parameter count, and each GRU writes back the keys Keras wrote, in Keras's order. (Its
 * weights are in HDF5, which keras4j reads in a later release.)
 */
class Keras3RecurrentConfigTest {
  @Test
  @SuppressWarnings("unchecked")
  void keras3GruConfigLoadsWithKerasKeysAndParameterCount() throws IOException {
    Path data = GoldenData.dir("keras4j.data.dir", "../shared/data");
    assumeTrue(data != null, "shared data directory absent (set -Dkeras4j.data.dir)");
    Path file = data.resolve("keras_models/keras3/gru_forecast_keras3.15.keras");
    assumeTrue(Files.exists(file), "not found: " + file);
    String json;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      json =
          new String(
              zip.getInputStream(zip.getEntry("config.json")).readAllBytes(),
              StandardCharsets.UTF_8);
    }
    Model model = Models.modelFromJson(json);
    // GRU(64) on 3 features: 3*64*(3+64+2); GRU(32) on 64: 3*32*(64+32+2); Dense(1): 33.
    assertEquals(13_248 + 9_408 + 33, model.countParams());

    Map<String, Object> top = Json.readObject(json);
    List<Object> layers = (List<Object>) ((Map<String, Object>) top.get("config")).get("layers");
    List<GRU> grus = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (l instanceof GRU g) {
        grus.add(g);
      }
    }
    assertEquals(2, grus.size());
    int k = 0;
    for (Object o : layers) {
      Map<String, Object> entry = (Map<String, Object>) o;
      if (!"GRU".equals(entry.get("class_name"))) {
        continue;
      }
      Map<String, Object> keras = (Map<String, Object>) entry.get("config");
      GRU gru = grus.get(k++);
      assertEquals(
          new ArrayList<>(keras.keySet()),
          new ArrayList<>(gru.getConfig().keySet()),
          "GRU config keys in Keras's order");
      assertEquals(true, gru.cellLayer().resetAfter());
      assertEquals(((Number) keras.get("units")).intValue(), gru.units());
      assertEquals(keras.get("return_sequences"), gru.returnSequences());
    }
  }
}
