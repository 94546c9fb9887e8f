package io.keras4j.benchmarks.workloads;

/**
 * The peers' synthetic data (../shared/peers/README.md): element {@code i} of stream {@code s} is
 * {@code mix(mix(seed + s) + i)} with splitmix64's finaliser; floats are {@code (h >>> 40) *
 * 2^-24}, integers in [0, n) are {@code (h >>> 33) % n}. Every peer sees the same numbers.
 */
final class SynthData {
  static final int FEATURES = 1;
  static final int LABELS = 2;
  static final int FEATURES2 = 3;

  private SynthData() {}

  static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static float[] uniform(long seed, int stream, long offset, int n) {
    long b = mix(seed + stream);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (mix(b + offset + k) >>> 40) * 0x1.0p-24f;
    }
    return out;
  }

  static int[] ints(long seed, int stream, long offset, int n, int bound) {
    long b = mix(seed + stream);
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = (int) ((mix(b + offset + k) >>> 33) % bound);
    }
    return out;
  }

  static float[] oneHot(int[] labels, int classes) {
    float[] out = new float[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      out[i * classes + labels[i]] = 1f;
    }
    return out;
  }
}
