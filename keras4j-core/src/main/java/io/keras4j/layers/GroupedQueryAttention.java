package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grouped-query attention as Keras 3's {@code GroupedQueryAttention}: {@code numQueryHeads} query
 * heads share {@code numKeyValueHeads} key and value heads (each repeated {@code numQueryHeads /
 * numKeyValueHeads} times), all of size {@code headDim}; inputs {@code (B, T, dim)}, {@code (B, S,
 * dim)}, output {@code (B, T, dim)}. Weights in Keras's order: {@code query/kernel (dim, Nq, H)},
 * {@code query/bias (Nq, H)}, {@code key/kernel (dim, Nkv, H)}, {@code key/bias (Nkv, H)}, {@code
 * value/kernel}, {@code value/bias}, {@code attention_output/kernel (Nq, H, dim)}, {@code
 * attention_output/bias (dim)}. Masks, {@link #attend} and the options are those of {@link
 * MultiHeadAttention}; as in Keras the activity penalty goes to the projections and the outputs.
 */
public class GroupedQueryAttention extends HeadAttention<GroupedQueryAttention> {
  private final int headDim;
  private final int numQueryHeads;
  private final int numKeyValueHeads;
  private Variable queryKernel;
  private Variable queryBias;
  private Variable keyKernel;
  private Variable keyBias;
  private Variable valueKernel;
  private Variable valueBias;
  private Variable outputKernel;
  private Variable outputBias;

  public GroupedQueryAttention(int headDim, int numQueryHeads, int numKeyValueHeads) {
    positive("head_dim", headDim);
    positive("num_query_heads", numQueryHeads);
    positive("num_key_value_heads", numKeyValueHeads);
    if (numQueryHeads % numKeyValueHeads != 0) {
      throw new IllegalArgumentException(
          "Layer GroupedQueryAttention: `num_query_heads` must be divisible by"
              + " `num_key_value_heads`. Received: num_query_heads="
              + numQueryHeads
              + ", num_key_value_heads="
              + numKeyValueHeads);
    }
    this.headDim = headDim;
    this.numQueryHeads = numQueryHeads;
    this.numKeyValueHeads = numKeyValueHeads;
  }

  private static void positive(String argument, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "Argument `"
              + argument
              + "` of layer GroupedQueryAttention must be a positive integer. Received: "
              + argument
              + "="
              + value);
    }
  }

  public int headDim() {
    return headDim;
  }

  public int numQueryHeads() {
    return numQueryHeads;
  }

  public int numKeyValueHeads() {
    return numKeyValueHeads;
  }

  @Override
  void checkShapes(List<int[]> shapes) {
    checkCount(shapes);
    int[] q = shapes.get(0);
    int[] v = shapes.get(1);
    int[] k = shapes.size() > 2 ? shapes.get(2) : v;
    for (int[] s : List.of(q, v, k)) {
      if (s.length != 3 || s[2] < 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (GroupedQueryAttention): `query`, `value` and `key` must have rank 3 (batch,"
                + " steps, features) with a known last dimension. Received: query shape="
                + Shapes.toString(q)
                + ", value shape="
                + Shapes.toString(v)
                + ", key shape="
                + Shapes.toString(k));
      }
    }
    if (q[2] != v[2]) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupedQueryAttention): The last dimension of `query_shape` and `value_shape`"
              + " must be equal, but are "
              + q[2]
              + ", "
              + v[2]
              + ". Received: query_shape="
              + Shapes.toString(q)
              + ", value_shape="
              + Shapes.toString(v));
    }
    if (v[1] >= 0 && k[1] >= 0 && v[1] != k[1]) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (GroupedQueryAttention): All dimensions of `value` and `key`, except the last"
              + " one, must be equal. Received: value_shape="
              + Shapes.toString(v)
              + " and key_shape="
              + Shapes.toString(k));
    }
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int dim = inputShapes.get(0)[2];
    int vDim = inputShapes.get(1)[2];
    int kDim = inputShapes.size() > 2 ? inputShapes.get(2)[2] : vDim;
    queryKernel =
        addProjectionWeight("query/kernel", new int[] {dim, numQueryHeads, headDim}, true);
    queryBias =
        useBias
            ? addProjectionWeight("query/bias", new int[] {numQueryHeads, headDim}, false)
            : null;
    keyKernel =
        addProjectionWeight("key/kernel", new int[] {kDim, numKeyValueHeads, headDim}, true);
    keyBias =
        useBias
            ? addProjectionWeight("key/bias", new int[] {numKeyValueHeads, headDim}, false)
            : null;
    valueKernel =
        addProjectionWeight("value/kernel", new int[] {vDim, numKeyValueHeads, headDim}, true);
    valueBias =
        useBias
            ? addProjectionWeight("value/bias", new int[] {numKeyValueHeads, headDim}, false)
            : null;
    outputKernel =
        addProjectionWeight(
            "attention_output/kernel", new int[] {numQueryHeads, headDim, dim}, true);
    outputBias =
        useBias ? addProjectionWeight("attention_output/bias", new int[] {dim}, false) : null;
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] q = inputShapes.get(0);
    int[] k = inputShapes.size() > 2 ? inputShapes.get(2) : inputShapes.get(1);
    List<int[]> out = new ArrayList<>();
    out.add(q.clone());
    if (returnAttentionScores) {
      out.add(new int[] {q[0], numQueryHeads, q[1], k[1]});
    }
    return out;
  }

  @Override
  List<Tensor> compute(
      List<Tensor> inputs, List<Tensor> masks, Tensor attentionMask, boolean training) {
    List<int[]> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
    }
    checkShapes(shapes);
    Tensor query = inputs.get(0);
    Tensor value = inputs.get(1);
    Tensor key = inputs.size() > 2 ? inputs.get(2) : value;
    Tensor mask = attentionMask(masks, attentionMask, shapes.get(0)[1], shapes.get(1)[1]);
    Tensor q = project(query, queryKernel, queryBias, 1);
    Tensor k = project(key, keyKernel, keyBias, 1);
    Tensor v = project(value, valueKernel, valueBias, 1);
    int repeats = numQueryHeads / numKeyValueHeads;
    if (repeats > 1) {
      k = Ops.repeat(k, repeats, 2);
      v = Ops.repeat(v, repeats, 2);
    }
    // Keras's explicit path (masked weights set to 0) whenever dropout > 0 or scores are returned.
    boolean explicit = returnAttentionScores || dropout > 0;
    AttentionCore.Result r =
        AttentionCore.attend(
            q,
            k,
            v,
            new int[] {1},
            mask,
            (float) (1.0 / Math.sqrt(headDim)),
            explicit,
            dropout,
            training,
            seedGenerator);
    Tensor output = project(r.output(), outputKernel, outputBias, 2);
    List<Tensor> out = new ArrayList<>();
    out.add(output);
    if (returnAttentionScores) {
      out.add(r.scores());
    }
    if (projectionActivity != null) {
      for (Tensor o : out) {
        addLoss(AttentionCore.penalty(projectionActivity, o));
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("head_dim", headDim);
    c.put("num_query_heads", numQueryHeads);
    c.put("num_key_value_heads", numKeyValueHeads);
    c.put("use_bias", useBias);
    c.put("dropout", dropout);
    putCommon(c);
    return c;
  }

  public static GroupedQueryAttention fromConfig(Config c) {
    GroupedQueryAttention g =
        new GroupedQueryAttention(
            c.getInt("head_dim"), c.getInt("num_query_heads"), c.getInt("num_key_value_heads"));
    return g.readCommon(c);
  }
}
