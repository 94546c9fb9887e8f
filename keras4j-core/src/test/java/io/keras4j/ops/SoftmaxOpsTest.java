package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertShape;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;

import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class SoftmaxOpsTest {

  private static float[] softmaxRows(float[] x, int rows, int n, boolean log) {
    float[] out = new float[x.length];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += Math.exp(x[r * n + j]);
      }
      for (int j = 0; j < n; j++) {
        double v = Math.exp(x[r * n + j]) / s;
        out[r * n + j] = (float) (log ? Math.log(v) : v);
      }
    }
    return out;
  }

  @Test
  void softmaxLastAxis() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, -1, 0, 1}, 2, 3);
    Tensor y = Ops.softmax(x);
    assertShape(y, 2, 3);
    assertClose(y, 0.09003057f, 0.24472847f, 0.66524096f, 0.09003057f, 0.24472847f, 0.66524096f);
    assertClose(Ops.logSoftmax(x), softmaxRows(x.toFloatArray(), 2, 3, true));
  }

  @Test
  void softmaxOtherAxis() {
    Tensor x = rand(1, 3, 2);
    float[] t = Ops.transpose(x).toFloatArray(); // rows of the transposed are columns of x
    float[] e = softmaxRows(t, 2, 3, false);
    float[] back = new float[6];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        back[i * 2 + j] = e[j * 3 + i];
      }
    }
    assertClose(Ops.softmax(x, 0), back);
    float[] logBack = new float[6];
    for (int i = 0; i < 6; i++) {
      logBack[i] = (float) Math.log(back[i]);
    }
    assertClose(Ops.logSoftmax(x, 0), logBack);
  }

  @Test
  void stableForLargeLogits() {
    Tensor x = Tensor.of(1000f, 1001f, -1000f);
    assertClose(Ops.softmax(x), 0.26894142f, 0.7310586f, 0f);
    assertClose(Ops.logSoftmax(x), -1.3132616f, -0.31326166f, -2001.3132f);
  }

  @Test
  void gradients() {
    GradientCheck.checkUnary(Ops::softmax, rand(2, 2, 4));
    GradientCheck.checkUnary(t -> Ops.softmax(t, 1), rand(3, 2, 3, 2));
    GradientCheck.checkUnary(Ops::logSoftmax, rand(4, 2, 4));
    GradientCheck.checkUnary(t -> Ops.logSoftmax(t, 0), rand(5, 3, 2));
  }

  @Test
  void logsumexpValues() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, -1, 0, 1}, 2, 3);
    float l0 = (float) Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    float l1 = (float) Math.log(Math.exp(-1) + Math.exp(0) + Math.exp(1));
    assertTensor(Ops.logsumexp(x, -1, false), shape(2), l0, l1);
    assertTensor(Ops.logsumexp(x, 1, true), shape(2, 1), l0, l1);
    assertTensor(
        Ops.logsumexp(x, 0, false),
        shape(3),
        (float) Math.log(Math.exp(1) + Math.exp(-1)),
        (float) Math.log(Math.exp(2) + 1),
        (float) Math.log(Math.exp(3) + Math.exp(1)));
    float all = (float) Math.log(Math.exp(l0) + Math.exp(l1));
    assertTensor(Ops.logsumexp(x), shape(), all);
    assertTensor(Ops.logsumexp(x, new int[] {0, 1}, true), shape(1, 1), all);
  }

  @Test
  void logsumexpIsStableAndHandlesInfinities() {
    assertClose(Ops.logsumexp(Tensor.of(1000f, 1000f)), 1000.6931f);
    assertClose(Ops.logsumexp(Tensor.of(-1000f, -1000f)), -999.3069f);
    float inf = Float.POSITIVE_INFINITY;
    assertClose(Ops.logsumexp(Tensor.of(-inf, -inf)), -inf);
    assertClose(Ops.logsumexp(Tensor.of(inf, 1f)), inf);
    assertClose(Ops.logsumexp(Tensor.of(-inf, 0f)), 0f);
  }

  @Test
  void logsumexpGradients() {
    GradientCheck.checkUnary(Ops::logsumexp, rand(6, 2, 3));
    GradientCheck.checkUnary(t -> Ops.logsumexp(t, 1, false), rand(7, 2, 3, 2));
    GradientCheck.checkUnary(t -> Ops.logsumexp(t, new int[] {0, 2}, true), rand(8, 2, 3, 2));
  }
}
