package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * FTRL-proximal, as Keras's {@code Ftrl}, with {@code p = -learningRatePower}: {@code n' = n + g^2;
 * z += g + 2 * l2Shrinkage * w - (n'^p - n^p) / lr * w; w = (clip(z, -l1, l1) - z) / (n'^p / lr + 2
 * * (l2 + beta / (2 * lr))); n = n'}, the accumulators {@code n} starting at {@code
 * initialAccumulatorValue}.
 */
public class Ftrl extends Optimizer {
  private static final String CLS = "Ftrl";
  private double learningRatePower = -0.5;
  private double initialAccumulatorValue = 0.1;
  private double l1RegularizationStrength;
  private double l2RegularizationStrength;
  private double l2ShrinkageRegularizationStrength;
  private double beta;
  private Tensor[] accumulators;
  private Tensor[] linears;

  /** Learning rate 0.001, as Keras. */
  public Ftrl() {
    this(0.001);
  }

  public Ftrl(double learningRate) {
    super(learningRate, null);
  }

  public Ftrl(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** How the rate falls as the accumulator grows, <= 0 (default -0.5). */
  public Ftrl learningRatePower(double learningRatePower) {
    if (!(learningRatePower <= 0) || Double.isInfinite(learningRatePower)) {
      throw new IllegalArgumentException(
          CLS
              + ": learningRatePower needs to be a finite number <= 0. Received:"
              + " learningRatePower="
              + learningRatePower);
    }
    this.learningRatePower = learningRatePower;
    return this;
  }

  public double learningRatePower() {
    return learningRatePower;
  }

  /** The accumulators' starting value, >= 0 (default 0.1). Only before build. */
  public Ftrl initialAccumulatorValue(double initialAccumulatorValue) {
    checkNotBuilt("initialAccumulatorValue");
    this.initialAccumulatorValue =
        Args.nonNegative(CLS, "initialAccumulatorValue", initialAccumulatorValue);
    return this;
  }

  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  /** L1 regularization, >= 0 (default 0). */
  public Ftrl l1RegularizationStrength(double l1) {
    this.l1RegularizationStrength = Args.nonNegative(CLS, "l1RegularizationStrength", l1);
    return this;
  }

  public double l1RegularizationStrength() {
    return l1RegularizationStrength;
  }

  /** L2 regularization, >= 0 (default 0). */
  public Ftrl l2RegularizationStrength(double l2) {
    this.l2RegularizationStrength = Args.nonNegative(CLS, "l2RegularizationStrength", l2);
    return this;
  }

  public double l2RegularizationStrength() {
    return l2RegularizationStrength;
  }

  /** L2 shrinkage (a penalty on the weights added to the gradient), >= 0 (default 0). */
  public Ftrl l2ShrinkageRegularizationStrength(double l2Shrinkage) {
    this.l2ShrinkageRegularizationStrength =
        Args.nonNegative(CLS, "l2ShrinkageRegularizationStrength", l2Shrinkage);
    return this;
  }

  public double l2ShrinkageRegularizationStrength() {
    return l2ShrinkageRegularizationStrength;
  }

  /** The beta of the FTRL paper (default 0). */
  public Ftrl beta(double beta) {
    this.beta = Args.finite(CLS, "beta", beta);
    return this;
  }

  public double beta() {
    return beta;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    int n = variables.size();
    accumulators = new Tensor[n];
    linears = new Tensor[n];
    for (int i = 0; i < n; i++) {
      accumulators[i] =
          addVariableFromReference(variables.get(i), "accumulator", (float) initialAccumulatorValue)
              .value();
      linears[i] = addVariableFromReference(variables.get(i), "linear", 0f).value();
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .ftrl(
            variable.value(),
            g,
            accumulators[index],
            linears[index],
            lr,
            learningRatePower,
            l1RegularizationStrength,
            l2RegularizationStrength,
            l2ShrinkageRegularizationStrength,
            beta);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("learning_rate_power", learningRatePower);
    c.put("initial_accumulator_value", initialAccumulatorValue);
    c.put("l1_regularization_strength", l1RegularizationStrength);
    c.put("l2_regularization_strength", l2RegularizationStrength);
    c.put("l2_shrinkage_regularization_strength", l2ShrinkageRegularizationStrength);
    c.put("beta", beta);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Ftrl fromConfig(Config c) {
    c.allowOnly(
        BaseConfig.keys(
            "learning_rate_power",
            "initial_accumulator_value",
            "l1_regularization_strength",
            "l2_regularization_strength",
            "l2_shrinkage_regularization_strength",
            "beta"));
    Ftrl o =
        new Ftrl()
            .learningRatePower(c.getDouble("learning_rate_power", -0.5))
            .initialAccumulatorValue(c.getDouble("initial_accumulator_value", 0.1))
            .l1RegularizationStrength(c.getDouble("l1_regularization_strength", 0.0))
            .l2RegularizationStrength(c.getDouble("l2_regularization_strength", 0.0))
            .l2ShrinkageRegularizationStrength(
                c.getDouble("l2_shrinkage_regularization_strength", 0.0))
            .beta(c.getDouble("beta", 0.0));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Ftrl ----

  @Override
  public Ftrl name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Ftrl weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Ftrl clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Ftrl clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Ftrl globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Ftrl excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Ftrl excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
