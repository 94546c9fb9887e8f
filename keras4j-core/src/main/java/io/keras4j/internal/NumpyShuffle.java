package io.keras4j.internal;

/**
 * numpy's legacy {@code np.random.RandomState(seed).shuffle(x)}: a Mersenne Twister (MT19937)
 * seeded as numpy seeds it from an integer, and numpy's Fisher-Yates loop with its masked rejection
 * draw ({@code random_interval}). Keras's {@code index_directory} shuffles the file list this way,
 * so the same seed gives the same file order, and the same training/validation split, as Keras.
 */
public final class NumpyShuffle {
  private static final int N = 624;
  private static final int M = 397;

  private final int[] mt = new int[N];
  private int index = N;

  /** {@code np.random.RandomState(seed)} for a seed in [0, 2^32). */
  public NumpyShuffle(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          "The seed must be between 0 and 2**32 - 1. Received: seed=" + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
  }

  private int nextInt32() {
    if (index >= N) {
      for (int k = 0; k < N; k++) {
        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** numpy's {@code random_interval(max)}: uniform in [0, max], by masked rejection. */
  private int interval(int max) {
    if (max == 0) {
      return 0;
    }
    int mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    int value;
    do {
      value = nextInt32() & mask;
    } while (Integer.compareUnsigned(value, max) > 0);
    return value;
  }

  /** The permutation {@code shuffle} applies: element i of the result is the original index. */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = interval(i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
