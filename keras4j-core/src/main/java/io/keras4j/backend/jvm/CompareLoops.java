package io.keras4j.backend.jvm;

/**
 * The loops of the comparisons and logic: {@code out = a OP b ? 1 : 0}, one method per operation
 * for two runs and for a run and a scalar (a scalar first is the mirrored comparison). Plain Java:
 * C2 turns these branch-free loops into vector code by itself.
 */
final class CompareLoops {
  private CompareLoops() {}

  static void equal(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x == y ? 1f : 0f;
    }
  }

  static void equal(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x == y ? 1f : 0f;
    }
  }

  static void notEqual(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x != y ? 1f : 0f;
    }
  }

  static void notEqual(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x != y ? 1f : 0f;
    }
  }

  static void greater(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x > y ? 1f : 0f;
    }
  }

  static void greater(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x > y ? 1f : 0f;
    }
  }

  static void greaterEqual(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x >= y ? 1f : 0f;
    }
  }

  static void greaterEqual(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x >= y ? 1f : 0f;
    }
  }

  static void less(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x < y ? 1f : 0f;
    }
  }

  static void less(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x < y ? 1f : 0f;
    }
  }

  static void lessEqual(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x <= y ? 1f : 0f;
    }
  }

  static void lessEqual(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x <= y ? 1f : 0f;
    }
  }

  static void logicalAnd(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x != 0 && y != 0 ? 1f : 0f;
    }
  }

  static void logicalAnd(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x != 0 && y != 0 ? 1f : 0f;
    }
  }

  static void logicalOr(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      float y = b[bOff + i];
      out[oOff + i] = x != 0 || y != 0 ? 1f : 0f;
    }
  }

  static void logicalOr(float[] a, int aOff, float y, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float x = a[aOff + i];
      out[oOff + i] = x != 0 || y != 0 ? 1f : 0f;
    }
  }
}
