package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LayerNormalization, GroupNormalization, RMSNormalization and UnitNormalization against numpy
 * (float64 from the float32 inputs, {@code x} of shape (2, 3, 4)): {@code (x - x.mean(axes)) /
 * np.sqrt(x.var(axes) + eps) * gamma + beta}; rms scaling {@code x / np.sqrt(x.var(axes) + eps) *
 * gamma}; groups by {@code x.reshape(2, 3, G, C // G)} reduced over axes 1 and 3 (channels last) or
 * {@code x.reshape(2, G, C // G, 3)} over axes 2 and 3 (channels first); {@code x / np.sqrt((x *
 * x).mean(axes) + 1e-6) * scale}; {@code x / np.sqrt(np.maximum((x * x).sum(axes), 1e-12))}.
 */
class NormalizationLayersTest {
  private static final float TOL = 1e-5f;

  private static final float[] X = {
    -1.486f, -0.003f, 0.406f, -1.885f, -1.408f, 1.713f, -1.718f, -1.481f, 1.793f, 0.488f, -0.524f,
    0.046f, 0.651f, -0.899f, -1.448f, 1.152f, 0.681f, 0.050f, 1.267f, 0.196f, 1.924f, -1.182f,
    0.215f, -0.066f
  };
  private static final float[] G4 = {0.853f, 1.092f, 0.735f, 1.302f};
  private static final float[] B4 = {0.367f, -0.371f, -0.033f, -0.223f};
  private static final float[] LN_LAST = {
    -0.29037532f,
    0.46490812f,
    0.84101864f,
    -1.7645184f,
    -0.046591199f,
    1.5136812f,
    -0.55077489f,
    -0.92162229f,
    1.7068246f,
    -0.32339917f,
    -0.87139f,
    -0.83968497f,
    0.99396745f,
    -1.1491591f,
    -0.93362167f,
    1.343203f,
    0.60388709f,
    -1.5119437f,
    1.0738545f,
    -1.1849368f,
    1.6708417f,
    -1.7492544f,
    -0.038117954f,
    -0.56078525f
  };
  private static final float[] G34 = {
    0.583f, 1.396f, 0.930f, 0.648f, 1.173f, 0.702f, 1.401f, 0.717f, 0.533f, 0.701f, 0.846f, 0.969f
  };
  private static final float[] LN_12 = {
    -0.54101464f,
    0.37839673f,
    0.55962223f,
    -0.81037924f,
    -1.01455f,
    1.1642571f,
    -1.562902f,
    -0.66246593f,
    0.91844841f,
    0.46829837f,
    -0.12705518f,
    0.30104458f,
    0.26285992f,
    -1.5916433f,
    -1.5844175f,
    0.62540643f,
    0.5649972f,
    -0.11655353f,
    1.5175307f,
    -0.011591611f,
    0.93678169f,
    -1.0028752f,
    0.0028222701f,
    -0.27626244f
  };
  private static final float[] G3 = {1.406f, 1.197f, 0.839f};
  private static final float[] LN_RMS = {
    -1.3647168f,
    -0.0057900086f,
    0.65232306f,
    -3.1642862f,
    -1.100868f,
    2.8146485f,
    -2.3500046f,
    -2.1165488f,
    0.98260886f,
    0.56202341f,
    -0.5023942f,
    0.046078557f,
    1.5216456f,
    -2.3568991f,
    -1.8142334f,
    3.0392736f,
    1.3551534f,
    0.11159896f,
    1.3514813f,
    0.44023263f,
    2.6835779f,
    -1.849164f,
    0.16074583f,
    -0.10390535f
  };
  private static final float[] GN_LAST = {
    -0.71509775f,
    -0.5252591f,
    1.016134f,
    -1.7294541f,
    -0.66452136f,
    0.89918188f,
    -0.7449519f,
    -1.1360766f,
    1.4110574f,
    -0.11768305f,
    0.24503711f,
    1.1067138f,
    0.73171045f,
    -1.5237028f,
    -1.3981076f,
    1.1296784f,
    0.75619677f,
    -0.5320893f,
    0.82476356f,
    -0.25684114f,
    1.7707475f,
    -1.8194106f,
    -0.036547852f,
    -0.63682873f
  };
  private static final float[] GN_FIRST = {
    -0.33334512f,
    0.66324387f,
    0.93809546f,
    -1.6108318f,
    -1.20047f,
    1.484518f,
    -0.94723414f,
    -0.80135875f,
    1.2138134f,
    0.56276301f,
    -0.54064887f,
    0.080838049f,
    0.93922856f,
    -0.49172744f,
    -0.99856278f,
    0.95367462f,
    0.39701584f,
    -0.34874152f,
    0.61664812f,
    -0.17882422f,
    1.104627f,
    -2.2943619f,
    -0.45631874f,
    -0.82603249f
  };
  private static final float[] GN_INSTANCE = {
    -0.73232512f,
    -1.0185158f,
    1.170217f,
    -0.93529492f,
    -0.68127836f,
    1.357252f,
    -1.2713752f,
    -0.44982274f,
    1.4136035f,
    -0.33873614f,
    0.10115828f,
    1.3851177f,
    -0.73120617f,
    -0.42058376f,
    -1.3051225f,
    1.3818561f,
    -0.6807008f,
    1.3773172f,
    1.1229777f,
    -0.44112608f,
    1.411907f,
    -0.95673347f,
    0.18214479f,
    -0.94072999f
  };
  private static final float[] RMS_LAST = {
    -1.0413749f,
    -0.0026914306f,
    0.24516172f,
    -2.0163301f,
    -0.75726086f,
    1.1794346f,
    -0.79616733f,
    -1.2157937f,
    1.5838826f,
    0.5518692f,
    -0.3988525f,
    0.062024393f,
    0.51470955f,
    -0.9099437f,
    -0.98647956f,
    1.3902588f,
    0.79981215f,
    0.075176918f,
    1.2822001f,
    0.35136535f,
    1.4464459f,
    -1.1375964f,
    0.13927524f,
    -0.075736115f
  };
  private static final float[] RMS_12 = {
    -0.67584959f,
    -0.0032671524f,
    0.29455858f,
    -0.95290381f,
    -1.2884375f,
    0.93811744f,
    -1.8776906f,
    -0.82839393f,
    0.7455387f,
    0.26687048f,
    -0.34583135f,
    0.034773172f,
    0.38088008f,
    -1.2594584f,
    -1.3514196f,
    0.74914549f,
    0.80164818f,
    0.035224581f,
    1.7813672f,
    0.14103078f,
    1.0291317f,
    -0.83152286f,
    0.18253558f,
    -0.064180989f
  };
  private static final float[] UNIT_LAST = {
    -0.61041926f,
    -0.0012323404f,
    0.16677673f,
    -0.77432056f,
    -0.44388102f,
    0.54003425f,
    -0.54161053f,
    -0.46689473f,
    0.92841941f,
    0.2526875f,
    -0.27132837f,
    0.023818903f,
    0.30170561f,
    -0.41664107f,
    -0.67107481f,
    0.53389376f,
    0.46882352f,
    0.034421698f,
    0.87224579f,
    0.13493305f,
    0.84785842f,
    -0.52087769f,
    0.094745094f,
    -0.02908454f
  };
  private static final float[] UNIT_12 = {
    -0.33465014f,
    -0.00067560596f,
    0.091432003f,
    -0.42450574f,
    -0.31708439f,
    0.38577101f,
    -0.38689702f,
    -0.33352413f,
    0.40378716f,
    0.10989857f,
    -0.11800584f,
    0.010359291f,
    0.18859462f,
    -0.26044018f,
    -0.41948539f,
    0.33373423f,
    0.19728561f,
    0.014484994f,
    0.36704972f,
    0.056781172f,
    0.55738255f,
    -0.34242525f,
    0.062285472f,
    -0.019120191f
  };

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  private static Tensor x() {
    return Tensor.of(X, 2, 3, 4);
  }

  private static List<String> names(Layer l) {
    return l.weights().stream().map(Variable::name).toList();
  }

  @Test
  void layerNormalizationOnTheLastAxis() {
    LayerNormalization ln = new LayerNormalization();
    ln.build(-1, 3, 4);
    assertEquals(List.of("gamma", "beta"), names(ln));
    ln.setWeights(List.of(Tensor.of(G4, 4), Tensor.of(B4, 4)));
    assertArrayEquals(LN_LAST, ln.apply(x()).toFloatArray(), TOL);
    // The same in training: no batch statistics.
    assertArrayEquals(LN_LAST, ln.apply(x(), true).toFloatArray(), TOL);
  }

  @Test
  void layerNormalizationOverSeveralAxes() {
    LayerNormalization ln = new LayerNormalization().axis(1, 2).center(false);
    ln.build(-1, 3, 4);
    assertEquals(List.of("gamma"), names(ln));
    assertArrayEquals(new int[] {3, 4}, ln.gamma().shape());
    ln.setWeights(List.of(Tensor.of(G34, 3, 4)));
    assertArrayEquals(LN_12, ln.apply(x()).toFloatArray(), TOL);
    assertEquals(List.of(1, 2), ln.getConfig().get("axis"));
    assertEquals(-1, new LayerNormalization().getConfig().get("axis"));
  }

  @Test
  void layerNormalizationWithRmsScaling() {
    LayerNormalization ln = new LayerNormalization().axis(1).rmsScaling(true).epsilon(1e-2);
    ln.build(-1, 3, 4);
    assertEquals(List.of("gamma"), names(ln));
    ln.setWeights(List.of(Tensor.of(G3, 3)));
    assertArrayEquals(LN_RMS, ln.apply(x()).toFloatArray(), TOL);
  }

  @Test
  void groupNormalizationChannelsLastAndFirst() {
    GroupNormalization gn = new GroupNormalization(2);
    gn.build(-1, 3, 4);
    gn.setWeights(List.of(Tensor.of(G4, 4), Tensor.of(B4, 4)));
    assertArrayEquals(GN_LAST, gn.apply(x()).toFloatArray(), TOL);

    GroupNormalization first = new GroupNormalization(2).axis(1);
    first.build(-1, 4, 3);
    first.setWeights(List.of(Tensor.of(G4, 4), Tensor.of(B4, 4)));
    assertArrayEquals(GN_FIRST, first.apply(Tensor.of(X, 2, 4, 3)).toFloatArray(), TOL);
  }

  @Test
  void groupNormalizationWithOneGroupPerChannelIsInstanceNormalization() {
    GroupNormalization gn = new GroupNormalization(-1).center(false).scale(false);
    assertArrayEquals(GN_INSTANCE, gn.apply(x()).toFloatArray(), TOL);
    assertEquals(4, gn.groups());
    assertEquals(4, gn.getConfig().get("groups"));
    assertTrue(gn.weights().isEmpty());
  }

  @Test
  void groupNormalizationErrors() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new GroupNormalization(0));
    assertTrue(e.getMessage().contains("Received: groups=0"), e.getMessage());
    GroupNormalization tooMany = new GroupNormalization();
    e = assertThrows(IllegalArgumentException.class, () -> tooMany.build(-1, 3, 16));
    assertTrue(e.getMessage().contains("Received: groups=32"), e.getMessage());
    assertFalse(tooMany.isBuilt());
    GroupNormalization uneven = new GroupNormalization(3);
    e = assertThrows(IllegalArgumentException.class, () -> uneven.build(-1, 3, 16));
    assertTrue(e.getMessage().contains("(16)"), e.getMessage());
    assertTrue(e.getMessage().contains("Received: groups=3"), e.getMessage());
    GroupNormalization batchAxis = new GroupNormalization(1).axis(0);
    e = assertThrows(IllegalArgumentException.class, () -> batchAxis.build(-1, 4));
    assertTrue(e.getMessage().contains("Received: axis=0"), e.getMessage());
  }

  @Test
  void rmsNormalization() {
    RMSNormalization rms = new RMSNormalization();
    rms.build(-1, 3, 4);
    assertEquals(List.of("scale"), names(rms));
    assertArrayEquals(new float[] {1, 1, 1, 1}, rms.scale().value().toFloatArray());
    rms.setWeights(List.of(Tensor.of(G4, 4)));
    assertArrayEquals(RMS_LAST, rms.apply(x()).toFloatArray(), TOL);
    assertEquals(1e-6, rms.getConfig().get("epsilon"));

    RMSNormalization two = new RMSNormalization().axis(2, 1);
    two.build(-1, 3, 4);
    assertArrayEquals(new int[] {3, 4}, two.scale().shape());
    two.setWeights(List.of(Tensor.of(G34, 3, 4)));
    assertArrayEquals(RMS_12, two.apply(x()).toFloatArray(), TOL);
  }

  @Test
  void unitNormalization() {
    assertArrayEquals(UNIT_LAST, new UnitNormalization().apply(x()).toFloatArray(), TOL);
    assertArrayEquals(UNIT_12, new UnitNormalization().axis(1, 2).apply(x()).toFloatArray(), TOL);
    // Zeros stay zeros (the squared norm is floored at 1e-12).
    assertArrayEquals(
        new float[] {0, 0, 0}, new UnitNormalization().apply(Tensor.zeros(1, 3)).toFloatArray());
  }

  @Test
  void layerTestCases() {
    LayerTestCase.of(new LayerNormalization())
        .inputs(LayerTestCase.random(1, 2, 3, 4))
        .expectedOutputShape(2, 3, 4)
        .run();
    LayerTestCase.of(new LayerNormalization().axis(-2, -1).gammaRegularizer("l2"))
        .inputs(LayerTestCase.random(2, 2, 3, 4))
        .run();
    LayerTestCase.of(new LayerNormalization().rmsScaling(true))
        .inputs(LayerTestCase.random(3, 3, 5))
        .run();
    LayerTestCase.of(new GroupNormalization(2))
        .inputs(LayerTestCase.random(4, 2, 3, 4))
        .expectedOutputShape(2, 3, 4)
        .run();
    LayerTestCase.of(new GroupNormalization(2).axis(1).epsilon(1e-2))
        .inputs(LayerTestCase.random(5, 2, 4, 2, 3))
        .run();
    LayerTestCase.of(new RMSNormalization()).inputs(LayerTestCase.random(6, 2, 5)).run();
    LayerTestCase.of(new RMSNormalization().axis(1, 2))
        .inputs(LayerTestCase.random(7, 2, 3, 4))
        .run();
    LayerTestCase.of(new UnitNormalization()).inputs(LayerTestCase.random(8, 3, 4)).run();
    LayerTestCase.of(new UnitNormalization().axis(1, 2))
        .inputs(LayerTestCase.random(9, 2, 3, 2))
        .run();
  }

  @Test
  void outOfRangeAxesNameTheLayer() {
    LayerNormalization ln = new LayerNormalization().axis(3);
    ln.name("ln_x");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ln.build(-1, 4));
    assertTrue(e.getMessage().contains("'ln_x'"), e.getMessage());
    assertTrue(e.getMessage().contains("Received: axis=3"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new UnitNormalization().axis(1, 5).build(-1, 4));
    assertTrue(e.getMessage().contains("Received: axis=[1, 5]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new RMSNormalization().axis());
    assertTrue(e.getMessage().contains("Received: axis=[]"), e.getMessage());
  }
}
