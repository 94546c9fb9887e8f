package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Nadam (Adam with Nesterov momentum), as Keras's {@code Nadam}, with Keras's momentum schedule
 * {@code u_t = beta1 * (1 - 0.5 * 0.96^t)} and its running product kept as a state variable.
 */
public class Nadam extends Optimizer {
  private static final String CLS = "Nadam";
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double epsilon = 1e-7;
  private Tensor[] momentums;
  private Tensor[] velocities;
  private Tensor uProduct;
  private float momentumScale;
  private float gradientScale;
  private float velocityScale;

  /** Learning rate 0.001, as Keras. */
  public Nadam() {
    this(0.001);
  }

  public Nadam(double learningRate) {
    super(learningRate, null);
  }

  public Nadam(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Decay rate of the first moment, in [0, 1] (default 0.9). */
  public Nadam beta1(double beta1) {
    this.beta1 = Args.unit(CLS, "beta1", beta1);
    return this;
  }

  public double beta1() {
    return beta1;
  }

  /** Decay rate of the second moment, in [0, 1] (default 0.999). */
  public Nadam beta2(double beta2) {
    this.beta2 = Args.unit(CLS, "beta2", beta2);
    return this;
  }

  public double beta2() {
    return beta2;
  }

  /** Added to {@code sqrt(v_hat)} (default 1e-7). */
  public Nadam epsilon(double epsilon) {
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
    velocities = new Tensor[n];
    for (int i = 0; i < n; i++) {
      momentums[i] = addVariableFromReference(variables.get(i), "momentum", 0f).value();
      velocities[i] = addVariableFromReference(variables.get(i), "velocity", 0f).value();
    }
    uProduct = addVariable("u_product", Tensor.scalar(1f)).value();
  }

  @Override
  protected void prepareStep(float lr) {
    double t = iterations() + 1;
    float b1 = (float) beta1;
    float uT = (float) (b1 * (1 - 0.5 * Math.pow(0.96, t)));
    float uNext = (float) (b1 * (1 - 0.5 * Math.pow(0.96, t + 1)));
    // The product of the u's up to this step, then up to the next one.
    float product = uProduct.item() * uT;
    kernels().fill(uProduct, product);
    float productNext = product * uNext;
    momentumScale = uNext / (1 - productNext);
    gradientScale = (1 - uT) / (1 - product);
    velocityScale = (float) (1 / (1 - (float) Math.pow((float) beta2, t)));
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .nadam(
            variable.value(),
            g,
            momentums[index],
            velocities[index],
            lr,
            momentumScale,
            gradientScale,
            velocityScale,
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

  static Nadam fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("beta_1", "beta_2", "epsilon"));
    Nadam o =
        new Nadam()
            .beta1(c.getDouble("beta_1", 0.9))
            .beta2(c.getDouble("beta_2", 0.999))
            .epsilon(c.getDouble("epsilon", 1e-7));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Nadam ----

  @Override
  public Nadam name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Nadam weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Nadam clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Nadam clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Nadam globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Nadam excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Nadam excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
