package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adadelta, as Keras's {@code Adadelta}: {@code ag = rho * ag + (1 - rho) * g^2; d = -sqrt(ad +
 * eps) * g / sqrt(ag + eps); ad = rho * ad + (1 - rho) * d^2; w += lr * d}.
 */
public class Adadelta extends Optimizer {
  private static final String CLS = "Adadelta";
  private double rho = 0.95;
  private double epsilon = 1e-7;
  private Tensor[] accumulatedGrads;
  private Tensor[] accumulatedDeltaVars;

  /** Learning rate 0.001, as Keras. */
  public Adadelta() {
    this(0.001);
  }

  public Adadelta(double learningRate) {
    super(learningRate, null);
  }

  public Adadelta(LearningRateSchedule learningRate) {
    super(learningRate, null);
  }

  /** Decay rate of the accumulators, in [0, 1] (default 0.95). */
  public Adadelta rho(double rho) {
    this.rho = Args.unit(CLS, "rho", rho);
    return this;
  }

  public double rho() {
    return rho;
  }

  /** Added inside the square roots (default 1e-7). */
  public Adadelta epsilon(double epsilon) {
    this.epsilon = Args.nonNegative(CLS, "epsilon", epsilon);
    return this;
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  protected void createSlots(List<Variable> variables) {
    int n = variables.size();
    accumulatedGrads = new Tensor[n];
    accumulatedDeltaVars = new Tensor[n];
    for (int i = 0; i < n; i++) {
      accumulatedGrads[i] =
          addVariableFromReference(variables.get(i), "accumulated_grad", 0f).value();
      accumulatedDeltaVars[i] =
          addVariableFromReference(variables.get(i), "accumulated_delta_var", 0f).value();
    }
  }

  @Override
  protected void updateStep(int index, Variable variable, Tensor g, float lr) {
    kernels()
        .adadelta(
            variable.value(),
            g,
            accumulatedGrads[index],
            accumulatedDeltaVars[index],
            lr,
            rho,
            epsilon);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rho", rho);
    c.put("epsilon", epsilon);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  static Adadelta fromConfig(Config c) {
    c.allowOnly(BaseConfig.keys("rho", "epsilon"));
    Adadelta o = new Adadelta().rho(c.getDouble("rho", 0.95)).epsilon(c.getDouble("epsilon", 1e-7));
    return BaseConfig.read(o, c);
  }

  // ---- the common options, returning Adadelta ----

  @Override
  public Adadelta name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Adadelta weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public Adadelta clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public Adadelta clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public Adadelta globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public Adadelta excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public Adadelta excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
