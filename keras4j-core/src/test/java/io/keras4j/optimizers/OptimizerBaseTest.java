package io.keras4j.optimizers;

import static io.keras4j.optimizers.Steps.assertValues;
import static io.keras4j.optimizers.Steps.runBoth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.testing.LogCapture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The base class's part of a step (learning rate, clipping, weight decay, iterations), with plain
 * SGD so that the references stay short. numpy (see {@link Steps} for w0, G, b0, GB):
 *
 * <pre>
 * def run(clip, wd=None, lrs=(0.1, 0.1, 0.1)):
 *     w, b = w0.copy(), b0.copy()
 *     for g, gb, lr in zip(G, GB, lrs):
 *         g, gb = clip(g, gb)
 *         if wd: w = w - w * wd * lr          # "bias" is excluded
 *         w, b = w - lr * g, b - lr * gb
 *     return w, b
 * def clipnorm(c):
 *     f = lambda g: g * c / max(np.sqrt((g * g).sum()), c)
 *     return lambda g, gb: (f(g), f(gb))
 * def clipvalue(c):
 *     return lambda g, gb: (np.clip(g, -c, c), np.clip(gb, -c, c))
 * def globalnorm(c):
 *     def f(g, gb):
 *         n = np.sqrt((g * g).sum() + (gb * gb).sum()); s = c * min(1 / n, 1 / c)
 *         return g * s, gb * s
 *     return f
 * none = lambda g, gb: (g, gb)
 * </pre>
 */
class OptimizerBaseTest {

  /** run(none): the reference without any option (bias: b0 - 0.1 * sum(GB)). */
  @Test
  void plainSgdOnTwoVariables() {
    List<Variable> vs = runBoth(new SGD(0.1));
    assertValues("kernel", new double[] {0.5, -1.01, 1.46, -0.235, 1.97, 0.01}, vs.get(0));
    assertValues("bias", new double[] {0.13, -0.23, 0.11}, vs.get(1));
  }

  /** run(clipnorm(0.5)); the last bias gradient (norm 0.49) is left as it is. */
  @Test
  void clipnormPerVariable() {
    List<Variable> vs = runBoth(new SGD(0.1).clipnorm(0.5));
    assertValues(
        "kernel",
        new double[] {
          0.49711768832996556,
          -1.0084478909356998,
          1.4804349397153218,
          -0.23280209916511385,
          1.9791823916242373,
          0.00580869557720691
        },
        vs.get(0));
    assertValues(
        "bias",
        new double[] {0.08648782559984608, -0.2088675134594813, 0.19577714748119132},
        vs.get(1));
  }

  /** run(clipvalue(0.25)). */
  @Test
  void clipvalue() {
    List<Variable> vs = runBoth(new SGD(0.1).clipvalue(0.25));
    assertValues("kernel", new double[] {0.495, -1.01, 1.465, -0.255, 1.975, 0.0}, vs.get(0));
    assertValues("bias", new double[] {0.08, -0.205, 0.225}, vs.get(1));
  }

  /** run(globalnorm(0.8)): both gradients share one scale. */
  @Test
  void globalClipnorm() {
    List<Variable> vs = runBoth(new SGD(0.1).globalClipnorm(0.8));
    assertValues(
        "kernel",
        new double[] {
          0.4898103647853261,
          -1.0104100246474421,
          1.4810066026313446,
          -0.22284351943987707,
          1.9803113696466326,
          -0.004271221646893392
        },
        vs.get(0));
    assertValues(
        "bias",
        new double[] {0.097957551549734, -0.2129295884819398, 0.18560110875481875},
        vs.get(1));
  }

  /** run(none, wd=0.1): the kernel decays, the bias (excluded by name) does not. */
  @Test
  void weightDecayWithExclusionByName() {
    List<Variable> vs = runBoth(new SGD(0.1).weightDecay(0.1).excludeFromWeightDecay("bias"));
    assertValues(
        "kernel",
        new double[] {0.4850485, -0.980597, 1.4162455, -0.22672875, 1.910103, 0.010494},
        vs.get(0));
    assertValues("bias", new double[] {0.13, -0.23, 0.11}, vs.get(1));
  }

  @Test
  void weightDecayWithExclusionByVariable() {
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    SGD opt = new SGD(0.1).weightDecay(0.1).excludeFromWeightDecay(b);
    for (int s = 0; s < 3; s++) {
      opt.applyGradients(List.of(Steps.grad(s), Steps.biasGrad(s)), List.of(k, b));
    }
    assertValues(
        "kernel",
        new double[] {0.4850485, -0.980597, 1.4162455, -0.22672875, 1.910103, 0.010494},
        k);
    assertValues("bias", new double[] {0.13, -0.23, 0.11}, b);
  }

  /** A single step by hand: w = 2, g = 1, lr = 0.5, wd = 0.1: 2 - 2 * 0.1 * 0.5 - 0.5 = 1.4. */
  @Test
  void weightDecayComesBeforeTheUpdate() {
    Variable w = new Variable("w", Tensor.of(2f), true);
    new SGD(0.5).weightDecay(0.1).applyGradients(List.of(Tensor.of(1f)), List.of(w));
    assertEquals(1.4f, w.value().toFloatArray()[0], 1e-7);
  }

  /** run(none, lrs=(0.1, 0.05, 0.025)): ExponentialDecay(0.1, 1, 0.5) read at each iteration. */
  @Test
  void scheduleDrivesTheLearningRate() {
    SGD opt = new SGD(new ExponentialDecay(0.1, 1, 0.5));
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    double[] rates = {0.1, 0.05, 0.025, 0.0125};
    for (int s = 0; s < 3; s++) {
      assertEquals(s, opt.iterations());
      assertEquals(rates[s], opt.learningRate(), 1e-8);
      opt.applyGradients(List.of(Steps.grad(s), Steps.biasGrad(s)), List.of(k, b));
    }
    assertEquals(3, opt.iterations());
    assertEquals(rates[3], opt.learningRate(), 1e-8);
    assertValues("kernel", new double[] {0.5, -0.99, 1.4625, -0.2775, 2.0175, -0.025}, k);
    assertValues("bias", new double[] {0.095, -0.245, 0.19}, b);
  }

  /** run(none, lrs=(0.1, 0.3, 0.3)). */
  @Test
  void setLearningRateMidway() {
    SGD opt = new SGD(0.1);
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    opt.applyGradients(List.of(Steps.grad(0), Steps.biasGrad(0)), List.of(k, b));
    opt.setLearningRate(0.3);
    assertEquals(0.3, opt.learningRate(), 1e-7);
    for (int s = 1; s < 3; s++) {
      opt.applyGradients(List.of(Steps.grad(s), Steps.biasGrad(s)), List.of(k, b));
    }
    assertValues("kernel", new double[] {0.52, -1.07, 1.44, -0.125, 1.81, 0.15}, k);
    assertValues("bias", new double[] {0.29, -0.19, -0.17}, b);
  }

  @Test
  void theConstantRateIsKeptAsFloat32LikeKeras() {
    assertEquals((double) 0.001f, new Adam().learningRate());
    assertEquals((double) 0.01f, new SGD().learningRate());
    assertEquals((double) 0.001f, Optimizers.get("rmsprop").learningRate());
  }

  @Test
  void settingARateOnAScheduleFails() {
    SGD opt = new SGD(new ExponentialDecay(0.1, 10, 0.5));
    var e = assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(0.5));
    assertTrue(e.getMessage().startsWith("SGD: this optimizer was created with a"), e.getMessage());
    assertTrue(e.getMessage().contains("not settable"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Received: learningRate=0.5"), e.getMessage());
  }

  @Test
  void aScheduleCanReplaceTheConstantRate() {
    SGD opt = new SGD(0.1).name("sgd");
    assertEquals(List.of("sgd/iteration", "sgd/learning_rate"), Steps.paths(opt.variables()));
    opt.setLearningRate(new ExponentialDecay(0.2, 1, 0.5));
    assertEquals(List.of("sgd/iteration"), Steps.paths(opt.variables()));
    assertEquals(0.2, opt.learningRate(), 1e-8);
  }

  /** Keras skips variables without a gradient (with a warning) and still counts the step. */
  @Test
  void missingGradientsAreSkipped() {
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    SGD opt = new SGD(0.1);
    try (LogCapture log = LogCapture.of(Optimizer.class)) {
      opt.applyGradients(Arrays.asList(Steps.grad(0), null), List.of(k, b));
      assertEquals(
          List.of(
              "WARNING: Gradients do not exist for variables ["
                  + b.path()
                  + "] when minimizing the loss."),
          log.messages());
    }
    assertValues("kernel", new double[] {0.49, -0.98, 1.47, -0.29, 2.05, -0.06}, k);
    assertValues("bias", new double[] {0.1, -0.2, 0.3}, b);
    assertEquals(1, opt.iterations());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> opt.applyGradients(Arrays.asList(null, null), List.of(k, b)));
    assertEquals("SGD: no gradients provided for any variable.", e.getMessage());
  }

  @Test
  void noGradientsIsANoOp() {
    SGD opt = new SGD(0.1);
    opt.applyGradients(List.of(), List.of());
    assertEquals(0, opt.iterations());
  }

  @Test
  void applyAfterBuildUsesTheBuiltVariables() {
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    SGD opt = new SGD(0.1);
    var e = assertThrows(IllegalArgumentException.class, () -> opt.apply(List.of(Steps.grad(0))));
    assertTrue(e.getMessage().contains("Call build(variables) first"), e.getMessage());
    opt.build(List.of(k, b));
    opt.apply(List.of(Steps.grad(0), Steps.biasGrad(0)));
    assertValues("bias", new double[] {0.05, -0.25, 0.25}, b);
  }

  @Test
  void variablesInAnotherOrderFindTheirSlots() {
    Variable k = Steps.kernel();
    Variable b = Steps.bias();
    SGD opt = new SGD(0.1).momentum(0.9);
    opt.build(List.of(k, b));
    for (int s = 0; s < 3; s++) {
      opt.applyGradients(List.of(Steps.biasGrad(s), Steps.grad(s)), List.of(b, k));
    }
    // sgd(mom=0.9) of OptimizerUpdatesTest.
    assertValues("kernel", new double[] {0.5099, -0.9848, 1.3907, -0.3079, 2.0105, -0.0296}, k);
  }

  @Test
  void gradientShapeMismatchNamesTheVariable() {
    Variable k = Steps.kernel();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Adam().applyGradients(List.of(Tensor.zeros(3, 2)), List.of(k)));
    assertEquals(
        "Adam: the gradient of variable 'dense/kernel' must have the variable's shape (2, 3)."
            + " Received: gradient shape=(3, 2)",
        e.getMessage());
  }

  @Test
  void unknownVariablesAreRefused() {
    Adam opt = new Adam();
    opt.applyGradients(List.of(Steps.grad(0)), List.of(Steps.kernel()));
    Variable other = Steps.kernel();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> opt.applyGradients(List.of(Steps.grad(0)), List.of(other)));
    assertTrue(e.getMessage().startsWith("Adam: unknown variable <Variable path=dense/kernel"));
    assertTrue(e.getMessage().contains("originally built with"), e.getMessage());
  }

  @Test
  void countsMustMatch() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SGD().applyGradients(List.of(Steps.grad(0)), List.of()));
    assertEquals(
        "SGD: applyGradients needs one gradient per variable. Received: 1 gradients and 0"
            + " variables",
        e.getMessage());
  }

  @Test
  void integerVariablesAreRefused() {
    Variable ints = new Variable("count", Tensor.ofInts(new int[] {1}, 1), false);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SGD().applyGradients(List.of(Tensor.of(1f)), List.of(ints)));
    assertTrue(e.getMessage().startsWith("SGD: can only optimize float32 variables."));
  }

  @Test
  void onlyOneClippingOption() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new SGD().clipnorm(1).clipvalue(0.5));
    assertEquals(
        "SGD: only one of clipnorm, clipvalue and globalClipnorm can be set. Received:"
            + " clipnorm=1.0, clipvalue=0.5, globalClipnorm=null",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Adam().globalClipnorm(1).clipnorm(2));
    // Setting the same one again is fine.
    assertEquals(2.0, new Adam().clipnorm(1).clipnorm(2).clipnorm());
    assertNull(new Adam().clipvalue());
  }

  @Test
  void badBaseArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new SGD(-0.1));
    assertEquals(
        "SGD: learningRate must be a finite number >= 0 or a schedule. Received:"
            + " learningRate=-0.1",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Adam(Double.NaN));
    e = assertThrows(IllegalArgumentException.class, () -> new SGD().clipnorm(-1));
    assertEquals(
        "SGD: clipnorm must be a finite number >= 0. Received: clipnorm=-1.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam().weightDecay(-0.1));
    assertEquals(
        "Adam: weightDecay must be a finite number >= 0. Received: weightDecay=-0.1",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam().name("a/b"));
    assertEquals(
        "Adam: name must be a non-empty string without '/'. Received: name=a/b", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SGD((io.keras4j.optimizers.schedules.LearningRateSchedule) null));
  }

  @Test
  void excludeFromWeightDecayOnlyBeforeBuild() {
    SGD opt = new SGD();
    opt.build(List.of(Steps.kernel()));
    var e = assertThrows(IllegalArgumentException.class, () -> opt.excludeFromWeightDecay("bias"));
    assertTrue(
        e.getMessage().startsWith("SGD: excludeFromWeightDecay can only be configured before"),
        e.getMessage());
  }
}
