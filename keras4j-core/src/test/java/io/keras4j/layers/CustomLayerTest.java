package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.initializers.Constant;
import io.keras4j.initializers.Initializers;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user-written layer: subclass Layer, create weights in onBuild, compute with Ops. */
class CustomLayerTest {

  /** {@code y = x * scale + shift} per feature, with a frozen counter of calls as state. */
  static final class ScaleShift extends Layer {
    private final float initialScale;
    private Variable scale;
    private Variable shift;
    private Variable calls;

    ScaleShift(float initialScale) {
      this.initialScale = initialScale;
    }

    @Override
    protected void onBuild(int[] inputShape) {
      int features = inputShape[inputShape.length - 1];
      scale =
          addWeight("scale", new int[] {features}, new Constant(initialScale), null, null, true);
      shift = addWeight("shift", new int[] {features}, Initializers.get("zeros"));
      calls = addWeight("calls", new int[] {1}, Initializers.get("zeros"), null, null, false);
    }

    @Override
    protected Tensor call(Tensor inputs, CallContext ctx) {
      return Ops.add(Ops.multiply(inputs, scale.value()), shift.value());
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
      return inputShape;
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("initial_scale", initialScale);
      return c;
    }

    static ScaleShift fromConfig(Config c) {
      ScaleShift l = new ScaleShift((float) c.getDouble("initial_scale"));
      return l.applyBaseConfig(c, l);
    }
  }

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  @Test
  void customLayerBuildsComputesAndDifferentiates() {
    ScaleShift layer = new ScaleShift(2f);
    KerasTensor in = Input.of(3);
    KerasTensor out = layer.apply(in);
    Model model = new Model(in, out);
    assertEquals("scale_shift", layer.name());
    assertEquals(7, model.countParams());
    assertEquals(2, model.trainableWeights().size());
    assertEquals(1, model.nonTrainableWeights().size());
    assertEquals(
        List.of("scale_shift/scale", "scale_shift/shift", "scale_shift/calls"),
        layer.weights().stream().map(Variable::path).toList());
    Tensor x = Tensor.of(new float[] {1, 2, 3, -1, 0, 1}, 2, 3);
    assertArrayEquals(
        new float[] {2, 4, 6, -2, 0, 2}, model.predict(x, Quiet.predict()).toFloatArray());

    try (GradientTape tape = new GradientTape()) {
      tape.watch(layer.trainableWeights());
      Tensor loss = Ops.sum(layer.apply(x));
      List<Tensor> g =
          tape.gradient(loss, layer.trainableWeights().stream().map(Variable::value).toList());
      // d/dscale = column sums of x; d/dshift = number of rows
      assertArrayEquals(new float[] {0, 2, 4}, g.get(0).toFloatArray());
      assertArrayEquals(new float[] {2, 2, 2}, g.get(1).toFloatArray());
    }

    layer.trainable(false);
    assertEquals(0, model.trainableWeights().size());
    assertTrue(model.summary(88).contains("Non-trainable params: 7 (28.00 B)"));
  }

  @Test
  void customLayerRoundTripsThroughTheRegistry() {
    LayerRegistry.register("ScaleShift", ScaleShift::fromConfig);
    KerasTensor in = Input.of(2);
    Model model = new Model(in, new ScaleShift(3f).apply(in));
    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    Tensor x = Tensor.of(new float[] {1, 2}, 1, 2);
    assertArrayEquals(new float[] {3, 6}, copy.predict(x, Quiet.predict()).toFloatArray());
  }

  /** Sums the last axis and keeps a size-1 axis; gives no computeOutputShape of its own. */
  static final class RowSums extends Layer {
    @Override
    protected Tensor call(Tensor inputs, CallContext ctx) {
      return Ops.sum(inputs, new int[] {-1}, true);
    }
  }

  @Test
  void outputShapeIsInferredWhenALayerGivesNoFormula() {
    KerasTensor in = Input.of(-1, 4);
    KerasTensor out = new RowSums().apply(in);
    assertArrayEquals(new int[] {-1, -1, 1}, out.shape());
    Model model = new Model(in, out);
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 4);
    assertArrayEquals(new float[] {10, 26}, model.predict(x, Quiet.predict()).toFloatArray());
  }
}
