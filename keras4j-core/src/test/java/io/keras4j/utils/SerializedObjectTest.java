package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.internal.SerializedObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializedObjectTest {
  @Test
  void serializedObjectReadsBothFormsAndWritesKeras3() {
    SerializedObject k2 =
        SerializedObject.parse("initializer", Map.of("class_name", "Zeros", "config", Map.of()));
    assertEquals("Zeros", k2.className());
    assertNull(k2.module());
    SerializedObject k3 =
        SerializedObject.parse(
            "initializer",
            Map.of("module", "keras.initializers", "class_name", "Ones", "config", Map.of()));
    assertEquals("keras.initializers", k3.module());
    assertEquals(Map.of(), SerializedObject.parse("x", Map.of("class_name", "A")).config());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SerializedObject.parse("initializer", Map.of("config", Map.of())));
    assertTrue(e.getMessage().contains("needs a string 'class_name'"), e.getMessage());
    assertEquals(
        List.of("module", "class_name", "config", "registered_name"),
        List.copyOf(SerializedObject.builtin("m", "C", Map.of()).toMap().keySet()));
  }
}
