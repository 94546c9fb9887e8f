package io.keras4j;

import io.keras4j.optimizers.Optimizer;
import java.util.List;

/**
 * TensorFlow.js's Adam, for golden cases that TF.js generated: it adds epsilon to the
 * bias-corrected {@code sqrt(v_hat)}, where Keras adds it to {@code sqrt(v)} and corrects the rate
 * ({@code io.keras4j.optimizers.Adam}, checked against Keras's formula in OptimizerUpdatesTest).
 * The two differ where a gradient is small next to {@code epsilon / sqrt(1 - beta2^t)}: in
 * train_adam_categorical_crossentropy one kernel entry (gradient 4.8e-4) moves 1.5e-4 relative
 * apart, beyond the case's 1e-4. Everything else a train case checks (forward, loss, gradients, the
 * optimizer's step bookkeeping) is keras4j's own.
 */
final class TfjsAdam extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private float[][] m;
  private float[][] v;
  private float correction1;
  private float correction2;

  TfjsAdam(double learningRate, double beta1, double beta2, double epsilon) {
    super(learningRate, "tfjs_adam");
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    m = new float[variables.size()][];
    v = new float[variables.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = addSlot(variables.get(i), "m", 0f);
      v[i] = addSlot(variables.get(i), "v", 0f);
    }
  }

  @Override
  protected void prepareStep(float lr) {
    double t = iterations() + 1;
    correction1 = (float) (1 - Math.pow(beta1, t));
    correction2 = (float) (1 - Math.pow(beta2, t));
  }

  @Override
  protected void updateStep(int index, float[] w, float[] g, float lr) {
    float[] mi = m[index];
    float[] vi = v[index];
    for (int j = 0; j < w.length; j++) {
      mi[j] = beta1 * mi[j] + (1 - beta1) * g[j];
      vi[j] = beta2 * vi[j] + (1 - beta2) * g[j] * g[j];
      float mHat = mi[j] / correction1;
      float vHat = vi[j] / correction2;
      w[j] -= lr * mHat / ((float) Math.sqrt(vHat) + epsilon);
    }
  }
}
