package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.PoolKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * The Java implementation of {@link PoolKernels}: direct loops over the windows, vectorized across
 * the channels (the contiguous axis of channels_last data). The forward pass splits the output rows
 * over the worker threads; the backward pass splits the samples, whose windows never share an input
 * position, so that the scatter into dx needs no locks. Small calls run on the caller alone.
 */
final class JvmPool implements PoolKernels {
  /** Elements read below which the threads are not worth waking. */
  private static final long PARALLEL_WORK = 1 << 15;

  private final PoolLoops loops;

  JvmPool(Kernels kernels) {
    this(
        kernels.getClass() == ScalarKernels.class
            ? new ScalarPoolLoops()
            : VectorPoolLoopsFactory.create());
  }

  JvmPool(PoolLoops loops) {
    this.loops = loops;
  }

  @Override
  public Tensor maxPool(Tensor x, int[] pool, int[] strides, int[] padBefore, int[] outSpatial) {
    return forward(x, pool, strides, padBefore, outSpatial, true);
  }

  @Override
  public Tensor averagePool(
      Tensor x, int[] pool, int[] strides, int[] padBefore, int[] outSpatial) {
    return forward(x, pool, strides, padBefore, outSpatial, false);
  }

  private Tensor forward(
      Tensor x, int[] pool, int[] strides, int[] padBefore, int[] outSpatial, boolean max) {
    int[] s = ShapeRefs.of(x);
    PoolGeometry g = PoolGeometry.of(s, outSpatial, pool, strides, padBefore);
    float[] in = JvmTensors.floats(x);
    float[] out = JvmTensors.output(g.outputSize());
    int rows = g.rows();
    if (g.work() < PARALLEL_WORK) {
      for (int r = 0; r < rows; r++) {
        forwardRow(g, in, out, r, max);
      }
    } else {
      Parallel.forEach(rows, r -> forwardRow(g, in, out, r, max));
    }
    int[] outShape = s.clone();
    System.arraycopy(outSpatial, 0, outShape, 1, outSpatial.length);
    return JvmTensors.wrap(out, outShape);
  }

  private void forwardRow(PoolGeometry g, float[] in, float[] out, int r, boolean max) {
    if (max) {
      loops.max(g, in, out, r);
    } else {
      loops.average(g, in, out, r);
    }
  }

  @Override
  public Tensor maxPoolBackward(
      Tensor x, Tensor y, Tensor dy, int[] pool, int[] strides, int[] padBefore) {
    int[] outShape = ShapeRefs.of(dy);
    PoolGeometry g = PoolGeometry.of(ShapeRefs.of(x), spatial(outShape), pool, strides, padBefore);
    float[] xs = JvmTensors.floats(x);
    float[] ys = JvmTensors.floats(y);
    float[] g0 = JvmTensors.floats(dy);
    float[] dx = JvmTensors.zeroed(g.inputSize());
    if (g.work() < PARALLEL_WORK) {
      for (int b = 0; b < g.n(); b++) {
        loops.maxBackward(g, xs, ys, g0, dx, b);
      }
    } else {
      Parallel.forEach(g.n(), b -> loops.maxBackward(g, xs, ys, g0, dx, b));
    }
    return JvmTensors.wrap(dx, x.shape());
  }

  @Override
  public Tensor averagePoolBackward(
      int[] inputShape, Tensor dy, int[] pool, int[] strides, int[] padBefore) {
    int[] outShape = ShapeRefs.of(dy);
    PoolGeometry g = PoolGeometry.of(inputShape, spatial(outShape), pool, strides, padBefore);
    float[] g0 = JvmTensors.floats(dy);
    float[] dx = JvmTensors.zeroed(g.inputSize());
    if (g.work() < PARALLEL_WORK) {
      for (int b = 0; b < g.n(); b++) {
        loops.averageBackward(g, g0, dx, b);
      }
    } else {
      Parallel.forEach(g.n(), b -> loops.averageBackward(g, g0, dx, b));
    }
    return JvmTensors.wrap(dx, inputShape.clone());
  }

  /** The spatial sizes of a channels_last shape. */
  private static int[] spatial(int[] shape) {
    int[] s = new int[shape.length - 2];
    System.arraycopy(shape, 1, s, 0, s.length);
    return s;
  }
}
