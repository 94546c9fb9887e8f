package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adagrad, as Keras's {@code Adagrad}: {@code acc += g^2; w -= lr * g / sqrt(acc + epsilon)}, the
 * accumulators starting at {@code initialAccumulatorValue}.
 */
public class Adagrad extends Optimizer {
  private static final String CLS = "Adagrad";
  private double initialAccumulatorValue = 0.1;
  private double epsilon = 1e-7;
  private Tensor[] accumulators;

  /** Learning rate 0.001, as Keras. */
  public Adagrad() {
    this(0.001);
  }

  public Adagrad(double learningRate) {
    super(learningRate, null);
  }

  public Adagrad(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** The accumulators' starting value, >= 0 (default 0.1). Only before build. */
  public Adagrad initialAccumulatorValue(double initialAccumulatorValue) {
    checkNotBuilt("initialAccumulatorValue");
    this.initialAccumulatorValue =
        Args.nonNegative(CLS, "initialAccumulatorValue", initialAccumulatorValue);
    return this;
  }

  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  /** Added inside the square root (default 1e-7). */
  public Adagrad epsilon(double epsilon) {
    this.epsilon = Args.nonNegative(CLS, "epsilon", epsilon);
    return this;
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    accumulators = new Tensor[variables.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] =
          addVariableFromReference(variables.get(i), "accumulator", (float) initialAccumulatorValue)
              .value();
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels().adagrad(variable.value(), g, accumulators[index], lr, epsilon);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("initial_accumulator_value", initialAccumulatorValue);
    c.put("epsilon", epsilon);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Adagrad fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("initial_accumulator_value", "epsilon"));
    Adagrad o =
        new Adagrad()
            .initialAccumulatorValue(c.getDouble("initial_accumulator_value", 0.1))
            .epsilon(c.getDouble("epsilon", 1e-7));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Adagrad ----

  @Override
  public Adagrad name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Adagrad weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Adagrad clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Adagrad clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Adagrad globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Adagrad excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Adagrad excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
