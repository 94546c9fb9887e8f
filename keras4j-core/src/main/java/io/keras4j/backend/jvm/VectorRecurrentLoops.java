package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarRecurrentLoops} with the Vector API over the units of a row, with {@link GateMath}'s
 * sigmoid and tanh (the same bits in every JIT tier); the tail of a row is scalar.
 */
final class VectorRecurrentLoops extends ScalarRecurrentLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private static FloatVector load(float[] a, int off) {
    return FloatVector.fromArray(S, a, off);
  }

  /**
   * Four short passes rather than one long one: a loop body holding three sigmoids and two tanh is
   * past what C2 inlines, and a Vector API call left out of line runs its Java fallback (measured:
   * most of a step's time in {@code lanewiseTemplate}). Each pass below holds one activation.
   */
  @Override
  void lstmRow(
      float[] z,
      int zOff,
      float[] p,
      int pOff,
      float[] c,
      int cOff,
      float[] h,
      int hOff,
      int units) {
    sigmoidOfSum(z, zOff, p, pOff, 2 * units);
    tanhOfSum(z, zOff + 2 * units, p, pOff + 2 * units, units);
    sigmoidOfSum(z, zOff + 3 * units, p, pOff + 3 * units, units);
    cellUpdate(z, zOff, c, cOff, h, hOff, units);
  }

  /** {@code z[i] = sigmoid(z[i] + p[i])} over n values. */
  private static void sigmoidOfSum(float[] z, int zOff, float[] p, int pOff, int n) {
    int j = 0;
    for (int bound = S.loopBound(n); j < bound; j += L) {
      GateMath.sigmoid(load(z, zOff + j).add(load(p, pOff + j))).intoArray(z, zOff + j);
    }
    for (; j < n; j++) {
      z[zOff + j] = ScalarUnaryLoops.sigmoidOf(z[zOff + j] + p[pOff + j]);
    }
  }

  /** {@code z[i] = tanh(z[i] + p[i])} over n values. */
  private static void tanhOfSum(float[] z, int zOff, float[] p, int pOff, int n) {
    int j = 0;
    for (int bound = S.loopBound(n); j < bound; j += L) {
      GateMath.tanh(load(z, zOff + j).add(load(p, pOff + j))).intoArray(z, zOff + j);
    }
    for (; j < n; j++) {
      z[zOff + j] = (float) Math.tanh(z[zOff + j] + p[pOff + j]);
    }
  }

  /** From the activated gates at zOff: {@code c = f * c + i * g}, {@code h = o * tanh(c)}. */
  private static void cellUpdate(
      float[] z, int zOff, float[] c, int cOff, float[] h, int hOff, int units) {
    int j = 0;
    for (int bound = S.loopBound(units); j < bound; j += L) {
      int zi = zOff + j;
      FloatVector cn =
          load(z, zi + units).mul(load(c, cOff + j)).add(load(z, zi).mul(load(z, zi + 2 * units)));
      cn.intoArray(c, cOff + j);
      load(z, zi + 3 * units).mul(GateMath.tanh(cn)).intoArray(h, hOff + j);
    }
    for (; j < units; j++) {
      int zi = zOff + j;
      float cn = z[zi + units] * c[cOff + j] + z[zi] * z[zi + 2 * units];
      c[cOff + j] = cn;
      h[hOff + j] = z[zi + 3 * units] * (float) Math.tanh(cn);
    }
  }

  /**
   * Two passes, as {@link #lstmRow}: tanh of the new cell state first (parked in the o slot of dz,
   * which the second pass reads before writing it), then the arithmetic without a transcendental.
   */
  @Override
  void lstmRowBackward(
      float[] gates,
      int gOff,
      float[] cPrev,
      int cpOff,
      float[] cNew,
      int cnOff,
      float[] dh,
      int dhOff,
      float[] dc,
      int dcOff,
      float[] dz,
      int dzOff,
      int units) {
    int o3 = dzOff + 3 * units;
    int bound = S.loopBound(units);
    for (int j = 0; j < bound; j += L) {
      GateMath.tanh(load(cNew, cnOff + j)).intoArray(dz, o3 + j);
    }
    gateGradients(gates, gOff, cPrev, cpOff, dh, dhOff, dc, dcOff, dz, dzOff, units, bound);
    lstmBackwardTail(
        gates, gOff, cPrev, cpOff, cNew, cnOff, dh, dhOff, dc, dcOff, dz, dzOff, units, bound);
  }

  /**
   * The vector part of the LSTM backward, units {@code [0, bound)}, tanh(c) read from dz's o slot.
   */
  private static void gateGradients(
      float[] gates,
      int gOff,
      float[] cPrev,
      int cpOff,
      float[] dh,
      int dhOff,
      float[] dc,
      int dcOff,
      float[] dz,
      int dzOff,
      int units,
      int bound) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (int j = 0; j < bound; j += L) {
      int gi = gOff + j;
      int zi = dzOff + j;
      FloatVector i = load(gates, gi);
      FloatVector f = load(gates, gi + units);
      FloatVector g = load(gates, gi + 2 * units);
      FloatVector o = load(gates, gi + 3 * units);
      FloatVector tc = load(dz, zi + 3 * units);
      FloatVector d = load(dh, dhOff + j);
      FloatVector dcTotal = load(dc, dcOff + j).add(d.mul(o).mul(one.sub(tc.mul(tc))));
      dcTotal.mul(g).mul(i.mul(one.sub(i))).intoArray(dz, zi);
      dcTotal.mul(load(cPrev, cpOff + j)).mul(f.mul(one.sub(f))).intoArray(dz, zi + units);
      dcTotal.mul(i).mul(one.sub(g.mul(g))).intoArray(dz, zi + 2 * units);
      d.mul(tc).mul(o.mul(one.sub(o))).intoArray(dz, zi + 3 * units);
      dcTotal.mul(f).intoArray(dc, dcOff + j);
    }
  }

  /** {@link ScalarRecurrentLoops#gruRow} in three short passes (see {@link #lstmRow}). */
  @Override
  void gruRow(
      float[] a, int aOff, float[] p, int pOff, float[] rb, float[] h, int hOff, int units) {
    sigmoidOfSum3(a, aOff, p, pOff, rb, 0, 2 * units);
    gruCandidate(a, aOff, p, pOff, rb, units);
    gruUpdate(a, aOff, h, hOff, units);
  }

  /** {@code a[i] = sigmoid(a[i] + p[i] + rb[i])} over n values. */
  private static void sigmoidOfSum3(
      float[] a, int aOff, float[] p, int pOff, float[] rb, int rbOff, int n) {
    int j = 0;
    for (int bound = S.loopBound(n); j < bound; j += L) {
      FloatVector v = load(a, aOff + j).add(load(p, pOff + j)).add(load(rb, rbOff + j));
      GateMath.sigmoid(v).intoArray(a, aOff + j);
    }
    for (; j < n; j++) {
      a[aOff + j] = ScalarUnaryLoops.sigmoidOf(a[aOff + j] + p[pOff + j] + rb[rbOff + j]);
    }
  }

  /**
   * The h part with its bias into the fourth slot, the candidate tanh(p_h + r * a_h) into the
   * third.
   */
  private static void gruCandidate(
      float[] a, int aOff, float[] p, int pOff, float[] rb, int units) {
    int r0 = aOff + units;
    int h0 = aOff + 2 * units;
    int s0 = aOff + 3 * units;
    int p0 = pOff + 2 * units;
    int b0 = 2 * units;
    int j = 0;
    for (int bound = S.loopBound(units); j < bound; j += L) {
      FloatVector ah = load(a, h0 + j).add(load(rb, b0 + j));
      ah.intoArray(a, s0 + j);
      GateMath.tanh(load(a, r0 + j).fma(ah, load(p, p0 + j))).intoArray(a, h0 + j);
    }
    for (; j < units; j++) {
      float ah = a[h0 + j] + rb[b0 + j];
      a[s0 + j] = ah;
      a[h0 + j] = (float) Math.tanh(p[p0 + j] + a[r0 + j] * ah);
    }
  }

  /** {@code h = z * h + (1 - z) * hh}. */
  private static void gruUpdate(float[] a, int aOff, float[] h, int hOff, int units) {
    int h0 = aOff + 2 * units;
    int j = 0;
    for (int bound = S.loopBound(units); j < bound; j += L) {
      FloatVector z = load(a, aOff + j);
      FloatVector hh = load(a, h0 + j);
      // z * h + (1 - z) * hh = hh + z * (h - hh)
      z.fma(load(h, hOff + j).sub(hh), hh).intoArray(h, hOff + j);
    }
    for (; j < units; j++) {
      float z = a[aOff + j];
      float hh = a[h0 + j];
      h[hOff + j] = hh + z * (h[hOff + j] - hh);
    }
  }

  @Override
  void gruRowBackward(
      float[] gates,
      int gOff,
      float[] hPrev,
      int hpOff,
      float[] dh,
      int dhOff,
      float[] dp,
      int dpOff,
      float[] da,
      int daOff,
      int units) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    int j = 0;
    for (int bound = S.loopBound(units); j < bound; j += L) {
      int gi = gOff + j;
      FloatVector z = load(gates, gi);
      FloatVector r = load(gates, gi + units);
      FloatVector hh = load(gates, gi + 2 * units);
      FloatVector ah = load(gates, gi + 3 * units);
      FloatVector d = load(dh, dhOff + j);
      FloatVector dah = d.mul(one.sub(z)).mul(one.sub(hh.mul(hh)));
      FloatVector dar = dah.mul(ah).mul(r.mul(one.sub(r)));
      FloatVector daz = d.mul(load(hPrev, hpOff + j).sub(hh)).mul(z.mul(one.sub(z)));
      daz.intoArray(dp, dpOff + j);
      dar.intoArray(dp, dpOff + j + units);
      dah.intoArray(dp, dpOff + j + 2 * units);
      daz.intoArray(da, daOff + j);
      dar.intoArray(da, daOff + j + units);
      dah.mul(r).intoArray(da, daOff + j + 2 * units);
      d.mul(z).intoArray(dh, dhOff + j);
    }
    gruBackwardTail(gates, gOff, hPrev, hpOff, dh, dhOff, dp, dpOff, da, daOff, units, j);
  }
}
