package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * RMSprop, as Keras's {@code RMSprop}: {@code v = rho * v + (1 - rho) * g^2; w -= lr * g / sqrt(v +
 * epsilon)}. Centered, the running mean {@code a} of the gradient is kept too and the denominator
 * is {@code sqrt(v - a^2 + epsilon)}; with momentum the increments accumulate as {@code mom =
 * momentum * mom + increment; w -= mom}.
 */
public class RMSprop extends Optimizer {
  private static final String CLS = "RMSprop";
  private double rho = 0.9;
  private double momentum;
  private double epsilon = 1e-7;
  private boolean centered;
  private Tensor[] velocities;
  private Tensor[] momentums;
  private Tensor[] averageGradients;

  /** Learning rate 0.001, as Keras. */
  public RMSprop() {
    this(0.001);
  }

  public RMSprop(double learningRate) {
    super(learningRate, null);
  }

  public RMSprop(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Decay rate of the mean square, in [0, 1] (default 0.9). */
  public RMSprop rho(double rho) {
    this.rho = Args.unit(CLS, "rho", rho);
    return this;
  }

  public double rho() {
    return rho;
  }

  /** Momentum in [0, 1] (default 0). Only before build. */
  public RMSprop momentum(double momentum) {
    checkNotBuilt("momentum");
    this.momentum = Args.unit(CLS, "momentum", momentum);
    return this;
  }

  public double momentum() {
    return momentum;
  }

  /** Added under the square root (default 1e-7). */
  public RMSprop epsilon(double epsilon) {
    this.epsilon = Args.nonNegative(CLS, "epsilon", epsilon);
    return this;
  }

  public double epsilon() {
    return epsilon;
  }

  /** Normalizes by the variance instead of the mean square (default false). Only before build. */
  public RMSprop centered(boolean centered) {
    checkNotBuilt("centered");
    this.centered = centered;
    return this;
  }

  public boolean centered() {
    return centered;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    int n = variables.size();
    velocities = new Tensor[n];
    momentums = new Tensor[n];
    averageGradients = new Tensor[n];
    for (int i = 0; i < n; i++) {
      velocities[i] = addVariableFromReference(variables.get(i), "velocity", 0f).value();
    }
    if (momentum > 0) {
      for (int i = 0; i < n; i++) {
        momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
      }
    }
    if (centered) {
      for (int i = 0; i < n; i++) {
        averageGradients[i] =
            addVariableFromReference(variables.get(i), "average_gradient", 0f).value();
      }
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .rmsprop(
            variable.value(),
            g,
            velocities[index],
            momentums[index],
            averageGradients[index],
            lr,
            rho,
            momentum,
            epsilon);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", rho);
    c.put("momentum", momentum);
    c.put("epsilon", epsilon);
    c.put("centered", centered);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static RMSprop fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("rho", "momentum", "epsilon", "centered"));
    RMSprop o =
        new RMSprop()
            .rho(c.getDouble("rho", 0.9))
            .momentum(c.getDouble("momentum", 0.0))
            .epsilon(c.getDouble("epsilon", 1e-7))
            .centered(c.getBoolean("centered", false));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning RMSprop ----

  @Override
  public RMSprop name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public RMSprop weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public RMSprop clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public RMSprop clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public RMSprop globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public RMSprop excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public RMSprop excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
