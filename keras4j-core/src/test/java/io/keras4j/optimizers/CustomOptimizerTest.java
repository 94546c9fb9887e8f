package io.keras4j.optimizers;

import static io.keras4j.optimizers.Steps.assertValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User optimizers and schedules through the protected API (as Keras's docstring example). */
class CustomOptimizerTest {

  /** Keras's BaseOptimizer docstring: SGD with a fixed momentum of 0.9, written by a user. */
  static final class MomentumSgd extends Optimizer {
    private float[][] momentums;

    MomentumSgd(double learningRate) {
      super(learningRate, "my_sgd");
    }

    @Override
    protected void createSlots(List<Variable> variables) {
      momentums = new float[variables.size()][];
      for (int i = 0; i < momentums.length; i++) {
        momentums[i] = addSlot(variables.get(i), "momentum", 0f);
      }
    }

    @Override
    protected void updateStep(int index, float[] w, float[] g, float lr) {
      float[] m = momentums[index];
      for (int j = 0; j < w.length; j++) {
        m[j] = m[j] * 0.9f - g[j] * lr;
        w[j] += m[j];
      }
    }
  }

  @Test
  void aUserOptimizerGetsSlotsAndTheBaseBehaviour() {
    MomentumSgd opt = new MomentumSgd(0.1);
    // sgd(mom=0.9) of OptimizerUpdatesTest.
    assertValues(
        "sgd(mom=0.9)",
        new double[] {0.5099, -0.9848, 1.3907, -0.3079, 2.0105, -0.0296},
        Steps.runKernel(opt, 3));
    assertEquals("MomentumSgd", opt.className());
    assertEquals(
        List.of("my_sgd/iteration", "my_sgd/learning_rate", "my_sgd/dense_kernel_momentum"),
        Steps.paths(opt.variables()));
  }

  @Test
  void withoutAnUpdateStepTheOptimizerSaysSo() {
    Optimizer bare = new Optimizer(0.1, null) {};
    assertEquals("Optimizer", bare.className());
    var e = assertThrows(UnsupportedOperationException.class, () -> Steps.runKernel(bare, 1));
    assertEquals("Optimizer must override updateStep", e.getMessage());
  }

  /** A schedule written by a user: lr = 0.1 / (step + 1). */
  @Test
  void aUserSchedule() {
    LearningRateSchedule s =
        new LearningRateSchedule() {
          @Override
          public double apply(long step) {
            return 0.1 / (step + 1);
          }

          @Override
          public Map<String, Object> getConfig() {
            return Map.of();
          }
        };
    SGD opt = new SGD(s);
    assertEquals("LearningRateSchedule", s.className());
    Variable k = Steps.runKernel(opt, 2);
    // w0 - 0.1 * G[0] - 0.05 * G[1]
    assertValues("kernel", new double[] {0.505, -0.985, 1.46, -0.2925, 2.025, -0.025}, k);
    assertEquals(0.1 / 3, opt.learningRate(), 1e-8);
  }
}
