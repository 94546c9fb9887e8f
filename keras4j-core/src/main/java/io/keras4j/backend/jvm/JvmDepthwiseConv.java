package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Depthwise convolution as direct loops: per output position and tap, output channel {@code c * dm
 * + m} adds {@code x[c] * w[tap, c, m]}. A product per channel would have {@code dm} columns and
 * {@code taps} terms, far too small for the GEMM, and the loops over contiguous channels (with
 * {@code dm == 1}, an elementwise multiply-add of two rows, which C2 vectorizes) touch each input
 * once per tap. Forward runs one task per output row (batch x first spatial axis), the input
 * gradient one per image (an image's writes never overlap another's) and the kernel gradient one
 * per tap (each owns its slice of the kernel).
 */
final class JvmDepthwiseConv {

  private static ConvGeometry geometry(
      int[] xShape, int[] outSpatial, int[] kShape, int[] strides, int[] padBefore, int[] dil) {
    int rank = xShape.length - 2;
    int cin = xShape[xShape.length - 1];
    int dm = kShape[kShape.length - 1];
    return new ConvGeometry(
        xShape, outSpatial, Arrays.copyOf(kShape, rank), cin * dm, strides, padBefore, dil, cin);
  }

  Tensor forward(
      Tensor x, Tensor kernel, int[] strides, int[] padBefore, int[] padAfter, int[] dilation) {
    int[] sx = ShapeRefs.of(x);
    int[] sk = ShapeRefs.of(kernel);
    int rank = sx.length - 2;
    int[] outSpatial =
        ConvGeometry.outputSpatial(
            sx, Arrays.copyOf(sk, rank), strides, padBefore, padAfter, dilation);
    ConvGeometry geo = geometry(sx, outSpatial, sk, strides, padBefore, dilation);
    float[] xs = JvmTensors.floats(x);
    float[] w = JvmTensors.floats(kernel);
    float[] y = JvmTensors.zeroed(geo.batch * geo.rows * geo.cout);
    int dm = geo.coutG;
    int c = geo.cin;
    Parallel.forEach(
        geo.batch * geo.out[0],
        job -> {
          int b = job / geo.out[0];
          int o0 = job % geo.out[0];
          for (int o1 = 0; o1 < geo.out[1]; o1++) {
            for (int o2 = 0; o2 < geo.out[2]; o2++) {
              int yOff = (((b * geo.out[0] + o0) * geo.out[1] + o1) * geo.out[2] + o2) * geo.cout;
              for (int t = 0; t < geo.taps; t++) {
                int xOff = inputOffset(geo, b, o0, o1, o2, t);
                if (xOff < 0) {
                  continue;
                }
                int wOff = t * geo.cout;
                if (dm == 1) {
                  for (int ch = 0; ch < c; ch++) {
                    y[yOff + ch] += xs[xOff + ch] * w[wOff + ch];
                  }
                } else {
                  for (int ch = 0; ch < c; ch++) {
                    float v = xs[xOff + ch];
                    int base = ch * dm;
                    for (int m = 0; m < dm; m++) {
                      y[yOff + base + m] += v * w[wOff + base + m];
                    }
                  }
                }
              }
            }
          }
        });
    return JvmTensors.wrap(y, geo.outShape(rank, geo.cout));
  }

  Tensor backwardInput(
      Tensor dy, Tensor kernel, int[] inputShape, int[] strides, int[] padBefore, int[] dilation) {
    int[] sy = ShapeRefs.of(dy);
    int[] sk = ShapeRefs.of(kernel);
    int rank = sy.length - 2;
    ConvGeometry geo =
        geometry(inputShape, Arrays.copyOfRange(sy, 1, rank + 1), sk, strides, padBefore, dilation);
    float[] g = JvmTensors.floats(dy);
    float[] w = JvmTensors.floats(kernel);
    float[] dx = JvmTensors.zeroed(geo.batch * geo.inPositions * geo.cin);
    int dm = geo.coutG;
    int c = geo.cin;
    Parallel.forEach(
        geo.batch,
        b -> {
          for (int o0 = 0; o0 < geo.out[0]; o0++) {
            for (int o1 = 0; o1 < geo.out[1]; o1++) {
              for (int o2 = 0; o2 < geo.out[2]; o2++) {
                int yOff = (((b * geo.out[0] + o0) * geo.out[1] + o1) * geo.out[2] + o2) * geo.cout;
                for (int t = 0; t < geo.taps; t++) {
                  int xOff = inputOffset(geo, b, o0, o1, o2, t);
                  if (xOff < 0) {
                    continue;
                  }
                  int wOff = t * geo.cout;
                  if (dm == 1) {
                    for (int ch = 0; ch < c; ch++) {
                      dx[xOff + ch] += g[yOff + ch] * w[wOff + ch];
                    }
                  } else {
                    for (int ch = 0; ch < c; ch++) {
                      int base = ch * dm;
                      float s = 0f;
                      for (int m = 0; m < dm; m++) {
                        s += g[yOff + base + m] * w[wOff + base + m];
                      }
                      dx[xOff + ch] += s;
                    }
                  }
                }
              }
            }
          }
        });
    return JvmTensors.wrap(dx, inputShape.clone());
  }

  Tensor backwardKernel(
      Tensor x, Tensor dy, int[] kernelShape, int[] strides, int[] padBefore, int[] dilation) {
    int[] sx = ShapeRefs.of(x);
    int[] sy = ShapeRefs.of(dy);
    int rank = sx.length - 2;
    ConvGeometry geo =
        geometry(
            sx, Arrays.copyOfRange(sy, 1, rank + 1), kernelShape, strides, padBefore, dilation);
    float[] xs = JvmTensors.floats(x);
    float[] g = JvmTensors.floats(dy);
    float[] dw = JvmTensors.zeroed(geo.taps * geo.cout);
    int dm = geo.coutG;
    int c = geo.cin;
    Parallel.forEach(
        geo.taps,
        t -> {
          int wOff = t * geo.cout;
          for (int b = 0; b < geo.batch; b++) {
            for (int o0 = 0; o0 < geo.out[0]; o0++) {
              for (int o1 = 0; o1 < geo.out[1]; o1++) {
                for (int o2 = 0; o2 < geo.out[2]; o2++) {
                  int xOff = inputOffset(geo, b, o0, o1, o2, t);
                  if (xOff < 0) {
                    continue;
                  }
                  int yOff =
                      (((b * geo.out[0] + o0) * geo.out[1] + o1) * geo.out[2] + o2) * geo.cout;
                  if (dm == 1) {
                    for (int ch = 0; ch < c; ch++) {
                      dw[wOff + ch] += xs[xOff + ch] * g[yOff + ch];
                    }
                  } else {
                    for (int ch = 0; ch < c; ch++) {
                      float v = xs[xOff + ch];
                      int base = ch * dm;
                      for (int m = 0; m < dm; m++) {
                        dw[wOff + base + m] += v * g[yOff + base + m];
                      }
                    }
                  }
                }
              }
            }
          }
        });
    return JvmTensors.wrap(dw, kernelShape.clone());
  }

  /**
   * The offset of the input position tap {@code t} of output (o0, o1, o2) reads, or -1 (padding).
   */
  private static int inputOffset(ConvGeometry geo, int b, int o0, int o1, int o2, int t) {
    int t2 = t % geo.k[2];
    int t1 = (t / geo.k[2]) % geo.k[1];
    int t0 = t / (geo.k[2] * geo.k[1]);
    int i0 = o0 * geo.stride[0] - geo.padBefore[0] + t0 * geo.dilation[0];
    int i1 = o1 * geo.stride[1] - geo.padBefore[1] + t1 * geo.dilation[1];
    int i2 = o2 * geo.stride[2] - geo.padBefore[2] + t2 * geo.dilation[2];
    if (i0 < 0 || i0 >= geo.in[0] || i1 < 0 || i1 >= geo.in[1] || i2 < 0 || i2 >= geo.in[2]) {
      return -1;
    }
    return (((b * geo.in[0] + i0) * geo.in[1] + i1) * geo.in[2] + i2) * geo.cin;
  }
}
