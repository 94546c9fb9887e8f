package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.data.Dataset;
import io.keras4j.internal.Json;
import io.keras4j.models.Sequential;
import io.keras4j.saving.LayerRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Normalization against Keras's documented examples and numpy. The numpy references: {@code m =
 * a.astype(np.float64).mean(axes); v = a.astype(np.float64).var(axes)} cast to float32, then {@code
 * (x - m) / np.maximum(np.sqrt(v), np.float32(1e-7))} and {@code m + x * sqrt(v)} in float32.
 */
class NormalizationTest {
  // 5 rows of 3 features.
  private static final Tensor A =
      Tensor.of(new float[] {1.5f, -2, 10, 0.5f, 3, 12, 2.5f, 1, 11, 4, -1, 15, -1, 0.5f, 9}, 5, 3);
  private static final Tensor X = Tensor.of(new float[] {1, 1, 1, 3, -3, 14}, 2, 3);

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  @Test
  void kerasDocstringExamples() {
    Tensor adaptData = Tensor.of(new float[] {0, 7, 4, 2, 9, 6, 0, 7, 4, 2, 9, 6}, 4, 3);
    Normalization n = new Normalization().axis(-1);
    n.adapt(adaptData);
    LayerTestCase.assertValues(
        new float[] {-1, -1, -1}, n.apply(Tensor.of(new float[] {0, 7, 4}, 1, 3)));

    Normalization inv = new Normalization().axis(-1).invert(true);
    inv.adapt(adaptData);
    LayerTestCase.assertValues(
        new float[] {2, 10, 8}, inv.apply(Tensor.of(new float[] {1, 2, 3}, 1, 3)));

    Normalization all = new Normalization().axis();
    all.adapt(Tensor.of(1f, 2f, 3f, 4f, 5f));
    LayerTestCase.assertValues(
        new float[] {-1.4142135f, -0.70710677f, 0f}, all.apply(Tensor.of(1f, 2f, 3f)));

    Normalization given = new Normalization().mean(3.0).variance(2.0);
    Tensor y = given.apply(Tensor.of(new float[] {1, 2, 3}, 3, 1));
    assertArrayEquals(new int[] {3, 1}, y.shape());
    LayerTestCase.assertValues(new float[] {-1.4142135f, -0.70710677f, 0f}, y);
  }

  @Test
  void adaptComputesPopulationMeanAndVarianceAsNumpy() {
    Normalization n = new Normalization();
    n.adapt(A);
    List<Tensor> w = n.getWeights();
    assertEquals(3, w.size());
    LayerTestCase.assertValues(
        new float[] {1.5f, 0.30000001192092896f, 11.399999618530273f}, w.get(0));
    LayerTestCase.assertValues(
        new float[] {2.9000000953674316f, 2.9600000381469727f, 4.239999771118164f}, w.get(1));
    assertEquals(DType.INT32, w.get(2).dtype());
    assertEquals(0, w.get(2).getInt()); // Keras leaves count at 0
    LayerTestCase.assertValues(
        new float[] {
          -0.2936100959777832f, 0.40686672925949097f, -5.050686836242676f,
          0.8808302879333496f, -1.918086051940918f, 1.2626718282699585f
        },
        n.apply(X));

    Normalization inv = new Normalization().invert(true);
    inv.adapt(Dataset.of(A));
    Tensor y = inv.apply(X);
    float[] expected = {
      3.2029385566711426f, 2.020465135574341f, 13.459125518798828f,
      6.608816146850586f, -4.861394882202148f, 40.227760314941406f
    };
    assertArrayEquals(expected, y.toFloatArray(), 2e-5f);
  }

  @Test
  void keepingTwoAxes() {
    // (3, 2, 2) data, axis=(1, 2): one mean and variance per 2x2 position, reducing axis 0.
    Tensor d = Tensor.of(new float[] {1, 2, 3, 4, 5, 0, 2, 8, 0, 1, 1, -4}, 3, 2, 2);
    Normalization n = new Normalization().axis(1, 2);
    n.adapt(d);
    assertArrayEquals(new int[] {2, 2}, n.getWeights().get(0).shape());
    LayerTestCase.assertValues(new float[] {2, 1, 2, 2.6666667461395264f}, n.getWeights().get(0));
    LayerTestCase.assertValues(
        new float[] {
          4.666666507720947f, 0.6666666865348816f, 0.6666666865348816f, 24.88888931274414f
        },
        n.getWeights().get(1));
    LayerTestCase.assertValues(
        new float[] {
          -0.4629100561141968f, 1.2247447967529297f, 1.2247447967529297f, 0.26726123690605164f,
          1.3887301683425903f, -1.2247447967529297f, 0.0f, 1.0690449476242065f,
          -0.9258201122283936f, 0.0f, -1.2247447967529297f, -1.3363063335418701f
        },
        n.apply(d));
    assertEquals(9, n.countParams());
  }

  @Test
  void keepingAMiddleAxis() {
    // (3, 2, 2) data, axis=1: reduce axes 0 and 2.
    Tensor c = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 0, -2, 9, 1}, 3, 2, 2);
    Normalization n = new Normalization().axis(1);
    n.adapt(c);
    LayerTestCase.assertValues(new float[] {2.0f, 5.333333492279053f}, n.getWeights().get(0));
    LayerTestCase.assertValues(
        new float[] {7.666666507720947f, 8.222222328186035f}, n.getWeights().get(1));
    LayerTestCase.assertValues(
        new float[] {
          -0.3611575663089752f, 0.0f, -0.8137334585189819f, -0.4649905860424042f,
          1.0834726095199585f, 1.4446302652359009f, 0.5812380909919739f, 0.929980993270874f,
          -0.7223151326179504f, -1.4446302652359009f, 1.278723955154419f, -1.5112192630767822f
        },
        n.apply(c));
  }

  @Test
  void noAxesUsesOneScalarMeanAndVariance() {
    Tensor a = Tensor.of(new float[] {1.5f, -2, 10, 0.5f, 3, 12}, 2, 3);
    Normalization n = new Normalization().axis();
    n.adapt(a);
    assertArrayEquals(new int[0], n.getWeights().get(0).shape());
    assertEquals(4.166666666666667, n.getWeights().get(0).item(), 1e-6);
    assertEquals(25.888888888888886, n.getWeights().get(1).item(), 1e-5);
    assertEquals(3, n.countParams());
    LayerTestCase.assertValues(
        new float[] {
          -0.5240973830223083f, -1.211975336074829f, 1.14646315574646f,
          -0.7206339240074158f, -0.2292926013469696f, 1.5395362377166748f
        },
        n.apply(a));
  }

  @Test
  void givenMeanAlignsWithTheLastKeptAxes() {
    // axis=(1, 2) on (2, 3, 2) inputs; a mean of shape (2,) aligns with axis 2.
    Normalization n = new Normalization().axis(1, 2).mean(1.0, 2.0).variance(4.0, 0.25);
    Tensor x = Tensor.of(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2);
    LayerTestCase.assertValues(
        new float[] {-0.5f, -2, 0.5f, 2, 1.5f, 6, 2.5f, 10, 3.5f, 14, 4.5f, 18}, n.apply(x));
    assertTrue(n.weights().isEmpty());
    assertEquals(0, n.countParams());
  }

  @Test
  void zeroVarianceDividesByEpsilon() {
    Normalization n = new Normalization().mean(0.0).variance(0.0);
    LayerTestCase.assertValues(new float[] {1e7f}, n.apply(Tensor.of(new float[] {1}, 1, 1)));
  }

  @Test
  void weightsAreNonTrainableMeanVarianceCountAsKeras() {
    Normalization n = new Normalization();
    n.build(-1, 13);
    List<Variable> w = n.weights();
    assertEquals(List.of("mean", "variance", "count"), w.stream().map(Variable::name).toList());
    assertTrue(n.trainableWeights().isEmpty());
    assertEquals(3, n.nonTrainableWeights().size());
    assertEquals(27, n.countParams()); // 13 + 13 + 1, as Keras's summary
    assertArrayEquals(new int[0], w.get(2).shape());
    // Not adapted: mean 0 and variance 1, so the layer passes values through (Keras 3 does too).
    LayerTestCase.assertValues(
        new float[] {1, -2, 3}, new Normalization().apply(Tensor.of(new float[] {1, -2, 3}, 1, 3)));
  }

  @Test
  void summaryCountsTheStatisticsAsNonTrainable() {
    Normalization norm = new Normalization();
    Sequential model = new Sequential(norm.inputShape(13), new Dense(1));
    norm.adapt(Tensor.zeros(4, 13));
    String summary = model.summary(100);
    assertTrue(summary.contains("normalization (Normalization)"), summary);
    assertTrue(summary.contains("Non-trainable params: 27"), summary);
    assertEquals(27 + 14, model.countParams());
  }

  @Test
  void layerTestCaseAdaptedAndGiven() {
    Normalization adapted = new Normalization();
    adapted.adapt(A);
    LayerTestCase.of(adapted).inputs(X).expectedOutputShape(2, 3).run();
    Normalization given =
        new Normalization().mean(Tensor.of(0.5f, 0.2f, -0.1f)).variance(0.1, 0.2, 0.3);
    LayerTestCase.of(given).inputs(X).expectedOutputShape(2, 3).run();
    Normalization inverted = new Normalization().mean(0.5, 0.2, -0.1).variance(0.1, 0.2, 0.3);
    LayerTestCase.of(inverted.invert(true)).inputs(X).run();
  }

  @Test
  void configHasKerasKeys() {
    Map<String, Object> c = new Normalization().getConfig();
    assertEquals(List.of(-1), c.get("axis"));
    assertEquals(false, c.get("invert"));
    assertTrue(c.containsKey("mean"));
    assertNull(c.get("mean"));
    assertNull(c.get("variance"));
    Map<String, Object> g = new Normalization().axis(1, 2).mean(3.0).variance(2.0).getConfig();
    assertEquals(List.of(1, 2), g.get("axis"));
    assertEquals(3.0, g.get("mean"));
    assertEquals(List.of(), new Normalization().axis().getConfig().get("axis"));
  }

  @Test
  void readsAKeras3Config() {
    // The config Keras 3 writes for Normalization(axis=(1, 2), mean=[[1, 2]], variance=[[4, 1]]).
    String json =
        "{\"name\": \"normalization\", \"trainable\": true, \"dtype\": {\"module\": \"keras\","
            + " \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"},"
            + " \"registered_name\": null}, \"axis\": [1, 2], \"invert\": false, \"mean\": [[1.0,"
            + " 2.0]], \"variance\": [[4.0, 1.0]]}";
    Layer l = LayerRegistry.create("Normalization", Json.readObject(json));
    Tensor y = l.apply(Tensor.of(new float[] {3, 3}, 1, 1, 2));
    LayerTestCase.assertValues(new float[] {1, 1}, y);
    assertEquals(List.of(List.of(1.0, 2.0)), l.getConfig().get("mean"), "nested lists survive");
    // axis None reads as no axes.
    String none = "{\"name\": \"n\", \"axis\": null, \"mean\": null, \"variance\": null}";
    Normalization n = (Normalization) LayerRegistry.create("Normalization", Json.readObject(none));
    assertEquals(List.of(), n.getConfig().get("axis"));
    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LayerRegistry.create(
                    "Normalization",
                    Json.readObject("{\"mean\": [[1], [2, 3]], \"variance\": 1}")));
    assertTrue(bad.getMessage().startsWith("Invalid config for Normalization"), bad.getMessage());
  }

  @Test
  void errorsAsKeras() {
    var meanOnly =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization().mean(0.5).apply(Tensor.ones(1, 1)));
    assertEquals(
        "Normalization: When setting values directly, both `mean` and `variance` must be set."
            + " Received: mean=0.5 and variance=None",
        meanOnly.getMessage());
    var shapes =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization().mean(1.0, 2.0).variance(1.0, 2.0, 3.0));
    assertEquals(
        "Normalization: When setting values directly, `mean` and `variance` must have the same"
            + " shape. Received: mean shape (2,) and variance shape (3,)",
        shapes.getMessage());
    var rank =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Normalization()
                    .mean(Tensor.zeros(2, 3))
                    .variance(Tensor.ones(2, 3))
                    .apply(Tensor.ones(2, 3)));
    assertEquals(
        "Normalization: The rank of `mean` must be less than or equal to the number of axes (1)."
            + " Received: mean shape (2, 3) for axis (-1,)",
        rank.getMessage());
    var high =
        assertThrows(IllegalArgumentException.class, () -> new Normalization().axis(3).build(2, 2));
    assertEquals(
        "Normalization: All `axis` values must be in the range [-ndim, ndim). Received inputs"
            + " with ndim=2, while axis=(3,)",
        high.getMessage());
    var unknown =
        assertThrows(
            IllegalArgumentException.class, () -> new Normalization().axis(1).build(-1, -1));
    assertEquals(
        "Normalization: All `axis` values to be kept must have a known shape. Received axis=(1,),"
            + " inputs.shape=(None, None), with unknown axis at index 1",
        unknown.getMessage());
    var broadcast =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Normalization().mean(1.0, 2.0).variance(1.0, 1.0).build(-1, 3));
    assertTrue(
        broadcast
            .getMessage()
            .startsWith("Normalization: `mean` of shape (2,) cannot be broadcast"),
        broadcast.getMessage());
  }

  @Test
  void adaptErrors() {
    Normalization n = new Normalization();
    n.name("norm");
    n.build(10, 5);
    var shape = assertThrows(IllegalArgumentException.class, () -> n.adapt(Tensor.zeros(10, 3)));
    assertEquals(
        "Normalization 'norm': The layer was built with input_shape=(10, 5), but adapt() is being"
            + " called with data with an incompatible shape, data.shape=(10, 3)",
        shape.getMessage());
    var given =
        assertThrows(
            IllegalStateException.class,
            () -> new Normalization().mean(0.0).variance(1.0).adapt(Tensor.zeros(2, 1)));
    assertTrue(given.getMessage().contains("adapt() cannot be used"), given.getMessage());
    var twoInputs =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Normalization()
                    .adapt(Dataset.of(List.of(Tensor.zeros(2, 1), Tensor.zeros(2, 1)), List.of())));
    assertTrue(twoInputs.getMessage().contains("Received: 2 inputs"), twoInputs.getMessage());
    assertFalse(n.getWeights().isEmpty());
  }
}
