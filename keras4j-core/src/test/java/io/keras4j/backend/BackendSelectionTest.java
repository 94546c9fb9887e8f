package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Backends are found through ServiceLoader and chosen by name, once per process. */
class BackendSelectionTest {

  @Test
  void theJavaBackendIsFoundAndIsTheDefault() {
    assertTrue(Backends.available().contains("jvm"), Backends.available().toString());
    assertEquals("jvm", Backend.current().name());
    assertSame(Backend.current(), Backend.current());
    assertTrue(
        Backend.current().description().startsWith("jvm: "), Backend.current().description());
  }

  @Test
  void aNameIsMatchedIgnoringCase() {
    assertEquals("jvm", Backends.select("JVM").name());
  }

  @Test
  void anUnknownNameListsTheBackendsFound() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Backends.select("cuda"));
    assertTrue(e.getMessage().contains("No keras4j backend named 'cuda'"), e.getMessage());
    assertTrue(e.getMessage().contains("Backends found: jvm"), e.getMessage());
    assertTrue(e.getMessage().contains("Received: keras4j.backend=cuda"), e.getMessage());
  }
}
