package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.ActivationOp;
import io.keras4j.backend.NnKernels;
import io.keras4j.backend.jvm.Reductions.Lines;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/** The Java implementation of {@link NnKernels}. */
final class JvmNn implements NnKernels {
  private final UnaryLoops unary;
  private final Softmax softmax;
  private final CrossEntropyKernels crossEntropy;

  JvmNn(Kernels kernels) {
    this(Loops.matching(kernels));
  }

  JvmNn(Loops loops) {
    this.unary = loops.unary();
    this.softmax = new Softmax(loops.rows(), loops.binary());
    this.crossEntropy = new CrossEntropyKernels(loops.rows(), loops.binary());
  }

  @Override
  public Tensor activation(ActivationOp op, Tensor x) {
    float[] a = JvmTensors.floats(x);
    int n = a.length;
    float[] o = JvmTensors.output(n);
    switch (op) {
      case RELU6 -> unary.relu6(a, 0, o, 0, n);
      case SELU -> unary.selu(a, 0, o, 0, n);
      case GELU -> unary.gelu(a, 0, o, 0, n);
      case GELU_APPROXIMATE -> unary.geluApproximate(a, 0, o, 0, n);
      case SILU -> unary.silu(a, 0, o, 0, n);
      case HARD_SIGMOID -> unary.hardSigmoid(a, 0, o, 0, n);
      case HARD_SILU -> unary.hardSilu(a, 0, o, 0, n);
      case LOG_SIGMOID -> unary.logSigmoid(a, 0, o, 0, n);
    }
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor activationBackward(ActivationOp op, Tensor x, Tensor y, Tensor dy) {
    float[] o = JvmTensors.output((int) x.size());
    ActivationGradients.apply(op, JvmTensors.floats(x), JvmTensors.floats(dy), o, o.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor leakyRelu(Tensor x, float negativeSlope) {
    float[] a = JvmTensors.floats(x);
    float[] o = JvmTensors.output(a.length);
    unary.leakyRelu(a, 0, negativeSlope, o, 0, a.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor leakyReluBackward(Tensor x, float negativeSlope, Tensor dy) {
    float[] o = JvmTensors.output((int) x.size());
    ActivationGradients.leakyRelu(
        JvmTensors.floats(x), negativeSlope, JvmTensors.floats(dy), o, o.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor elu(Tensor x, float alpha) {
    float[] a = JvmTensors.floats(x);
    float[] o = JvmTensors.output(a.length);
    unary.elu(a, 0, alpha, o, 0, a.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor eluBackward(Tensor x, float alpha, Tensor dy) {
    float[] o = JvmTensors.output((int) x.size());
    ActivationGradients.elu(JvmTensors.floats(x), alpha, JvmTensors.floats(dy), o, o.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    float[] a = JvmTensors.floats(x);
    float[] y = JvmTensors.output(a.length);
    softmax.softmax(a, Lines.of(ShapeRefs.of(x), axis), y);
    return JvmTensors.wrap(y, x.shape());
  }

  @Override
  public Tensor softmaxBackward(Tensor y, Tensor dy, int axis) {
    float[] gx = JvmTensors.output((int) y.size());
    softmax.softmaxBackward(
        JvmTensors.floats(y), JvmTensors.floats(dy), Lines.of(ShapeRefs.of(y), axis), gx);
    return JvmTensors.wrap(gx, y.shape());
  }

  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    float[] a = JvmTensors.floats(x);
    float[] y = JvmTensors.output(a.length);
    softmax.logSoftmax(a, Lines.of(ShapeRefs.of(x), axis), y);
    return JvmTensors.wrap(y, x.shape());
  }

  @Override
  public Tensor logSoftmaxBackward(Tensor y, Tensor dy, int axis) {
    float[] gx = JvmTensors.output((int) y.size());
    softmax.logSoftmaxBackward(
        JvmTensors.floats(y), JvmTensors.floats(dy), Lines.of(ShapeRefs.of(y), axis), gx);
    return JvmTensors.wrap(gx, y.shape());
  }

  @Override
  public Tensor binaryCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    return CrossEntropyKernels.binary(target, output, fromLogits);
  }

  @Override
  public Tensor[] binaryCrossentropyBackward(
      Tensor target, Tensor output, boolean fromLogits, Tensor dy, boolean needTarget) {
    return CrossEntropyKernels.binaryBackward(target, output, fromLogits, dy, needTarget);
  }

  @Override
  public Tensor categoricalCrossentropy(
      Tensor target, Tensor output, boolean fromLogits, int axis) {
    return crossEntropy.categorical(target, output, fromLogits, axis);
  }

  @Override
  public Tensor[] categoricalCrossentropyBackward(
      Tensor target, Tensor output, boolean fromLogits, int axis, Tensor dy, boolean needTarget) {
    return crossEntropy.categoricalBackward(target, output, fromLogits, axis, dy, needTarget);
  }

  @Override
  public Tensor sparseCategoricalCrossentropy(
      Tensor labels, Tensor output, boolean fromLogits, int axis) {
    return crossEntropy.sparse(labels, output, fromLogits, axis);
  }

  @Override
  public Tensor sparseCategoricalCrossentropyBackward(
      Tensor labels, Tensor output, boolean fromLogits, int axis, Tensor dy) {
    return crossEntropy.sparseBackward(labels, output, fromLogits, axis, dy);
  }

  @Override
  public Tensor sparsemaxSupport(Tensor x, int axis) {
    int[] shape = ShapeRefs.of(x);
    Lines l = Lines.of(shape, axis);
    float[] v = JvmTensors.floats(x);
    float[] mask = JvmTensors.zeroed(v.length);
    int n = l.n();
    int inner = l.inner();
    double[] line = new double[n];
    for (int o = 0; o < l.outer(); o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * n * inner + in;
        for (int j = 0; j < n; j++) {
          line[j] = v[base + j * inner];
        }
        double kth = supportThreshold(line);
        for (int j = 0; j < n; j++) {
          mask[base + j * inner] = v[base + j * inner] >= kth ? 1f : 0f;
        }
      }
    }
    return JvmTensors.wrap(mask, x.shape());
  }

  /**
   * The smallest value in the support of one line: with z sorted in decreasing order, the support
   * is the largest k with 1 + k z_k > z_1 + ... + z_k. Ties with z_k are always in the support too.
   */
  private static double supportThreshold(double[] values) {
    double[] z = values.clone();
    Arrays.sort(z);
    double cumsum = 0;
    double kth = z[z.length - 1];
    for (int k = 1; k <= z.length; k++) {
      double zk = z[z.length - k];
      cumsum += zk;
      if (1 + k * zk > cumsum) {
        kth = zk;
      }
    }
    return kth;
  }
}
