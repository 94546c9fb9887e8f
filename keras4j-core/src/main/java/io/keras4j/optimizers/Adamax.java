package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adamax (Adam with the infinity norm), as Keras's {@code Adamax}: {@code m += (g - m) * (1 -
 * beta1); u = max(beta2 * u, |g|); w -= lr * m / ((1 - beta1^t) * (u + epsilon))} at step {@code t
 * = iterations + 1}.
 */
public class Adamax extends Optimizer {
  private static final String CLS = "Adamax";
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private Tensor[] momentums;
  private Tensor[] norms;
  private float correction;

  /** Learning rate 0.001, as Keras. */
  public Adamax() {
    this(0.001);
  }

  public Adamax(double learningRate) {
    super(learningRate, null);
  }

  public Adamax(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Decay rate of the first moment, in [0, 1] (default 0.9). */
  public Adamax beta1(double beta1) {
    this.beta1 = Args.unit(CLS, "beta1", beta1);
    return this;
  }

  public double beta1() {
    return beta1;
  }

  /** Decay rate of the infinity norm, in [0, 1] (default 0.999). */
  public Adamax beta2(double beta2) {
    this.beta2 = Args.unit(CLS, "beta2", beta2);
    return this;
  }

  public double beta2() {
    return beta2;
  }

  /** Added to the norm (default 1e-7). */
  public Adamax epsilon(double epsilon) {
    this.epsilon = Args.nonNegative(CLS, "epsilon", epsilon);
    return this;
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    int n = variables.size();
    momentums = new Tensor[n];
    norms = new Tensor[n];
    for (int i = 0; i < n; i++) {
      momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
      norms[i] = addVariableFromReference(variables.get(i), "norm", 0f).value();
    }
  }

  @Override
  protected void prepareStep(float lr) {
    float beta1Power = (float) Math.pow((float) beta1, iterations() + 1);
    correction = 1 - beta1Power;
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .adamax(
            variable.value(),
            g,
            momentums[index],
            norms[index],
            lr,
            correction,
            beta1,
            beta2,
            epsilon);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("beta_1", beta1);
    c.put("beta_2", beta2);
    c.put("epsilon", epsilon);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Adamax fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("beta_1", "beta_2", "epsilon"));
    Adamax o =
        new Adamax()
            .beta1(c.getDouble("beta_1", 0.9))
            .beta2(c.getDouble("beta_2", 0.999))
            .epsilon(c.getDouble("epsilon", 1e-7));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Adamax ----

  @Override
  public Adamax name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Adamax weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Adamax clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Adamax clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Adamax globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Adamax excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Adamax excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
