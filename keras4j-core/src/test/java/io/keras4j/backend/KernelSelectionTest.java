package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.jvm.KernelsProvider;
import io.keras4j.testing.LogCapture;
import org.junit.jupiter.api.Test;

/**
 * The kernels are chosen once: the Vector API ones when the incubating module is readable, the
 * scalar ones otherwise, with the reason. The build runs this class both with and without {@code
 * --add-modules jdk.incubator.vector}.
 */
class KernelSelectionTest {

  @Test
  void kernelsFollowTheModule() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    String reason = KernelsProvider.vectorUnavailableReason();
    if (module) {
      assertNull(reason, "the vector module is present, yet: " + reason);
      assertTrue(
          io.keras4j.backend.jvm.JvmKernelsHolder.kernels().name().startsWith("vector"),
          io.keras4j.backend.jvm.JvmKernelsHolder.kernels().name());
    } else {
      assertNotNull(reason);
      assertTrue(reason.contains("--add-modules jdk.incubator.vector"), reason);
      assertEquals("scalar", io.keras4j.backend.jvm.JvmKernelsHolder.kernels().name());
    }
  }

  @Test
  void thePropertyForcesScalarKernels() {
    String old = System.getProperty("keras4j.vector");
    System.setProperty("keras4j.vector", "false");
    try (LogCapture log = LogCapture.of(KernelsProvider.class)) {
      assertTrue(KernelsProvider.vectorUnavailableReason().contains("keras4j.vector=false"));
      assertEquals("scalar", KernelsProvider.lookup().name());
      // The fallback says why, once per lookup.
      assertEquals(
          java.util.List.of(
              "INFO: keras4j: using scalar kernels because the system property"
                  + " keras4j.vector=false asks for them"),
          log.messages());
    } finally {
      if (old == null) {
        System.clearProperty("keras4j.vector");
      } else {
        System.setProperty("keras4j.vector", old);
      }
    }
  }

  @Test
  void kernelsComputeTheSameOnBothPaths() {
    float[] a = {1, 2, 3, 4, 5, 6};
    float[] b = {1, 0, 0, 1, 1, 1};
    float[] c = new float[4];
    // [2x3] x [3x2]
    io.keras4j.backend.jvm.JvmKernelsHolder.kernels()
        .gemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false);
    assertEquals(4f, c[0]);
    assertEquals(5f, c[1]);
    assertEquals(10f, c[2]);
    assertEquals(11f, c[3]);
  }
}
