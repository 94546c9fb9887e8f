package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintsLookupTest {
  @Test
  void kerasNames() {
    Map<String, String> expected =
        Map.of(
            "max_norm", "MaxNorm",
            "maxnorm", "MaxNorm",
            "MaxNorm", "MaxNorm",
            "non_neg", "NonNeg",
            "nonneg", "NonNeg",
            "unit_norm", "UnitNorm",
            "unitnorm", "UnitNorm",
            "min_max_norm", "MinMaxNorm",
            "MinMaxNorm", "MinMaxNorm");
    expected.forEach((name, cls) -> assertEquals(cls, Constraints.get(name).className(), name));
    assertEquals(Map.of("max_value", 2.0, "axis", 0), Constraints.get("max_norm").getConfig());
    assertEquals(
        Map.of("min_value", 0.0, "max_value", 1.0, "rate", 1.0, "axis", 0),
        Constraints.get("min_max_norm").getConfig());
  }

  @Test
  void roundTrips() {
    for (Constraint c :
        List.of(
            new MaxNorm(3, 0, 1, 2),
            new MaxNorm(1.5, 1),
            new MaxNorm(1, new int[0]),
            new NonNeg(),
            new UnitNorm(-1),
            new MinMaxNorm(0.1, 0.9, 0.5, 1))) {
      Map<String, Object> json = Constraints.serialize(c);
      assertEquals("keras.constraints", json.get("module"));
      Constraint back = Constraints.deserialize(json);
      assertEquals(c.className(), back.className());
      assertEquals(c.getConfig(), back.getConfig(), c.toString());
    }
  }

  @Test
  void axisForms() {
    assertEquals(List.of(0, 1, 2), new MaxNorm(3, 0, 1, 2).getConfig().get("axis"));
    assertNull(new MaxNorm(3, new int[0]).getConfig().get("axis"));
    Map<String, Object> config = new HashMap<>();
    config.put("max_value", 4);
    config.put("axis", List.of(0, 1, 2));
    MaxNorm m =
        (MaxNorm) Constraints.deserialize(Map.of("class_name", "MaxNorm", "config", config));
    assertArrayEquals(new int[] {0, 1, 2}, m.axis());
    assertEquals(4.0, m.maxValue());
    config.put("axis", null);
    MaxNorm all =
        (MaxNorm) Constraints.deserialize(Map.of("class_name", "MaxNorm", "config", config));
    assertNull(all.axis());
  }

  @Test
  void unknownNamesSuggest() {
    var e = assertThrows(IllegalArgumentException.class, () -> Constraints.get("max_nrom"));
    assertEquals(
        "Unknown constraint: 'max_nrom'. Did you mean 'max_norm'? Received: constraint=max_nrom",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Constraints.deserialize(Map.of("class_name", "UnitNorm", "config", Map.of("axes", 0))));
  }
}
