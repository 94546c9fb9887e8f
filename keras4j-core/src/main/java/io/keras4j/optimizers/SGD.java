package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Gradient descent with optional momentum, as Keras's {@code SGD}: {@code w -= lr * g}; with
 * momentum {@code v = momentum * v - lr * g; w += v}, and with Nesterov {@code w += momentum * v -
 * lr * g}.
 */
public class SGD extends Optimizer {
  private static final String CLS = "SGD";
  private double momentum;
  private boolean nesterov;
  private Tensor[] momentums;

  /** Learning rate 0.01, as Keras. */
  public SGD() {
    this(0.01);
  }

  public SGD(double learningRate) {
    super(learningRate, null);
  }

  public SGD(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Momentum in [0, 1] (default 0: plain gradient descent). Only before build. */
  public SGD momentum(double momentum) {
    checkNotBuilt("momentum");
    this.momentum = Args.unit(CLS, "momentum", momentum);
    return this;
  }

  public double momentum() {
    return momentum;
  }

  /** Nesterov momentum (default false). */
  public SGD nesterov(boolean nesterov) {
    this.nesterov = nesterov;
    return this;
  }

  public boolean nesterov() {
    return nesterov;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    momentums = new Tensor[variables.size()];
    if (momentum != 0) {
      for (int i = 0; i < momentums.length; i++) {
        momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
      }
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .sgd(variable.value(), g, momentum == 0 ? null : momentums[index], lr, momentum, nesterov);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("momentum", momentum);
    c.put("nesterov", nesterov);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static SGD fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("momentum", "nesterov"));
    SGD o =
        new SGD().momentum(c.getDouble("momentum", 0.0)).nesterov(c.getBoolean("nesterov", false));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning SGD ----

  @Override
  public SGD name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public SGD weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public SGD clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public SGD clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public SGD globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public SGD excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public SGD excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
