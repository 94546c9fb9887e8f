package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adam, as Keras's {@code Adam}: {@code m += (g - m) * (1 - beta1); v += (g^2 - v) * (1 - beta2); w
 * -= m * alpha / (sqrt(v) + epsilon)} with {@code alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}
 * at step {@code t = iterations + 1}. AMSGrad uses the running maximum of {@code v}.
 */
public class Adam extends Optimizer {
  private static final String CLS = "Adam";
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private boolean amsgrad;
  private Tensor[] momentums;
  private Tensor[] velocities;
  private Tensor[] velocityHats;
  private float alpha;

  /** Learning rate 0.001, as Keras. */
  public Adam() {
    this(0.001);
  }

  public Adam(double learningRate) {
    super(learningRate, null);
  }

  public Adam(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Decay rate of the first moment, in [0, 1] (default 0.9). */
  public Adam beta1(double beta1) {
    this.beta1 = Args.unit(className(), "beta1", beta1);
    return this;
  }

  public double beta1() {
    return beta1;
  }

  /** Decay rate of the second moment, in [0, 1] (default 0.999). */
  public Adam beta2(double beta2) {
    this.beta2 = Args.unit(className(), "beta2", beta2);
    return this;
  }

  public double beta2() {
    return beta2;
  }

  /** Added to {@code sqrt(v)} (default 1e-7). */
  public Adam epsilon(double epsilon) {
    this.epsilon = Args.nonNegative(className(), "epsilon", epsilon);
    return this;
  }

  public double epsilon() {
    return epsilon;
  }

  /** The AMSGrad variant (default false). Only before build. */
  public Adam amsgrad(boolean amsgrad) {
    checkNotBuilt("amsgrad");
    this.amsgrad = amsgrad;
    return this;
  }

  public boolean amsgrad() {
    return amsgrad;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    int n = variables.size();
    momentums = new Tensor[n];
    velocities = new Tensor[n];
    for (int i = 0; i < n; i++) {
      momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
      velocities[i] = addVariableFromReference(variables.get(i), "velocity", 0f).value();
    }
    if (amsgrad) {
      velocityHats = new Tensor[n];
      for (int i = 0; i < n; i++) {
        velocityHats[i] = addVariableFromReference(variables.get(i), "velocity_hat", 0f).value();
      }
    }
  }

  @Override
  protected void prepareStep(float lr) {
    double t = iterations() + 1;
    double beta1Power = (float) Math.pow((float) beta1, t);
    double beta2Power = (float) Math.pow((float) beta2, t);
    alpha = (float) (lr * Math.sqrt(1 - beta2Power) / (1 - beta1Power));
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .adam(
            variable.value(),
            g,
            momentums[index],
            velocities[index],
            amsgrad ? velocityHats[index] : null,
            alpha,
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
    c.put("amsgrad", amsgrad);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Adam fromConfig(Config c) {
    return readAdam(new Adam(), c);
  }

  /** Reads Adam's arguments (and the common ones) into {@code o}: Adam or AdamW. */
  static <T extends Adam> T readAdam(T o, Config c) {
    c.allowOnly(BaseConfig.keys("beta_1", "beta_2", "epsilon", "amsgrad"));
    o.beta1(c.getDouble("beta_1", 0.9))
        .beta2(c.getDouble("beta_2", 0.999))
        .epsilon(c.getDouble("epsilon", 1e-7))
        .amsgrad(c.getBoolean("amsgrad", false));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Adam ----

  @Override
  public Adam name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Adam weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Adam clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Adam clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Adam globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Adam excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Adam excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
