package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LeakyReLU;
import io.keras4j.models.Models;
import io.keras4j.testing.GoldenData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A layer config key that no fromConfig reads is an error, except the ones ignored on purpose. */
class ConfigKeysTest {

  private static Map<String, Object> denseConfig() {
    return new LinkedHashMap<>(new Dense(3).name("dense_3").getConfig());
  }

  @Test
  void aMisspeltKeyNamesTheLayerTheKeyAndTheClosestKnownOne() {
    Map<String, Object> c = denseConfig();
    c.put("kernal_initializer", "zeros");
    var e = assertThrows(IllegalArgumentException.class, () -> LayerRegistry.create("Dense", c));
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "Dense 'dense_3': unknown config key 'kernal_initializer'. Did you mean"
                + " 'kernel_initializer'? Known keys: ["),
        m);
    // The known keys are the ones Dense reads, base keys included.
    for (String known :
        List.of("units", "kernel_constraint", "activity_regularizer", "trainable")) {
      assertTrue(m.contains(known), m);
    }
    assertTrue(m.endsWith("Received: kernal_initializer=zeros"), m);
  }

  @Test
  void aKerasKeyKeras4jDoesNotSupportIsRefusedToo() {
    Map<String, Object> c = denseConfig();
    c.put("lora_rank", 4);
    var e = assertThrows(IllegalArgumentException.class, () -> LayerRegistry.create("Dense", c));
    assertTrue(
        e.getMessage().startsWith("Dense 'dense_3': unknown config key 'lora_rank'."),
        e.getMessage());
  }

  @Test
  void aMissingRequiredKeyPointsAtTheMisspeltOne() {
    Map<String, Object> c = denseConfig();
    c.put("unitz", c.remove("units"));
    var e = assertThrows(IllegalArgumentException.class, () -> LayerRegistry.create("Dense", c));
    assertTrue(
        e.getMessage().contains("'units' is missing. The config has 'unitz'"), e.getMessage());
  }

  @Test
  void ignoredKeysPassWithTheirHarmlessValuesOnly() {
    // Keras 3's InputLayer writes sparse, ragged and optional as false.
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("batch_shape", java.util.Arrays.asList(null, 4));
    input.put("dtype", "float32");
    input.put("sparse", false);
    input.put("ragged", false);
    input.put("optional", false);
    input.put("name", "in");
    assertInstanceOf(InputLayer.class, LayerRegistry.create("InputLayer", input));
    input.put("sparse", true);
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> LayerRegistry.create("InputLayer", input));
    assertEquals(
        "InputLayer 'in': config key 'sparse' is not supported (keras4j tensors are dense)."
            + " Received: sparse=true",
        e.getMessage());

    // Keras 2's Embedding wrote input_length; Keras 3 drops it, and so does keras4j.
    Map<String, Object> emb = new LinkedHashMap<>(new Embedding(10, 4).getConfig());
    emb.put("input_length", 7);
    Embedding read = (Embedding) LayerRegistry.create("Embedding", emb);
    assertEquals(4, read.outputDim());

    // Recent Keras 3 writes quantization_config=None into Dense and Embedding.
    Map<String, Object> dense = denseConfig();
    dense.put("quantization_config", null);
    LayerRegistry.create("Dense", dense);
    dense.put("quantization_config", Map.of("mode", "int8"));
    assertThrows(IllegalArgumentException.class, () -> LayerRegistry.create("Dense", dense));
  }

  @Test
  void eitherNameOfAnArgumentIsKnown() {
    // Keras 2 wrote LeakyReLU's alpha, Keras 3 negative_slope.
    Map<String, Object> c = new LinkedHashMap<>(Map.of("name", "lr", "alpha", 0.2));
    assertEquals(
        0.2, ((LeakyReLU) LayerRegistry.create("LeakyReLU", c)).getConfig().get("negative_slope"));
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("batch_input_shape", java.util.Arrays.asList(null, 2));
    input.put("dtype", "float32");
    input.put("name", "in");
    InputLayer il = (InputLayer) LayerRegistry.create("InputLayer", input);
    assertEquals(DType.FLOAT32, il.dtype());
  }

  /** A user's layer that forgets to read a key of its own config is told so. */
  static final class Forgetful extends Layer {
    static Forgetful fromConfig(Config c) {
      Forgetful f = new Forgetful();
      return f.applyBaseConfig(c, f);
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("factor", 2.0);
      return c;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
      return inputShape;
    }
  }

  @Test
  void aRegisteredUserLayerIsCheckedToo() {
    LayerRegistry.register("Forgetful", Forgetful::fromConfig);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LayerRegistry.create("Forgetful", new Forgetful().name("f").getConfig()));
    assertTrue(
        e.getMessage().startsWith("Forgetful 'f': unknown config key 'factor'."), e.getMessage());
  }

  /**
   * Every layer config in the shared data (real Keras 2, Keras 3 and TF.js files, golden cases)
   * whose class keras4j registers is read without an unknown key.
   */
  @Test
  void everyRegisteredLayerConfigOfTheSharedDataReads() {
    Path data = GoldenData.dir("keras4j.data.dir", "../shared/data");
    assumeTrue(
        Files.isDirectory(data), "shared data absent at " + data + " (set -Dkeras4j.data.dir)");
    List<String> failures = new ArrayList<>();
    int[] checked = {0};
    for (Path file : GoldenData.jsonFiles(data, true)) {
      collect(GoldenData.readJson(file), file, failures, checked);
    }
    assertEquals(List.of(), failures);
    // 59 Dense, 13 InputLayer, 6 Activation, ... in the data of this release.
    assertTrue(checked[0] >= 100, "layer configs checked: " + checked[0]);
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, Path file, List<String> failures, int[] checked) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("class_name") instanceof String cls
          && m.get("config") instanceof Map<?, ?> config
          && LayerRegistry.isRegistered(cls)) {
        checked[0]++;
        try {
          LayerRegistry.create(cls, new LinkedHashMap<>((Map<String, Object>) config));
        } catch (IllegalArgumentException e) {
          if (e.getMessage().contains("config key")) {
            failures.add(file.getFileName() + ": " + e.getMessage());
          }
        }
      }
      for (Object v : m.values()) {
        collect(v, file, failures, checked);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        collect(v, file, failures, checked);
      }
    }
  }

  @Test
  void modelsOfRegisteredLayersStillRoundTrip() {
    var model =
        new io.keras4j.models.Sequential(
            new Dense(4, "relu").kernelRegularizer("l2").inputShape(3), new LeakyReLU());
    assertEquals(model.toJson(), Models.modelFromJson(model.toJson()).toJson());
  }
}
