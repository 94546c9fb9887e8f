package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dot-product attention (Luong style), as Keras's {@code Attention}: called on {@code [query,
 * value]} or {@code [query, value, key]} of shapes {@code (batch, Tq, dim)}, {@code (batch, Tv,
 * vdim)}, {@code (batch, Tv, dim)} (the key is the value when not given). The scores {@code (batch,
 * Tq, Tv)} are {@code query . key} ({@code scoreMode "dot"}, times the scalar weight {@code scale}
 * with {@link #useScale}) or {@code concat_score_weight * sum(tanh(scale * (query + key)))} ({@code
 * "concat"}); their softmax over Tv weights the value rows: the output is {@code (batch, Tq,
 * vdim)}.
 *
 * <p>Masks are {@code [query_mask, value_mask]}: masked value steps get no weight, masked query
 * steps give zeros, and the query mask passes on. {@link #useCausalMask} stops step i attending to
 * steps after i; {@link #returnAttentionScores} adds the weights as a second output. Both are call
 * arguments in Keras (not in its config); keras4j writes them to the config only when set.
 *
 * <p>Rank-2 inputs {@code (batch, dim)} are accepted as tf.keras 2 accepted them (models saved by
 * Keras 2 use them): each query row then attends over the rows of the key, that is over the samples
 * of the batch, and the output is {@code (batch, vdim)}. Keras 3 refuses such inputs.
 */
public class Attention extends Layer {
  private final boolean useScale;
  private final String scoreMode;
  private double dropout;
  private Long seed;
  private SeedGenerator seedGenerator = new SeedGenerator();
  private boolean returnAttentionScores;
  private boolean useCausalMask;
  protected Variable scale;
  private Variable concatScoreWeight;

  public Attention() {
    this(false, "dot");
  }

  public Attention(boolean useScale) {
    this(useScale, "dot");
  }

  public Attention(boolean useScale, String scoreMode) {
    if (!"dot".equals(scoreMode) && !"concat".equals(scoreMode)) {
      throw new IllegalArgumentException(
          "Invalid value for argument score_mode of layer "
              + getClass().getSimpleName()
              + ". Expected one of {'dot', 'concat'}. Received: score_mode="
              + scoreMode);
    }
    this.useScale = useScale;
    this.scoreMode = scoreMode;
    this.supportsMasking = true;
  }

  /** The fraction of the attention weights dropped in training, in [0, 1]. */
  public Attention dropout(double dropout) {
    checkNotBuilt("dropout");
    this.dropout = RandomLayer.unitInterval(getClass().getSimpleName(), "dropout", dropout);
    return this;
  }

  /** A fixed seed for the dropout. */
  public Attention seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return this;
  }

  /** Also return the attention weights {@code (batch, Tq, Tv)} as a second output. */
  public Attention returnAttentionScores(boolean returnAttentionScores) {
    checkNotBuilt("returnAttentionScores");
    this.returnAttentionScores = returnAttentionScores;
    return this;
  }

  /** Whether query step i may only attend to value steps j <= i (decoder self-attention). */
  public Attention useCausalMask(boolean useCausalMask) {
    checkNotBuilt("useCausalMask");
    this.useCausalMask = useCausalMask;
    return this;
  }

  public boolean useScale() {
    return useScale;
  }

  public String scoreMode() {
    return scoreMode;
  }

  public double dropout() {
    return dropout;
  }

  /** The kind of scores, for messages. */
  String scoreName() {
    return scoreMode;
  }

  // ---- shapes ------------------------------------------------------------------------------

  /**
   * Checks a list of 2 or 3 inputs, all of rank 3 (or all of rank 2, as tf.keras 2), whose last
   * dimensions can be attended.
   */
  void checkShapes(List<int[]> shapes) {
    String cls = getClass().getSimpleName();
    if (shapes.size() < 2 || shapes.size() > 3) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + cls
              + ") accepts inputs list of length 2 or 3, namely [query, value] or [query, value,"
              + " key]. Received length: "
              + shapes.size());
    }
    String[] names = {"query", "value", "key"};
    int rank = shapes.get(0).length == 2 ? 2 : 3;
    for (int i = 0; i < shapes.size(); i++) {
      if (shapes.get(i).length != rank) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + cls
                + "): `"
                + names[i]
                + "` must have rank "
                + (rank == 3 ? "3 (batch, steps, features)" : "2 (batch, features), as `query` has")
                + ". Received: "
                + names[i]
                + " shape="
                + AttentionMasks.str(shapes.get(i)));
      }
    }
    if (rank == 2 && useCausalMask) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + cls
              + "): a causal mask needs inputs of rank 3 (batch, steps, features). Received:"
              + " query shape="
              + AttentionMasks.str(shapes.get(0)));
    }
    int[] q = shapes.get(0);
    int[] v = shapes.get(1);
    int[] k = shapes.size() > 2 ? shapes.get(2) : v;
    String kName = shapes.size() > 2 ? "key" : "value (used as key)";
    int f = rank - 1;
    if (q[f] >= 0 && k[f] >= 0 && q[f] != k[f]) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + cls
              + "): the last dimension of `query` ("
              + q[f]
              + ") must equal the last dimension of the "
              + kName
              + " ("
              + k[f]
              + ") to compute "
              + scoreName()
              + " attention scores. Received: query shape="
              + AttentionMasks.str(q)
              + ", "
              + (shapes.size() > 2 ? "key" : "value")
              + " shape="
              + AttentionMasks.str(k));
    }
    if (rank == 2) {
      if (shapes.size() > 2 && v[0] >= 0 && k[0] >= 0 && v[0] != k[0]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + cls
                + "): `value` and `key` must have the same number of rows. Received: value shape="
                + AttentionMasks.str(v)
                + ", key shape="
                + AttentionMasks.str(k));
      }
      return;
    }
    if (shapes.size() > 2 && v[1] >= 0 && k[1] >= 0 && v[1] != k[1]) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + cls
              + "): `value` and `key` must have the same number of steps. Received: value shape="
              + AttentionMasks.str(v)
              + ", key shape="
              + AttentionMasks.str(k));
    }
    for (int[] s : shapes) {
      if (q[0] >= 0 && s[0] >= 0 && s[0] != q[0]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + cls
                + "): the inputs must have the same batch size. Received shapes "
                + io.keras4j.Shapes.toString(shapes));
      }
    }
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    if (useScale) {
      scale = addWeight("scale", new int[0], Initializers.get("ones"));
    }
    if ("concat".equals(scoreMode)) {
      concatScoreWeight = addWeight("concat_score_weight", new int[0], Initializers.get("ones"));
    }
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] q = inputShapes.get(0);
    int[] v = inputShapes.get(1);
    List<int[]> out = new ArrayList<>();
    if (q.length == 2) {
      out.add(new int[] {q[0], v[1]});
      if (returnAttentionScores) {
        out.add(new int[] {q[0], v[0]});
      }
      return out;
    }
    out.add(new int[] {q[0], q[1], v[2]});
    if (returnAttentionScores) {
      out.add(new int[] {q[0], q[1], v[1]});
    }
    return out;
  }

  // ---- computing ---------------------------------------------------------------------------

  /** The scores {@code (batch, Tq, Tv)} of query and key. */
  protected Tensor scores(Tensor query, Tensor key) {
    if ("dot".equals(scoreMode)) {
      Tensor s = Ops.matmul(query, key, false, true);
      return scale == null ? s : Ops.multiply(s, scale.value());
    }
    Tensor sum = Ops.add(Ops.expandDims(query, -2), Ops.expandDims(key, -3));
    if (scale != null) {
      sum = Ops.multiply(scale.value(), sum);
    }
    return Ops.multiply(concatScoreWeight.value(), Ops.sum(Ops.tanh(sum), -1));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    checkShapes(shapes);
    Tensor q = inputs.get(0);
    Tensor v = inputs.get(1);
    Tensor k = inputs.size() > 2 ? inputs.get(2) : v;
    List<Tensor> masks = ctx.masks();
    Tensor qMask = masks.size() > 0 ? masks.get(0) : null;
    Tensor vMask = masks.size() > 1 ? masks.get(1) : null;
    Tensor scores = scores(q, k);
    Tensor scoresMask = null;
    if (useCausalMask) {
      int[] s = ShapeRefs.of(scores);
      scoresMask = AttentionMasks.causal(s[1], s[2]);
      if (vMask != null) {
        scoresMask = Ops.logicalAnd(Ops.expandDims(vMask, -2), scoresMask);
      }
    } else if (vMask != null) {
      scoresMask = Ops.expandDims(vMask, -2);
    }
    if (scoresMask != null) {
      // As Keras: scores -= 1e9 * padding_mask.
      Tensor padding = Ops.equal(scoresMask, Tensor.scalar(0f));
      scores = Ops.subtract(scores, Ops.multiply(padding, -AttentionMasks.LARGE_NEGATIVE));
    }
    Tensor weights = Ops.softmax(scores, -1);
    Tensor dropped = weights;
    if (ctx.training() && dropout > 0) {
      dropped =
          dropout >= 1
              ? Ops.multiply(weights, 0f)
              : Ops.multiply(
                  weights,
                  Noise.dropoutMask(ShapeRefs.of(weights), 1 - dropout, seedGenerator.next()));
    }
    Tensor result = Ops.matmul(dropped, v);
    if (qMask != null) {
      result = Ops.multiply(result, Ops.notEqual(Ops.expandDims(qMask, -1), Tensor.scalar(0f)));
    }
    List<Tensor> out = new ArrayList<>();
    out.add(result);
    if (returnAttentionScores) {
      out.add(weights);
    }
    return out;
  }

  /** The query mask passes on (none for the scores). */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(masks.isEmpty() ? null : masks.get(0));
    if (returnAttentionScores) {
      out.add(null);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("use_scale", useScale);
    c.put("score_mode", scoreMode);
    c.put("dropout", dropout);
    putCallOptions(c);
    return c;
  }

  /** The seed (when set) and the call options when set, which Keras passes at call time. */
  void putCallOptions(Map<String, Object> c) {
    if (seed != null) {
      c.put("seed", seed);
    }
    if (returnAttentionScores) {
      c.put("return_attention_scores", true);
    }
    if (useCausalMask) {
      c.put("use_causal_mask", true);
    }
  }

  /** Reads dropout, seed, the call options and the base config. */
  <L extends Attention> L readCommon(Config c, L layer) {
    layer.dropout(c.getDouble("dropout", 0.0));
    Long s = c.getLong("seed");
    if (s != null) {
      layer.seed(s);
    }
    layer.returnAttentionScores(c.getBoolean("return_attention_scores", false));
    layer.useCausalMask(c.getBoolean("use_causal_mask", false));
    return layer.applyBaseConfig(c, layer);
  }

  public static Attention fromConfig(Config c) {
    Attention a = new Attention(c.getBoolean("use_scale", false), c.getString("score_mode", "dot"));
    return a.readCommon(c, a);
  }
}
