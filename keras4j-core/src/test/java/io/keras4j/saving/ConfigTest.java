package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void readsJsonNumbersOfAnyBoxedType() {
    Map<String, Object> m = new HashMap<>();
    m.put("a", 1);
    m.put("b", 2.5);
    m.put("c", 3L);
    m.put("d", 4.0);
    m.put("n", null);
    Config c = new Config("Thing", m);
    assertEquals(1.0, c.getDouble("a", 0));
    assertEquals(2.5, c.getDouble("b", 0));
    assertEquals(3, c.getInt("c", 0));
    assertEquals(4, c.getInt("d", 0));
    assertEquals(4L, c.getLong("d"));
    assertNull(c.getLong("n"));
    assertEquals(9.0, c.getDouble("n", 9.0), "null reads as the default");
    assertEquals(7.0, c.getDouble("missing", 7.0));
  }

  @Test
  void axesAsIntListOrNull() {
    Map<String, Object> m = new HashMap<>();
    m.put("one", 0);
    m.put("many", List.of(0, 1, 2));
    m.put("none", null);
    Config c = new Config("MaxNorm", m);
    assertArrayEquals(new int[] {0}, c.getInts("one", null));
    assertArrayEquals(new int[] {0, 1, 2}, c.getInts("many", null));
    assertNull(c.getInts("none", new int[] {5}));
    assertArrayEquals(new int[] {5}, c.getInts("absent", new int[] {5}));
  }

  @Test
  void errorsNameTheOwnerKeyAndValue() {
    Config c = new Config("L2", Map.of("l2", "x", "l3", 1));
    var e = assertThrows(IllegalArgumentException.class, () -> c.getDouble("l2", 0));
    assertEquals(
        "Invalid config for L2: expected a number for 'l2'. Received: l2='x'", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> c.allowOnly("l2"));
    assertTrue(e2.getMessage().startsWith("Unrecognized argument 'l3' in the config of L2"));
    assertTrue(e2.getMessage().contains("Did you mean 'l2'?"), e2.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new Config("X", Map.of("seed", 1.5)).getLong("seed"));
  }
}
