package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegularizersLookupTest {
  @Test
  void kerasNamesWithTheirDefaults() {
    assertEquals(Map.of("l1", 0.01), Regularizers.get("l1").getConfig());
    assertEquals(Map.of("l2", 0.01), Regularizers.get("l2").getConfig());
    assertEquals(Map.of("l2", 0.01), Regularizers.get("L2").getConfig());
    assertEquals(Map.of("l1", 0.0, "l2", 0.0), Regularizers.get("l1l2").getConfig());
    assertEquals(Map.of("l1", 0.0, "l2", 0.0), Regularizers.get("L1L2").getConfig());
    assertEquals(Map.of("l1", 0.01, "l2", 0.01), Regularizers.get("l1_l2").getConfig());
    assertEquals(
        Map.of("factor", 0.01, "mode", "rows"),
        Regularizers.get("orthogonal_regularizer").getConfig());
    assertInstanceOf(OrthogonalRegularizer.class, Regularizers.get("OrthogonalRegularizer"));
  }

  @Test
  void roundTrips() {
    for (Regularizer r :
        List.of(
            new L1(0.3),
            new L2(0.002),
            new L1L2(0.1, 0.2),
            new OrthogonalRegularizer(0.5, "columns"))) {
      Map<String, Object> json = Regularizers.serialize(r);
      assertEquals("keras.regularizers", json.get("module"));
      assertEquals(r.className(), json.get("class_name"));
      Regularizer back = Regularizers.deserialize(json);
      assertEquals(r.className(), back.className());
      assertEquals(r.getConfig(), back.getConfig());
    }
  }

  @Test
  void readsKeras2AndTfjsJson() {
    // Keras 2 wrote L2 as L1L2 with l1 = 0; TF.js writes L1L2 too.
    var r =
        Regularizers.deserialize(
            Map.of("class_name", "L1L2", "config", Map.of("l1", 0, "l2", 0.001)));
    assertEquals(Map.of("l1", 0.0, "l2", 0.001), r.getConfig());
    assertEquals(
        Map.of("l2", 0.05),
        Regularizers.deserialize(Map.of("class_name", "L2", "config", Map.of("l2", 0.05)))
            .getConfig());
  }

  @Test
  void unknownNamesAndBadConfigs() {
    var e = assertThrows(IllegalArgumentException.class, () -> Regularizers.get("l3"));
    assertTrue(
        e.getMessage().startsWith("Unknown regularizer: 'l3'. Did you mean"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Received: regularizer=l3"), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> Regularizers.deserialize(Map.of("class_name", "L2", "config", Map.of("l2", -1))));
    assertEquals(
        "Invalid value for argument l2: expected a non-negative float. Received: l2=-1.0",
        e2.getMessage());
  }
}
