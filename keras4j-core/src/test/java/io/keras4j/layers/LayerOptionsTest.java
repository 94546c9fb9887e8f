package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.saving.LayerRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Options that change after build, default names and registration, for every new layer. */
class LayerOptionsTest {

  private static <L extends Layer> void frozenAfterBuild(
      Supplier<L> make, int[] shape, String option, Consumer<L> change) {
    L layer = make.get();
    layer.build(shape);
    var e = assertThrows(IllegalStateException.class, () -> change.accept(layer));
    assertTrue(e.getMessage().contains("`" + option + "`"), e.getMessage());
    assertTrue(e.getMessage().contains(layer.name()), e.getMessage());
  }

  @Test
  void optionsCannotChangeOnceBuilt() {
    int[] s = {-1, 3, 4};
    frozenAfterBuild(Flatten::new, s, "dataFormat", l -> l.dataFormat("channels_first"));
    frozenAfterBuild(Softmax::new, s, "axis", l -> l.axis(1));
    frozenAfterBuild(ReLU::new, s, "maxValue", l -> l.maxValue(6));
    frozenAfterBuild(ReLU::new, s, "threshold", l -> l.threshold(1));
    frozenAfterBuild(LeakyReLU::new, s, "negativeSlope", l -> l.negativeSlope(0.1));
    frozenAfterBuild(ELU::new, s, "alpha", l -> l.alpha(2));
    frozenAfterBuild(PReLU::new, s, "sharedAxes", l -> l.sharedAxes(1));
    frozenAfterBuild(() -> new Dropout(0.1), s, "noiseShape", l -> l.noiseShape(-1, 1, -1));
    frozenAfterBuild(() -> new GaussianNoise(0.1), s, "seed", l -> l.seed(1));
    frozenAfterBuild(() -> new GaussianDropout(0.1), s, "seed", l -> l.seed(1));
    frozenAfterBuild(ActivityRegularization::new, s, "l1", l -> l.l1(0.1));
    frozenAfterBuild(
        () -> new Embedding(3, 2),
        new int[] {-1, 4},
        "embeddingsInitializer",
        l -> l.embeddingsInitializer("zeros"));
    Concatenate c = new Concatenate();
    c.apply(Tensor.zeros(1, 2), Tensor.zeros(1, 3));
    assertThrows(IllegalStateException.class, () -> c.axis(0));
    Dot d = new Dot(1);
    d.apply(Tensor.zeros(1, 2), Tensor.zeros(1, 2));
    assertThrows(IllegalStateException.class, () -> d.normalize(true));
  }

  @Test
  void defaultNamesFollowKeras() {
    assertTrue(new LeakyReLU().name().startsWith("leaky_re_lu"));
    assertTrue(new PReLU().name().startsWith("p_re_lu"));
    assertTrue(new ActivityRegularization().name().startsWith("activity_regularization"));
    assertTrue(new RepeatVector(2).name().startsWith("repeat_vector"));
  }

  @Test
  void everyLayerIsRegisteredByItsKerasClassName() {
    List<Layer> layers =
        List.of(
            new Activation("relu"),
            new ActivityRegularization(),
            new Add(),
            new Average(),
            new Concatenate(),
            new Dot(1),
            new Dropout(0.5),
            new ELU(),
            new Embedding(3, 2),
            new Flatten(),
            new GaussianDropout(0.5),
            new GaussianNoise(0.5),
            new LeakyReLU(),
            new Maximum(),
            new Minimum(),
            new Multiply(),
            new PReLU(),
            new Permute(1),
            new ReLU(),
            new RepeatVector(2),
            new Reshape(2),
            new Softmax(),
            new Subtract());
    for (Layer l : layers) {
      String cls = l.getClass().getSimpleName();
      Map<String, Object> config = l.getConfig();
      Layer copy = LayerRegistry.create(cls, config);
      assertEquals(l.getClass(), copy.getClass());
      assertEquals(config, copy.getConfig(), cls);
    }
  }
}
