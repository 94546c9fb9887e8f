package io.keras4j.optimizers;

import static io.keras4j.optimizers.Steps.assertValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.InverseTimeDecay;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizers' own variables: names and order as Keras 3, values, and state reloading. */
class OptimizerStateTest {

  private static List<String> slotsAfterBuild(Optimizer opt) {
    opt.build(List.of(Steps.kernel(), Steps.bias()));
    return Steps.paths(opt.variables());
  }

  /** Keras 3: iteration, learning_rate, then add_variable_from_reference's names per variable. */
  @Test
  void namesAndOrderAsKeras() {
    assertEquals(
        List.of("sgd/iteration", "sgd/learning_rate"), slotsAfterBuild(new SGD().name("sgd")));
    assertEquals(
        List.of(
            "sgd/iteration",
            "sgd/learning_rate",
            "sgd/dense_kernel_momentum",
            "sgd/dense_bias_momentum"),
        slotsAfterBuild(new SGD().momentum(0.9).name("sgd")));
    assertEquals(
        List.of(
            "adam/iteration",
            "adam/learning_rate",
            "adam/dense_kernel_momentum",
            "adam/dense_kernel_velocity",
            "adam/dense_bias_momentum",
            "adam/dense_bias_velocity",
            "adam/dense_kernel_velocity_hat",
            "adam/dense_bias_velocity_hat"),
        slotsAfterBuild(new Adam().amsgrad(true).name("adam")));
    assertEquals(
        List.of(
            "adamw/iteration",
            "adamw/learning_rate",
            "adamw/dense_kernel_momentum",
            "adamw/dense_kernel_velocity",
            "adamw/dense_bias_momentum",
            "adamw/dense_bias_velocity"),
        slotsAfterBuild(new AdamW().name("adamw")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_accumulated_grad",
            "o/dense_kernel_accumulated_delta_var",
            "o/dense_bias_accumulated_grad",
            "o/dense_bias_accumulated_delta_var"),
        slotsAfterBuild(new Adadelta().name("o")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_accumulator",
            "o/dense_bias_accumulator"),
        slotsAfterBuild(new Adagrad().name("o")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_momentum",
            "o/dense_kernel_norm",
            "o/dense_bias_momentum",
            "o/dense_bias_norm"),
        slotsAfterBuild(new Adamax().name("o")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_accumulator",
            "o/dense_kernel_linear",
            "o/dense_bias_accumulator",
            "o/dense_bias_linear"),
        slotsAfterBuild(new Ftrl().name("o")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_momentum",
            "o/dense_kernel_velocity",
            "o/dense_bias_momentum",
            "o/dense_bias_velocity",
            "o/u_product"),
        slotsAfterBuild(new Nadam().name("o")));
    assertEquals(
        List.of(
            "o/iteration",
            "o/learning_rate",
            "o/dense_kernel_velocity",
            "o/dense_bias_velocity",
            "o/dense_kernel_momentum",
            "o/dense_bias_momentum",
            "o/dense_kernel_average_gradient",
            "o/dense_bias_average_gradient"),
        slotsAfterBuild(new RMSprop().momentum(0.5).centered(true).name("o")));
    assertEquals(
        List.of(
            "o/iteration", "o/learning_rate", "o/dense_kernel_momentum", "o/dense_bias_momentum"),
        slotsAfterBuild(new Lion().name("o")));
  }

  @Test
  void aScheduledOptimizerHasNoLearningRateVariable() {
    assertEquals(
        List.of("o/iteration", "o/dense_kernel_momentum", "o/dense_bias_momentum"),
        slotsAfterBuild(new Lion(new InverseTimeDecay(0.1, 10, 1)).name("o")));
  }

  @Test
  void automaticNamesAreKerasDefaultNames() {
    // Keras 3's constructors' name defaults (not to_snake_case of the class: "SGD", not "sgd").
    assertTrue(new Adam().name().matches("adam(_\\d+)?"));
    assertTrue(new AdamW().name().matches("adamw(_\\d+)?"));
    assertTrue(new SGD().name().matches("SGD(_\\d+)?"));
    assertTrue(new RMSprop().name().matches("rmsprop(_\\d+)?"));
    assertTrue(new Adagrad().name().matches("adagrad(_\\d+)?"));
    Adam a = new Adam();
    Adam b = new Adam();
    assertTrue(!a.name().equals(b.name()));
    assertTrue(a.variables().get(0).path().equals(a.name() + "/iteration"));
  }

  @Test
  void renamingMovesTheSlotPaths() {
    Adam opt = new Adam().name("first");
    opt.build(List.of(Steps.kernel()));
    opt.name("second");
    assertEquals(
        List.of(
            "second/iteration",
            "second/learning_rate",
            "second/dense_kernel_momentum",
            "second/dense_kernel_velocity"),
        Steps.paths(opt.variables()));
  }

  /** After one Adam step: m = 0.1 * g, v = 0.001 * g^2; the iteration count is an int. */
  @Test
  void slotValuesAfterOneStep() {
    Adam opt = new Adam(0.1);
    Steps.runKernel(opt, 1);
    List<Variable> vs = opt.variables();
    assertEquals(DType.INT32, vs.get(0).dtype());
    assertEquals(1, vs.get(0).value().toIntArray()[0]);
    assertEquals(0.1f, vs.get(1).value().toFloatArray()[0]);
    assertValues("momentum", new double[] {0.01, -0.02, 0.03, 0.04, -0.05, 0.06}, vs.get(2));
    assertValues("velocity", new double[] {1e-5, 4e-5, 9e-5, 1.6e-4, 2.5e-4, 3.6e-4}, vs.get(3));
    Adagrad ada = new Adagrad(0.1);
    ada.build(List.of(Steps.kernel()));
    assertValues(
        "initial accumulator", new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, ada.variables().get(2));
  }

  /**
   * Assigning a saved state into a fresh optimizer continues the same trajectory: steps 2 and 3
   * after reloading end at the three-step references of OptimizerUpdatesTest (adam() and nadam()).
   */
  @Test
  void reloadedStateContinuesTheTrajectory() {
    double[] adam = {
      0.44754289774128436,
      -0.9006376454569476,
      1.2477779697365317,
      -0.4053000201171796,
      2.0660256792920597,
      -0.07709800827325841
    };
    double[] nadam = {
      0.43604577637354575,
      -1.0019659332447401,
      1.3488330625770062,
      -0.29225375500153644,
      1.9967962707395503,
      -0.03189394946044545
    };
    assertReloadContinues(new Adam(0.1), new Adam(0.5), adam);
    assertReloadContinues(new Nadam(0.1), new Nadam(0.5), nadam);
  }

  private static void assertReloadContinues(Optimizer first, Optimizer second, double[] expected) {
    Variable k = Steps.runKernel(first, 1);
    Variable k2 = new Variable("kernel", k.numpy(), true);
    k2.setPath("dense/kernel");
    second.build(List.of(k2));
    List<Variable> saved = first.variables();
    List<Variable> fresh = second.variables();
    assertEquals(saved.size(), fresh.size());
    for (int i = 0; i < saved.size(); i++) {
      fresh.get(i).assign(saved.get(i).numpy());
    }
    assertEquals(1, second.iterations());
    assertEquals(0.1, second.learningRate(), 1e-8);
    for (int s = 1; s < 3; s++) {
      second.applyGradients(List.of(Steps.grad(s)), List.of(k2));
    }
    assertValues(first.className() + " reloaded", expected, k2);
  }

  /** A steady-state step allocates nothing: slots and the clipping buffer are reused. */
  @Test
  void stepsDoNotAllocate() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
      return;
    }
    List<Optimizer> all =
        List.of(
            new SGD(0.01).momentum(0.9).nesterov(true).clipnorm(0.1),
            new Adam().amsgrad(true).globalClipnorm(0.1),
            new AdamW().excludeFromWeightDecay("bias"),
            new Adadelta().clipvalue(0.1),
            new Adagrad(),
            new Adamax(),
            new Ftrl().learningRatePower(-0.7),
            new Nadam(),
            new RMSprop().momentum(0.5).centered(true),
            new Lion(new InverseTimeDecay(0.01, 10, 0.5)));
    List<Variable> vars = List.of(Steps.kernel(), Steps.bias());
    List<Tensor> grads = List.of(Steps.grad(0), Steps.biasGrad(0));
    List<String> failures = new ArrayList<>();
    long tid = Thread.currentThread().threadId();
    for (Optimizer opt : all) {
      for (int s = 0; s < 50; s++) {
        opt.applyGradients(grads, vars);
      }
      // One-off allocations (JIT compilation, deoptimization) can land in any window; an
      // allocation per step lands in all of them (a single array a step is >= 3,200 bytes).
      long fewest = Long.MAX_VALUE;
      for (int window = 0; window < 5 && fewest > 256; window++) {
        long before = threads.getThreadAllocatedBytes(tid);
        for (int s = 0; s < 200; s++) {
          opt.applyGradients(grads, vars);
        }
        fewest = Math.min(fewest, threads.getThreadAllocatedBytes(tid) - before);
      }
      if (fewest > 256) {
        failures.add(opt.className() + " allocated " + fewest + " bytes in 200 steps");
      }
    }
    assertEquals(List.of(), failures);
  }
}
