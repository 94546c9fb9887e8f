package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** {@link BinaryLoops} with the Vector API; scalar tails, and power stays scalar. */
final class VectorBinaryLoops extends ScalarBinaryLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).add(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.add(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void addScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).add(vs).intoArray(out, oOff + i);
    }
    super.addScalar(a, aOff + i, s, out, oOff + i, n - i);
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).sub(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.sub(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void subScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).sub(vs).intoArray(out, oOff + i);
    }
    super.subScalar(a, aOff + i, s, out, oOff + i, n - i);
  }

  @Override
  public void scalarSub(float s, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      vs.sub(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.scalarSub(s, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).mul(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.mul(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void mulScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).mul(vs).intoArray(out, oOff + i);
    }
    super.mulScalar(a, aOff + i, s, out, oOff + i, n - i);
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).div(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.div(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void divScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).div(vs).intoArray(out, oOff + i);
    }
    super.divScalar(a, aOff + i, s, out, oOff + i, n - i);
  }

  @Override
  public void scalarDiv(float s, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      vs.div(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.scalarDiv(s, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void max(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).max(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.max(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void maxScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).max(vs).intoArray(out, oOff + i);
    }
    super.maxScalar(a, aOff + i, s, out, oOff + i, n - i);
  }

  @Override
  public void min(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    int i = 0;
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).min(load(b, bOff + i)).intoArray(out, oOff + i);
    }
    super.min(a, aOff + i, b, bOff + i, out, oOff + i, n - i);
  }

  @Override
  public void minScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    int i = 0;
    FloatVector vs = FloatVector.broadcast(S, s);
    for (int bound = S.loopBound(n); i < bound; i += L) {
      load(a, aOff + i).min(vs).intoArray(out, oOff + i);
    }
    super.minScalar(a, aOff + i, s, out, oOff + i, n - i);
  }
}
