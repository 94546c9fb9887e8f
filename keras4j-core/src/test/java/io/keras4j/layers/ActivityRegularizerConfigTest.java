package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.regularizers.Regularizers;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keras's {@code activity_regularizer} survives {@code toJson} and {@code modelFromJson}: the
 * penalty on the outputs is the same number before and after, and the number Keras's formula gives
 * ({@code regularizer(output) / batch_size}).
 */
class ActivityRegularizerConfigTest {
  private static final Tensor X =
      Tensor.of(new float[] {0.5f, -1f, 2f, 1.5f, 0.25f, -0.75f, -2f, 1f, 0f}, 3, 3);

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  /** The summed losses of the model's last call (the activity penalties, here). */
  private static double penalty(Model model, Tensor x) {
    model.apply(x);
    return model.losses().stream().mapToDouble(Tensor::item).sum();
  }

  private static double sumAbs(Tensor t) {
    double s = 0;
    for (float v : t.toFloatArray()) {
      s += Math.abs(v);
    }
    return s;
  }

  private static double sumSquares(Tensor t) {
    double s = 0;
    for (float v : t.toFloatArray()) {
      s += (double) v * v;
    }
    return s;
  }

  private static Model roundTrip(Model model) {
    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    return copy;
  }

  @Test
  void denseAndTheBaseLayerKeepTheirPenaltyThroughJson() {
    KerasTensor in = Input.of(3);
    Dense dense = new Dense(4, "tanh").activityRegularizer(Regularizers.l1L2(0.01, 0.02));
    KerasTensor h = dense.apply(in);
    // Every layer takes the argument through the base class (Keras's Layer.__init__).
    Layer relu = new ReLU().activityRegularizer("l1");
    Model model = new Model(in, relu.apply(h));

    Tensor hidden = dense.apply(X);
    double expected =
        (0.01 * sumAbs(hidden) + 0.02 * sumSquares(hidden)) / 3
            + 0.01 * sumAbs(relu.apply(hidden)) / 3;
    double before = penalty(model, X);
    assertEquals(expected, before, 1e-6);

    Model copy = roundTrip(model);
    assertEquals(before, penalty(copy, X), 1e-7);
    assertEquals(
        Regularizers.serialize(Regularizers.l1L2(0.01, 0.02)),
        copy.getLayer(dense.name()).getConfig().get("activity_regularizer"));
  }

  @Test
  void aSequentialOfDenseKeepsItsPenaltyThroughJson() {
    var model =
        new Sequential(
            new Dense(4, "relu").activityRegularizer("l2").inputShape(3),
            new Dense(2).activityRegularizer(Regularizers.l1(0.05)));
    double before = penalty(model, X);
    assertTrue(before > 0, "a penalty to compare: " + before);
    assertEquals(before, penalty(roundTrip(model), X), 1e-7);
  }

  @Test
  void embeddingKeepsItsPenaltyThroughJson() {
    KerasTensor ids = Input.of(DType.INT32, 2);
    Embedding emb = new Embedding(5, 3).activityRegularizer("l2");
    Model model = new Model(ids, emb.apply(ids));
    Tensor x = Tensor.ofInts(new int[] {0, 4, 2, 2}, 2, 2);
    double expected = 0.01 * sumSquares(emb.apply(x)) / 2;
    double before = penalty(model, x);
    assertEquals(expected, before, 1e-6);
    assertEquals(before, penalty(roundTrip(model), x), 1e-7);
  }

  @Test
  void withoutAPenaltyNothingIsWritten() {
    assertFalse(new Dense(2).getConfig().containsKey("activity_regularizer"));
    assertFalse(new ReLU().getConfig().containsKey("activity_regularizer"));
    // Keras's Embedding writes the key even when it is None.
    Map<String, Object> emb = new Embedding(3, 2).getConfig();
    assertTrue(emb.containsKey("activity_regularizer"));
    assertNull(emb.get("activity_regularizer"));
  }

  @Test
  void activityRegularizationKeepsItsOwnPenalty() {
    var layer = new ActivityRegularization().l1(0.1).l2(0.2);
    Map<String, Object> config = layer.getConfig();
    assertFalse(config.containsKey("activity_regularizer"), config.toString());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ActivityRegularization().activityRegularizer("l2"));
    assertTrue(e.getMessage().contains("takes no activity_regularizer"), e.getMessage());
    KerasTensor in = Input.of(3);
    Model model = new Model(in, layer.apply(in));
    double expected = (0.1 * sumAbs(X) + 0.2 * sumSquares(X)) / 3;
    assertEquals(expected, penalty(model, X), 1e-6);
    assertEquals(expected, penalty(roundTrip(model), X), 1e-6);
  }
}
