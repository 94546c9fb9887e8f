package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.initializers.Initializers;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Additive attention (Bahdanau style), as Keras's {@code AdditiveAttention}: the scores are {@code
 * sum(scale * tanh(query + key), axis=-1)} over the feature axis, with {@code scale} a weight of
 * shape {@code (dim,)} (glorot_uniform) when {@link #useScale} (the default), else 1. Inputs, masks
 * and outputs are those of {@link Attention}.
 */
public class AdditiveAttention extends Attention {
  public AdditiveAttention() {
    this(true);
  }

  public AdditiveAttention(boolean useScale) {
    super(useScale, "dot");
  }

  @Override
  public AdditiveAttention dropout(double dropout) {
    super.dropout(dropout);
    return this;
  }

  @Override
  public AdditiveAttention seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  public AdditiveAttention returnAttentionScores(boolean returnAttentionScores) {
    super.returnAttentionScores(returnAttentionScores);
    return this;
  }

  @Override
  public AdditiveAttention useCausalMask(boolean useCausalMask) {
    super.useCausalMask(useCausalMask);
    return this;
  }

  @Override
  String scoreName() {
    return "additive";
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] q = inputShapes.get(0);
    int dim = q[q.length - 1];
    if (dim < 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (AdditiveAttention) needs a known last dimension of `query`. Received: query"
              + " shape="
              + AttentionMasks.str(inputShapes.get(0)));
    }
    if (useScale()) {
      scale = addWeight("scale", new int[] {dim}, Initializers.get("glorot_uniform"));
    }
  }

  @Override
  protected Tensor scores(Tensor query, Tensor key) {
    Tensor t = Ops.tanh(Ops.add(Ops.expandDims(query, -2), Ops.expandDims(key, -3)));
    if (scale != null) {
      t = Ops.multiply(scale.value(), t);
    }
    return Ops.sum(t, -1);
  }

  /** Keras's config without {@code score_mode}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("score_mode");
    return c;
  }

  public static AdditiveAttention fromConfig(Config c) {
    AdditiveAttention a = new AdditiveAttention(c.getBoolean("use_scale", true));
    return a.readCommon(c, a);
  }
}
