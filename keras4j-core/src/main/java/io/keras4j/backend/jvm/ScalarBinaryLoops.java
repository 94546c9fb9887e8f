package io.keras4j.backend.jvm;

/** {@link BinaryLoops} in plain Java. */
class ScalarBinaryLoops implements BinaryLoops {
  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x + y;
    }
  }

  @Override
  public void addScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = x + y;
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x - y;
    }
  }

  @Override
  public void subScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = x - y;
    }
  }

  @Override
  public void scalarSub(float s, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = s;
      float y = b[bOff + i];
      out[oOff + i] = x - y;
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x * y;
    }
  }

  @Override
  public void mulScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = x * y;
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x / y;
    }
  }

  @Override
  public void divScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = x / y;
    }
  }

  @Override
  public void scalarDiv(float s, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = s;
      float y = b[bOff + i];
      out[oOff + i] = x / y;
    }
  }

  @Override
  public void max(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = Math.max(x, y);
    }
  }

  @Override
  public void maxScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = Math.max(x, y);
    }
  }

  @Override
  public void min(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = Math.min(x, y);
    }
  }

  @Override
  public void minScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = Math.min(x, y);
    }
  }

  @Override
  public void pow(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = (float) Math.pow(x, y);
    }
  }

  @Override
  public void powScalar(float[] a, int aOff, float s, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = s;
      out[oOff + i] = (float) Math.pow(x, y);
    }
  }

  @Override
  public void scalarPow(float s, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = s;
      float y = b[bOff + i];
      out[oOff + i] = (float) Math.pow(x, y);
    }
  }
}
