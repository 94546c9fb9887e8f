package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;

/**
 * The gate activations of the fused recurrent kernels, lanewise: tanh as one rational function and
 * sigmoid through it ({@code sigmoid(x) = 0.5 + 0.5 tanh(x / 2)}). About 15 operations and one
 * division a lane, where {@link VectorMath#tanh} takes an exponential and a polynomial (and both
 * when the lanes straddle its switch point); a step of an LSTM computes five of them per unit.
 *
 * <p>{@code tanh(x) = x P(x^2) / Q(x^2)} on {@code [-9, 9]} (beyond, tanh rounds to +-1 in float),
 * with P and Q of degree 4, fitted for this project by iteratively reweighted least squares on the
 * relative error: within 4e-7 of tanh in float32 (a few ulp), odd, clamped to [-1, 1]. Built from
 * adds, multiplies, fused multiply-adds and one division, so a lane gets the same bits in every JIT
 * tier.
 */
final class GateMath {
  private GateMath() {}

  private static final float LIMIT = 9f;
  private static final float P0 = 1.0f;
  private static final float P1 = 0.13381065428256989f;
  private static final float P2 = 0.003495631506666541f;
  private static final float P3 = 2.060961014649365e-05f;
  private static final float P4 = 1.3355051287078368e-08f;
  private static final float Q1 = 0.46714380383491516f;
  private static final float Q2 = 0.02587715908885002f;
  private static final float Q3 = 0.0003285697603132576f;
  private static final float Q4 = 7.776789630042913e-07f;

  /** tanh lanewise. */
  static FloatVector tanh(FloatVector v) {
    FloatVector x = v.max(-LIMIT).min(LIMIT);
    FloatVector s = x.mul(x);
    FloatVector p = s.fma(P4, P3);
    p = p.fma(s, s.broadcast(P2));
    p = p.fma(s, s.broadcast(P1));
    p = p.fma(s, s.broadcast(P0));
    FloatVector q = s.fma(Q4, Q3);
    q = q.fma(s, s.broadcast(Q2));
    q = q.fma(s, s.broadcast(Q1));
    q = q.fma(s, s.broadcast(1f));
    return x.mul(p).div(q).max(-1f).min(1f);
  }

  private static final float ERF_LIMIT = 4f;
  private static final float E0 = 1.1283791065216064f;
  private static final float E1 = 0.18991097807884216f;
  private static final float E2 = 0.052666109055280685f;
  private static final float E3 = 0.0037412974052131176f;
  private static final float E4 = 0.0002837437787093222f;
  private static final float E5 = 2.0446964299480896e-06f;
  private static final float F1 = 0.5016370415687561f;
  private static final float F2 = 0.11388914287090302f;
  private static final float F3 = 0.014918948523700237f;
  private static final float F4 = 0.0011556760873645544f;
  private static final float F5 = 3.797998942900449e-05f;

  /**
   * erf lanewise, the same way: {@code x P(x^2) / Q(x^2)} on {@code [-4, 4]} (beyond, erf rounds to
   * +-1 in float), P and Q of degree 5 fitted for this project on the relative error (within 4e-7
   * of erf in float32), clamped to [-1, 1]: no exponential, no branch, so the loop stays one small
   * compilation in every JIT state (TensorFlow's CPU erf is a rational function clamped at 4 too).
   */
  static FloatVector erf(FloatVector v) {
    FloatVector x = v.max(-ERF_LIMIT).min(ERF_LIMIT);
    FloatVector s = x.mul(x);
    FloatVector p = s.fma(E5, E4);
    p = p.fma(s, s.broadcast(E3));
    p = p.fma(s, s.broadcast(E2));
    p = p.fma(s, s.broadcast(E1));
    p = p.fma(s, s.broadcast(E0));
    FloatVector q = s.fma(F5, F4);
    q = q.fma(s, s.broadcast(F3));
    q = q.fma(s, s.broadcast(F2));
    q = q.fma(s, s.broadcast(F1));
    q = q.fma(s, s.broadcast(1f));
    return x.mul(p).div(q).max(-1f).min(1f);
  }

  /** The logistic sigmoid lanewise, {@code 0.5 + 0.5 tanh(x / 2)}. */
  static FloatVector sigmoid(FloatVector v) {
    return tanh(v.mul(0.5f)).fma(0.5f, 0.5f);
  }
}
