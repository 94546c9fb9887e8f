package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API versions of the optimizer loops: the same float32 operations in the same order as
 * {@link OptimizerLoops} (lanewise SQRT is correctly rounded like {@code (float) Math.sqrt}; no
 * fused multiply-add), so the results are identical; tails go through the scalar loops.
 */
final class VectorOptimizerLoops extends OptimizerLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
  private static final FloatVector MINUS_ONE = FloatVector.broadcast(S, -1f);

  private VectorOptimizerLoops() {}

  /** Created through this method so that callers link against this class only when they run it. */
  static OptimizerLoops create() {
    return new VectorOptimizerLoops();
  }

  private static FloatVector load(float[] a, int j) {
    return FloatVector.fromArray(S, a, j);
  }

  @Override
  String name() {
    return "vector";
  }

  @Override
  void sgd(float[] w, float[] g, int from, int n, float lr) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      load(w, j).sub(load(g, j).mul(lr)).intoArray(w, j);
    }
    super.sgd(w, g, j, n, lr);
  }

  @Override
  void sgdMomentum(float[] w, float[] g, float[] m, int from, int n, float lr, float mu) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector mj = load(m, j).mul(mu).sub(load(g, j).mul(lr));
      mj.intoArray(m, j);
      load(w, j).add(mj).intoArray(w, j);
    }
    super.sgdMomentum(w, g, m, j, n, lr, mu);
  }

  @Override
  void sgdNesterov(float[] w, float[] g, float[] m, int from, int n, float lr, float mu) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector step = load(g, j).mul(lr);
      FloatVector mj = load(m, j).mul(mu).sub(step);
      mj.intoArray(m, j);
      load(w, j).add(mj.mul(mu).sub(step)).intoArray(w, j);
    }
    super.sgdNesterov(w, g, m, j, n, lr, mu);
  }

  @Override
  void adam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      float[] vMax,
      int from,
      int n,
      float a1,
      float a2,
      float eps,
      float step) {
    int j = from;
    boolean amsgrad = vMax != v;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector mj = load(m, j);
      mj = mj.add(gj.sub(mj).mul(a1));
      mj.intoArray(m, j);
      FloatVector vj = load(v, j);
      vj = vj.add(gj.mul(gj).sub(vj).mul(a2));
      vj.intoArray(v, j);
      FloatVector top = vj;
      if (amsgrad) {
        top = load(vMax, j).max(vj);
        top.intoArray(vMax, j);
      }
      FloatVector denominator = top.lanewise(VectorOperators.SQRT).add(eps);
      load(w, j).sub(mj.mul(step).div(denominator)).intoArray(w, j);
    }
    super.adam(w, g, m, v, vMax, j, n, a1, a2, eps, step);
  }

  @Override
  void rmsprop(
      float[] w,
      float[] g,
      float[] v,
      float[] mom,
      float[] a,
      int from,
      int n,
      float lr,
      float r,
      float r1,
      float mu,
      float eps) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector vj = load(v, j).mul(r).add(gj.mul(gj).mul(r1));
      vj.intoArray(v, j);
      FloatVector denominator;
      if (a != null) {
        FloatVector aj = load(a, j).mul(r).add(gj.mul(r1));
        aj.intoArray(a, j);
        denominator = vj.sub(aj.mul(aj)).add(eps);
      } else {
        denominator = vj.add(eps);
      }
      FloatVector increment = gj.mul(lr).div(denominator.lanewise(VectorOperators.SQRT));
      if (mom != null) {
        FloatVector mj = load(mom, j).mul(mu).add(increment);
        mj.intoArray(mom, j);
        load(w, j).sub(mj).intoArray(w, j);
      } else {
        load(w, j).sub(increment).intoArray(w, j);
      }
    }
    super.rmsprop(w, g, v, mom, a, j, n, lr, r, r1, mu, eps);
  }

  @Override
  void adagrad(float[] w, float[] g, float[] acc, int from, int n, float lr, float eps) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector accj = load(acc, j).add(gj.mul(gj));
      accj.intoArray(acc, j);
      FloatVector step = gj.mul(lr).div(accj.add(eps).lanewise(VectorOperators.SQRT));
      load(w, j).sub(step).intoArray(w, j);
    }
    super.adagrad(w, g, acc, j, n, lr, eps);
  }

  @Override
  void adadelta(
      float[] w,
      float[] g,
      float[] ag,
      float[] ad,
      int from,
      int n,
      float lr,
      float r,
      float r1,
      float eps) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector agj = load(ag, j).mul(r).add(gj.mul(gj).mul(r1));
      agj.intoArray(ag, j);
      FloatVector adj = load(ad, j);
      FloatVector delta =
          adj.add(eps)
              .lanewise(VectorOperators.SQRT)
              .mul(gj)
              .div(agj.add(eps).lanewise(VectorOperators.SQRT))
              .neg();
      adj.mul(r).add(delta.mul(delta).mul(r1)).intoArray(ad, j);
      load(w, j).add(delta.mul(lr)).intoArray(w, j);
    }
    super.adadelta(w, g, ag, ad, j, n, lr, r, r1, eps);
  }

  @Override
  void adamax(
      float[] w,
      float[] g,
      float[] m,
      float[] u,
      int from,
      int n,
      float lr,
      float c,
      float a1,
      float b2,
      float eps) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector mj = load(m, j);
      mj = mj.add(gj.sub(mj).mul(a1));
      mj.intoArray(m, j);
      FloatVector uj = load(u, j).mul(b2).max(gj.abs());
      uj.intoArray(u, j);
      load(w, j).sub(mj.mul(lr).div(uj.add(eps).mul(c))).intoArray(w, j);
    }
    super.adamax(w, g, m, u, j, n, lr, c, a1, b2, eps);
  }

  @Override
  void lion(
      float[] w,
      float[] g,
      float[] m,
      int from,
      int n,
      float lr,
      float b1,
      float a1,
      float b2,
      float a2) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector mj = load(m, j);
      FloatVector c = mj.mul(b1).add(gj.mul(a1));
      // Math.signum: 1 above zero, -1 below, and c itself for +-0 and NaN.
      FloatVector sign =
          c.blend(ONE, c.compare(VectorOperators.GT, 0f))
              .blend(MINUS_ONE, c.compare(VectorOperators.LT, 0f));
      load(w, j).sub(sign.mul(lr)).intoArray(w, j);
      mj.mul(b2).add(gj.mul(a2)).intoArray(m, j);
    }
    super.lion(w, g, m, j, n, lr, b1, a1, b2, a2);
  }

  @Override
  void nadam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int from,
      int n,
      float lr,
      float a1,
      float a2,
      float eps,
      float cm,
      float cg,
      float cv) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector gj = load(g, j);
      FloatVector mj = load(m, j);
      mj = mj.add(gj.sub(mj).mul(a1));
      mj.intoArray(m, j);
      FloatVector vj = load(v, j);
      vj = vj.add(gj.mul(gj).sub(vj).mul(a2));
      vj.intoArray(v, j);
      FloatVector mHat = mj.mul(cm).add(gj.mul(cg));
      FloatVector denominator = vj.mul(cv).lanewise(VectorOperators.SQRT).add(eps);
      load(w, j).sub(mHat.mul(lr).div(denominator)).intoArray(w, j);
    }
    super.nadam(w, g, m, v, j, n, lr, a1, a2, eps, cm, cg, cv);
  }

  @Override
  void weightDecay(float[] w, int from, int n, float decay, float lr) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      FloatVector wj = load(w, j);
      wj.sub(wj.mul(decay).mul(lr)).intoArray(w, j);
    }
    super.weightDecay(w, j, n, decay, lr);
  }

  @Override
  void scale(float[] g, float s, float[] out, int from, int n) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      load(g, j).mul(s).intoArray(out, j);
    }
    super.scale(g, s, out, j, n);
  }

  @Override
  void clip(float[] g, float lo, float hi, float[] out, int from, int n) {
    int j = from;
    for (int bound = from + S.loopBound(n - from); j < bound; j += L) {
      load(g, j).min(hi).max(lo).intoArray(out, j);
    }
    super.clip(g, lo, hi, out, j, n);
  }
}
