package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp and tanh lanewise, built only from IEEE add, multiply, fused multiply-add and exact
 * conversions, so a lane gets the same bits in the interpreter, in C1 and in C2. The Vector API's
 * own {@code lanewise(EXP)} / {@code lanewise(TANH)} call a math library in C2 and {@code Math.exp}
 * per lane before it, which differ in the last bit: a training run would then depend on when the
 * JIT compiled a loop, and the same seed would not give the same numbers.
 *
 * <p>The polynomials are Cephes's single-precision ones (expf, tanhf), within about 1 ulp.
 */
final class VectorMath {
  private VectorMath() {}

  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float ROUND = 12582912f; // 1.5 * 2^23: adding it rounds to an integer

  /** e^x lanewise; +inf above ~88.72, 0 below ~-103.9, NaN stays NaN. */
  static FloatVector exp(FloatVector x) {
    FloatVector xc = x.max(-104f).min(89f);
    FloatVector n = xc.fma(LOG2E, ROUND).sub(ROUND); // nearest integer of x / ln 2
    FloatVector r = n.fma(n.broadcast(-LN2_HI), xc);
    r = n.fma(n.broadcast(-LN2_LO), r);
    FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f);
    p = p.fma(r, r.broadcast(8.3334519073e-3f));
    p = p.fma(r, r.broadcast(4.1665795894e-2f));
    p = p.fma(r, r.broadcast(1.6666665459e-1f));
    p = p.fma(r, r.broadcast(5.0000001201e-1f));
    FloatVector y = p.fma(r.mul(r), r).add(1f);
    // 2^n in two factors, so that n down to -150 reaches the subnormals and up to 129 overflows.
    IntVector ni = (IntVector) n.convert(VectorOperators.F2I, 0);
    IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    IntVector n2 = ni.sub(n1);
    return y.mul(pow2(n1)).mul(pow2(n2));
  }

  private static FloatVector pow2(IntVector k) {
    return (FloatVector) k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
  }

  /** tanh lanewise: an odd polynomial for |x| <= 0.625, 1 - 2 / (e^(2|x|) + 1) beyond. */
  static FloatVector tanh(FloatVector x) {
    FloatVector z = x.abs();
    FloatVector zz = x.mul(x);
    FloatVector p = zz.fma(-5.70498872745e-3f, 2.06390887954e-2f);
    p = p.fma(zz, zz.broadcast(-5.37397155531e-2f));
    p = p.fma(zz, zz.broadcast(1.33314422036e-1f));
    p = p.fma(zz, zz.broadcast(-3.33332819422e-1f));
    FloatVector small = p.mul(zz).fma(x, x);
    VectorMask<Float> big = z.compare(VectorOperators.GT, 0.625f);
    if (!big.anyTrue()) {
      return small;
    }
    FloatVector large = exp(z.add(z)).add(1f);
    large = large.broadcast(1f).sub(large.broadcast(2f).div(large));
    large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
    return small.blend(large, big);
  }

  /** 1 / (1 + e^-x) lanewise. */
  static FloatVector sigmoid(FloatVector x) {
    FloatVector d = exp(x.neg()).add(1f);
    return d.broadcast(1f).div(d);
  }

  /**
   * The sum of the lanes, added first to last. {@code reduceLanes(ADD)} leaves the order open (C2
   * adds pairwise, the interpreter in order), which changes the last bit with the JIT's timing.
   */
  static float sumLanes(FloatVector v) {
    float s = 0f;
    for (int i = 0, n = v.length(); i < n; i++) {
      s += v.lane(i);
    }
    return s;
  }
}
