package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Normalizes each index of one axis (the features, {@code axis=-1}), as Keras's {@code
 * BatchNormalization}: {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}.
 *
 * <p>In training ({@code fit}, or a call with {@code training=true}) the mean and the variance
 * (divided by the count) are those of the batch, over every axis but {@code axis}, and the layer's
 * non-trainable {@code moving_mean} and {@code moving_variance} move toward them in place: {@code
 * moving = moving * momentum + batch * (1 - momentum)}. In inference the moving statistics are
 * used. As in Keras 3, a frozen layer ({@code trainable(false)}) runs in inference mode even in
 * training, and leaves its moving statistics alone. With a mask (one dimension less than the
 * input), masked positions are left out of the batch statistics.
 *
 * <p>The moving statistics are written during the forward pass, outside any gradient tape: the
 * training step needs no other hook, and a tape never sees the update.
 */
public class BatchNormalization extends BaseNormalization<BatchNormalization> {
  /** Keras's {@code backend.epsilon()}, added to the masked count as Keras does. */
  private static final float FUZZ = 1e-7f;

  private int axis = -1;
  private double momentum = 0.99;
  private Initializer movingMeanInitializer = Initializers.get("zeros");
  private Initializer movingVarianceInitializer = Initializers.get("ones");

  private Variable movingMean;
  private Variable movingVariance;
  private int[] reductionAxes;

  public BatchNormalization() {}

  @Override
  BatchNormalization self() {
    return this;
  }

  @Override
  String layerClass() {
    return "BatchNormalization";
  }

  /** The axis to normalize (the features; {@code 1} after a channels_first convolution). */
  public BatchNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  public BatchNormalization momentum(double momentum) {
    checkNotBuilt("momentum");
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "Argument `momentum` of layer BatchNormalization must be in [0, 1]. Received: momentum="
              + momentum);
    }
    this.momentum = momentum;
    return this;
  }

  public BatchNormalization movingMeanInitializer(String name) {
    return movingMeanInitializer(Initializers.get(name));
  }

  public BatchNormalization movingMeanInitializer(Initializer init) {
    checkNotBuilt("movingMeanInitializer");
    this.movingMeanInitializer = init;
    return this;
  }

  public BatchNormalization movingVarianceInitializer(String name) {
    return movingVarianceInitializer(Initializers.get(name));
  }

  public BatchNormalization movingVarianceInitializer(Initializer init) {
    checkNotBuilt("movingVarianceInitializer");
    this.movingVarianceInitializer = init;
    return this;
  }

  public int axis() {
    return axis;
  }

  public double momentum() {
    return momentum;
  }

  public Variable movingMean() {
    return movingMean;
  }

  public Variable movingVariance() {
    return movingVariance;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int rank = inputShape.length;
    if (axis < -rank || axis >= rank) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (BatchNormalization): `axis` is out of range for an input of rank "
              + rank
              + " (shape "
              + Shapes.toString(inputShape)
              + "). Received: axis="
              + axis);
    }
    int ax = Shapes.axis(axis, rank);
    int dim = inputShape[ax];
    if (dim < 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (BatchNormalization) needs a known size on axis "
              + axis
              + ". Received: input_shape="
              + Shapes.toString(inputShape));
    }
    int[] shape = {dim};
    addGammaBeta(shape, scale, center);
    movingMean = addWeight("moving_mean", shape, movingMeanInitializer, null, null, false);
    movingVariance =
        addWeight("moving_variance", shape, movingVarianceInitializer, null, null, false);
    reductionAxes = new int[rank - 1];
    for (int d = 0, j = 0; d < rank; d++) {
      if (d != ax) {
        reductionAxes[j++] = d;
      }
    }
    inputSpec(InputSpec.ndim(rank).withAxis(axis, dim));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor mask = ctx.mask();
    if (mask != null && mask.rank() != inputs.rank() - 1) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (BatchNormalization): the mask must have one dimension less than the inputs."
              + " Received: mask.shape="
              + Shapes.toString(ShapeRefs.of(mask))
              + ", inputs.shape="
              + Shapes.toString(ShapeRefs.of(inputs)));
    }
    Tensor g = gamma == null ? null : gamma.value();
    Tensor b = beta == null ? null : beta.value();
    if (ctx.training() && trainable() && mask == null) {
      // One fused op: statistics and normalization in three passes, its gradient in two.
      List<Tensor> out = Ops.batchNormalizationTraining(inputs, b, g, axis, (float) epsilon);
      updateMovingStatistics(out.get(1), out.get(2));
      return out.get(0);
    }
    Tensor mean;
    Tensor variance;
    if (ctx.training() && trainable()) {
      List<Tensor> moments = maskedMoments(inputs, mask);
      mean = moments.get(0);
      variance = moments.get(1);
      updateMovingStatistics(mean.copy(), variance.copy());
    } else {
      mean = movingMean.value();
      variance = movingVariance.value();
    }
    return Ops.batchNormalization(inputs, mean, variance, axis, b, g, (float) epsilon);
  }

  /**
   * {@code moving = moving * momentum + batch * (1 - momentum)}, in place, from statistics no tape
   * tracks (the fused op's, which have no gradient, or copies), so the update records nothing.
   */
  private void updateMovingStatistics(Tensor mean, Tensor variance) {
    float m = (float) momentum;
    float rest = (float) (1.0 - momentum);
    movingMean.assign(Ops.add(Ops.multiply(movingMean.value(), m), Ops.multiply(mean, rest)));
    movingVariance.assign(
        Ops.add(Ops.multiply(movingVariance.value(), m), Ops.multiply(variance, rest)));
  }

  /** The batch mean and variance per index of {@code axis} over the unmasked positions, 1-D. */
  private List<Tensor> maskedMoments(Tensor inputs, Tensor mask) {
    // As Keras: the mask, expanded on the last axis, weights each position; the count gets
    // backend.epsilon() so that an all-masked batch gives 0 rather than NaN.
    Tensor w = Ops.expandDims(Ops.cast(mask, DType.FLOAT32), -1);
    Tensor weighted = Ops.multiply(w, inputs);
    Tensor count = Ops.add(Ops.sum(w, reductionAxes, true), FUZZ);
    Tensor mean = Ops.divide(Ops.sum(weighted, reductionAxes, true), count);
    Tensor sq = Ops.square(Ops.subtract(weighted, mean));
    Tensor variance = Ops.divide(Ops.sum(Ops.multiply(w, sq), reductionAxes, true), count);
    return List.of(Ops.squeeze(mean, reductionAxes), Ops.squeeze(variance, reductionAxes));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    c.put("momentum", momentum);
    putNormalizationConfig(c);
    putBetaGammaInitializers(c);
    c.put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer));
    c.put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer));
    putBetaGammaPenalties(c);
    // Statistics across replicas (TensorFlow only in Keras): keras4j trains on one device.
    c.put("synchronized", false);
    return c;
  }

  public static BatchNormalization fromConfig(Config c) {
    BatchNormalization b = new BatchNormalization();
    b.axis(singleAxis(c.getInts("axis", new int[] {-1})));
    b.momentum(c.getDouble("momentum", 0.99));
    b.readNormalizationConfig(c);
    b.movingMeanInitializer(c.initializer("moving_mean_initializer", "zeros"));
    b.movingVarianceInitializer(c.initializer("moving_variance_initializer", "ones"));
    if (c.getBoolean("synchronized", false)) {
      throw new IllegalArgumentException(
          "Argument `synchronized` of layer BatchNormalization is only supported with the"
              + " TensorFlow backend (statistics across replicas), as in Keras. Received:"
              + " synchronized=true");
    }
    return b.applyBaseConfig(c, b);
  }

  /** Keras 3 takes one int; Keras 2 files may hold it as a list of one. */
  private static int singleAxis(int[] axes) {
    if (axes == null || axes.length != 1) {
      throw new IllegalArgumentException(
          "Argument `axis` of layer BatchNormalization must be one integer. Received: axis="
              + (axes == null ? "null" : java.util.Arrays.toString(axes)));
    }
    return axes[0];
  }
}
