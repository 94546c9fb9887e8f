package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Splits the channels ({@link #axis}, default the last) into {@link #groups} groups and normalizes
 * each group of each sample over the group's channels and every other non-batch axis, as Keras's
 * {@code GroupNormalization}; {@code gamma} and {@code beta} are per channel. One group is close to
 * LayerNormalization over all axes; {@code groups(-1)} (one group per channel) is instance
 * normalization.
 */
public class GroupNormalization extends BaseNormalization<GroupNormalization> {
  private int groups = 32;
  private int axis = -1;

  /** 32 groups on the last axis. */
  public GroupNormalization() {}

  @Override
  GroupNormalization self() {
    return this;
  }

  @Override
  String layerClass() {
    return "GroupNormalization";
  }

  /** {@code groups} groups on the last axis ({@code -1}: one per channel). */
  public GroupNormalization(int groups) {
    this();
    groups(groups);
  }

  public GroupNormalization groups(int groups) {
    checkNotBuilt("groups");
    if (groups == 0 || groups < -1) {
      throw new IllegalArgumentException(
          "Argument `groups` of layer GroupNormalization must be a positive integer or -1 (one"
              + " group per channel). Received: groups="
              + groups);
    }
    this.groups = groups;
    return this;
  }

  /** The channel axis ({@code 1} after a channels_first convolution). */
  public GroupNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  /** The number of groups (the channel count once built with {@code -1}, as Keras). */
  public int groups() {
    return groups;
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int rank = inputShape.length;
    if (axis < -rank || axis >= rank || Shapes.axis(axis, rank) == 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupNormalization): `axis` must name a non-batch axis of the input (rank "
              + rank
              + "). Received: axis="
              + axis);
    }
    int dim = inputShape[Shapes.axis(axis, rank)];
    if (dim < 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupNormalization): axis "
              + axis
              + " of the input should have a defined dimension. Received: input_shape="
              + Shapes.toString(inputShape));
    }
    int g = groups == -1 ? dim : groups;
    if (dim < g) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupNormalization): the number of groups cannot be more than the number of"
              + " channels ("
              + dim
              + "). Received: groups="
              + g);
    }
    if (dim % g != 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupNormalization): the number of channels ("
              + dim
              + ") must be a multiple of the number of groups. Received: groups="
              + g);
    }
    groups = g;
    int[] shape = {dim};
    addGammaBeta(shape, scale, center);
    inputSpec(InputSpec.ndim(rank).withAxis(axis, dim));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] shape = ShapeRefs.of(inputs);
    int rank = shape.length;
    int ax = Shapes.axis(axis, rank);
    // (..., C, ...) -> (..., G, C/G, ...): the groups axis sits where the channels were.
    int[] grouped = new int[rank + 1];
    for (int d = 0, j = 0; d < rank; d++) {
      if (d == ax) {
        grouped[j++] = groups;
        grouped[j++] = shape[d] / groups;
      } else {
        grouped[j++] = shape[d];
      }
    }
    int[] reduce = new int[rank - 1];
    for (int d = 1, j = 0; d <= rank; d++) {
      if (d != ax) {
        reduce[j++] = d;
      }
    }
    int[] broadcast = new int[rank + 1];
    Arrays.fill(broadcast, 1);
    broadcast[ax] = groups;
    broadcast[ax + 1] = shape[ax] / groups;
    Tensor x = Ops.reshape(inputs, grouped);
    List<Tensor> moments = Ops.moments(x, reduce, true);
    Tensor inv = Ops.rsqrt(Ops.add(moments.get(1), (float) epsilon));
    if (gamma != null) {
      inv = Ops.multiply(inv, Ops.reshape(gamma.value(), broadcast));
    }
    Tensor res = Ops.negative(Ops.multiply(moments.get(0), inv));
    if (beta != null) {
      res = Ops.add(res, Ops.reshape(beta.value(), broadcast));
    }
    return Ops.reshape(Ops.add(Ops.multiply(x, inv), res), shape);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("groups", groups);
    c.put("axis", axis);
    putNormalizationConfig(c);
    putBetaGammaInitializers(c);
    putBetaGammaPenalties(c);
    return c;
  }

  public static GroupNormalization fromConfig(Config c) {
    GroupNormalization l = new GroupNormalization(c.getInt("groups", 32));
    l.axis(c.getInt("axis", -1));
    l.readNormalizationConfig(c);
    return l.applyBaseConfig(c, l);
  }
}
