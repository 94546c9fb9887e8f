package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.SGD;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.GradientCheck;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BatchNormalization against numpy. References (float64 from the float32 inputs): {@code (x - m) /
 * np.sqrt(v + eps) * gamma + beta} with the moving statistics (inference) or the batch's {@code m =
 * x.mean(axes)}, {@code v = x.var(axes)} (training, biased as Keras), and {@code moving * momentum
 * + batch * (1 - momentum)}; with a mask, Keras's weighted moments ({@code w = mask[..., None]},
 * count {@code sum(w) + 1e-7}).
 */
class BatchNormalizationTest {
  private static final float TOL = 1e-5f;

  private static final float[] X4 = {
    0.500f, 1.589f, 1.103f, -1.099f, -0.799f, 1.494f, -1.979f, 1.285f, 1.188f, -0.128f, -0.788f,
    -0.886f, -0.981f, -0.220f, 0.018f, 0.214f, 1.982f, 1.171f, 0.489f, 1.956f, -1.139f, -1.359f,
    0.450f, -1.824f
  };
  private static final float[] GAMMA = {0.536f, 1.015f, 0.966f};
  private static final float[] BETA = {0.417f, 0.129f, 0.014f};
  private static final float[] MM = {-0.003f, -0.252f, -0.488f};
  private static final float[] MV = {0.789f, 1.538f, 0.801f};
  private static final float[] INF = {
    0.72033271f,
    1.635262f,
    1.7301694f,
    -0.24393966f,
    -0.31854229f,
    2.1519306f,
    -0.77462114f,
    1.3865365f,
    1.8218565f,
    0.3416191f,
    -0.30954232f,
    -0.41531197f,
    -0.17278011f,
    0.15518163f,
    0.55980872f,
    0.54786123f,
    1.9568051f,
    1.8035191f,
    0.71369918f,
    1.9355325f,
    -0.68821641f,
    -0.40073191f,
    0.70335953f,
    -1.4271076f
  };
  private static final float[] TRAIN_OUT = {
    1.0553105f,
    0.96391748f,
    0.78970091f,
    0.076613649f,
    -1.2339968f,
    1.1048577f,
    -0.46200625f,
    0.68411598f,
    0.8582132f,
    0.67093173f,
    -1.2238723f,
    -0.81348812f,
    0.14883766f,
    -0.70108538f,
    -0.084839135f,
    0.88025901f,
    1.3256345f,
    0.84451076f,
    1.0485777f,
    1.3017041f,
    -1.0174132f,
    -0.082524044f,
    -0.084417662f,
    -1.5695421f
  };
  private static final float[] TRAIN_MM = {-0.056987499f, -0.1586125f, -0.42513748f};
  private static final float[] TRAIN_MV = {0.78668842f, 1.5057128f, 0.86443305f};
  private static final float[] XC = {
    -0.522f, -1.985f, 1.320f, -1.382f, -0.930f, 1.521f, 0.039f, 1.389f, 0.559f, 0.967f, -1.634f,
    0.165f, 0.031f, 1.485f, -0.555f, 0.393f, -1.763f, -0.449f, -0.708f, -1.399f, 1.265f, -0.482f,
    1.915f, 0.360f
  };
  private static final float[] CF_TRAIN_OUT = {
    -0.32529171f,
    -1.6110782f,
    1.2935865f,
    -1.0811197f,
    -0.56833465f,
    1.5997404f,
    0.2888113f,
    1.4829775f,
    0.16584117f,
    0.56473986f,
    -1.9782393f,
    -0.21936985f,
    0.16072331f,
    1.4386f,
    -0.3542944f,
    0.47887418f,
    -1.3051794f,
    -0.14285766f,
    -0.37196065f,
    -0.98319686f,
    0.85609233f,
    -0.85193715f,
    1.4915927f,
    -0.028719722f
  };
  private static final float[] CF_MM = {-0.0015187499f, -0.002875f, 0.0038937501f};
  private static final float[] CF_MV = {1.0029365f, 1.0027702f, 1.0004515f};
  private static final float[] XM = {
    0.420f, 0.552f, 0.706f, -1.397f, -0.239f, -1.042f, -0.390f, -1.613f, 1.871f, -1.140f, 0.687f,
    -0.798f
  };
  private static final float[] MASK_MM = {0.0024533332f, -0.0081933331f};
  private static final float[] MASK_MV = {0.99215457f, 0.99948054f};
  private static final float[] MASK_OUT = {
    0.37542601f,
    1.4076597f,
    0.99015024f,
    -0.59296894f,
    -1.041019f,
    -0.22856515f,
    -1.3655762f,
    -0.81469082f,
    3.4941845f,
    -0.32916108f,
    0.94931192f,
    0.021898446f
  };
  private static final float[] FX = {
    2.496f, 1.649f, -0.474f, 2.380f, 2.780f, 2.616f, 1.279f, -0.418f, -0.230f, 2.712f, 1.209f,
    -0.278f, 2.536f, 1.566f, 1.279f, 0.505f, 0.644f, -0.042f, -0.848f, 2.505f, 0.871f, 1.191f,
    0.289f, 2.005f, -0.899f, 0.489f, -0.879f, -0.508f, 2.869f, 1.631f, 0.713f, 1.095f, 2.491f,
    0.377f, 1.361f, 1.735f
  };
  private static final float[] FIT_MM = {0.42839736f, 0.62874221f, 0.43239005f};
  private static final float[] FIT_MV = {0.87950142f, 0.96413594f, 1.1241131f};

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  private static BatchNormalization withWeights() {
    BatchNormalization bn = new BatchNormalization();
    bn.build(-1, 2, 2, 3);
    bn.setWeights(
        List.of(Tensor.of(GAMMA, 3), Tensor.of(BETA, 3), Tensor.of(MM, 3), Tensor.of(MV, 3)));
    return bn;
  }

  @Test
  void inferenceUsesTheMovingStatistics() {
    BatchNormalization bn = withWeights();
    Tensor x = Tensor.of(X4, 2, 2, 2, 3);
    assertArrayEquals(INF, bn.apply(x).toFloatArray(), TOL);
    assertArrayEquals(INF, bn.apply(x, false).toFloatArray(), TOL);
    assertArrayEquals(MM, bn.movingMean().value().toFloatArray(), 0f);
    assertArrayEquals(MV, bn.movingVariance().value().toFloatArray(), 0f);
  }

  @Test
  void trainingUsesTheBatchStatisticsAndMovesTheMovingOnes() {
    BatchNormalization bn = new BatchNormalization().momentum(0.9);
    bn.build(-1, 2, 2, 3);
    bn.setWeights(
        List.of(Tensor.of(GAMMA, 3), Tensor.of(BETA, 3), Tensor.of(MM, 3), Tensor.of(MV, 3)));
    Tensor y = bn.apply(Tensor.of(X4, 2, 2, 2, 3), true);
    assertArrayEquals(TRAIN_OUT, y.toFloatArray(), TOL);
    assertArrayEquals(TRAIN_MM, bn.movingMean().value().toFloatArray(), TOL);
    assertArrayEquals(TRAIN_MV, bn.movingVariance().value().toFloatArray(), TOL);
  }

  @Test
  void channelsFirstNormalizesAxisOne() {
    BatchNormalization bn = new BatchNormalization().axis(1);
    Tensor x = Tensor.of(XC, 2, 3, 2, 2);
    Tensor y = bn.apply(x, true);
    assertArrayEquals(new int[] {3}, bn.gamma().shape());
    assertArrayEquals(CF_TRAIN_OUT, y.toFloatArray(), TOL);
    assertArrayEquals(CF_MM, bn.movingMean().value().toFloatArray(), TOL);
    assertArrayEquals(CF_MV, bn.movingVariance().value().toFloatArray(), TOL);
  }

  @Test
  void maskedPositionsAreLeftOutOfTheBatchStatistics() {
    BatchNormalization bn = new BatchNormalization();
    Tensor x = Tensor.of(XM, 2, 3, 2);
    Tensor mask = Tensor.of(new float[] {1, 1, 0, 1, 0, 0}, 2, 3);
    Tensor y = bn.callEager(List.of(x), CallContext.of(true, List.of(mask))).get(0);
    assertArrayEquals(MASK_OUT, y.toFloatArray(), TOL);
    assertArrayEquals(MASK_MM, bn.movingMean().value().toFloatArray(), TOL);
    assertArrayEquals(MASK_MV, bn.movingVariance().value().toFloatArray(), TOL);
    // The mask passes through.
    assertEquals(mask, bn.computeMask(List.of(x), List.of(mask)).get(0));

    Tensor badMask = Tensor.ones(2, 3, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> bn.callEager(List.of(x), CallContext.of(true, List.of(badMask))));
    assertTrue(e.getMessage().contains("mask.shape=(2, 3, 2)"), e.getMessage());
  }

  @Test
  void theFusedTrainingOpAgreesWithTheMaskedOpChain() {
    // Unmasked batches take the fused op, masked ones the ops; a mask of ones selects everything
    // (Keras adds 1e-7 to the count, a relative 1e-9 here).
    BatchNormalization fused = new BatchNormalization().momentum(0.9);
    BatchNormalization chain = new BatchNormalization().momentum(0.9);
    Tensor x = Tensor.of(X4, 2, 2, 2, 3);
    Tensor y1 = fused.apply(x, true);
    Tensor y2 =
        chain.callEager(List.of(x), CallContext.of(true, List.of(Tensor.ones(2, 2, 2)))).get(0);
    assertArrayEquals(y1.toFloatArray(), y2.toFloatArray(), TOL);
    assertArrayEquals(
        fused.movingMean().value().toFloatArray(), chain.movingMean().value().toFloatArray(), TOL);
    assertArrayEquals(
        fused.movingVariance().value().toFloatArray(),
        chain.movingVariance().value().toFloatArray(),
        TOL);
  }

  @Test
  void aFrozenLayerRunsInInferenceModeAndKeepsItsStatistics() {
    BatchNormalization bn = withWeights();
    bn.trainable(false);
    Tensor x = Tensor.of(X4, 2, 2, 2, 3);
    assertArrayEquals(INF, bn.apply(x, true).toFloatArray(), TOL);
    assertArrayEquals(MM, bn.movingMean().value().toFloatArray(), 0f);
    assertArrayEquals(MV, bn.movingVariance().value().toFloatArray(), 0f);
    assertTrue(bn.trainableWeights().isEmpty());
    assertEquals(4, bn.nonTrainableWeights().size());
  }

  @Test
  void weightsInKerasOrder() {
    BatchNormalization bn = new BatchNormalization();
    bn.build(-1, 5);
    List<Variable> w = bn.weights();
    assertEquals(
        List.of("gamma", "beta", "moving_mean", "moving_variance"),
        w.stream().map(Variable::name).toList());
    assertEquals(List.of(bn.gamma(), bn.beta()), bn.trainableWeights());
    assertEquals(List.of(bn.movingMean(), bn.movingVariance()), bn.nonTrainableWeights());
    assertArrayEquals(new float[] {1, 1, 1, 1, 1}, bn.gamma().value().toFloatArray());
    assertArrayEquals(new float[] {0, 0, 0, 0, 0}, bn.movingMean().value().toFloatArray());
    assertEquals(20, bn.countParams());

    BatchNormalization bare = new BatchNormalization().center(false).scale(false);
    bare.build(-1, 5);
    assertEquals(
        List.of("moving_mean", "moving_variance"),
        bare.weights().stream().map(Variable::name).toList());
  }

  @Test
  void fitMovesTheStatisticsByTheNumpyRecurrence() {
    // Six steps of 4 rows in order (two epochs, unshuffled): steps 2 to 6 run on the step pool.
    BatchNormalization bn = new BatchNormalization().momentum(0.9);
    Sequential model = new Sequential(Input.of(3), bn);
    model.compile(new SGD(0.1), "mse");
    Tensor x = Tensor.of(FX, 12, 3);
    List<Tensor> before = List.of(bn.gamma().numpy(), bn.beta().numpy());
    model.fit(x, Tensor.zeros(12, 3), Quiet.fit().epochs(2).batchSize(4).shuffle(false));
    assertArrayEquals(FIT_MM, bn.movingMean().value().toFloatArray(), TOL);
    assertArrayEquals(FIT_MV, bn.movingVariance().value().toFloatArray(), TOL);
    // gamma and beta were trained meanwhile.
    assertFalse(
        java.util.Arrays.equals(before.get(0).toFloatArray(), bn.gamma().value().toFloatArray()));
    // Predict and evaluate leave the statistics alone.
    model.predict(x, Quiet.predict());
    model.evaluate(x, Tensor.zeros(12, 3), Quiet.evaluate());
    assertArrayEquals(FIT_MM, bn.movingMean().value().toFloatArray(), TOL);
  }

  @Test
  void fitOfAFrozenLayerChangesNothing() {
    BatchNormalization bn = new BatchNormalization().momentum(0.9);
    Sequential model = new Sequential(Input.of(3), new Dense(3), bn);
    bn.trainable(false);
    model.compile(new SGD(0.1), "mse");
    List<Tensor> before = bn.getWeights();
    Tensor x = Tensor.of(FX, 12, 3);
    model.fit(x, Tensor.ones(12, 3), Quiet.fit().epochs(1).batchSize(4).shuffle(false));
    List<Tensor> after = bn.getWeights();
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(
          before.get(i).toFloatArray(), after.get(i).toFloatArray(), 0f, "weight " + i);
    }
    assertEquals(2, model.trainableWeights().size());
  }

  @Test
  void trainingModeGradients() {
    BatchNormalization bn = new BatchNormalization();
    bn.build(-1, 2, 3);
    GradientCheck.check(xs -> bn.apply(xs.get(0), true), LayerTestCase.random(3, 4, 2, 3));
    // And with respect to gamma and beta, through the op the layer calls.
    GradientCheck.check(
        xs -> {
          List<Tensor> m = Ops.moments(xs.get(0), new int[] {0, 1}, false);
          return Ops.batchNormalization(
              xs.get(0), m.get(0), m.get(1), -1, xs.get(2), xs.get(1), 1e-3f);
        },
        LayerTestCase.random(4, 4, 2, 3),
        LayerTestCase.random(5, 3),
        LayerTestCase.random(6, 3));
    BatchNormalization cf = new BatchNormalization().axis(1);
    GradientCheck.check(xs -> cf.apply(xs.get(0), true), LayerTestCase.random(7, 3, 2, 2));
  }

  @Test
  void layerTestCase() {
    LayerTestCase.of(new BatchNormalization())
        .inputs(LayerTestCase.random(1, 3, 4))
        .expectedOutputShape(3, 4)
        .run();
    LayerTestCase.of(new BatchNormalization().axis(1).center(false).momentum(0.8).epsilon(1e-2))
        .inputs(LayerTestCase.random(2, 2, 3, 2, 2))
        .expectedOutputShape(2, 3, 2, 2)
        .run();
    LayerTestCase.of(new BatchNormalization().scale(false).gammaRegularizer("l2"))
        .inputs(LayerTestCase.random(3, 2, 5, 3))
        .run();
  }

  @Test
  void configHasEveryKerasKey() {
    BatchNormalization bn = new BatchNormalization().axis(1).momentum(0.9).epsilon(1e-5);
    Map<String, Object> c = bn.getConfig();
    assertEquals(1, c.get("axis"));
    assertEquals(0.9, c.get("momentum"));
    assertEquals(1e-5, c.get("epsilon"));
    assertEquals(false, c.get("synchronized"));
    for (String key :
        List.of(
            "center",
            "scale",
            "beta_initializer",
            "gamma_initializer",
            "moving_mean_initializer",
            "moving_variance_initializer",
            "beta_regularizer",
            "gamma_regularizer",
            "beta_constraint",
            "gamma_constraint")) {
      assertTrue(c.containsKey(key), key);
    }
    // A TF.js config (no "synchronized") and a Keras 2 axis list.
    Layer fromTfjs =
        LayerRegistry.create(
            "BatchNormalization",
            Json.readObject(
                "{\"axis\": [3], \"momentum\": 0.99, \"epsilon\": 0.001, \"center\": true,"
                    + " \"scale\": false, \"beta_initializer\": {\"class_name\": \"Zeros\","
                    + " \"config\": {}}, \"name\": \"bn\", \"trainable\": true}"));
    assertEquals(3, ((BatchNormalization) fromTfjs).axis());
  }

  @Test
  void badArgumentsNameTheLayerAndTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BatchNormalization().momentum(1.5));
    assertTrue(e.getMessage().contains("Received: momentum=1.5"), e.getMessage());
    BatchNormalization bn = new BatchNormalization().axis(3);
    bn.name("bn_x");
    e = assertThrows(IllegalArgumentException.class, () -> bn.build(-1, 4));
    assertTrue(e.getMessage().contains("'bn_x'"), e.getMessage());
    assertTrue(e.getMessage().contains("Received: axis=3"), e.getMessage());
    assertFalse(bn.isBuilt());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LayerRegistry.create(
                    "BatchNormalization", Json.readObject("{\"synchronized\": true}")));
    assertTrue(e.getMessage().contains("synchronized=true"), e.getMessage());
    BatchNormalization built = new BatchNormalization();
    built.build(-1, 4);
    e = assertThrows(IllegalArgumentException.class, () -> built.apply(Tensor.zeros(2, 5)));
    assertTrue(e.getMessage().contains("(2, 5)"), e.getMessage());
  }
}
