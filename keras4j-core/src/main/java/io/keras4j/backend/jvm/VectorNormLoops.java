package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link ScalarNormLoops} with the Vector API over the channels; the tail of a row is scalar. */
final class VectorNormLoops extends ScalarNormLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  @Override
  void addRow(float[] s, float[] a, int base, int c) {
    int j = 0;
    for (int bound = S.loopBound(c); j < bound; j += L) {
      load(s, j).add(load(a, base + j)).intoArray(s, j);
    }
    for (; j < c; j++) {
      s[j] += a[base + j];
    }
  }

  @Override
  void addSquaredRow(float[] s, float[] a, int base, float[] center, int c) {
    int j = 0;
    for (int bound = S.loopBound(c); j < bound; j += L) {
      FloatVector d = load(a, base + j).sub(load(center, j));
      d.fma(d, load(s, j)).intoArray(s, j);
    }
    for (; j < c; j++) {
      float d = a[base + j] - center[j];
      s[j] += d * d;
    }
  }

  @Override
  void addGradientRow(
      float[] s1, float[] s2, float[] dy, float[] x, int base, float[] center, int c) {
    int j = 0;
    for (int bound = S.loopBound(c); j < bound; j += L) {
      FloatVector g = load(dy, base + j);
      load(s1, j).add(g).intoArray(s1, j);
      g.fma(load(x, base + j).sub(load(center, j)), load(s2, j)).intoArray(s2, j);
    }
    for (; j < c; j++) {
      float g = dy[base + j];
      s1[j] += g;
      s2[j] += g * (x[base + j] - center[j]);
    }
  }

  @Override
  void normalizeRow(
      float[] x, float[] mean, float[] scale, float[] offset, float[] y, int base, int c) {
    int j = 0;
    for (int bound = S.loopBound(c); j < bound; j += L) {
      load(x, base + j)
          .sub(load(mean, j))
          .fma(load(scale, j), load(offset, j))
          .intoArray(y, base + j);
    }
    for (; j < c; j++) {
      y[base + j] = (x[base + j] - mean[j]) * scale[j] + offset[j];
    }
  }

  @Override
  void backwardRow(
      float[] dy,
      float[] x,
      float[] mean,
      float[] k,
      float[] p,
      float[] q,
      float[] dx,
      int base,
      int c) {
    int j = 0;
    for (int bound = S.loopBound(c); j < bound; j += L) {
      FloatVector centered = load(x, base + j).sub(load(mean, j));
      load(dy, base + j)
          .fma(load(k, j), centered.fma(load(p, j), load(q, j)))
          .intoArray(dx, base + j);
    }
    for (; j < c; j++) {
      dx[base + j] = k[j] * dy[base + j] + p[j] * (x[base + j] - mean[j]) + q[j];
    }
  }
}
