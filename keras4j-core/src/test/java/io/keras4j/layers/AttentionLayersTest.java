package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attention and AdditiveAttention against numpy references of Keras's formulas (computed with
 * python3 + numpy from the same inputs, see {@link #val}), plus shapes, config round trips,
 * finite-difference gradients (LayerTestCase) and errors.
 */
class AttentionLayersTest {
  private static final float[] DOT_OUT = {
    4.75873292e-01f,
    5.41545832e-01f,
    5.58843702e-01f,
    5.26221732e-01f,
    6.45648784e-01f,
    7.06826440e-01f,
    7.04865401e-01f,
    6.39940836e-01f,
    2.89834343e-01f,
    2.58155096e-01f,
    2.03415633e-01f,
    1.30505655e-01f,
    -5.95573662e-01f,
    -6.79210256e-01f,
    -7.02175058e-01f,
    -6.62416658e-01f,
    -6.23189431e-01f,
    -6.74998791e-01f,
    -6.66512553e-01f,
    -5.98488737e-01f,
    2.63014245e-01f,
    3.17679248e-01f,
    3.43966917e-01f,
    3.39529042e-01f
  };
  private static final float[] DOT_W = {
    5.39153643e-01f,
    2.87304825e-01f,
    5.03415393e-02f,
    2.67367984e-02f,
    9.64631949e-02f,
    6.01892267e-01f,
    3.62884916e-01f,
    1.55898430e-02f,
    2.64215504e-03f,
    1.69908183e-02f,
    2.58087273e-01f,
    3.35644942e-01f,
    1.95732630e-01f,
    1.01814383e-01f,
    1.08720772e-01f,
    8.20644316e-03f,
    7.55978897e-03f,
    9.74164417e-02f,
    6.74218414e-01f,
    2.12598912e-01f,
    1.28617241e-02f,
    7.78549208e-03f,
    7.26179469e-02f,
    6.05139737e-01f,
    3.01595100e-01f,
    3.80519666e-01f,
    2.87094529e-01f,
    1.12383078e-01f,
    7.54847282e-02f,
    1.44517999e-01f
  };
  private static final float[] DOT_KEY_SCALE_OUT = {
    3.08616413e-01f,
    1.56001233e-01f,
    -1.05491128e-02f,
    -1.76157116e-01f,
    -3.26029526e-01f,
    -4.46778690e-01f,
    4.56203584e-01f,
    2.83970405e-01f,
    8.63709461e-02f,
    -1.18943739e-01f,
    -3.13633538e-01f,
    -4.80307385e-01f,
    1.10525137e-01f,
    1.76086169e-02f,
    -7.68808666e-02f,
    -1.64502790e-01f,
    -2.37430169e-01f,
    -2.89148614e-01f,
    -9.01020118e-02f,
    -1.92269400e-01f,
    -2.77261975e-01f,
    -3.37487547e-01f,
    -3.67566354e-01f,
    -3.64811553e-01f,
    -1.82934372e-01f,
    -2.71747635e-01f,
    -3.36286530e-01f,
    -3.70785936e-01f,
    -3.72164132e-01f,
    -3.40298013e-01f,
    -3.43461583e-01f,
    -2.54881414e-01f,
    -1.43533460e-01f,
    -1.93640765e-02f,
    1.06535057e-01f,
    2.22917709e-01f
  };
  private static final float[] CONCAT_OUT = {
    5.88515760e-01f,
    6.28494663e-01f,
    6.12332016e-01f,
    5.41471574e-01f,
    5.54135001e-01f,
    5.94517501e-01f,
    5.81793530e-01f,
    5.17099675e-01f,
    5.88273949e-01f,
    6.41479395e-01f,
    6.37383402e-01f,
    5.76351851e-01f,
    5.77513915e-01f,
    6.23951549e-01f,
    6.14653457e-01f,
    5.50450193e-01f,
    5.78339174e-01f,
    6.27004591e-01f,
    6.19661564e-01f,
    5.56966005e-01f,
    5.91880288e-01f,
    6.36611035e-01f,
    6.24475221e-01f,
    5.56556885e-01f
  };
  private static final float[] CONCAT_W = {
    5.07593851e-01f,
    3.90566912e-01f,
    4.22822677e-02f,
    1.15195614e-02f,
    4.80374071e-02f,
    4.96935343e-01f,
    3.71416683e-01f,
    5.37303420e-02f,
    1.50063616e-02f,
    6.29112708e-02f,
    5.55395491e-01f,
    3.53226850e-01f,
    3.78788041e-02f,
    1.06629642e-02f,
    4.28358912e-02f,
    3.87625787e-01f,
    5.01435277e-01f,
    6.62941653e-02f,
    1.64934588e-02f,
    2.81513110e-02f,
    3.89972960e-01f,
    5.03832491e-01f,
    6.08650573e-02f,
    1.56016042e-02f,
    2.97278883e-02f,
    3.82435055e-01f,
    5.13046001e-01f,
    6.74905311e-02f,
    1.10758024e-02f,
    2.59526109e-02f
  };
  private static final float[] MASK_OUT = {
    6.37741676e-01f,
    6.90912912e-01f,
    6.82366960e-01f,
    6.12867204e-01f,
    6.71805854e-01f,
    7.30638559e-01f,
    7.24205502e-01f,
    6.53081327e-01f,
    0.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    -6.06958750e-01f,
    -6.90833363e-01f,
    -7.12997926e-01f,
    -6.71472515e-01f,
    -0.00000000e+00f,
    -0.00000000e+00f,
    -0.00000000e+00f,
    -0.00000000e+00f,
    6.87708752e-03f,
    1.04654137e-01f,
    1.93082764e-01f,
    2.64263881e-01f
  };
  private static final float[] MASK_W = {
    6.14910628e-01f,
    3.27674296e-01f,
    5.74150763e-02f,
    0.00000000e+00f,
    0.00000000e+00f,
    6.13945850e-01f,
    3.70152103e-01f,
    1.59020474e-02f,
    0.00000000e+00f,
    0.00000000e+00f,
    3.26914206e-01f,
    4.25155020e-01f,
    2.47930774e-01f,
    0.00000000e+00f,
    0.00000000e+00f,
    8.26895471e-03f,
    0.00000000e+00f,
    9.81584993e-02f,
    6.79354189e-01f,
    2.14218357e-01f,
    1.29626447e-02f,
    0.00000000e+00f,
    7.31877496e-02f,
    6.09888015e-01f,
    3.03961590e-01f,
    5.33758936e-01f,
    0.00000000e+00f,
    1.57640925e-01f,
    1.05883222e-01f,
    2.02716916e-01f
  };
  private static final float[] CAUSAL_OUT = {
    8.51670086e-01f,
    7.27646768e-01f,
    5.38624942e-01f,
    3.01489323e-01f,
    8.51670086e-01f,
    7.27646768e-01f,
    5.38624942e-01f,
    3.01489323e-01f,
    -1.04693896e-01f,
    -1.97764564e-01f,
    -2.73169487e-01f,
    -3.24173009e-01f,
    -7.88375647e-01f,
    -8.23506679e-01f,
    -7.85076278e-01f,
    -6.76517356e-01f,
    3.64364922e-01f,
    5.91287911e-01f,
    7.65392959e-01f,
    8.71127725e-01f,
    6.12710755e-01f,
    7.09900366e-01f,
    7.43676707e-01f,
    7.11022612e-01f,
    6.71738311e-01f,
    7.19697378e-01f,
    7.03368029e-01f,
    6.24208898e-01f,
    5.67208595e-01f,
    5.26558238e-01f,
    4.38872008e-01f,
    3.11982643e-01f
  };
  private static final float[] CAUSAL_W = {
    1.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    1.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    4.29451789e-01f,
    0.00000000e+00f,
    5.70548211e-01f,
    0.00000000e+00f,
    7.74627106e-03f,
    0.00000000e+00f,
    8.69923864e-01f,
    1.22329865e-01f,
    1.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    0.00000000e+00f,
    5.35526339e-01f,
    4.64473661e-01f,
    0.00000000e+00f,
    0.00000000e+00f,
    3.85570306e-01f,
    5.79860800e-01f,
    3.45688935e-02f,
    0.00000000e+00f,
    2.73087050e-01f,
    4.23209159e-01f,
    3.03703791e-01f,
    0.00000000e+00f
  };
  private static final float[] ADD_OUT = {
    1.59094359e-01f,
    1.71674060e-01f,
    1.68918638e-01f,
    1.51074218e-01f,
    1.42307793e-01f,
    1.52931973e-01f,
    1.49895205e-01f,
    1.33468746e-01f,
    2.09483760e-01f,
    2.31779653e-01f,
    2.33371369e-01f,
    2.14116718e-01f,
    1.61480993e-01f,
    1.75001744e-01f,
    1.72890110e-01f,
    1.55334715e-01f,
    1.97124204e-01f,
    2.19766304e-01f,
    2.22777337e-01f,
    2.05888329e-01f,
    1.92760716e-01f,
    2.09748266e-01f,
    2.07999629e-01f,
    1.87671002e-01f
  };
  private static final float[] ADD_W = {
    2.73476757e-01f,
    2.58487543e-01f,
    1.48380367e-01f,
    1.17050655e-01f,
    2.02604679e-01f,
    2.66925934e-01f,
    2.50328941e-01f,
    1.55032306e-01f,
    1.23236091e-01f,
    2.04476727e-01f,
    3.28700050e-01f,
    2.55557679e-01f,
    1.28695643e-01f,
    1.12318655e-01f,
    1.74727972e-01f,
    2.84930894e-01f,
    2.56140576e-01f,
    1.62983068e-01f,
    1.41770945e-01f,
    1.54174517e-01f,
    3.05583721e-01f,
    2.74109962e-01f,
    1.47283508e-01f,
    1.25382969e-01f,
    1.47639840e-01f,
    2.77219891e-01f,
    2.80611100e-01f,
    1.64944342e-01f,
    1.08527065e-01f,
    1.68697602e-01f
  };
  private static final float[] ADD_NOSCALE_OUT = {
    6.37616158e-01f,
    6.67891481e-01f,
    6.38506052e-01f,
    5.52084778e-01f,
    5.37285664e-01f,
    5.70444718e-01f,
    5.52647650e-01f,
    4.85484214e-01f,
    6.26532505e-01f,
    6.96204057e-01f,
    7.03685780e-01f,
    6.48309351e-01f,
    6.21492876e-01f,
    6.66937348e-01f,
    6.52806300e-01f,
    5.80361999e-01f,
    6.25587859e-01f,
    6.75808874e-01f,
    6.65661902e-01f,
    5.96053323e-01f,
    6.49011457e-01f,
    6.90301074e-01f,
    6.69928158e-01f,
    5.89712543e-01f
  };

  /** The inputs of the references: {@code sin(0.3 i + seed) * 0.9}, as float32. */
  static Tensor val(double seed, int... shape) {
    int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (Math.sin(0.3 * i + seed) * 0.9);
    }
    return Tensor.of(v, shape);
  }

  private static final Tensor Q = val(0.1, 2, 3, 4);
  private static final Tensor V = val(0.7, 2, 5, 4);

  private static void close(float[] expected, Tensor actual) {
    assertArrayEquals(
        expected, actual.toFloatArray(), 1e-5f, () -> Arrays.toString(actual.toFloatArray()));
  }

  @Test
  void dotAttentionMatchesNumpy() {
    Attention a = new Attention().returnAttentionScores(true);
    List<Tensor> out = a.callEager(List.of(Q, V), CallContext.inference());
    assertArrayEquals(new int[] {2, 3, 4}, ShapeRefs.of(out.get(0)));
    assertArrayEquals(new int[] {2, 3, 5}, ShapeRefs.of(out.get(1)));
    close(DOT_OUT, out.get(0));
    close(DOT_W, out.get(1));
    assertTrue(a.weights().isEmpty());
  }

  @Test
  void dotWithKeyAndScaleMatchesNumpy() {
    Attention a = new Attention(true);
    Tensor v6 = val(2.1, 2, 5, 6);
    Tensor k = val(1.3, 2, 5, 4);
    a.maybeBuild(List.of(Q.shape(), v6.shape(), k.shape()));
    assertEquals(1, a.weights().size());
    assertEquals(0, a.weights().get(0).shape().length);
    a.setWeights(List.of(Tensor.scalar(0.7f)));
    Tensor y = a.callEager(List.of(Q, v6, k), CallContext.inference()).get(0);
    assertArrayEquals(new int[] {2, 3, 6}, ShapeRefs.of(y));
    close(DOT_KEY_SCALE_OUT, y);
  }

  @Test
  void concatScoresMatchNumpy() {
    Attention a = new Attention(true, "concat").returnAttentionScores(true);
    a.maybeBuild(List.of(Q.shape(), V.shape()));
    assertEquals(
        List.of("scale", "concat_score_weight"), a.weights().stream().map(w -> w.name()).toList());
    a.setWeights(List.of(Tensor.scalar(0.5f), Tensor.scalar(1.3f)));
    List<Tensor> out = a.callEager(List.of(Q, V), CallContext.inference());
    close(CONCAT_OUT, out.get(0));
    close(CONCAT_W, out.get(1));
  }

  @Test
  void masksZeroQueriesAndSkipValues() {
    Tensor qMask = Tensor.of(new float[] {1, 1, 0, 1, 0, 1}, 2, 3);
    Tensor vMask = Tensor.of(new float[] {1, 1, 1, 0, 0, 1, 0, 1, 1, 1}, 2, 5);
    Attention a = new Attention().returnAttentionScores(true);
    List<Tensor> out = a.callEager(List.of(Q, V), CallContext.of(false, List.of(qMask, vMask)));
    close(MASK_OUT, out.get(0));
    close(MASK_W, out.get(1));
    List<Tensor> masks = a.computeMask(List.of(Q, V), List.of(qMask, vMask));
    assertArrayEquals(qMask.toFloatArray(), masks.get(0).toFloatArray(), 0f);
    assertNull(masks.get(1));
  }

  @Test
  void causalMaskWithValueMask() {
    Tensor q = val(0.4, 2, 4, 4);
    Tensor v = val(1.9, 2, 4, 4);
    Tensor vMask = Tensor.of(new float[] {1, 0, 1, 1, 1, 1, 1, 0}, 2, 4);
    Attention a = new Attention().useCausalMask(true).returnAttentionScores(true);
    List<Tensor> out =
        a.callEager(List.of(q, v), CallContext.of(false, Arrays.asList(null, vMask)));
    close(CAUSAL_OUT, out.get(0));
    close(CAUSAL_W, out.get(1));
    // Nothing after the diagonal gets any weight.
    float[] w = out.get(1).toFloatArray();
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          assertEquals(0f, w[b * 16 + i * 4 + j], 0f);
        }
      }
    }
  }

  @Test
  void additiveAttentionMatchesNumpy() {
    AdditiveAttention a = new AdditiveAttention().returnAttentionScores(true);
    a.maybeBuild(List.of(Q.shape(), V.shape()));
    assertArrayEquals(new int[] {4}, a.weights().get(0).shape());
    assertEquals("scale", a.weights().get(0).name());
    a.setWeights(List.of(Tensor.of(new float[] {0.3f, -0.6f, 0.9f, 0.2f}, 4)));
    List<Tensor> out = a.callEager(List.of(Q, V), CallContext.inference());
    close(ADD_OUT, out.get(0));
    close(ADD_W, out.get(1));
    Tensor plain =
        new AdditiveAttention(false).callEager(List.of(Q, V), CallContext.inference()).get(0);
    close(ADD_NOSCALE_OUT, plain);
  }

  @Test
  void layerChecksShapesConfigAndGradients() {
    LayerTestCase.of(new Attention()).inputs(Q, V).expectedOutputShape(2, 3, 4).run();
    LayerTestCase.of(new Attention(true)).inputs(Q, V, val(1.3, 2, 5, 4)).run();
    LayerTestCase.of(new Attention(true, "concat").useCausalMask(true))
        .inputs(val(0.4, 2, 4, 4), val(1.9, 2, 4, 3), val(2.5, 2, 4, 4))
        .expectedOutputShape(2, 4, 3)
        .run();
    LayerTestCase.of(new AdditiveAttention()).inputs(Q, V).run();
    LayerTestCase.of(new AdditiveAttention(false).dropout(0.2).seed(3)).inputs(Q, V).run();
  }

  @Test
  void symbolicCallGivesKerasShapes() {
    KerasTensor q = Input.of(7, 8);
    KerasTensor v = Input.of(9, 5);
    KerasTensor k = Input.of(9, 8);
    assertArrayEquals(new int[] {-1, 7, 5}, new Attention().apply(q, v, k).shape());
    List<KerasTensor> both =
        new AdditiveAttention().returnAttentionScores(true).applyAll(List.of(q, v, k));
    assertArrayEquals(new int[] {-1, 7, 5}, both.get(0).shape());
    assertArrayEquals(new int[] {-1, 7, 9}, both.get(1).shape());
  }

  @Test
  void configMatchesKeras() {
    var c = new Attention(true, "concat").dropout(0.1).getConfig();
    assertEquals(true, c.get("use_scale"));
    assertEquals("concat", c.get("score_mode"));
    assertEquals(0.1, c.get("dropout"));
    var ac = new AdditiveAttention().getConfig();
    assertTrue(!ac.containsKey("score_mode") && Boolean.TRUE.equals(ac.get("use_scale")));
  }

  @Test
  void dropoutOnlyInTraining() {
    Attention a = new Attention().dropout(0.5).seed(7).returnAttentionScores(true);
    Tensor inference = a.callEager(List.of(Q, V), CallContext.inference()).get(0);
    close(DOT_OUT, inference);
    List<Tensor> t = a.callEager(List.of(Q, V), CallContext.of(true));
    // The returned scores are the weights before dropout, as Keras returns them.
    close(DOT_W, t.get(1));
    float[] w = t.get(1).toFloatArray();
    float[] y = t.get(0).toFloatArray();
    float[] yi = inference.toFloatArray();
    assertTrue(!Arrays.equals(y, yi), "training output differs from inference");
    assertEquals(w.length, 30);
  }

  @Test
  void errorsNameLayerArgumentAndShapes() {
    Attention a = new Attention();
    a.name("att");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> a.callEager(List.of(Q, val(0.7, 2, 5, 6)), CallContext.inference()));
    assertTrue(e.getMessage().contains("'att'"), e.getMessage());
    assertTrue(e.getMessage().contains("`query` (4)"), e.getMessage());
    assertTrue(e.getMessage().contains("(2, 5, 6)"), e.getMessage());
    assertTrue(!a.isBuilt(), "a refused call builds nothing");
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Attention().apply(Input.of(3, 4), Input.of(5, 4), Input.of(6, 4)));
    assertTrue(e2.getMessage().contains("same number of steps"), e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Attention().callEager(List.of(Q), CallContext.inference()));
    assertTrue(e3.getMessage().contains("Received length: 1"), e3.getMessage());
    var e4 = assertThrows(IllegalArgumentException.class, () -> new Attention(false, "sum"));
    assertTrue(e4.getMessage().contains("score_mode=sum"), e4.getMessage());
    var e5 = assertThrows(IllegalArgumentException.class, () -> new Attention().dropout(1.5));
    assertTrue(e5.getMessage().contains("dropout=1.5"), e5.getMessage());
  }
}
