package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.ImageKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * The Java implementation of {@link ImageKernels}. These are gather loops (forward) and scatter
 * loops (backward) whose addresses depend on computed coordinates, so they are written as scalar
 * code: the Vector API does not pay for them (the innermost loop runs over the channels of one
 * pixel, contiguous in channels_last data, which C2 may unroll on its own). The forward passes
 * split the output rows of all images over the worker threads; the backward passes split the
 * images, since the output pixels of one image scatter into overlapping input pixels. Small calls
 * run on the caller alone.
 */
final class JvmImage implements ImageKernels {
  /** Values read below which the threads are not worth waking. */
  private static final long PARALLEL_WORK = 1 << 15;

  /** Coordinates beyond this magnitude (or NaN) read the fill value: they are far off any image. */
  private static final double FAR = 1e9;

  @Override
  public Tensor resize(Tensor images, int height, int width, Interpolation interpolation) {
    int[] s = ShapeRefs.of(images);
    int n = s[0];
    int c = s[3];
    boolean bilinear = interpolation == Interpolation.BILINEAR;
    Axis ys = Axis.of(s[1], height, bilinear);
    Axis xs = Axis.of(s[2], width, bilinear);
    float[] in = JvmTensors.floats(images);
    float[] out = JvmTensors.output(n * height * width * c);
    int inImage = s[1] * s[2] * c;
    int rows = n * height;
    long work = (long) rows * width * c * (bilinear ? 4 : 1);
    run(
        rows,
        work,
        r -> resizeRow(in, out, r / height, r % height, inImage, s[2], c, width, ys, xs, bilinear));
    return JvmTensors.wrap(out, n, height, width, c);
  }

  private static void resizeRow(
      float[] in,
      float[] out,
      int b,
      int oy,
      int inImage,
      int inWidth,
      int c,
      int width,
      Axis ys,
      Axis xs,
      boolean bilinear) {
    int o = ((b * ys.size() + oy) * width) * c;
    int base = b * inImage;
    int row0 = base + ys.lo[oy] * inWidth * c;
    if (!bilinear) {
      for (int ox = 0; ox < width; ox++, o += c) {
        System.arraycopy(in, row0 + xs.lo[ox] * c, out, o, c);
      }
      return;
    }
    int row1 = base + ys.hi[oy] * inWidth * c;
    float wy = ys.w[oy];
    for (int ox = 0; ox < width; ox++, o += c) {
      int x0 = xs.lo[ox] * c;
      int x1 = xs.hi[ox] * c;
      float wx = xs.w[ox];
      for (int k = 0; k < c; k++) {
        float top = in[row0 + x0 + k] + wx * (in[row0 + x1 + k] - in[row0 + x0 + k]);
        float bottom = in[row1 + x0 + k] + wx * (in[row1 + x1 + k] - in[row1 + x0 + k]);
        out[o + k] = top + wy * (bottom - top);
      }
    }
  }

  @Override
  public Tensor resizeBackward(Tensor dy, int[] inputShape, Interpolation interpolation) {
    int[] d = ShapeRefs.of(dy);
    int n = inputShape[0];
    int c = inputShape[3];
    int height = d[1];
    int width = d[2];
    boolean bilinear = interpolation == Interpolation.BILINEAR;
    Axis ys = Axis.of(inputShape[1], height, bilinear);
    Axis xs = Axis.of(inputShape[2], width, bilinear);
    float[] g = JvmTensors.floats(dy);
    int inImage = inputShape[1] * inputShape[2] * c;
    float[] dx = JvmTensors.zeroed(n * inImage);
    long work = (long) n * height * width * c * (bilinear ? 4 : 1);
    run(n, work, b -> resizeBackwardImage(g, dx, b, inImage, inputShape[2], c, ys, xs, bilinear));
    return JvmTensors.wrap(dx, inputShape.clone());
  }

  private static void resizeBackwardImage(
      float[] g,
      float[] dx,
      int b,
      int inImage,
      int inWidth,
      int c,
      Axis ys,
      Axis xs,
      boolean bilinear) {
    int height = ys.size();
    int width = xs.size();
    int o = b * height * width * c;
    int base = b * inImage;
    for (int oy = 0; oy < height; oy++) {
      int row0 = base + ys.lo[oy] * inWidth * c;
      int row1 = base + ys.hi[oy] * inWidth * c;
      float wy = ys.w[oy];
      for (int ox = 0; ox < width; ox++, o += c) {
        int x0 = xs.lo[ox] * c;
        if (!bilinear) {
          for (int k = 0; k < c; k++) {
            dx[row0 + x0 + k] += g[o + k];
          }
          continue;
        }
        int x1 = xs.hi[ox] * c;
        float wx = xs.w[ox];
        float w00 = (1 - wy) * (1 - wx);
        float w01 = (1 - wy) * wx;
        float w10 = wy * (1 - wx);
        float w11 = wy * wx;
        for (int k = 0; k < c; k++) {
          float v = g[o + k];
          dx[row0 + x0 + k] += w00 * v;
          dx[row0 + x1 + k] += w01 * v;
          dx[row1 + x0 + k] += w10 * v;
          dx[row1 + x1 + k] += w11 * v;
        }
      }
    }
  }

  /**
   * One axis of a resize: output position {@code o} reads input positions {@code lo[o]} and {@code
   * hi[o]} with weights {@code 1 - w[o]} and {@code w[o]} (nearest: {@code hi = lo}, {@code w =
   * 0}).
   */
  private record Axis(int[] lo, int[] hi, float[] w) {
    int size() {
      return lo.length;
    }

    static Axis of(int in, int out, boolean bilinear) {
      int[] lo = new int[out];
      int[] hi = new int[out];
      float[] w = new float[out];
      for (int o = 0; o < out; o++) {
        if (!bilinear) {
          // floor((o + 0.5) * in / out) in exact integer arithmetic.
          lo[o] = (int) Math.min(((2L * o + 1) * in) / (2L * out), in - 1);
          hi[o] = lo[o];
          continue;
        }
        double src = (o + 0.5) * in / out - 0.5;
        src = Math.min(Math.max(src, 0), in - 1);
        int f = (int) Math.floor(src);
        lo[o] = f;
        hi[o] = Math.min(f + 1, in - 1);
        w[o] = (float) (src - f);
      }
      return new Axis(lo, hi, w);
    }
  }

  @Override
  public Tensor affineTransform(
      Tensor images,
      Tensor transforms,
      Interpolation interpolation,
      FillMode fillMode,
      float fillValue) {
    int[] s = ShapeRefs.of(images);
    Geometry geo = new Geometry(s, JvmTensors.floats(transforms), fillMode);
    boolean bilinear = interpolation == Interpolation.BILINEAR;
    float[] in = JvmTensors.floats(images);
    float[] out = JvmTensors.output(s[0] * s[1] * s[2] * s[3]);
    int rows = s[0] * s[1];
    long work = (long) rows * s[2] * s[3] * (bilinear ? 4 : 1);
    run(rows, work, r -> affineRow(geo, in, out, r / s[1], r % s[1], bilinear, fillValue));
    return JvmTensors.wrap(out, s.clone());
  }

  private static void affineRow(
      Geometry geo, float[] in, float[] out, int b, int y, boolean bilinear, float fill) {
    int c = geo.c;
    int base = b * geo.h * geo.w;
    int o = (base + y * geo.w) * c;
    int t = geo.transformRow(b);
    double[] p = new double[2];
    for (int x = 0; x < geo.w; x++, o += c) {
      if (!geo.source(t, x, y, p)) {
        java.util.Arrays.fill(out, o, o + c, fill);
        continue;
      }
      if (!bilinear) {
        int i = geo.pixel(Math.floor(p[0] + 0.5), Math.floor(p[1] + 0.5));
        if (i < 0) {
          java.util.Arrays.fill(out, o, o + c, fill);
        } else {
          System.arraycopy(in, (base + i) * c, out, o, c);
        }
        continue;
      }
      double fy = Math.floor(p[0]);
      double fx = Math.floor(p[1]);
      float wy = (float) (p[0] - fy);
      float wx = (float) (p[1] - fx);
      int i00 = geo.pixel(fy, fx);
      int i01 = geo.pixel(fy, fx + 1);
      int i10 = geo.pixel(fy + 1, fx);
      int i11 = geo.pixel(fy + 1, fx + 1);
      float w00 = (1 - wy) * (1 - wx);
      float w01 = (1 - wy) * wx;
      float w10 = wy * (1 - wx);
      float w11 = wy * wx;
      int a00 = (base + i00) * c;
      int a01 = (base + i01) * c;
      int a10 = (base + i10) * c;
      int a11 = (base + i11) * c;
      for (int k = 0; k < c; k++) {
        out[o + k] =
            w00 * (i00 < 0 ? fill : in[a00 + k])
                + w01 * (i01 < 0 ? fill : in[a01 + k])
                + w10 * (i10 < 0 ? fill : in[a10 + k])
                + w11 * (i11 < 0 ? fill : in[a11 + k]);
      }
    }
  }

  @Override
  public Tensor affineTransformBackward(
      Tensor dy,
      Tensor transforms,
      int[] inputShape,
      Interpolation interpolation,
      FillMode fillMode) {
    Geometry geo = new Geometry(inputShape, JvmTensors.floats(transforms), fillMode);
    boolean bilinear = interpolation == Interpolation.BILINEAR;
    float[] g = JvmTensors.floats(dy);
    int n = inputShape[0];
    float[] dx = JvmTensors.zeroed(n * geo.h * geo.w * geo.c);
    long work = (long) n * geo.h * geo.w * geo.c * (bilinear ? 4 : 1);
    run(n, work, b -> affineBackwardImage(geo, g, dx, b, bilinear));
    return JvmTensors.wrap(dx, inputShape.clone());
  }

  private static void affineBackwardImage(
      Geometry geo, float[] g, float[] dx, int b, boolean bilinear) {
    int c = geo.c;
    int base = b * geo.h * geo.w;
    int t = geo.transformRow(b);
    double[] p = new double[2];
    for (int y = 0; y < geo.h; y++) {
      int o = (base + y * geo.w) * c;
      for (int x = 0; x < geo.w; x++, o += c) {
        if (!geo.source(t, x, y, p)) {
          continue;
        }
        if (!bilinear) {
          int i = geo.pixel(Math.floor(p[0] + 0.5), Math.floor(p[1] + 0.5));
          if (i >= 0) {
            scatter(g, o, dx, (base + i) * c, c, 1f);
          }
          continue;
        }
        double fy = Math.floor(p[0]);
        double fx = Math.floor(p[1]);
        float wy = (float) (p[0] - fy);
        float wx = (float) (p[1] - fx);
        int i00 = geo.pixel(fy, fx);
        int i01 = geo.pixel(fy, fx + 1);
        int i10 = geo.pixel(fy + 1, fx);
        int i11 = geo.pixel(fy + 1, fx + 1);
        // Pixels outside the image read the constant fill value, which has no gradient.
        if (i00 >= 0) {
          scatter(g, o, dx, (base + i00) * c, c, (1 - wy) * (1 - wx));
        }
        if (i01 >= 0) {
          scatter(g, o, dx, (base + i01) * c, c, (1 - wy) * wx);
        }
        if (i10 >= 0) {
          scatter(g, o, dx, (base + i10) * c, c, wy * (1 - wx));
        }
        if (i11 >= 0) {
          scatter(g, o, dx, (base + i11) * c, c, wy * wx);
        }
      }
    }
  }

  private static void scatter(float[] g, int from, float[] dx, int to, int c, float w) {
    for (int k = 0; k < c; k++) {
      dx[to + k] += w * g[from + k];
    }
  }

  /**
   * An affine call's image sizes, transforms and fill mode: where an output pixel reads, and which
   * input pixel an integer position outside the image stands for.
   */
  private static final class Geometry {
    final int h;
    final int w;
    final int c;
    final float[] transforms;
    final boolean oneTransform;
    final FillMode mode;

    Geometry(int[] shape, float[] transforms, FillMode mode) {
      this.h = shape[1];
      this.w = shape[2];
      this.c = shape[3];
      this.transforms = transforms;
      this.oneTransform = transforms.length == 8;
      this.mode = mode;
    }

    /** The offset of image b's transform in {@code transforms}. */
    int transformRow(int b) {
      return oneTransform ? 0 : b * 8;
    }

    /**
     * Sets {@code p} to the (y, x) input position that output pixel (x, y) reads; false when it is
     * NaN or too far off to index (it then reads the fill value).
     */
    boolean source(int t, int x, int y, double[] p) {
      float[] m = transforms;
      double k = m[t + 6] * (double) x + m[t + 7] * (double) y + 1;
      double sx = (m[t] * (double) x + m[t + 1] * (double) y + m[t + 2]) / k;
      double sy = (m[t + 3] * (double) x + m[t + 4] * (double) y + m[t + 5]) / k;
      p[0] = sy;
      p[1] = sx;
      return Math.abs(sy) < FAR && Math.abs(sx) < FAR;
    }

    /** The pixel (row-major within the image) that integer position (y, x) reads; -1 for fill. */
    int pixel(double y, double x) {
      int iy = index((long) y, h);
      int ix = index((long) x, w);
      return iy < 0 || ix < 0 ? -1 : iy * w + ix;
    }

    private int index(long i, int n) {
      if (i >= 0 && i < n) {
        return (int) i;
      }
      return switch (mode) {
        case CONSTANT -> -1;
        case NEAREST -> i < 0 ? 0 : n - 1;
        case WRAP -> (int) Math.floorMod(i, (long) n);
        case MIRROR -> {
          if (n == 1) {
            yield 0;
          }
          long period = 2L * (n - 1);
          int j = (int) Math.floorMod(i, period);
          yield j < n ? j : (int) (period - j);
        }
        case REFLECT -> {
          long period = 2L * n;
          int j = (int) Math.floorMod(i, period);
          yield j < n ? j : (int) (period - 1 - j);
        }
      };
    }
  }

  /** Runs {@code body} for every chunk, on the worker threads when the work is big enough. */
  private static void run(int chunks, long work, java.util.function.IntConsumer body) {
    if (work < PARALLEL_WORK) {
      for (int i = 0; i < chunks; i++) {
        body.accept(i);
      }
    } else {
      Parallel.forEach(chunks, body);
    }
  }
}
