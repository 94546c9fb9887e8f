package io.keras4j.backend.conformance;

import io.keras4j.Shapes;

/**
 * A plain double-precision convolution written for the tests, the definition term by term: output
 * {@code (b, o..., co)} sums {@code x[b, o * s - pb + t * d, g * cinG + ci] * w[t..., ci, co]} over
 * the taps t and the group's input channels ci, where {@code g = co / coutG}; positions outside the
 * input are zero. The backward passes are the same loop scattering {@code dy} into {@code dx} and
 * {@code dw}.
 */
final class ConvReference {
  final int[] outShape;
  final double[] y;
  final double[] dx;
  final double[] dw;

  /**
   * @param dy the output gradient (of {@code outShape}), or null for the forward pass only
   */
  ConvReference(
      double[] x,
      int[] xShape,
      double[] w,
      int[] wShape,
      int[] s,
      int[] pb,
      int[] pa,
      int[] d,
      int groups,
      double[] dy) {
    int r = xShape.length - 2;
    int cin = xShape[r + 1];
    int cout = wShape[r + 1];
    int cinG = cin / groups;
    int coutG = cout / groups;
    outShape = new int[r + 2];
    outShape[0] = xShape[0];
    for (int i = 0; i < r; i++) {
      int eff = (wShape[i] - 1) * d[i] + 1;
      outShape[1 + i] = Math.floorDiv(xShape[1 + i] + pb[i] + pa[i] - eff, s[i]) + 1;
    }
    outShape[r + 1] = cout;
    y = new double[(int) Shapes.size(outShape)];
    dx = new double[x.length];
    dw = new double[w.length];
    int[] tapShape = java.util.Arrays.copyOf(wShape, r);
    int taps = (int) Shapes.size(tapShape);
    int[] xAt = new int[r + 2];
    int[] wAt = new int[r + 2];
    for (int flat = 0; flat < y.length; flat++) {
      int[] o = ArrayReference.unflatten(flat, outShape);
      int co = o[r + 1];
      int g = co / coutG;
      double sum = 0;
      for (int t = 0; t < taps; t++) {
        int[] tap = ArrayReference.unflatten(t, tapShape);
        boolean inside = true;
        xAt[0] = o[0];
        for (int i = 0; i < r; i++) {
          int p = o[1 + i] * s[i] - pb[i] + tap[i] * d[i];
          inside &= p >= 0 && p < xShape[1 + i];
          xAt[1 + i] = p;
          wAt[i] = tap[i];
        }
        if (!inside) {
          continue;
        }
        for (int ci = 0; ci < cinG; ci++) {
          xAt[r + 1] = g * cinG + ci;
          wAt[r] = ci;
          wAt[r + 1] = co;
          int xi = ArrayReference.flatten(xAt, xShape);
          int wi = ArrayReference.flatten(wAt, wShape);
          sum += x[xi] * w[wi];
          if (dy != null) {
            dx[xi] += dy[flat] * w[wi];
            dw[wi] += dy[flat] * x[xi];
          }
        }
      }
      y[flat] = sum;
    }
  }
}
