package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Lion, as Keras's {@code Lion}: {@code w -= lr * sign(beta1 * m + (1 - beta1) * g); m = beta2 * m
 * + (1 - beta2) * g}.
 */
public class Lion extends Optimizer {
  private static final String CLS = "Lion";
  private double beta1 = 0.9;
  private double beta2 = 0.99;
  private Tensor[] momentums;

  /** Learning rate 0.001, as Keras. */
  public Lion() {
    this(0.001);
  }

  public Lion(double learningRate) {
    super(learningRate, null);
  }

  public Lion(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Interpolation between momentum and gradient for the update, in (0, 1] (default 0.9). */
  public Lion beta1(double beta1) {
    if (!(beta1 > 0 && beta1 <= 1)) {
      throw new IllegalArgumentException(
          CLS
              + ": beta1 must be in the (0, 1] range; otherwise the optimizer degenerates to"
              + " SignSGD. Received: beta1="
              + beta1);
    }
    this.beta1 = beta1;
    return this;
  }

  public double beta1() {
    return beta1;
  }

  /** Decay rate of the momentum, in [0, 1] (default 0.99). */
  public Lion beta2(double beta2) {
    this.beta2 = Args.unit(CLS, "beta2", beta2);
    return this;
  }

  public double beta2() {
    return beta2;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    momentums = new Tensor[variables.size()];
    for (int i = 0; i < momentums.length; i++) {
      momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels().lion(variable.value(), g, momentums[index], lr, beta1, beta2);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Lion fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("beta_1", "beta_2"));
    Lion o = new Lion().beta1(c.getDouble("beta_1", 0.9)).beta2(c.getDouble("beta_2", 0.99));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Lion ----

  @Override
  public Lion name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Lion weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Lion clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Lion clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Lion globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Lion excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Lion excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
