package io.keras4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Variable}'s in-place updates: assign, assignAdd, assignSub (Keras's assign_*). */
class VariableTest {

  @Test
  void assignAddAndSubWorkInPlaceInFloat32() {
    Variable v = new Variable("v", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2), false);
    Tensor live = v.value();
    v.assignAdd(Tensor.of(new float[] {0.5f, -2, 1e-8f, 10}, 2, 2));
    // float32 arithmetic: 3 + 1e-8 rounds back to 3.
    assertArrayEquals(new float[] {1.5f, 0, 3, 14}, v.numpy().toFloatArray());
    assertSame(live, v.value(), "the value stays the same live tensor");
    assertArrayEquals(new float[] {1.5f, 0, 3, 14}, live.toFloatArray());
    v.assignSub(Tensor.of(new float[] {1.5f, 1, 0.25f, 4}, 2, 2));
    assertArrayEquals(new float[] {0, -1, 2.75f, 10}, v.numpy().toFloatArray());
  }

  @Test
  void deltasBroadcastToTheVariablesShape() {
    Variable v = new Variable("v", Tensor.zeros(2, 3), false);
    v.assignAdd(Tensor.scalar(2f)); // to every element
    v.assignAdd(Tensor.of(new float[] {1, 2, 3}, 3)); // to each row
    v.assignSub(Tensor.of(new float[] {10, 20}, 2, 1)); // to each column
    assertArrayEquals(new float[] {-7, -6, -5, -17, -16, -15}, v.numpy().toFloatArray());
    v.assignAdd(Tensor.of(new float[] {1, 1, 1}, 1, 3));
    assertArrayEquals(new float[] {-6, -5, -4, -16, -15, -14}, v.numpy().toFloatArray());

    Variable s = new Variable("s", Tensor.scalar(1f), false);
    s.assignAdd(Tensor.ofInts(new int[] {4}));
    assertEquals(5f, s.value().item());
  }

  @Test
  void intVariablesAddExactlyOrTruncate() {
    Variable v = new Variable("i", Tensor.ofInts(new int[] {1 << 30, -3}, 2), false);
    v.assignAdd(Tensor.ofInts(new int[] {1, 1}, 2));
    assertArrayEquals(new int[] {(1 << 30) + 1, -2}, v.numpy().toIntArray());
    v.assignSub(Tensor.of(new float[] {0f, 0.5f}, 2));
    // -2 - 0.5 = -2.5, truncated toward zero.
    assertArrayEquals(new int[] {(1 << 30) + 1, -2}, v.numpy().toIntArray());
    assertEquals(DType.INT32, v.dtype());
  }

  @Test
  void aShapeThatDoesNotBroadcastIsRefusedNamingTheVariable() {
    Variable v = new Variable("w", Tensor.zeros(2, 3), false);
    v.setPath("dense/w");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> v.assignAdd(Tensor.zeros(2)));
    assertEquals(
        "Cannot assign_add to variable 'dense/w': expected a value of shape (2, 3) or one that"
            + " broadcasts to it. Received: shape=(2,)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> v.assignSub(Tensor.zeros(1, 2, 3)));
    assertArrayEquals(new float[6], v.numpy().toFloatArray(), "left unchanged");
  }
}
