package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FansTest {
  @Test
  void denseKernel() {
    assertEquals(new Fans(784, 64), Fans.of(784, 64));
  }

  @Test
  void convKernelsMultiplyTheReceptiveField() {
    assertEquals(new Fans(5 * 8, 5 * 16), Fans.of(5, 8, 16)); // Conv1D
    assertEquals(new Fans(3 * 3 * 16, 3 * 3 * 32), Fans.of(3, 3, 16, 32)); // Conv2D
    assertEquals(new Fans(2 * 3 * 4 * 5, 2 * 3 * 4 * 6), Fans.of(2, 3, 4, 5, 6)); // Conv3D
  }

  @Test
  void vectorsAndScalars() {
    assertEquals(new Fans(7, 7), Fans.of(7));
    assertEquals(new Fans(1, 1), Fans.of());
  }

  @Test
  void explicitAxes() {
    assertEquals(
        new Fans(4 * 50, 300), Fans.of(new int[] {4, 50, 300}, new int[] {0, 1}, new int[] {-1}));
    // One of the two missing: Keras's rules.
    assertEquals(new Fans(4 * 50, 4 * 300), Fans.of(new int[] {4, 50, 300}, new int[] {0}, null));
  }

  @Test
  void fanAvg() {
    assertEquals(250.0, Fans.of(200, 300).fanAvg());
  }
}
