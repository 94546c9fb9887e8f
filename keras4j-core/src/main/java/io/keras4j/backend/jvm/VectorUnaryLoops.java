package io.keras4j.backend.jvm;

import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link UnaryLoops} with the Vector API: whole vectors lanewise in float32, the tail (fewer than
 * one vector of elements) by the scalar loop. Floor, ceil and round go through a conversion to int
 * (exact below 2^23, where floats still have a fraction) and keep the sign of zero; erf is a
 * polynomial fit in float32 (within 2 ulp) where the scalar loop sums a series in double.
 */
final class VectorUnaryLoops extends ScalarUnaryLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

  /** 2^23: from here on every float is an integer. */
  private static final float TWO_23 = 8388608f;

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  /** 1 / (1 + e^-v): e^-v overflows to infinity for v below about -88, giving 0 as it should. */
  private static FloatVector sigmoidOf(FloatVector v) {
    return VectorMath.sigmoid(v);
  }

  private static FloatVector inv(FloatVector v) {
    return FloatVector.broadcast(S, 1f).div(v);
  }

  @Override
  public void erf(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      GateMath.erf(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.erf(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void gelu(float[] a, int aOff, float[] out, int oOff, int n) {
    float invSqrt2 = (float) INV_SQRT_2;
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.mul(0.5f).mul(GateMath.erf(v.mul(invSqrt2)).add(1f)).intoArray(out, oOff + i);
    }
    super.gelu(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void negative(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).neg().intoArray(out, oOff + i);
    }
    super.negative(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void abs(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).abs().intoArray(out, oOff + i);
    }
    super.abs(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void sign(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      // 0, -0 and NaN stay themselves.
      v.blend(1f, v.compare(VectorOperators.GT, 0f))
          .blend(-1f, v.compare(VectorOperators.LT, 0f))
          .intoArray(out, oOff + i);
    }
    super.sign(a, aOff + i, out, oOff + i, n - i);
  }

  /** v truncated toward zero, for lanes below 2^23 in magnitude (others are garbage). */
  private static FloatVector truncated(FloatVector v) {
    return (FloatVector) v.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
  }

  /**
   * r where |v| < 2^23 (v itself elsewhere: already an integer, infinite or NaN), and with v's sign
   * where r is zero (floor(-0) = -0, ceil(-0.5) = -0, rint(-0.3) = -0).
   */
  private static FloatVector finish(FloatVector v, FloatVector r) {
    VectorMask<Float> small = v.abs().compare(VectorOperators.LT, TWO_23);
    r = r.blend(v.mul(0f), r.compare(VectorOperators.EQ, 0f));
    return v.blend(r, small);
  }

  @Override
  public void floor(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      FloatVector t = truncated(v);
      finish(v, t.sub(1f, t.compare(VectorOperators.GT, v))).intoArray(out, oOff + i);
    }
    super.floor(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void ceil(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      FloatVector t = truncated(v);
      finish(v, t.add(1f, t.compare(VectorOperators.LT, v))).intoArray(out, oOff + i);
    }
    super.ceil(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void round(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      // Below 2^23, adding and removing 2^23 rounds to an integer, half to even.
      FloatVector r = v.abs().add(TWO_23).sub(TWO_23);
      finish(v, r.blend(r.neg(), v.compare(VectorOperators.LT, 0f))).intoArray(out, oOff + i);
    }
    super.round(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void toInt(float[] a, int aOff, int[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      ((IntVector) load(a, aOff + i).convert(VectorOperators.F2I, 0)).intoArray(out, oOff + i);
    }
    super.toInt(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void toFloat(int[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = I.loopBound(n); i < bound; i += I.length()) {
      ((FloatVector) IntVector.fromArray(I, a, aOff + i).convert(VectorOperators.I2F, 0))
          .intoArray(out, oOff + i);
    }
    super.toFloat(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void square(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.mul(v).intoArray(out, oOff + i);
    }
    super.square(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void sqrt(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).sqrt().intoArray(out, oOff + i);
    }
    super.sqrt(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void rsqrt(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      inv(load(a, aOff + i).sqrt()).intoArray(out, oOff + i);
    }
    super.rsqrt(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void exp(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      VectorMath.exp(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.exp(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void tanh(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      GateMath.tanh(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.tanh(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void sigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      sigmoidOf(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.sigmoid(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void relu(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).max(0f).intoArray(out, oOff + i);
    }
    super.relu(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void softsign(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.div(v.abs().add(1f)).intoArray(out, oOff + i);
    }
    super.softsign(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void reciprocal(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      inv(load(a, aOff + i)).intoArray(out, oOff + i);
    }
    super.reciprocal(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void clip(float[] a, int aOff, float min, float max, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).max(min).min(max).intoArray(out, oOff + i);
    }
    super.clip(a, aOff + i, min, max, out, oOff + i, n - i);
  }

  @Override
  public void relu6(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).max(0f).min(6f).intoArray(out, oOff + i);
    }
    super.relu6(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void leakyRelu(float[] a, int aOff, float slope, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.mul(slope).blend(v, v.compare(GE, 0f)).intoArray(out, oOff + i);
    }
    super.leakyRelu(a, aOff + i, slope, out, oOff + i, n - i);
  }

  @Override
  public void geluApproximate(float[] a, int aOff, float[] out, int oOff, int n) {
    float c = (float) SQRT_2_OVER_PI;
    float cubic = (float) GELU_CUBIC;
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      FloatVector inner = v.mul(v).mul(v).mul(cubic).add(v).mul(c);
      v.mul(0.5f).mul(VectorMath.tanh(inner).add(1f)).intoArray(out, oOff + i);
    }
    super.geluApproximate(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void silu(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.mul(sigmoidOf(v)).intoArray(out, oOff + i);
    }
    super.silu(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void hardSigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).div(6f).add(0.5f).max(0f).min(1f).intoArray(out, oOff + i);
    }
    super.hardSigmoid(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void hardSilu(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.mul(v.div(6f).add(0.5f).max(0f).min(1f)).intoArray(out, oOff + i);
    }
    super.hardSilu(a, aOff + i, out, oOff + i, n - i);
  }
}
