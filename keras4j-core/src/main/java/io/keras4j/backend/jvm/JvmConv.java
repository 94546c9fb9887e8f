package io.keras4j.backend.jvm;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.ConvKernels;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Convolution in the Java backend: im2col over the blocked GEMM.
 *
 * <p>Why im2col and not a direct loop: the convolution is a product of the patch matrix (one row
 * per output position, {@code taps * in} columns) by the kernel as it is stored ({@code taps * in}
 * rows, {@code out} columns), so the GEMM's register-blocked Vector API micro-kernel, its packing
 * and its threads do the arithmetic, and the forward and both backward passes are the three
 * products of a Dense layer ({@code P W}, {@code P^T dY}, {@code dY W^T} then col2im). Measured by
 * ConvBenchmark on the CIFAR shapes of the cnn workload (batch 64, 32x32x3, 64 filters 3x3 same, 2
 * threads, 2026-12-06, a shared and loaded machine): forward 47 GFLOP/s against 91 for its GEMM
 * alone on ready patches, while a direct loop (per pixel, tap and channel, the 64 outputs add
 * {@code x * w[tap, c, :]}, vectorized by C2) reaches 5: without register blocking it loads the
 * kernel once per multiply-add. The input gradient runs at 60 (GEMM 90), the kernel gradient at 21
 * (GEMM 25). Copying the patches costs one write and one read of {@code rows * taps * in} floats; a
 * kernel row without dilation or groups is one copy. A 1x1 convolution with unit strides skips the
 * patches (it is the product itself). A Conv layer without groups adds its bias and applies a
 * relu/sigmoid/tanh in the GEMM's epilogue ({@link #convBiasActivation}), as Dense does. Depthwise
 * convolution has too little arithmetic per patch for a product and runs as direct loops ({@link
 * JvmDepthwiseConv}).
 *
 * <p>Patches are made for whole images, up to {@link #CHUNK} floats at a time, in an array from
 * {@link JvmTensors#output} (pooled per training step, so steady-state steps allocate nothing);
 * im2col runs one output line per task and col2im one image per task (images never overlap) on
 * {@link Parallel}'s threads; the GEMM threads itself.
 */
final class JvmConv implements ConvKernels {
  /** Most floats of patches made at once (16 MB); at least one image's. */
  static final int CHUNK = 1 << 22;

  private final Kernels kernels;
  private final ArrayLoops loops;
  private final JvmDepthwiseConv depthwise = new JvmDepthwiseConv();

  JvmConv(Kernels kernels) {
    this.kernels = kernels;
    this.loops = ArrayLoops.forKernels(kernels);
  }

  @Override
  public Tensor conv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dilation,
      int groups) {
    return forward(x, kernel, null, null, strides, padBefore, padAfter, dilation, groups);
  }

  @Override
  public Tensor convBiasActivation(
      Tensor x,
      Tensor kernel,
      Tensor bias,
      FusedActivation activation,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dilation) {
    FusedActivation act = activation == FusedActivation.LINEAR && bias == null ? null : activation;
    return forward(x, kernel, bias, act, strides, padBefore, padAfter, dilation, 1);
  }

  /** The convolution, with bias and activation in the GEMM's epilogue when act is not null. */
  private Tensor forward(
      Tensor x,
      Tensor kernel,
      Tensor bias,
      FusedActivation act,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dilation,
      int groups) {
    int[] sx = ShapeRefs.of(x);
    int[] sk = ShapeRefs.of(kernel);
    int rank = sx.length - 2;
    int[] kSpatial = Arrays.copyOf(sk, rank);
    int cout = sk[sk.length - 1];
    int[] outSpatial =
        ConvGeometry.outputSpatial(sx, kSpatial, strides, padBefore, padAfter, dilation);
    ConvGeometry geo =
        new ConvGeometry(sx, outSpatial, kSpatial, cout, strides, padBefore, dilation, groups);
    float[] xs = JvmTensors.floats(x);
    float[] w = JvmTensors.floats(kernel);
    float[] b = bias == null ? null : JvmTensors.floats(bias);
    int total = geo.batch * geo.rows * cout;
    float[] y = JvmTensors.output(total);
    if (total == 0) {
      return JvmTensors.wrap(y, geo.outShape(rank, cout));
    }
    if (geo.pointwise()) {
      Gemm.multiply(
          loops.gemm(),
          false,
          false,
          geo.batch * geo.rows,
          cout,
          geo.cin,
          xs,
          0,
          geo.cin,
          w,
          0,
          cout,
          y,
          0,
          cout,
          false,
          b,
          act);
      return JvmTensors.wrap(y, geo.outShape(rank, cout));
    }
    int perChunk = imagesPerChunk(geo);
    float[] p = JvmTensors.output(perChunk * geo.rows * geo.patch);
    for (int b0 = 0; b0 < geo.batch; b0 += perChunk) {
      int nb = Math.min(perChunk, geo.batch - b0);
      for (int g = 0; g < groups; g++) {
        im2col(geo, xs, b0, nb, g, p);
        Gemm.multiply(
            loops.gemm(),
            false,
            false,
            nb * geo.rows,
            geo.coutG,
            geo.patch,
            p,
            0,
            geo.patch,
            w,
            g * geo.coutG,
            cout,
            y,
            b0 * geo.rows * cout + g * geo.coutG,
            cout,
            false,
            b,
            act);
      }
    }
    return JvmTensors.wrap(y, geo.outShape(rank, cout));
  }

  @Override
  public Tensor[] convBiasActivationBackward(
      Tensor x,
      Tensor kernel,
      Tensor y,
      Tensor dy,
      FusedActivation activation,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      boolean needX,
      boolean needKernel,
      boolean needBias) {
    int[] sy = ShapeRefs.of(dy);
    int n = sy[sy.length - 1];
    int rows = n == 0 ? 0 : (int) (Shapes.size(sy) / n);
    float[] g = JvmTensors.floats(dy);
    float[] db = needBias ? JvmTensors.zeroed(n) : null;
    Tensor dz;
    if (activation == FusedActivation.LINEAR) {
      dz = dy;
      if (db != null) {
        for (int i = 0; i < rows; i++) {
          kernels.add(db, 0, g, i * n, db, 0, n);
        }
      }
    } else if (needX || needKernel || needBias) {
      // dz = dy * act'(y) once, with the bias gradient summed in the same pass.
      float[] yv = JvmTensors.floats(y);
      float[] z = JvmTensors.output(rows * n);
      for (int i = 0; i < rows; i++) {
        loops.gradRow(activation, g, yv, i * n, z, db, n);
      }
      dz = JvmTensors.wrap(z, sy.clone());
    } else {
      dz = null;
    }
    Tensor dx =
        needX ? convBackwardInput(dz, kernel, x.shape(), strides, padBefore, dilation, 1) : null;
    Tensor dw =
        needKernel
            ? convBackwardKernel(x, dz, kernel.shape(), strides, padBefore, dilation, 1)
            : null;
    return new Tensor[] {dx, dw, db == null ? null : JvmTensors.wrap(db, n)};
  }

  @Override
  public Tensor convBackwardInput(
      Tensor dy,
      Tensor kernel,
      int[] inputShape,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups) {
    int[] sk = ShapeRefs.of(kernel);
    ConvGeometry geo =
        ConvGeometry.ofShapes(
            inputShape, ShapeRefs.of(dy), sk, strides, padBefore, dilation, groups);
    int cout = sk[sk.length - 1];
    float[] g = JvmTensors.floats(dy);
    float[] w = JvmTensors.floats(kernel);
    int total = geo.batch * geo.inPositions * geo.cin;
    if (geo.pointwise()) {
      float[] dx = JvmTensors.output(total);
      kernels.gemm(
          false,
          true,
          geo.batch * geo.rows,
          geo.cin,
          cout,
          g,
          0,
          cout,
          w,
          0,
          cout,
          dx,
          0,
          geo.cin,
          false);
      return JvmTensors.wrap(dx, inputShape.clone());
    }
    float[] dx = JvmTensors.zeroed(total);
    if (geo.batch * geo.rows == 0 || total == 0) {
      return JvmTensors.wrap(dx, inputShape.clone());
    }
    int perChunk = imagesPerChunk(geo);
    float[] p = JvmTensors.output(perChunk * geo.rows * geo.patch);
    for (int b0 = 0; b0 < geo.batch; b0 += perChunk) {
      int nb = Math.min(perChunk, geo.batch - b0);
      int first = b0;
      for (int gr = 0; gr < groups; gr++) {
        kernels.gemm(
            false,
            true,
            nb * geo.rows,
            geo.patch,
            geo.coutG,
            g,
            b0 * geo.rows * cout + gr * geo.coutG,
            cout,
            w,
            gr * geo.coutG,
            cout,
            p,
            0,
            geo.patch,
            false);
        int group = gr;
        Parallel.forEach(
            nb, i -> ConvPatches.col2im(geo, p, i * geo.rows * geo.patch, first + i, group, dx));
      }
    }
    return JvmTensors.wrap(dx, inputShape.clone());
  }

  @Override
  public Tensor convBackwardKernel(
      Tensor x,
      Tensor dy,
      int[] kernelShape,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups) {
    ConvGeometry geo =
        ConvGeometry.ofShapes(
            ShapeRefs.of(x), ShapeRefs.of(dy), kernelShape, strides, padBefore, dilation, groups);
    int cout = kernelShape[kernelShape.length - 1];
    float[] xs = JvmTensors.floats(x);
    float[] g = JvmTensors.floats(dy);
    float[] dw = JvmTensors.zeroed(geo.patch * cout);
    if (geo.batch * geo.rows == 0) {
      return JvmTensors.wrap(dw, kernelShape.clone());
    }
    if (geo.pointwise()) {
      kernels.gemm(
          true,
          false,
          geo.cin,
          cout,
          geo.batch * geo.rows,
          xs,
          0,
          geo.cin,
          g,
          0,
          cout,
          dw,
          0,
          cout,
          false);
      return JvmTensors.wrap(dw, kernelShape.clone());
    }
    int perChunk = imagesPerChunk(geo);
    float[] p = JvmTensors.output(perChunk * geo.rows * geo.patch);
    for (int b0 = 0; b0 < geo.batch; b0 += perChunk) {
      int nb = Math.min(perChunk, geo.batch - b0);
      int first = b0;
      for (int gr = 0; gr < groups; gr++) {
        int group = gr;
        im2col(geo, xs, first, nb, group, p);
        kernels.gemm(
            true,
            false,
            geo.patch,
            geo.coutG,
            nb * geo.rows,
            p,
            0,
            geo.patch,
            g,
            b0 * geo.rows * cout + gr * geo.coutG,
            cout,
            dw,
            gr * geo.coutG,
            cout,
            true);
      }
    }
    return JvmTensors.wrap(dw, kernelShape.clone());
  }

  @Override
  public Tensor depthwiseConv(
      Tensor x, Tensor kernel, int[] strides, int[] padBefore, int[] padAfter, int[] dilation) {
    return depthwise.forward(x, kernel, strides, padBefore, padAfter, dilation);
  }

  @Override
  public Tensor depthwiseConvBackwardInput(
      Tensor dy, Tensor kernel, int[] inputShape, int[] strides, int[] padBefore, int[] dilation) {
    return depthwise.backwardInput(dy, kernel, inputShape, strides, padBefore, dilation);
  }

  @Override
  public Tensor depthwiseConvBackwardKernel(
      Tensor x, Tensor dy, int[] kernelShape, int[] strides, int[] padBefore, int[] dilation) {
    return depthwise.backwardKernel(x, dy, kernelShape, strides, padBefore, dilation);
  }

  /**
   * The patches of images {@code [first, first + nb)}, group g, one task per output line (an image
   * of a batch of one still uses every thread).
   */
  private static void im2col(ConvGeometry geo, float[] xs, int first, int nb, int g, float[] p) {
    int lines = geo.out[0] * geo.out[1];
    int lineFloats = geo.out[2] * geo.patch;
    Parallel.forEach(
        nb * lines,
        t -> {
          int i = t / lines;
          int line = t % lines;
          ConvPatches.im2colLine(
              geo, xs, first + i, line / geo.out[1], line % geo.out[1], g, p, t * lineFloats);
        });
  }

  /** Whole images whose patches fit in {@link #CHUNK} floats (at least one). */
  private static int imagesPerChunk(ConvGeometry geo) {
    long perImage = Math.max(1L, (long) geo.rows * geo.patch);
    return (int) Math.max(1, Math.min(geo.batch, CHUNK / perImage));
  }
}
