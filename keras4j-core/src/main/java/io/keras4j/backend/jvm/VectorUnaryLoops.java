package io.keras4j.backend.jvm;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link UnaryLoops} with the Vector API: whole vectors lanewise in float32, the tail (fewer than
 * one vector of elements) by the scalar loop. Erf, sign, floor, ceil and round stay scalar (C2
 * compiles the simple ones to vector code by itself).
 */
final class VectorUnaryLoops extends ScalarUnaryLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  /** 1 / (1 + e^-v): e^-v overflows to infinity for v below about -88, giving 0 as it should. */
  private static FloatVector sigmoidOf(FloatVector v) {
    return inv(v.neg().lanewise(EXP).add(1f));
  }

  private static FloatVector inv(FloatVector v) {
    return FloatVector.broadcast(S, 1f).div(v);
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
      load(a, aOff + i).lanewise(EXP).intoArray(out, oOff + i);
    }
    super.exp(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void expm1(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(EXPM1).intoArray(out, oOff + i);
    }
    super.expm1(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void log(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(LOG).intoArray(out, oOff + i);
    }
    super.log(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void log1p(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(LOG1P).intoArray(out, oOff + i);
    }
    super.log1p(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void tanh(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(TANH).intoArray(out, oOff + i);
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
  public void softplus(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.max(0f).add(v.abs().neg().lanewise(EXP).lanewise(LOG1P)).intoArray(out, oOff + i);
    }
    super.softplus(a, aOff + i, out, oOff + i, n - i);
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
  public void sin(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(VectorOperators.SIN).intoArray(out, oOff + i);
    }
    super.sin(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void cos(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).lanewise(VectorOperators.COS).intoArray(out, oOff + i);
    }
    super.cos(a, aOff + i, out, oOff + i, n - i);
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
  public void elu(float[] a, int aOff, float alpha, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.min(0f).lanewise(EXPM1).mul(alpha).blend(v, v.compare(GE, 0f)).intoArray(out, oOff + i);
    }
    super.elu(a, aOff + i, alpha, out, oOff + i, n - i);
  }

  @Override
  public void selu(float[] a, int aOff, float[] out, int oOff, int n) {
    float alpha = (float) SELU_ALPHA;
    float scale = (float) SELU_SCALE;
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.min(0f)
          .lanewise(EXPM1)
          .mul(alpha)
          .blend(v, v.compare(GE, 0f))
          .mul(scale)
          .intoArray(out, oOff + i);
    }
    super.selu(a, aOff + i, out, oOff + i, n - i);
  }

  @Override
  public void geluApproximate(float[] a, int aOff, float[] out, int oOff, int n) {
    float c = (float) SQRT_2_OVER_PI;
    float cubic = (float) GELU_CUBIC;
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      FloatVector inner = v.mul(v).mul(v).mul(cubic).add(v).mul(c);
      v.mul(0.5f).mul(inner.lanewise(TANH).add(1f)).intoArray(out, oOff + i);
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

  @Override
  public void logSigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      FloatVector v = load(a, aOff + i);
      v.min(0f).sub(v.abs().neg().lanewise(EXP).lanewise(LOG1P)).intoArray(out, oOff + i);
    }
    super.logSigmoid(a, aOff + i, out, oOff + i, n - i);
  }
}
