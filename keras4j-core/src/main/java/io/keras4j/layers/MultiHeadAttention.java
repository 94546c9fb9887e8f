package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Multi-head attention as Keras 3's {@code MultiHeadAttention} ("Attention is all you need"):
 * query, key and value are projected to {@code numHeads} heads of {@code keyDim} (values: {@code
 * valueDim}), each head attends with scaled dot products over the attention axes (by default every
 * axis but batch, heads and features), and the heads are projected back to the query's last
 * dimension (or {@link #outputShape}).
 *
 * <p>Weights, in Keras's order and shapes for a rank-3 query {@code (B, T, dim)}: {@code
 * query/kernel (dim, N, keyDim)}, {@code query/bias (N, keyDim)}, {@code key/kernel}, {@code
 * key/bias}, {@code value/kernel (dim_v, N, valueDim)}, {@code value/bias (N, valueDim)}, {@code
 * attention_output/kernel (N, valueDim, dim)}, {@code attention_output/bias (dim)}.
 *
 * <p>Call it on {@code [query, value]} or {@code [query, value, key]}; the inputs' masks act as
 * Keras's query/value/key masks, {@link #attend} takes an explicit {@code attention_mask}. Masked
 * positions get no weight; as in Keras, a fully masked row (a masked query step) gets zero weights
 * on Keras's explicit path (scores returned, or dropout in training) and uniform ones otherwise
 * (Keras's fused {@code dot_product_attention}).
 */
public class MultiHeadAttention extends HeadAttention<MultiHeadAttention> {
  private final int numHeads;
  private final int keyDim;
  private Integer valueDim;
  private int[] outputShape;
  private int[] attentionAxes;
  private int[] resolvedAxes;
  private Variable queryKernel;
  private Variable queryBias;
  private Variable keyKernel;
  private Variable keyBias;
  private Variable valueKernel;
  private Variable valueBias;
  private Variable outputKernel;
  private Variable outputBias;

  public MultiHeadAttention(int numHeads, int keyDim) {
    positive("num_heads", numHeads);
    positive("key_dim", keyDim);
    this.numHeads = numHeads;
    this.keyDim = keyDim;
  }

  private static void positive(String argument, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "Argument `"
              + argument
              + "` of layer MultiHeadAttention must be a positive integer. Received: "
              + argument
              + "="
              + value);
    }
  }

  /** The size of each head of the values (default: {@code keyDim}). */
  public MultiHeadAttention valueDim(int valueDim) {
    checkNotBuilt("valueDim");
    positive("value_dim", valueDim);
    this.valueDim = valueDim;
    return this;
  }

  /** The output's shape besides the batch and sequence axes (default: the query's last axis). */
  public MultiHeadAttention outputShape(int... outputShape) {
    checkNotBuilt("outputShape");
    for (int d : outputShape) {
      positive("output_shape", d);
    }
    this.outputShape = outputShape.length == 0 ? null : outputShape.clone();
    return this;
  }

  /** The axes of the query (batch axis 0) attended over; default: all but batch and features. */
  public MultiHeadAttention attentionAxes(int... attentionAxes) {
    checkNotBuilt("attentionAxes");
    this.attentionAxes = attentionAxes.length == 0 ? null : attentionAxes.clone();
    return this;
  }

  public int numHeads() {
    return numHeads;
  }

  public int keyDim() {
    return keyDim;
  }

  public int valueDim() {
    return valueDim == null ? keyDim : valueDim;
  }

  // ---- shapes -------------------------------------------------------------------------------

  @Override
  void checkShapes(List<int[]> shapes) {
    checkCount(shapes);
    int[] q = shapes.get(0);
    int[] v = shapes.get(1);
    int[] k = shapes.size() > 2 ? shapes.get(2) : v;
    if (q.length < 3) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (MultiHeadAttention): `query` must have rank >= 3 (batch, steps..., features)."
              + " Received: query shape="
              + Shapes.toString(q));
    }
    if (v.length != q.length || k.length != q.length) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (MultiHeadAttention): `query`, `value` and `key` must have the same rank."
              + " Received: query shape="
              + Shapes.toString(q)
              + ", value shape="
              + Shapes.toString(v)
              + ", key shape="
              + Shapes.toString(k));
    }
    if (!Shapes.compatible(
        Arrays.copyOfRange(v, 1, v.length - 1), Arrays.copyOfRange(k, 1, k.length - 1))) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (MultiHeadAttention): All dimensions of `value` and `key`, except the last one,"
              + " must be equal. Received: value_shape="
              + Shapes.toString(v)
              + " and key_shape="
              + Shapes.toString(k));
    }
    int[] axes = resolveAxes(q.length + 1);
    for (int i = 1; i < q.length - 1; i++) {
      if (!contains(axes, i) && q[i] >= 0 && k[i] >= 0 && q[i] != k[i]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (MultiHeadAttention): axis "
                + i
                + " is not an attention axis, so `query` and `key` must match on it. Received:"
                + " query shape="
                + Shapes.toString(q)
                + ", key shape="
                + Shapes.toString(k)
                + ", attention_axes="
                + Arrays.toString(axes));
      }
    }
    for (int[] s : List.of(q, v, k)) {
      if (s[s.length - 1] < 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (MultiHeadAttention) needs known last dimensions. Received: query shape="
                + Shapes.toString(q)
                + ", value shape="
                + Shapes.toString(v)
                + ", key shape="
                + Shapes.toString(k));
      }
    }
  }

  /** Keras's {@code _build_attention}: axes of the projected rank (query rank + 1). */
  private int[] resolveAxes(int rank) {
    if (attentionAxes == null) {
      int[] a = new int[rank - 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = i + 1;
      }
      return a;
    }
    int[] a = new int[attentionAxes.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = attentionAxes[i] >= 0 ? attentionAxes[i] : rank - 1 + attentionAxes[i];
      if (a[i] <= 0 || a[i] >= rank - 2) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (MultiHeadAttention): attention axes must be axes of the query other than"
                + " the batch and feature axes (1 to "
                + (rank - 3)
                + "). Received: attention_axes="
                + Arrays.toString(attentionAxes));
      }
    }
    return a;
  }

  private static boolean contains(int[] a, int x) {
    return Arrays.stream(a).anyMatch(y -> y == x);
  }

  private int[] outShape(int[] queryShape) {
    return outputShape != null ? outputShape : new int[] {queryShape[queryShape.length - 1]};
  }

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] q = inputShapes.get(0);
    int[] v = inputShapes.get(1);
    int[] k = inputShapes.size() > 2 ? inputShapes.get(2) : v;
    int vd = valueDim();
    queryKernel =
        addProjectionWeight("query/kernel", new int[] {q[q.length - 1], numHeads, keyDim}, true);
    queryBias =
        useBias ? addProjectionWeight("query/bias", new int[] {numHeads, keyDim}, false) : null;
    keyKernel =
        addProjectionWeight("key/kernel", new int[] {k[k.length - 1], numHeads, keyDim}, true);
    keyBias = useBias ? addProjectionWeight("key/bias", new int[] {numHeads, keyDim}, false) : null;
    valueKernel =
        addProjectionWeight("value/kernel", new int[] {v[v.length - 1], numHeads, vd}, true);
    valueBias = useBias ? addProjectionWeight("value/bias", new int[] {numHeads, vd}, false) : null;
    int[] out = outShape(q);
    outputKernel =
        addProjectionWeight(
            "attention_output/kernel", Shapes.concat(new int[] {numHeads, vd}, out), true);
    outputBias = useBias ? addProjectionWeight("attention_output/bias", out, false) : null;
    resolvedAxes = resolveAxes(q.length + 1);
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    checkShapes(inputShapes);
    int[] q = inputShapes.get(0);
    List<int[]> out = new ArrayList<>();
    out.add(Shapes.concat(Arrays.copyOfRange(q, 0, q.length - 1), outShape(q)));
    if (returnAttentionScores) {
      int[] k = inputShapes.size() > 2 ? inputShapes.get(2) : inputShapes.get(1);
      int[] axes = resolveAxes(q.length + 1);
      List<Integer> s = new ArrayList<>();
      for (int i = 0; i < q.length; i++) {
        if (i == q.length - 1) {
          s.add(numHeads);
        } else if (!contains(axes, i)) {
          s.add(q[i]);
        }
      }
      for (int a : axes) {
        s.add(q[a]);
      }
      for (int a : axes) {
        s.add(k[a]);
      }
      out.add(s.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  // ---- computing ----------------------------------------------------------------------------

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
    // Keras takes its explicit path (masked weights set to 0) when it must return the scores, drop
    // out in training, or the projected rank is not 4; otherwise its fused dot_product_attention.
    boolean explicit = returnAttentionScores || (training && dropout > 0) || q.rank() != 4;
    AttentionCore.Result r =
        AttentionCore.attend(
            q,
            k,
            v,
            resolvedAxes,
            mask,
            (float) (1.0 / Math.sqrt(keyDim)),
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
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_heads", numHeads);
    c.put("key_dim", keyDim);
    c.put("value_dim", valueDim());
    c.put("dropout", dropout);
    c.put("use_bias", useBias);
    c.put("output_shape", outputShape == null ? null : Config.list(outputShape));
    int[] axes = resolvedAxes != null ? resolvedAxes : attentionAxes;
    c.put("attention_axes", axes == null ? null : Config.list(axes));
    putCommon(c);
    return c;
  }

  public static MultiHeadAttention fromConfig(Config c) {
    MultiHeadAttention m = new MultiHeadAttention(c.getInt("num_heads"), c.getInt("key_dim"));
    if (c.get("value_dim") != null) {
      m.valueDim(c.getInt("value_dim"));
    }
    if (c.get("output_shape") != null) {
      m.outputShape(c.getIntArray("output_shape"));
    }
    if (c.get("attention_axes") != null) {
      m.attentionAxes(c.getIntArray("attention_axes"));
    }
    return m.readCommon(c);
  }
}
