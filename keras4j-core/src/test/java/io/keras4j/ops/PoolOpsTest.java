package io.keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code Ops.maxPool} and {@code Ops.averagePool}: values against numpy references of Keras's
 * formulas (channels_first, "same" padding with a partial window, padding left out of the mean),
 * output shapes of "valid" and "same", gradients by finite differences through the tape for 1, 2
 * and 3 spatial axes in both data formats, and the errors.
 */
class PoolOpsTest {

  /** (2, 3, 5, 4) channels_first: {@code (i * 37 % 23 - 11) / 7} in float32. */
  private static Tensor patterned() {
    float[] v = new float[2 * 3 * 5 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 37 % 23 - 11) / 7f;
    }
    return Tensor.of(v, 2, 3, 5, 4);
  }

  /**
   * numpy: the input transposed to channels_last, padded with NaN by TF's "same" rule (pool (3, 2),
   * strides (2, 1): pads 1/1 on height, 0/1 on width), nanmax / nanmean over each window,
   * transposed back.
   */
  private static final float[] MAX_SAME = {
    0.4285714328289032f, 0.5714285969734192f, 1.1428571939468384f, 1.1428571939468384f,
        1.4285714626312256f, 1.4285714626312256f,
    0.7142857313156128f, 0.7142857313156128f, 1.4285714626312256f, 1.5714285373687744f,
        1.5714285373687744f, 0.2857142984867096f,
    1.0f, 1.1428571939468384f, 1.1428571939468384f, -0.1428571492433548f, 0.5714285969734192f,
        1.1428571939468384f,
    1.2857142686843872f, 1.2857142686843872f, 1.4285714626312256f, 0.7142857313156128f,
        0.8571428656578064f, 0.8571428656578064f,
    1.5714285373687744f, 1.5714285373687744f, 0.4285714328289032f, 0.4285714328289032f,
        1.1428571939468384f, 1.2857142686843872f,
    1.2857142686843872f, 0.4285714328289032f, 0.7142857313156128f, 1.2857142686843872f,
        1.4285714626312256f, 1.4285714626312256f,
    1.5714285373687744f, 0.8571428656578064f, 1.0f, 1.0f, 1.5714285373687744f, 0.4285714328289032f,
    1.0f, 1.0f, 1.2857142686843872f, 1.2857142686843872f, 0.5714285969734192f, 0.5714285969734192f,
    0.8571428656578064f, 1.4285714626312256f, 1.5714285373687744f, 1.5714285373687744f,
        0.8571428656578064f, 1.0f,
    1.5714285373687744f, 1.5714285373687744f, 0.4285714328289032f, 0.5714285969734192f,
        1.1428571939468384f, 1.1428571939468384f,
    1.4285714626312256f, 1.4285714626312256f, 0.7142857313156128f, 0.7142857313156128f,
        1.4285714626312256f, 1.5714285373687744f,
    1.5714285373687744f, 0.2857142984867096f, 1.0f, 1.1428571939468384f, 1.1428571939468384f,
        -0.1428571492433548f,
  };

  private static final float[] AVERAGE_SAME = {
    -0.6785714030265808f, -0.3214285671710968f, 0.035714298486709595f, 0.2142857313156128f,
        0.0952380895614624f, -0.0952380895614624f,
    -0.2857142984867096f, -0.380952388048172f, 0.3214285671710968f, 0.6785714030265808f,
        0.2142857015132904f, -0.4285714626312256f,
    -0.1071428582072258f, 0.25f, -0.2142857015132904f, -0.8571428656578064f, -0.4285714328289032f,
        -0.0714285597205162f,
    0.2857142984867096f, 0.1904761791229248f, 0.071428582072258f, -0.3928571343421936f,
        -0.035714298486709595f, 0.1428571343421936f,
    0.4642857015132904f, 0.0f, -0.4642857015132904f, -0.2857142686843872f, 0.1428571492433548f,
        -0.0476190410554409f,
    -0.2380952388048172f, -0.3333333432674408f, -0.178571417927742f, 0.178571417927742f,
        0.5357142686843872f, 0.7142857313156128f,
    0.2142857015132904f, -0.25f, 0.1071428582072258f, 0.2857142686843872f, 0.1666666716337204f,
        -0.5714285969734192f,
    -0.2142857164144516f, 0.2380952388048172f, 0.3928571343421936f, -0.071428582072258f,
        -0.5357142686843872f, -0.357142835855484f,
    -0.035714298486709595f, 0.3214285671710968f, 0.6785714030265808f, 0.8571428656578064f,
        -0.3571428656578064f, 0.0f,
    0.3571428656578064f, 0.8095238208770752f, -0.6785714030265808f, -0.3214285671710968f,
        0.035714298486709595f, 0.2142857313156128f,
    0.5357142686843872f, 0.071428582072258f, -0.3928571343421936f, -0.2142857313156128f,
        0.2142857164144516f, 0.5714285969734192f,
    -0.1666666716337204f, -0.8095238208770752f, -0.1071428582072258f, 0.25f, -0.2142857015132904f,
        -0.8571428656578064f,
  };

  @Test
  void channelsFirstSamePaddingMatchesNumpy() {
    Tensor x = patterned();
    int[] pool = {3, 2};
    int[] strides = {2, 1};
    Tensor max = Ops.maxPool(x, pool, strides, "same", "channels_first");
    Tensor avg = Ops.averagePool(x, pool, strides, "SAME", "channels_first");
    assertArrayEquals(new int[] {2, 3, 3, 4}, max.shape());
    assertArrayEquals(MAX_SAME, max.toFloatArray(), 1e-6f);
    assertArrayEquals(new int[] {2, 3, 3, 4}, avg.shape());
    assertArrayEquals(AVERAGE_SAME, avg.toFloatArray(), 1e-6f);
  }

  @Test
  void validAndSameOutputShapes() {
    Tensor x = Tensor.zeros(2, 7, 6, 3);
    assertArrayEquals(new int[] {2, 3, 3, 3}, Ops.maxPool(x, 2).shape());
    assertArrayEquals(
        new int[] {2, 4, 3, 3}, Ops.maxPool(x, new int[] {2}, null, "same", null).shape());
    assertArrayEquals(
        new int[] {2, 5, 4, 3},
        Ops.averagePool(x, new int[] {3}, new int[] {1}, "valid", "channels_last").shape());
    assertArrayEquals(
        new int[] {2, 7, 6, 1},
        Ops.averagePool(x, new int[] {1, 3}, new int[] {1, 3}, "valid", "channels_first").shape());
    assertArrayEquals(new int[] {1, 4, 2}, Ops.maxPool(Tensor.zeros(1, 9, 2), 2).shape());
    assertArrayEquals(
        new int[] {1, 2, 3, 3, 1},
        Ops.averagePool(Tensor.zeros(1, 4, 5, 6, 1), new int[] {2}, null, "same", null).shape());
  }

  private static Tensor random(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    // A shuffled ladder of values 0.05 apart: the largest of a window leads the next by more
    // than the finite-difference step, so no perturbation changes which one it is.
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2) * 0.05f;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return Tensor.of(v, shape);
  }

  @Test
  void gradientsByFiniteDifferences() {
    for (String format : new String[] {"channels_last", "channels_first"}) {
      for (String padding : new String[] {"valid", "same"}) {
        int[][] shapes = {{2, 7, 3}, {1, 5, 6, 2}, {1, 4, 3, 5, 4}};
        int[][] pools = {{3}, {3, 2}, {2, 2, 3}};
        int[][] strides = {{2}, {2, 1}, {1, 2, 2}};
        for (int i = 0; i < shapes.length; i++) {
          int[] p = pools[i];
          int[] s = strides[i];
          Tensor x = random(10 + i, shapes[i]);
          // A step well below the ladder's spacing, even at its largest values.
          GradientCheck.withDelta(1e-3)
              .verify(xs -> Ops.maxPool(xs.get(0), p, s, padding, format), x);
          GradientCheck.check(xs -> Ops.averagePool(xs.get(0), p, s, padding, format), x);
        }
      }
    }
  }

  @Test
  void errorsNameTheArgumentAndTheValue() {
    Tensor x = Tensor.zeros(1, 4, 4, 2);
    String m = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool(x, 5)).getMessage();
    assertTrue(m.contains("max_pool") && m.contains("pool_size=[5, 5]"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Ops.averagePool(x, new int[] {2}, new int[] {0}, "valid", null))
            .getMessage();
    assertTrue(m.contains("strides=[0]"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Ops.maxPool(x, new int[] {2}, null, "full", null))
            .getMessage();
    assertTrue(m.contains("padding=full"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Ops.maxPool(x, new int[] {2}, null, "valid", "channels_middle"))
            .getMessage();
    assertTrue(m.contains("data_format=channels_middle"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> Ops.maxPool(Tensor.zeros(4, 4), 2))
            .getMessage();
    assertTrue(m.contains("rank 3, 4 or 5") && m.contains("(4, 4)"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> Ops.maxPool(x, new int[] {2, 2, 2}, null, "valid", null))
            .getMessage();
    assertTrue(m.contains("pool_size=[2, 2, 2]"), m);
  }
}
