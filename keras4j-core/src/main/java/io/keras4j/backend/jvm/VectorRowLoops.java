package io.keras4j.backend.jvm;

import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowLoops} with the Vector API: float lanes, one accumulator per lane. The loops with an
 * exponential finish with one masked vector rather than scalar code, so that a short row (ten
 * classes) is still one vector operation.
 */
final class VectorRowLoops extends ScalarRowLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  @Override
  public float sum(float[] a, int off, int n) {
    int i = 0;
    float s = 0;
    if (n >= L) {
      FloatVector acc = FloatVector.zero(S);
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = acc.add(load(a, off + i));
      }
      s = VectorMath.sumLanes(acc);
    }
    for (; i < n; i++) {
      s += a[off + i];
    }
    return s;
  }

  @Override
  public float max(float[] a, int off, int n) {
    int i = 0;
    float m = Float.NEGATIVE_INFINITY;
    if (n >= L) {
      FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = acc.max(load(a, off + i));
      }
      m = acc.reduceLanes(MAX);
    }
    for (; i < n; i++) {
      m = Math.max(m, a[off + i]);
    }
    return m;
  }

  @Override
  public float min(float[] a, int off, int n) {
    int i = 0;
    float m = Float.POSITIVE_INFINITY;
    if (n >= L) {
      FloatVector acc = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = acc.min(load(a, off + i));
      }
      m = acc.reduceLanes(MIN);
    }
    for (; i < n; i++) {
      m = Math.min(m, a[off + i]);
    }
    return m;
  }

  @Override
  public void addTo(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(out, oOff + i).add(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.addTo(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void maxTo(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(out, oOff + i).max(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.maxTo(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void minTo(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(out, oOff + i).min(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.minTo(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public float expSum(float[] a, int off, float shift, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = acc.add(VectorMath.exp(load(a, off + i).sub(shift)));
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      // Masked-off lanes read 0 and are added as 0.
      acc = acc.add(VectorMath.exp(FloatVector.fromArray(S, a, off + i, m).sub(shift)), m);
    }
    return VectorMath.sumLanes(acc);
  }

  @Override
  public float expStore(float[] a, int aOff, float shift, float[] out, int oOff, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector e = VectorMath.exp(load(a, aOff + i).sub(shift));
      e.intoArray(out, oOff + i);
      acc = acc.add(e);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector e = VectorMath.exp(FloatVector.fromArray(S, a, aOff + i, m).sub(shift));
      e.intoArray(out, oOff + i, m);
      acc = acc.add(e, m);
    }
    return VectorMath.sumLanes(acc);
  }

  @Override
  public float dotShifted(float[] a, int aOff, float[] b, int bOff, float shift, int n) {
    FloatVector acc = FloatVector.zero(S);
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      acc = load(a, aOff + i).fma(load(b, bOff + i).sub(shift), acc);
    }
    if (i < n) {
      VectorMask<Float> m = S.indexInRange(i, n);
      FloatVector va = FloatVector.fromArray(S, a, aOff + i, m);
      acc = va.fma(FloatVector.fromArray(S, b, bOff + i, m).sub(shift), acc);
    }
    return VectorMath.sumLanes(acc);
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    int i = 0;
    float s = 0;
    if (n >= L) {
      FloatVector acc = FloatVector.zero(S);
      for (int bound = S.loopBound(n); i < bound; i += L) {
        acc = load(a, aOff + i).fma(load(b, bOff + i), acc);
      }
      s = VectorMath.sumLanes(acc);
    }
    for (; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }

  @Override
  public void softmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float dot, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(y, yOff + i).mul(load(g, gOff + i).sub(dot)).intoArray(out, oOff + i);
    }
    super.softmaxGrad(y, yOff + i, g, gOff + i, dot, out, oOff + i, n - i);
  }

  @Override
  public void logSoftmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float sum, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector e = VectorMath.exp(load(y, yOff + i));
      load(g, gOff + i).sub(e.mul(sum)).intoArray(out, oOff + i);
    }
    super.logSoftmaxGrad(y, yOff + i, g, gOff + i, sum, out, oOff + i, n - i);
  }
}
