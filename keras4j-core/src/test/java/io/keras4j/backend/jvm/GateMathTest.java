package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** {@link GateMath} against {@link Math#tanh} and a double-precision erf on dense grids. */
class GateMathTest {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private static float[] apply(boolean sigmoid, float[] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, i);
      (sigmoid ? GateMath.sigmoid(v) : GateMath.tanh(v)).intoArray(y, i);
    }
    return y;
  }

  private static float[] grid(float lo, float hi, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
    }
    return x;
  }

  @Test
  void tanhIsWithinAFewUlpOfMathTanh() {
    float[] x = grid(-20f, 20f, 1 << 20);
    float[] y = apply(false, x);
    for (int i = 0; i < x.length; i++) {
      double t = Math.tanh(x[i]);
      double err = Math.abs(y[i] - t);
      assertTrue(
          err <= 5e-7 * Math.max(Math.abs(t), 1e-3),
          "tanh(" + x[i] + ") = " + y[i] + ", expected " + t);
      assertTrue(Math.abs(y[i]) <= 1f, "tanh(" + x[i] + ") = " + y[i] + " is outside [-1, 1]");
      if (i > 0) {
        // Monotone up to its error bound: near +-9, where tanh is 1 within an ulp, it wiggles.
        assertTrue(y[i] >= y[i - 1] - 5e-7f, "tanh decreases at " + x[i]);
      }
    }
    float[] neg = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      neg[i] = -x[i];
    }
    float[] yn = apply(false, neg);
    for (int i = 0; i < x.length; i++) {
      assertEquals(-y[i], yn[i], 0f, "tanh is not odd at " + x[i]);
    }
  }

  @Test
  void sigmoidIsWithinAnAbsolute3e7OfTheLogistic() {
    float[] x = grid(-40f, 40f, 1 << 20);
    float[] y = apply(true, x);
    for (int i = 0; i < x.length; i++) {
      double s = 1 / (1 + Math.exp(-x[i]));
      assertEquals(s, y[i], 3e-7, "sigmoid(" + x[i] + ")");
      assertTrue(y[i] >= 0f && y[i] <= 1f, "sigmoid(" + x[i] + ") = " + y[i]);
    }
  }

  @Test
  void erfIsWithinAFewUlpOfTheDoublePrecisionErf() {
    float[] x = grid(-8f, 8f, 1 << 20);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i += S.length()) {
      GateMath.erf(FloatVector.fromArray(S, x, i)).intoArray(y, i);
    }
    for (int i = 0; i < x.length; i++) {
      double e = Erf.erf(x[i]);
      assertTrue(
          Math.abs(y[i] - e) <= 4e-7 * Math.abs(e) + 1e-30,
          "erf(" + x[i] + ") = " + y[i] + ", expected " + e);
      assertTrue(Math.abs(y[i]) <= 1f, "erf(" + x[i] + ") = " + y[i] + " is outside [-1, 1]");
    }
    float[] tiny = {1e-30f, -1e-20f, 1e-10f, 3e-5f, Float.MIN_NORMAL, 0f, -0f, 4f, 50f};
    float[] t = new float[S.length()];
    for (int k = 0; k < tiny.length; k++) {
      t[0] = tiny[k];
      float[] out = new float[S.length()];
      GateMath.erf(FloatVector.fromArray(S, t, 0)).intoArray(out, 0);
      double e = Erf.erf(tiny[k]);
      assertEquals(e, out[0], 4e-7 * Math.abs(e), "erf(" + tiny[k] + ")");
    }
    t[0] = Float.NaN;
    float[] out = new float[S.length()];
    GateMath.erf(FloatVector.fromArray(S, t, 0)).intoArray(out, 0);
    assertTrue(Float.isNaN(out[0]), "erf(NaN)");
  }

  @Test
  void nanStaysNan() {
    float[] x = new float[S.length()];
    x[0] = Float.NaN;
    assertTrue(Float.isNaN(apply(false, x)[0]));
    assertTrue(Float.isNaN(apply(true, x)[0]));
  }
}
