package io.keras4j.optimizers.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules to Keras JSON and back, as keras.optimizers.schedules.serialize / deserialize. */
class LearningRateSchedulesTest {

  @Test
  void configsAsKeras() {
    assertEquals(
        "{\"initial_learning_rate\":0.1,\"decay_steps\":100,\"alpha\":0.0,\"name\":\"CosineDecay\","
            + "\"warmup_target\":null,\"warmup_steps\":0}",
        Json.write(new CosineDecay(0.1, 100).getConfig()));
    assertEquals(
        "{\"boundaries\":[10,20],\"values\":[1.0,0.5,0.1],\"name\":\"PiecewiseConstant\"}",
        Json.write(
            new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {1, 0.5, 0.1})
                .getConfig()));
    assertEquals(
        "{\"initial_learning_rate\":0.1,\"first_decay_steps\":10,\"t_mul\":2.0,\"m_mul\":1.0,"
            + "\"alpha\":0.0,\"name\":\"SGDRDecay\"}",
        Json.write(new CosineDecayRestarts(0.1, 10).getConfig()));
    assertEquals(
        "{\"initial_learning_rate\":0.1,\"decay_steps\":10,\"end_learning_rate\":1.0E-4,"
            + "\"power\":1.0,\"cycle\":false,\"name\":\"PolynomialDecay\"}",
        Json.write(new PolynomialDecay(0.1, 10).getConfig()));
  }

  @Test
  void roundTrips() {
    List<LearningRateSchedule> all =
        List.of(
            new ExponentialDecay(0.1, 1000, 0.96, true).name("e"),
            new InverseTimeDecay(0.001, 1000, 1, false),
            new PiecewiseConstantDecay(new long[] {100, 110}, new double[] {1.0, 0.5, 0.1}),
            new PolynomialDecay(0.1, 10000, 0.01, 0.5, true),
            new CosineDecay(0.0, 1000, 0.1, 0.1, 100),
            new CosineDecay(0.1, 1000),
            new CosineDecayRestarts(0.1, 1000, 1.5, 0.9, 0.01));
    for (LearningRateSchedule s : all) {
      Map<String, Object> json = LearningRateSchedules.serialize(s);
      assertEquals("keras.optimizers.schedules", json.get("module"));
      assertEquals(s.className(), json.get("class_name"));
      LearningRateSchedule back =
          LearningRateSchedules.deserialize(Json.readObject(Json.write(json)));
      assertEquals(s.getClass(), back.getClass());
      assertEquals(Json.write(s.getConfig()), Json.write(back.getConfig()));
      for (long step : new long[] {0, 7, 105, 1500}) {
        assertEquals(s.apply(step), back.apply(step), 0.0);
      }
    }
  }

  /** Keras 2 (tf.keras) wrote the same class names, sometimes with float step counts. */
  @Test
  void readsKeras2Json() {
    LearningRateSchedule s =
        LearningRateSchedules.deserialize(
            Json.readObject(
                """
                {"class_name": "InverseTimeDecay", "config": {"initial_learning_rate": 0.1,
                 "decay_steps": 1.0, "decay_rate": 0.5, "staircase": false,
                 "name": "InverseTimeDecay"}}
                """));
    assertInstanceOf(InverseTimeDecay.class, s);
    // 0.1 / (1 + 0.5 * 2)
    assertEquals(0.05, s.apply(2), 1e-15);
  }

  @Test
  void badJson() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LearningRateSchedules.deserialize(
                    Map.of("class_name", "ExponentialDecy", "config", Map.of())));
    assertEquals(
        "Unknown learning rate schedule: 'ExponentialDecy'. Did you mean 'ExponentialDecay'?"
            + " Received: class_name=ExponentialDecy",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LearningRateSchedules.deserialize(
                    Map.of(
                        "class_name",
                        "ExponentialDecay",
                        "config",
                        Map.of("initial_learning_rate", 0.1, "decay_rate", 0.5))));
    assertTrue(e.getMessage().contains("'decay_steps' is missing"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LearningRateSchedules.deserialize(
                    Map.of(
                        "class_name",
                        "PiecewiseConstantDecay",
                        "config",
                        Map.of("boundaries", List.of(1.5), "values", List.of(1, 2)))));
    assertEquals(
        "Invalid config for PiecewiseConstantDecay: expected integers in 'boundaries'. Received:"
            + " boundaries=1.5",
        e.getMessage());
  }
}
