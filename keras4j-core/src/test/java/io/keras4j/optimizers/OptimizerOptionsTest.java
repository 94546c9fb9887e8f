package io.keras4j.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Defaults as Keras, chained options returning the concrete class, and argument errors. */
class OptimizerOptionsTest {

  private static void fails(String message, Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void kerasDefaults() {
    Adam adam = new Adam();
    assertEquals(List.of(0.9, 0.999, 1e-7), List.of(adam.beta1(), adam.beta2(), adam.epsilon()));
    assertEquals(false, adam.amsgrad());
    RMSprop rms = new RMSprop();
    assertEquals(List.of(0.9, 0.0, 1e-7), List.of(rms.rho(), rms.momentum(), rms.epsilon()));
    assertEquals(false, rms.centered());
    Ftrl ftrl = new Ftrl();
    assertEquals(
        List.of(-0.5, 0.1, 0.0, 0.0, 0.0, 0.0),
        List.of(
            ftrl.learningRatePower(),
            ftrl.initialAccumulatorValue(),
            ftrl.l1RegularizationStrength(),
            ftrl.l2RegularizationStrength(),
            ftrl.l2ShrinkageRegularizationStrength(),
            ftrl.beta()));
    assertEquals(List.of(0.95, 1e-7), List.of(new Adadelta().rho(), new Adadelta().epsilon()));
    assertEquals(0.1, new Adagrad().initialAccumulatorValue());
    assertEquals(List.of(0.9, 0.99), List.of(new Lion().beta1(), new Lion().beta2()));
    assertEquals(List.of(0.9, 0.999), List.of(new Nadam().beta1(), new Nadam().beta2()));
    assertEquals(List.of(0.9, 0.999), List.of(new Adamax().beta1(), new Adamax().beta2()));
    assertEquals(0.0, new SGD().momentum());
    assertEquals(null, new Adam().weightDecay());
  }

  @Test
  void optionsChainOnTheConcreteClass() {
    // Compiles only if every common option returns the concrete type.
    AdamW w = new AdamW().clipnorm(1).amsgrad(true).beta1(0.8).name("w").weightDecay(0.1);
    SGD s = new SGD().clipvalue(1).momentum(0.5).excludeFromWeightDecay("bias").nesterov(true);
    RMSprop r = new RMSprop().globalClipnorm(1).centered(true);
    Ftrl f = new Ftrl().weightDecay(0.1).beta(0.2);
    Nadam n = new Nadam().name("n").beta2(0.9);
    assertEquals(0.1, w.weightDecay());
    assertEquals(true, s.nesterov());
    assertEquals(true, r.centered());
    assertEquals(0.2, f.beta());
    assertEquals("n", n.name());
  }

  @Test
  void badHyperparameters() {
    fails(
        "SGD: momentum must be in [0, 1]. Received: momentum=-0.1", () -> new SGD().momentum(-0.1));
    fails("Adam: beta1 must be in [0, 1]. Received: beta1=1.1", () -> new Adam().beta1(1.1));
    fails(
        "AdamW: beta2 must be in [0, 1]. Received: beta2=NaN", () -> new AdamW().beta2(Double.NaN));
    fails(
        "Adam: epsilon must be a finite number >= 0. Received: epsilon=-1.0E-7",
        () -> new Adam().epsilon(-1e-7));
    fails("Adadelta: rho must be in [0, 1]. Received: rho=2.0", () -> new Adadelta().rho(2));
    fails(
        "Adagrad: initialAccumulatorValue must be a finite number >= 0. Received:"
            + " initialAccumulatorValue=-1.0",
        () -> new Adagrad().initialAccumulatorValue(-1));
    fails("Adamax: beta1 must be in [0, 1]. Received: beta1=-0.5", () -> new Adamax().beta1(-0.5));
    fails(
        "Ftrl: learningRatePower needs to be a finite number <= 0. Received:"
            + " learningRatePower=0.5",
        () -> new Ftrl().learningRatePower(0.5));
    fails(
        "Ftrl: l1RegularizationStrength must be a finite number >= 0. Received:"
            + " l1RegularizationStrength=-0.1",
        () -> new Ftrl().l1RegularizationStrength(-0.1));
    fails(
        "Ftrl: l2ShrinkageRegularizationStrength must be a finite number >= 0. Received:"
            + " l2ShrinkageRegularizationStrength=-1.0",
        () -> new Ftrl().l2ShrinkageRegularizationStrength(-1));
    fails(
        "Ftrl: initialAccumulatorValue must be a finite number >= 0. Received:"
            + " initialAccumulatorValue=-0.1",
        () -> new Ftrl().initialAccumulatorValue(-0.1));
    fails("Nadam: beta2 must be in [0, 1]. Received: beta2=1.5", () -> new Nadam().beta2(1.5));
    fails(
        "RMSprop: momentum must be in [0, 1]. Received: momentum=3.0",
        () -> new RMSprop().momentum(3));
    fails(
        "Lion: beta1 must be in the (0, 1] range; otherwise the optimizer degenerates to"
            + " SignSGD. Received: beta1=0.0",
        () -> new Lion().beta1(0));
  }

  @Test
  void slotShapingOptionsAreFixedOnceBuilt() {
    Adam adam = new Adam();
    adam.build(List.of(Steps.kernel()));
    fails(
        "Adam: amsgrad can only be configured before the optimizer is built. Received: a call"
            + " after build",
        () -> adam.amsgrad(true));
    SGD sgd = new SGD();
    sgd.build(List.of(Steps.kernel()));
    assertThrows(IllegalArgumentException.class, () -> sgd.momentum(0.9));
    RMSprop rms = new RMSprop();
    rms.build(List.of(Steps.kernel()));
    assertThrows(IllegalArgumentException.class, () -> rms.centered(true));
    // Other hyperparameters may still change, as attributes can in Keras.
    assertEquals(0.5, adam.beta1(0.5).beta1());
  }
}
