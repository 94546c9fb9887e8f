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
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.testing.Quiet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    Tensor y = model.predict(Tensor.ones(3, 5), Quiet.predict());
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
    assertArrayEquals(new int[] {5, 2}, model.predict(Tensor.ones(5, 6), Quiet.predict()).shape());
    Layer popped = model.pop();
    assertSame(last, popped);
    assertEquals(1, model.layers().size());
    assertEquals(6 * 4 + 4, model.countParams());
    assertArrayEquals(new int[] {5, 4}, model.predict(Tensor.ones(5, 6), Quiet.predict()).shape());
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

  private static Layer[] fiveDense() {
    return new Layer[] {
      new Dense(8, "relu").name("d1").inputShape(4),
      new Dense(8, "relu").name("d2"),
      new Dense(6, "tanh").name("d3"),
      new Dense(5).name("d4"),
      new Dense(3, "softmax").name("d5")
    };
  }

  private static int[] nodeCounts(Sequential model) {
    return model.layers().stream().mapToInt(l -> l.inboundNodes().size()).toArray();
  }

  @Test
  void eachLayerIsCalledOnceWhateverTheWayItWasStacked() {
    var built = new Sequential(fiveDense());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, nodeCounts(built));

    var added = new Sequential();
    for (Layer l : fiveDense()) {
      added.add(l);
    }
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, nodeCounts(added));

    var fromInput = new Sequential(Input.of(4));
    for (int i = 0; i < 5; i++) {
      fromInput.add(new Dense(3));
    }
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, nodeCounts(fromInput));
    assertEquals(1, fromInput.inputLayer().inboundNodes().size());

    // A lazily built stack calls its layers once, at the build.
    var lazy = new Sequential(new Dense(3), new Dense(2));
    lazy.add(new Dense(1));
    assertArrayEquals(new int[] {0, 0, 0}, nodeCounts(lazy));
    lazy.build(-1, 4);
    lazy.build(-1, 4);
    assertArrayEquals(new int[] {1, 1, 1}, nodeCounts(lazy));
  }

  @Test
  void popTakesBackTheCallOfTheLayer() {
    var model = new Sequential(fiveDense());
    Layer d5 = model.pop();
    Layer d4 = model.pop();
    assertEquals(0, d5.inboundNodes().size());
    assertEquals(0, d4.inboundNodes().size());
    assertArrayEquals(new int[] {1, 1, 1}, nodeCounts(model));
    assertArrayEquals(new int[] {-1, 6}, model.outputs().get(0).shape());
    assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 6 + 6, model.countParams());
    // The popped layer goes on top again, with one call.
    model.add(d4);
    assertEquals(1, d4.inboundNodes().size());
    assertArrayEquals(new int[] {-1, 5}, model.outputs().get(0).shape());
    // Down to the input alone, then up again.
    for (int i = 0; i < 4; i++) {
      model.pop();
    }
    assertEquals(0, model.layers().size());
    assertEquals(0, model.countParams());
    model.add(new Dense(2).name("again"));
    assertArrayEquals(new int[] {3, 2}, model.predict(Tensor.ones(3, 4), Quiet.predict()).shape());
  }

  @Test
  void aLayerThatDoesNotFitLeavesTheModelAsItWas() {
    var model = new Sequential(Input.of(4), new Dense(3));
    Dense wrongInput = new Dense(2);
    wrongInput.build(-1, 7);
    assertThrows(IllegalArgumentException.class, () -> model.add(wrongInput));
    assertEquals(1, model.layers().size());
    assertEquals(0, wrongInput.inboundNodes().size());
    assertArrayEquals(new int[] {-1, 3}, model.outputs().get(0).shape());
  }

  /** The stack built at once and the one built by add agree on everything a user sees. */
  @Test
  void addingOneByOneGivesTheSameModel() {
    Keras.setRandomSeed(7);
    var built = new Sequential(fiveDense());
    Keras.clearSession(); // the same automatic model name for both
    Keras.setRandomSeed(7);
    var added = new Sequential();
    for (Layer l : fiveDense()) {
      added.add(l);
    }
    assertEquals(built.summary(90), added.summary(90));
    assertEquals(built.toJson(), added.toJson());
    SplittableRandom rnd = new SplittableRandom(3);
    float[] xs = new float[40 * 4];
    float[] ys = new float[40 * 3];
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 4; j++) {
        xs[i * 4 + j] = (float) rnd.nextDouble(-1, 1);
      }
      ys[i * 3 + rnd.nextInt(3)] = 1;
    }
    Tensor x = Tensor.of(xs, 40, 4);
    Tensor y = Tensor.of(ys, 40, 3);
    assertArrayEquals(
        built.predict(x, Quiet.predict()).toFloatArray(),
        added.predict(x, Quiet.predict()).toFloatArray());
    List<Double> losses = new ArrayList<>();
    for (Sequential m : List.of(built, added)) {
      Keras.setRandomSeed(11);
      m.compile("adam", "categorical_crossentropy");
      History h = m.fit(x, y, new FitOptions().epochs(3).batchSize(8).verbose(0));
      losses.addAll(h.get("loss"));
    }
    assertEquals(losses.subList(0, 3), losses.subList(3, 6));
    assertTrue(losses.get(2) < losses.get(0), "the loss falls: " + losses);
    // A model read back from its JSON has one call per layer too.
    Sequential copy = (Sequential) Models.modelFromJson(added.toJson());
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, nodeCounts(copy));
    assertEquals(added.toJson(), copy.toJson());
  }
}
