package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SequentialTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  @Test
  void buildsLazilyAtTheFirstCall() {
    var model = new Sequential(new Dense(4, "relu"), new Dense(2));
    assertFalse(model.hasGraph());
    assertEquals(0, model.countParams());
    String unbuilt = model.summary(76);
    assertTrue(unbuilt.contains("0 (unbuilt)"), unbuilt);
    assertTrue(unbuilt.contains("│ ?"), unbuilt);
    Tensor y = model.predict(Tensor.ones(3, 5));
    assertArrayEquals(new int[] {3, 2}, y.shape());
    assertTrue(model.hasGraph());
    assertEquals(5 * 4 + 4 + 4 * 2 + 2, model.countParams());
    assertArrayEquals(new int[] {-1, 5}, model.inputs().get(0).shape());
  }

  @Test
  void buildWithAnExplicitShape() {
    var model = new Sequential(new Dense(3));
    model.build(-1, 7);
    assertEquals(7 * 3 + 3, model.countParams());
    assertArrayEquals(new int[] {-1, 3}, model.outputs().get(0).shape());
  }

  @Test
  void addAndPopRebuildTheGraph() {
    var model = new Sequential(Input.of(6));
    model.add(new Dense(4));
    Dense last = new Dense(2);
    model.add(last);
    assertEquals(2, model.layers().size());
    assertArrayEquals(new int[] {5, 2}, model.predict(Tensor.ones(5, 6)).shape());
    Layer popped = model.pop();
    assertSame(last, popped);
    assertEquals(1, model.layers().size());
    assertEquals(6 * 4 + 4, model.countParams());
    assertArrayEquals(new int[] {5, 4}, model.predict(Tensor.ones(5, 6)).shape());
    assertEquals(4, model.getWeights().get(1).size());
  }

  @Test
  void anInputOnlyComesFirst() {
    var model = new Sequential(new Dense(2).inputShape(3));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.add(Input.of(3)));
    assertTrue(e.getMessage().contains("only as its first element"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new Sequential().pop());
  }
}
