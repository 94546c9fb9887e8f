package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.uniform;

import io.keras4j.Tensor;
import io.keras4j.backend.ImageKernels;
import io.keras4j.backend.ImageKernels.FillMode;
import io.keras4j.backend.ImageKernels.Interpolation;
import io.keras4j.internal.ShapeRefs;
import org.junit.jupiter.api.Test;

/**
 * The primitives of {@link ImageKernels} against a double-precision reference written here: every
 * output value as an explicit list of (input position, weight) terms, built from the definitions
 * (resize: the triangle kernel normalized over the input, as jax's weight matrices; affine: the
 * image extended by unrolling the fill mode's reflections one period at a time). The backward
 * kernels are checked against the same terms transposed. Run in vector and in scalar mode (the
 * scalar-fallback list of the pom), with inputs large enough for the parallel path.
 */
class ImageConformanceTest extends ConformanceBase {

  private ImageKernels image() {
    return backend().image();
  }

  /** The weights of input positions 0..in-1 for output position o of a resize axis. */
  private static double[] resizeWeights(int in, int out, int o, Interpolation interp) {
    double[] w = new double[in];
    if (interp == Interpolation.NEAREST) {
      int i = (int) Math.floor((o + 0.5) * in / out);
      w[Math.min(i, in - 1)] = 1;
      return w;
    }
    double src = (o + 0.5) * in / out - 0.5;
    double sum = 0;
    for (int i = 0; i < in; i++) {
      w[i] = Math.max(0, 1 - Math.abs(src - i));
      sum += w[i];
    }
    for (int i = 0; i < in; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** Forward ([0]) and backward ([1], for dy) of a resize, by the explicit weights. */
  private static double[][] resizeReference(
      Tensor x, int h, int w, Interpolation interp, double[] dy) {
    int[] s = ShapeRefs.of(x);
    double[] v = doubles(x);
    int n = s[0];
    int c = s[3];
    double[] y = new double[n * h * w * c];
    double[] dx = new double[v.length];
    for (int oy = 0; oy < h; oy++) {
      double[] wy = resizeWeights(s[1], h, oy, interp);
      for (int ox = 0; ox < w; ox++) {
        double[] wx = resizeWeights(s[2], w, ox, interp);
        for (int iy = 0; iy < s[1]; iy++) {
          for (int ix = 0; ix < s[2]; ix++) {
            double weight = wy[iy] * wx[ix];
            if (weight == 0) {
              continue;
            }
            for (int b = 0; b < n; b++) {
              for (int k = 0; k < c; k++) {
                int o = ((b * h + oy) * w + ox) * c + k;
                int i = ((b * s[1] + iy) * s[2] + ix) * c + k;
                y[o] += weight * v[i];
                dx[i] += weight * dy[o];
              }
            }
          }
        }
      }
    }
    return new double[][] {y, dx};
  }

  /** Integer position i of an axis of n pixels in the extended image; -1: the fill value. */
  private static int extend(long i, int n, FillMode mode) {
    if (mode == FillMode.CONSTANT) {
      return i >= 0 && i < n ? (int) i : -1;
    }
    if (mode == FillMode.NEAREST) {
      return (int) Math.max(0, Math.min(n - 1, i));
    }
    while (i < 0 || i >= n) {
      switch (mode) {
        case WRAP -> i = i < 0 ? i + n : i - n;
        case MIRROR -> i = n == 1 ? 0 : i < 0 ? -i : 2L * (n - 1) - i;
        case REFLECT -> i = i < 0 ? -1 - i : 2L * n - 1 - i;
        default -> throw new AssertionError(mode);
      }
    }
    return (int) i;
  }

  private static double[][] affineReference(
      Tensor x, float[] t, Interpolation interp, FillMode mode, double fill, double[] dy) {
    int[] s = ShapeRefs.of(x);
    double[] v = doubles(x);
    int n = s[0];
    int h = s[1];
    int w = s[2];
    int c = s[3];
    double[] y = new double[v.length];
    double[] dx = new double[v.length];
    for (int b = 0; b < n; b++) {
      int r = t.length == 8 ? 0 : b * 8;
      for (int py = 0; py < h; py++) {
        for (int px = 0; px < w; px++) {
          double k = t[r + 6] * (double) px + t[r + 7] * (double) py + 1;
          double sx = (t[r] * (double) px + t[r + 1] * (double) py + t[r + 2]) / k;
          double sy = (t[r + 3] * (double) px + t[r + 4] * (double) py + t[r + 5]) / k;
          long[] ys;
          long[] xs;
          double[] wys;
          double[] wxs;
          if (interp == Interpolation.NEAREST) {
            ys = new long[] {(long) Math.floor(sy + 0.5)};
            xs = new long[] {(long) Math.floor(sx + 0.5)};
            wys = new double[] {1};
            wxs = new double[] {1};
          } else {
            long fy = (long) Math.floor(sy);
            long fx = (long) Math.floor(sx);
            ys = new long[] {fy, fy + 1};
            xs = new long[] {fx, fx + 1};
            wys = new double[] {1 - (sy - fy), sy - fy};
            wxs = new double[] {1 - (sx - fx), sx - fx};
          }
          for (int a = 0; a < ys.length; a++) {
            for (int e = 0; e < xs.length; e++) {
              double weight = wys[a] * wxs[e];
              int iy = extend(ys[a], h, mode);
              int ix = extend(xs[e], w, mode);
              for (int ch = 0; ch < c; ch++) {
                int o = ((b * h + py) * w + px) * c + ch;
                if (iy < 0 || ix < 0) {
                  y[o] += weight * fill;
                } else {
                  int i = ((b * h + iy) * w + ix) * c + ch;
                  y[o] += weight * v[i];
                  dx[i] += weight * dy[o];
                }
              }
            }
          }
        }
      }
    }
    return new double[][] {y, dx};
  }

  private void checkResize(long seed, int[] shape, int h, int w) {
    Tensor x = uniform(seed, -2, 2, shape);
    int[] outShape = {shape[0], h, w, shape[3]};
    Tensor dy = uniform(seed + 1, -1, 1, outShape);
    for (Interpolation interp : Interpolation.values()) {
      String what =
          "resize " + java.util.Arrays.toString(shape) + " to " + h + "x" + w + " " + interp;
      double[][] ref = resizeReference(x, h, w, interp, doubles(dy));
      assertClose(what, outShape, ref[0], image().resize(x, h, w, interp), 1e-5, 1e-5);
      assertClose(
          what + " backward", shape, ref[1], image().resizeBackward(dy, shape, interp), 1e-5, 1e-5);
    }
  }

  @Test
  void resizeUpAndDownOnEachAxis() {
    checkResize(1, new int[] {2, 5, 7, 3}, 8, 4);
    checkResize(3, new int[] {1, 6, 4, 1}, 3, 10);
    checkResize(5, new int[] {3, 3, 3, 5}, 9, 9);
    checkResize(7, new int[] {1, 11, 13, 2}, 4, 5);
    checkResize(9, new int[] {2, 1, 1, 4}, 3, 2);
    checkResize(11, new int[] {2, 4, 6, 3}, 4, 6);
  }

  @Test
  void bigResizesTakeTheParallelPathAndAgree() {
    checkResize(20, new int[] {4, 32, 32, 3}, 48, 40);
    checkResize(22, new int[] {3, 60, 50, 8}, 17, 23);
  }

  private static float[] rotation(double theta, double cy, double cx) {
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    return new float[] {
      (float) cos,
      (float) -sin,
      (float) (cx - cos * cx + sin * cy),
      (float) sin,
      (float) cos,
      (float) (cy - sin * cx - cos * cy),
      0,
      0
    };
  }

  private void checkAffine(long seed, int[] shape, float[] t) {
    Tensor x = uniform(seed, -2, 2, shape);
    Tensor dy = uniform(seed + 1, -1, 1, shape);
    Tensor tt = Tensor.of(t, t.length / 8, 8);
    for (Interpolation interp : Interpolation.values()) {
      for (FillMode mode : FillMode.values()) {
        String what = "affine " + java.util.Arrays.toString(shape) + " " + interp + " " + mode;
        double[][] ref = affineReference(x, t, interp, mode, 0.25, doubles(dy));
        assertClose(
            what, shape, ref[0], image().affineTransform(x, tt, interp, mode, 0.25f), 1e-5, 1e-5);
        assertClose(
            what + " backward",
            shape,
            ref[1],
            image().affineTransformBackward(dy, tt, shape, interp, mode),
            1e-5,
            1e-5);
      }
    }
  }

  @Test
  void affineInEveryFillModeAndInterpolation() {
    float[] shear = {1f, 1.7f, -6.2f, 0.3f, 1f, -1.1f, 0, 0};
    float[] zoom = {2.5f, 0, -4f, 0, 0.4f, 1.3f, 0, 0};
    float[] projective = {0.9f, 0.1f, 0.5f, -0.2f, 1.1f, 0.3f, 0.02f, -0.03f};
    checkAffine(1, new int[] {2, 6, 7, 3}, concat(rotation(0.7, 2.5, 3), shear));
    checkAffine(3, new int[] {2, 5, 5, 1}, zoom);
    checkAffine(5, new int[] {1, 8, 3, 4}, projective);
    checkAffine(7, new int[] {1, 1, 4, 2}, shear);
    checkAffine(9, new int[] {2, 3, 1, 2}, concat(zoom, rotation(2.0, 1, 0)));
  }

  @Test
  void bigAffinesTakeTheParallelPathAndAgree() {
    checkAffine(
        20,
        new int[] {3, 40, 36, 3},
        concat(rotation(0.3, 20, 18), rotation(-1.2, 19.5, 17.5), rotation(3.1, 0, 0)));
    checkAffine(22, new int[] {2, 64, 64, 8}, new float[] {1.2f, 0.1f, -3f, -0.1f, 0.9f, 5f, 0, 0});
  }

  private static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
