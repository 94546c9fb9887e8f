package io.keras4j.backend.jvm;

/**
 * The per-row gate loops of {@link JvmRecurrent}, scalar; {@link VectorRecurrentLoops} overrides
 * them with Vector API loops over the units (the tail of a row stays here). One row is one batch
 * element at one step: its {@code 4*units} gate values in Keras's order i, f, c, o.
 */
class ScalarRecurrentLoops {

  /**
   * One LSTM step of one row: {@code z} holds the recurrent product, {@code p} the input
   * projection. Writes the activated gates {@code i, f, g, o} back into z, the new cell state into
   * {@code c} (which holds the previous one) and the new output into {@code h}.
   */
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
    lstmTail(z, zOff, p, pOff, c, cOff, h, hOff, units, 0);
  }

  /** {@link #lstmRow} for units {@code [from, units)}. */
  static void lstmTail(
      float[] z,
      int zOff,
      float[] p,
      int pOff,
      float[] c,
      int cOff,
      float[] h,
      int hOff,
      int units,
      int from) {
    for (int j = from; j < units; j++) {
      int zi = zOff + j;
      int pi = pOff + j;
      float i = ScalarUnaryLoops.sigmoidOf(z[zi] + p[pi]);
      float f = ScalarUnaryLoops.sigmoidOf(z[zi + units] + p[pi + units]);
      float g = (float) Math.tanh(z[zi + 2 * units] + p[pi + 2 * units]);
      float o = ScalarUnaryLoops.sigmoidOf(z[zi + 3 * units] + p[pi + 3 * units]);
      float cn = f * c[cOff + j] + i * g;
      z[zi] = i;
      z[zi + units] = f;
      z[zi + 2 * units] = g;
      z[zi + 3 * units] = o;
      c[cOff + j] = cn;
      h[hOff + j] = o * (float) Math.tanh(cn);
    }
  }

  /**
   * The backward of one LSTM step of one row: from the activated gates, the cell states before and
   * after the step, the gradient {@code dh} of the step's output and {@code dc} of its new cell
   * state, writes the gradient of the gates' pre-activations into {@code dz} and replaces dc with
   * the gradient of the previous cell state.
   */
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
    lstmBackwardTail(
        gates, gOff, cPrev, cpOff, cNew, cnOff, dh, dhOff, dc, dcOff, dz, dzOff, units, 0);
  }

  /** {@link #lstmRowBackward} for units {@code [from, units)}. */
  static void lstmBackwardTail(
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
      int units,
      int from) {
    for (int j = from; j < units; j++) {
      int gi = gOff + j;
      float i = gates[gi];
      float f = gates[gi + units];
      float g = gates[gi + 2 * units];
      float o = gates[gi + 3 * units];
      float tc = (float) Math.tanh(cNew[cnOff + j]);
      float d = dh[dhOff + j];
      float dcTotal = dc[dcOff + j] + d * o * (1f - tc * tc);
      int zi = dzOff + j;
      dz[zi] = dcTotal * g * (i * (1f - i));
      dz[zi + units] = dcTotal * cPrev[cpOff + j] * (f * (1f - f));
      dz[zi + 2 * units] = dcTotal * i * (1f - g * g);
      dz[zi + 3 * units] = d * tc * (o * (1f - o));
      dc[dcOff + j] = dcTotal * f;
    }
  }

  /**
   * One GRU step (reset_after) of one row. {@code a} holds the recurrent product in its first
   * {@code 3*units} values (z, r, h parts) and has room for a fourth; {@code p} the input
   * projection, {@code rb} the recurrent bias (zeros when the layer has none), {@code h} the state,
   * updated in place. Leaves in a the saved gates: z, r, the candidate hh, and the h part of the
   * product with its bias.
   */
  void gruRow(
      float[] a, int aOff, float[] p, int pOff, float[] rb, float[] h, int hOff, int units) {
    gruTail(a, aOff, p, pOff, rb, h, hOff, units, 0);
  }

  /** {@link #gruRow} for units {@code [from, units)}. */
  static void gruTail(
      float[] a,
      int aOff,
      float[] p,
      int pOff,
      float[] rb,
      float[] h,
      int hOff,
      int units,
      int from) {
    for (int j = from; j < units; j++) {
      int ai = aOff + j;
      int pi = pOff + j;
      float z = ScalarUnaryLoops.sigmoidOf(a[ai] + p[pi] + rb[j]);
      float r = ScalarUnaryLoops.sigmoidOf(a[ai + units] + p[pi + units] + rb[j + units]);
      float ah = a[ai + 2 * units] + rb[j + 2 * units];
      float hh = (float) Math.tanh(p[pi + 2 * units] + r * ah);
      a[ai] = z;
      a[ai + units] = r;
      a[ai + 2 * units] = hh;
      a[ai + 3 * units] = ah;
      h[hOff + j] = hh + z * (h[hOff + j] - hh);
    }
  }

  /**
   * The backward of one GRU step of one row: from the saved gates, the state before the step and
   * the gradient {@code dh} of the state after it, writes the gradients of the projection ({@code
   * dp}) and of the recurrent product ({@code da}), and replaces dh with the part of the previous
   * state's gradient that does not go through the product ({@code dh * z}).
   */
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
    gruBackwardTail(gates, gOff, hPrev, hpOff, dh, dhOff, dp, dpOff, da, daOff, units, 0);
  }

  /** {@link #gruRowBackward} for units {@code [from, units)}. */
  static void gruBackwardTail(
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
      int units,
      int from) {
    for (int j = from; j < units; j++) {
      int gi = gOff + j;
      float z = gates[gi];
      float r = gates[gi + units];
      float hh = gates[gi + 2 * units];
      float ah = gates[gi + 3 * units];
      float d = dh[dhOff + j];
      float dah = d * (1f - z) * (1f - hh * hh);
      float dar = dah * ah * (r * (1f - r));
      float daz = d * (hPrev[hpOff + j] - hh) * (z * (1f - z));
      dp[dpOff + j] = daz;
      dp[dpOff + j + units] = dar;
      dp[dpOff + j + 2 * units] = dah;
      da[daOff + j] = daz;
      da[daOff + j + units] = dar;
      da[daOff + j + 2 * units] = dah * r;
      dh[dhOff + j] = d * z;
    }
  }
}
