package io.keras4j.optimizers;

import io.keras4j.Variable;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;

/**
 * Adam with decoupled weight decay, as Keras's {@code AdamW}: Adam whose {@code weightDecay}
 * defaults to 0.004 ({@code w -= w * weightDecay * lr} before each update).
 */
public class AdamW extends Adam {
  private static final String CLS = "AdamW";

  /** Learning rate 0.001 and weight decay 0.004, as Keras. */
  public AdamW() {
    this(0.001);
  }

  public AdamW(double learningRate) {
    super(learningRate);
    super.weightDecay(0.004);
  }

  public AdamW(LearningRateSchedule learningRate) {
    super(learningRate);
    super.weightDecay(0.004);
  }

  @Override
  public String className() {
    return CLS;
  }

  static AdamW fromConfig(Config c) {
    return readAdam(new AdamW(), c);
  }

  // ---- Adam's options and the common ones, returning AdamW ----

  @Override
  public AdamW beta1(double beta1) {
    super.beta1(beta1);
    return this;
  }

  @Override
  public AdamW beta2(double beta2) {
    super.beta2(beta2);
    return this;
  }

  @Override
  public AdamW epsilon(double epsilon) {
    super.epsilon(epsilon);
    return this;
  }

  @Override
  public AdamW amsgrad(boolean amsgrad) {
    super.amsgrad(amsgrad);
    return this;
  }

  @Override
  public AdamW name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public AdamW weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return this;
  }

  @Override
  public AdamW clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return this;
  }

  @Override
  public AdamW clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return this;
  }

  @Override
  public AdamW globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return this;
  }

  @Override
  public AdamW excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return this;
  }

  @Override
  public AdamW excludeFromWeightDecay(Variable... variables) {
    super.excludeFromWeightDecay(variables);
    return this;
  }
}
