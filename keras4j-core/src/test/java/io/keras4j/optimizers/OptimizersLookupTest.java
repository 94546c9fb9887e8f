package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.internal.Json;
import io.keras4j.optimizers.schedules.CosineDecay;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.testing.LogCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Optimizers.get}, {@code serialize} and {@code deserialize}, with Keras's JSON. */
class OptimizersLookupTest {

  @Test
  void kerasNamesGiveNewOptimizersWithKerasDefaults() {
    Map<String, Class<?>> classes = new LinkedHashMap<>();
    classes.put("sgd", SGD.class);
    classes.put("adam", Adam.class);
    classes.put("adamw", AdamW.class);
    classes.put("adadelta", Adadelta.class);
    classes.put("adagrad", Adagrad.class);
    classes.put("adamax", Adamax.class);
    classes.put("ftrl", Ftrl.class);
    classes.put("nadam", Nadam.class);
    classes.put("rmsprop", RMSprop.class);
    classes.put("lion", Lion.class);
    for (var e : classes.entrySet()) {
      Optimizer o = Optimizers.get(e.getKey());
      assertInstanceOf(e.getValue(), o);
      assertEquals(e.getKey().equals("sgd") ? 0.01f : 0.001f, (float) o.learningRate());
      assertEquals(0, o.iterations());
      assertNotSame(o, Optimizers.get(e.getKey()));
    }
    assertInstanceOf(RMSprop.class, Optimizers.get("RMSprop"));
    assertInstanceOf(Adam.class, Optimizers.get("Adam"));
    assertInstanceOf(AdamW.class, Optimizers.get("AdamW"));
    assertInstanceOf(SGD.class, Optimizers.get("SGD"));
    // Keras matches built-in names without regard to case.
    assertInstanceOf(Nadam.class, Optimizers.get("NADAM"));
    assertEquals(0.004, Optimizers.get("adamw").weightDecay());
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamm"));
    assertEquals(
        "Unknown optimizer: 'adamm'. Did you mean 'adam'? Received: optimizer=adamm",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("rmsporp"));
    assertTrue(e.getMessage().contains("Did you mean 'rmsprop'?"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("banana"));
    assertEquals("Unknown optimizer: 'banana'. Received: optimizer=banana", e.getMessage());
  }

  /** The optimizer entry of compile_config in gru_forecast_keras3.15.keras (real Keras 3.15). */
  private static final String KERAS_315_ADAM =
      """
      {"module": "keras.optimizers", "class_name": "Adam", "config": {"name": "adam_1",
       "learning_rate": 0.0015477559063583612, "weight_decay": null, "clipnorm": null,
       "global_clipnorm": null, "clipvalue": null, "use_ema": false, "ema_momentum": 0.99,
       "ema_overwrite_frequency": null, "loss_scale_factor": null,
       "gradient_accumulation_steps": null, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07,
       "amsgrad": false}, "registered_name": null}
      """;

  @Test
  void realKeras3ConfigRoundTrips() {
    Map<String, Object> json = Json.readObject(KERAS_315_ADAM);
    Optimizer o = Optimizers.deserialize(json);
    assertInstanceOf(Adam.class, o);
    assertEquals("adam_1", o.name());
    assertEquals(0.0015477559063583612, o.learningRate());
    // Same keys, order and values as Keras wrote them.
    Map<String, Object> back = Optimizers.serialize(o);
    assertEquals(Json.write(json), Json.write(back));
  }

  @Test
  void everyOptimizerRoundTripsWithItsOptions() {
    List<Optimizer> all =
        List.of(
            new SGD(0.05).momentum(0.8).nesterov(true).clipnorm(1.5).name("s"),
            new Adam(0.02).beta1(0.8).beta2(0.99).epsilon(1e-6).amsgrad(true).clipvalue(0.5),
            new AdamW(0.02).weightDecay(0.01).globalClipnorm(2.0),
            new Adadelta(1.0).rho(0.9).epsilon(1e-6),
            new Adagrad(0.1).initialAccumulatorValue(0.2).epsilon(1e-5),
            new Adamax(0.002).beta1(0.85).beta2(0.95).epsilon(1e-6).weightDecay(0.1),
            new Ftrl(0.1)
                .learningRatePower(-0.7)
                .initialAccumulatorValue(0.3)
                .l1RegularizationStrength(0.01)
                .l2RegularizationStrength(0.02)
                .l2ShrinkageRegularizationStrength(0.03)
                .beta(0.5),
            new Nadam(0.003).beta1(0.7).beta2(0.9).epsilon(1e-5),
            new RMSprop(0.01).rho(0.8).momentum(0.5).epsilon(1e-6).centered(true),
            new Lion(new CosineDecay(0.1, 100, 0.1, 0.2, 10)).beta1(0.8).beta2(0.9));
    for (Optimizer o : all) {
      Map<String, Object> json = Optimizers.serialize(o);
      assertEquals("keras.optimizers", json.get("module"));
      assertEquals(o.className(), json.get("class_name"));
      Optimizer back = Optimizers.deserialize(Json.readObject(Json.write(json)));
      assertEquals(o.getClass(), back.getClass());
      assertEquals(Json.write(o.getConfig()), Json.write(back.getConfig()));
    }
  }

  @Test
  void configKeysAsKeras() {
    Map<String, Object> c = new RMSprop().name("rms").getConfig();
    assertEquals(
        List.of(
            "name",
            "learning_rate",
            "weight_decay",
            "clipnorm",
            "global_clipnorm",
            "clipvalue",
            "use_ema",
            "ema_momentum",
            "ema_overwrite_frequency",
            "loss_scale_factor",
            "gradient_accumulation_steps",
            "rho",
            "momentum",
            "epsilon",
            "centered"),
        List.copyOf(c.keySet()));
    assertEquals(
        List.of(
            "learning_rate_power",
            "initial_accumulator_value",
            "l1_regularization_strength",
            "l2_regularization_strength",
            "l2_shrinkage_regularization_strength",
            "beta"),
        List.copyOf(new Ftrl().getConfig().keySet()).subList(11, 17));
  }

  @Test
  void aScheduleIsSerializedAsKerasDoes() {
    Map<String, Object> c = new SGD(new ExponentialDecay(0.1, 1000, 0.96, true)).getConfig();
    assertEquals(
        "{\"module\":\"keras.optimizers.schedules\",\"class_name\":\"ExponentialDecay\","
            + "\"config\":{\"initial_learning_rate\":0.1,\"decay_steps\":1000,\"decay_rate\":0.96,"
            + "\"staircase\":true,\"name\":\"ExponentialDecay\"},\"registered_name\":null}",
        Json.write(c.get("learning_rate")));
    Optimizer back =
        Optimizers.deserialize(Optimizers.serialize(new Adam(new ExponentialDecay(0.1, 1, 0.5))));
    assertEquals(0.1, back.learningRate(), 1e-8);
    assertInstanceOf(ExponentialDecay.class, back.learningRateSchedule());
  }

  /** Optimizer configs found in Keras 2 .h5 files (training_config of the DL4J test models). */
  @Test
  void readsKeras2Configs() {
    Optimizer rms;
    try (LogCapture log = LogCapture.of(BaseConfig.class)) {
      rms =
          Optimizers.deserialize(
              Json.readObject(
                  """
                  {"class_name": "RMSprop", "config": {"learning_rate": 9.999999747378752e-05,
                   "rho": 0.8999999761581421, "decay": 9.999999974752427e-07, "epsilon": 1e-07}}
                  """));
      // Keras 3 ignores Keras 2's decay, saying so.
      assertTrue(
          log.contains(
              "WARNING: RMSprop: argument decay is no longer supported and will be ignored"),
          log.messages().toString());
    }
    assertEquals(9.999999747378752e-05, rms.learningRate());
    assertEquals(0.8999999761581421, ((RMSprop) rms).rho());
    Optimizer sgd =
        Optimizers.deserialize(
            Json.readObject(
                """
                {"class_name": "SGD", "config": {"lr": 0.009999999776482582, "momentum": 0.0,
                 "decay": 0.0, "nesterov": false}}
                """));
    assertEquals(0.009999999776482582, sgd.learningRate());
    Optimizer adam =
        Optimizers.deserialize(
            Json.readObject(
                """
                {"class_name": "Custom>Adam", "config": {"name": "Adam", "weight_decay": null,
                 "clipnorm": null, "global_clipnorm": null, "clipvalue": null, "use_ema": false,
                 "ema_momentum": 0.99, "ema_overwrite_frequency": null, "jit_compile": true,
                 "is_legacy_optimizer": false, "learning_rate": 0.004999999888241291,
                 "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": false}}
                """));
    assertInstanceOf(Adam.class, adam);
    assertEquals("Adam", adam.name());
    assertEquals(0.004999999888241291, adam.learningRate());
  }

  @Test
  void badConfigs() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Optimizers.deserialize(
                    Map.of("class_name", "Adam", "config", Map.of("beta1", 0.5))));
    assertTrue(
        e.getMessage().startsWith("Unrecognized argument 'beta1' in the config of Adam"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Did you mean 'beta_1'?"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Optimizers.deserialize(
                    Map.of("class_name", "SGD", "config", Map.of("use_ema", true))));
    assertEquals(
        "SGD: use_ema is not supported by keras4j yet; leave it at its default. Received:"
            + " use_ema=true",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Optimizers.deserialize(
                    Map.of(
                        "class_name", "SGD", "config", Map.of("gradient_accumulation_steps", 4))));
    assertTrue(e.getMessage().contains("gradient_accumulation_steps"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Optimizers.deserialize(Map.of("class_name", "Adamm", "config", Map.of())));
    assertEquals(
        "Unknown optimizer: 'Adamm'. Did you mean 'Adam'? Received: class_name=Adamm",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Optimizers.deserialize(
                    Map.of("class_name", "SGD", "config", Map.of("momentum", 1.5))));
    assertEquals("SGD: momentum must be in [0, 1]. Received: momentum=1.5", e.getMessage());
  }
}
