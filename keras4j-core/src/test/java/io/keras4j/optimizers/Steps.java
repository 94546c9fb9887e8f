package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.testing.Closeness;
import java.util.ArrayList;
import java.util.List;

/**
 * The small problem every optimizer test runs: a [2, 3] kernel and a [3] bias with three fixed
 * gradients each. The numpy references in the tests start from the same numbers:
 *
 * <pre>
 * w0 = np.array([[0.5, -1.0, 1.5], [-0.25, 2.0, 0.0]])
 * G = [np.array([[0.1, -0.2, 0.3], [0.4, -0.5, 0.6]]),
 *      np.array([[-0.3, 0.1, 0.2], [0.05, 0.5, -0.7]]),
 *      np.array([[0.2, 0.2, -0.1], [-0.6, 0.3, 0.0]])]
 * b0 = np.array([0.1, -0.2, 0.3])
 * GB = [np.array([0.5, 0.5, 0.5]), np.array([-1.0, 0.0, 1.0]), np.array([0.2, -0.2, 0.4])]
 * </pre>
 */
final class Steps {
  static final float[] W0 = {0.5f, -1.0f, 1.5f, -0.25f, 2.0f, 0.0f};
  static final float[][] G = {
    {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f},
    {-0.3f, 0.1f, 0.2f, 0.05f, 0.5f, -0.7f},
    {0.2f, 0.2f, -0.1f, -0.6f, 0.3f, 0.0f}
  };
  static final float[] B0 = {0.1f, -0.2f, 0.3f};
  static final float[][] GB = {{0.5f, 0.5f, 0.5f}, {-1.0f, 0.0f, 1.0f}, {0.2f, -0.2f, 0.4f}};

  /**
   * float32 arithmetic against float64 references. The largest gap (1.5e-6 relative, Adam) comes
   * from Keras's own float32 bias correction: {@code 1 - float32(0.999)^t} loses about 5 digits.
   */
  static final Closeness.Tolerance TOL = Closeness.Tolerance.allclose(2e-6, 2e-5);

  private Steps() {}

  static Variable kernel() {
    Variable v = new Variable("kernel", Tensor.of(W0, 2, 3), true);
    v.setPath("dense/kernel");
    return v;
  }

  static Variable bias() {
    Variable v = new Variable("bias", Tensor.of(B0, 3), true);
    v.setPath("dense/bias");
    return v;
  }

  static Tensor grad(int step) {
    return Tensor.of(G[step], 2, 3);
  }

  static Tensor biasGrad(int step) {
    return Tensor.of(GB[step], 3);
  }

  /** Runs {@code steps} updates of the kernel alone and returns it. */
  static Variable runKernel(Optimizer opt, int steps) {
    Variable k = kernel();
    for (int s = 0; s < steps; s++) {
      opt.applyGradients(List.of(grad(s)), List.of(k));
    }
    return k;
  }

  /** Runs three updates of kernel and bias together and returns both. */
  static List<Variable> runBoth(Optimizer opt) {
    Variable k = kernel();
    Variable b = bias();
    for (int s = 0; s < 3; s++) {
      opt.applyGradients(List.of(grad(s), biasGrad(s)), List.of(k, b));
    }
    return List.of(k, b);
  }

  static void assertValues(String what, double[] expected, Variable v) {
    Closeness.assertClose(what, expected, v.value().toFloatArray(), TOL);
  }

  static List<String> paths(List<Variable> vs) {
    List<String> out = new ArrayList<>();
    for (Variable v : vs) {
      out.add(v.path());
    }
    return out;
  }
}
