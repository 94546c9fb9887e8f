package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
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
public class GroupNormalization extends Layer {
  private int groups = 32;
  private int axis = -1;
  private double epsilon = 1e-3;
  private boolean center = true;
  private boolean scale = true;
  private Initializer betaInitializer = Initializers.get("zeros");
  private Initializer gammaInitializer = Initializers.get("ones");
  private Regularizer betaRegularizer;
  private Regularizer gammaRegularizer;
  private Constraint betaConstraint;
  private Constraint gammaConstraint;

  private Variable gamma;
  private Variable beta;

  /** 32 groups on the last axis. */
  public GroupNormalization() {
    this.supportsMasking = true;
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

  public GroupNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0)) {
      throw new IllegalArgumentException(
          "Argument `epsilon` of layer GroupNormalization must be >= 0. Received: epsilon="
              + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  public GroupNormalization center(boolean center) {
    checkNotBuilt("center");
    this.center = center;
    return this;
  }

  public GroupNormalization scale(boolean scale) {
    checkNotBuilt("scale");
    this.scale = scale;
    return this;
  }

  public GroupNormalization betaInitializer(String name) {
    return betaInitializer(Initializers.get(name));
  }

  public GroupNormalization betaInitializer(Initializer init) {
    checkNotBuilt("betaInitializer");
    this.betaInitializer = init;
    return this;
  }

  public GroupNormalization gammaInitializer(String name) {
    return gammaInitializer(Initializers.get(name));
  }

  public GroupNormalization gammaInitializer(Initializer init) {
    checkNotBuilt("gammaInitializer");
    this.gammaInitializer = init;
    return this;
  }

  public GroupNormalization betaRegularizer(Regularizer r) {
    checkNotBuilt("betaRegularizer");
    this.betaRegularizer = r;
    return this;
  }

  public GroupNormalization betaRegularizer(String name) {
    return betaRegularizer(Regularizers.get(name));
  }

  public GroupNormalization gammaRegularizer(Regularizer r) {
    checkNotBuilt("gammaRegularizer");
    this.gammaRegularizer = r;
    return this;
  }

  public GroupNormalization gammaRegularizer(String name) {
    return gammaRegularizer(Regularizers.get(name));
  }

  public GroupNormalization betaConstraint(Constraint c) {
    checkNotBuilt("betaConstraint");
    this.betaConstraint = c;
    return this;
  }

  public GroupNormalization betaConstraint(String name) {
    return betaConstraint(Constraints.get(name));
  }

  public GroupNormalization gammaConstraint(Constraint c) {
    checkNotBuilt("gammaConstraint");
    this.gammaConstraint = c;
    return this;
  }

  public GroupNormalization gammaConstraint(String name) {
    return gammaConstraint(Constraints.get(name));
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
    if (scale) {
      gamma = addWeight("gamma", shape, gammaInitializer, gammaRegularizer, gammaConstraint, true);
    }
    if (center) {
      beta = addWeight("beta", shape, betaInitializer, betaRegularizer, betaConstraint, true);
    }
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
    c.put("epsilon", epsilon);
    c.put("center", center);
    c.put("scale", scale);
    c.put("beta_initializer", Initializers.serialize(betaInitializer));
    c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
    c.put(
        "beta_regularizer",
        betaRegularizer == null ? null : Regularizers.serialize(betaRegularizer));
    c.put(
        "gamma_regularizer",
        gammaRegularizer == null ? null : Regularizers.serialize(gammaRegularizer));
    c.put("beta_constraint", betaConstraint == null ? null : Constraints.serialize(betaConstraint));
    c.put(
        "gamma_constraint",
        gammaConstraint == null ? null : Constraints.serialize(gammaConstraint));
    return c;
  }

  public static GroupNormalization fromConfig(Config c) {
    GroupNormalization l = new GroupNormalization(c.getInt("groups", 32));
    l.axis(c.getInt("axis", -1));
    l.epsilon(c.getDouble("epsilon", 1e-3));
    l.center(c.getBoolean("center", true));
    l.scale(c.getBoolean("scale", true));
    l.betaInitializer(c.initializer("beta_initializer", "zeros"));
    l.gammaInitializer(c.initializer("gamma_initializer", "ones"));
    l.betaRegularizer(c.regularizer("beta_regularizer"));
    l.gammaRegularizer(c.regularizer("gamma_regularizer"));
    l.betaConstraint(c.constraint("beta_constraint"));
    l.gammaConstraint(c.constraint("gamma_constraint"));
    return l.applyBaseConfig(c, l);
  }
}
