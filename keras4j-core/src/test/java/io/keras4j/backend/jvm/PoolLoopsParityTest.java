package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API pooling loops against the scalar ones, bit for bit (each lane does the scalar
 * loop's operations in the same order): forward and backward, max and average, channel counts
 * around the vector width, with ties (a small set of values) so that the first-maximum rule of the
 * backward is exercised lane by lane.
 */
class PoolLoopsParityTest {
  private static final int[] CHANNELS = {1, 3, 7, 8, 9, 16, 17, 33, 64};
  private final JvmPool scalar = new JvmPool(new ScalarPoolLoops());
  private final JvmPool vector = new JvmPool(VectorPoolLoopsFactory.create());

  private static Tensor values(SplittableRandom r, boolean ties, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = ties ? r.nextInt(3) : (float) (r.nextDouble() * 2 - 1);
    }
    return Tensor.of(v, shape);
  }

  private static void check(
      JvmPool a, JvmPool b, Tensor x, Tensor dy, int[] pool, int[] st, int[] pad, int[] out) {
    String what = java.util.Arrays.toString(x.shape());
    Tensor ya = a.maxPool(x, pool, st, pad, out);
    Tensor yb = b.maxPool(x, pool, st, pad, out);
    assertArrayEquals(ya.toFloatArray(), yb.toFloatArray(), "max " + what);
    assertArrayEquals(
        a.maxPoolBackward(x, ya, dy, pool, st, pad).toFloatArray(),
        b.maxPoolBackward(x, yb, dy, pool, st, pad).toFloatArray(),
        "max backward " + what);
    assertArrayEquals(
        a.averagePool(x, pool, st, pad, out).toFloatArray(),
        b.averagePool(x, pool, st, pad, out).toFloatArray(),
        "average " + what);
    assertArrayEquals(
        a.averagePoolBackward(x.shape(), dy, pool, st, pad).toFloatArray(),
        b.averagePoolBackward(x.shape(), dy, pool, st, pad).toFloatArray(),
        "average backward " + what);
  }

  @Test
  void vectorAndScalarLoopsGiveTheSameBits() {
    SplittableRandom r = new SplittableRandom(5);
    for (int c : CHANNELS) {
      for (boolean ties : new boolean[] {false, true}) {
        // 2-D "same" 3x3 stride 2 on 7x6: out 4x3, pads 1 and 1.
        check(
            scalar,
            vector,
            values(r, ties, 2, 7, 6, c),
            values(r, false, 2, 4, 3, c),
            new int[] {3, 3},
            new int[] {2, 2},
            new int[] {1, 1},
            new int[] {4, 3});
        // 1-D valid pool 3 stride 1 on 8: out 6.
        check(
            scalar,
            vector,
            values(r, ties, 3, 8, c),
            values(r, false, 3, 6, c),
            new int[] {3},
            new int[] {1},
            new int[] {0},
            new int[] {6});
        // 3-D valid 2x2x2 stride 2 on 4x4x5: out 2x2x2.
        check(
            scalar,
            vector,
            values(r, ties, 1, 4, 4, 5, c),
            values(r, false, 1, 2, 2, 2, c),
            new int[] {2, 2, 2},
            new int[] {2, 2, 2},
            new int[] {0, 0, 0},
            new int[] {2, 2, 2});
      }
    }
  }
}
