package io.keras4j.backend.jvm;

/** {@link RowLoops} in plain Java, with double accumulators. */
class ScalarRowLoops implements RowLoops {

  @Override
  public float sum(float[] a, int off, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[off + i];
    }
    return (float) s;
  }

  @Override
  public float max(float[] a, int off, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, a[off + i]);
    }
    return m;
  }

  @Override
  public float min(float[] a, int off, int n) {
    float m = Float.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.min(m, a[off + i]);
    }
    return m;
  }

  @Override
  public void addTo(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] += a[aOff + i];
    }
  }

  @Override
  public void maxTo(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.max(out[oOff + i], a[aOff + i]);
    }
  }

  @Override
  public void minTo(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.min(out[oOff + i], a[aOff + i]);
    }
  }

  @Override
  public float expSum(float[] a, int off, float shift, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(a[off + i] - shift);
    }
    return (float) s;
  }

  @Override
  public float expStore(float[] a, int aOff, float shift, float[] out, int oOff, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      float e = (float) Math.exp(a[aOff + i] - shift);
      out[oOff + i] = e;
      s += e;
    }
    return (float) s;
  }

  @Override
  public float dotShifted(float[] a, int aOff, float[] b, int bOff, float shift, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) a[aOff + i] * (b[bOff + i] - shift);
    }
    return (float) s;
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) a[aOff + i] * b[bOff + i];
    }
    return (float) s;
  }

  @Override
  public void softmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float dot, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = y[yOff + i] * (g[gOff + i] - dot);
    }
  }

  @Override
  public void logSoftmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float sum, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) (g[gOff + i] - Math.exp(y[yOff + i]) * sum);
    }
  }
}
