package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.backend.FusedActivation;
import java.util.List;

/** The Java implementation of {@link ArrayKernels}. */
final class JvmArray implements ArrayKernels {
  private final Kernels kernels;
  private final ArrayLoops loops;
  private final JvmMatMul matMul;
  private final JvmMoves moves;

  JvmArray(Kernels kernels) {
    this.kernels = kernels;
    this.loops = ArrayLoops.forKernels(kernels);
    this.matMul = new JvmMatMul(kernels, loops);
    this.moves = new JvmMoves(kernels);
  }

  /** The loops in use ({@code "scalar"} or {@code "vector"}); for tests and logs. */
  String loopsName() {
    return loops.name();
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    return matMul.matmul(a, b, transA, transB);
  }

  @Override
  public Tensor linear(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    return matMul.linear(x, kernel, bias, activation);
  }

  @Override
  public Tensor[] linearBackward(
      Tensor x,
      Tensor kernel,
      Tensor y,
      Tensor dy,
      FusedActivation activation,
      boolean needX,
      boolean needKernel,
      boolean needBias) {
    return matMul.linearBackward(x, kernel, y, dy, activation, needX, needKernel, needBias);
  }

  @Override
  public Tensor transpose(Tensor x, int[] perm) {
    return moves.transpose(x, perm);
  }

  @Override
  public Tensor broadcastTo(Tensor x, int[] shape) {
    return moves.broadcastTo(x, shape);
  }

  @Override
  public Tensor concatenate(List<Tensor> xs, int axis) {
    return moves.concatenate(xs, axis);
  }

  @Override
  public Tensor gatherAxes(Tensor x, int[][] maps, float fill) {
    return JvmAxisMaps.gather(x, maps, fill);
  }

  @Override
  public Tensor scatterAddAxes(Tensor g, int[][] maps, int[] shape) {
    return JvmAxisMaps.scatterAdd(kernels, g, maps, shape);
  }

  @Override
  public Tensor take(Tensor x, Tensor indices, int axis) {
    return moves.take(x, indices, axis);
  }

  @Override
  public Tensor takeBackward(Tensor g, Tensor indices, int axis, int[] shape) {
    return moves.takeBackward(g, indices, axis, shape);
  }

  @Override
  public Tensor oneHot(Tensor indices, int numClasses, int axis) {
    return moves.oneHot(indices, numClasses, axis);
  }

  @Override
  public long firstIndexOutside(Tensor indices, long low, long high) {
    return JvmMoves.firstIndexOutside(indices, low, high);
  }
}
