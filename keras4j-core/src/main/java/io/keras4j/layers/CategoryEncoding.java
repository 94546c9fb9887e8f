package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes integer features whose count is known, as Keras's {@code CategoryEncoding(num_tokens,
 * output_mode)}: "multi_hot" (the default; "binary" is read as it) marks the ids present in each
 * sample, "one_hot" encodes each id, "count" counts them (weighted by {@link #call(Tensor,
 * Tensor)}'s {@code countWeights} when given). A rank-1 input is one sample for "multi_hot" and
 * "count" and a batch of ids for "one_hot"; a rank-2 input {@code (batch, n)} gives {@code (batch,
 * numTokens)} ({@code (batch, n, numTokens)} for "one_hot" unless n is 1). Ids must lie in {@code
 * [0, numTokens)}: another id is an error naming it (Keras's backends disagree there). Output
 * float32.
 */
public class CategoryEncoding extends Layer {
  private final int numTokens;
  private String outputMode = "multi_hot";

  public CategoryEncoding(int numTokens) {
    if (numTokens < 1) {
      throw new IllegalArgumentException(
          "Layer CategoryEncoding: `num_tokens` must be >= 1. Received: num_tokens=" + numTokens);
    }
    this.numTokens = numTokens;
  }

  public CategoryEncoding(int numTokens, String outputMode) {
    this(numTokens);
    outputMode(outputMode);
  }

  /** "multi_hot" (default, also "binary"), "one_hot" or "count". */
  public CategoryEncoding outputMode(String outputMode) {
    checkNotBuilt("outputMode");
    String m = "binary".equals(outputMode) ? "multi_hot" : outputMode;
    if (!List.of("count", "one_hot", "multi_hot").contains(m)) {
      throw new IllegalArgumentException(
          "Layer CategoryEncoding: unknown output_mode; expected one of \"multi_hot\", \"one_hot\","
              + " \"count\". Received: output_mode="
              + outputMode);
    }
    this.outputMode = m;
    return this;
  }

  public int numTokens() {
    return numTokens;
  }

  public String outputMode() {
    return outputMode;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return encode(inputs, null);
  }

  /** Keras's {@code layer(inputs, count_weights=...)}: "count" mode weighted per input value. */
  public Tensor call(Tensor inputs, Tensor countWeights) {
    if (!"count".equals(outputMode)) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (CategoryEncoding): `count_weights` is not used when `output_mode` is not"
              + " 'count'. Received: output_mode="
              + outputMode);
    }
    if (!Arrays.equals(countWeights.shape(), inputs.shape())) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (CategoryEncoding): count_weights must have the inputs' shape "
              + Arrays.toString(inputs.shape())
              + ". Received: count_weights.shape="
              + Arrays.toString(countWeights.shape()));
    }
    return encode(inputs, countWeights);
  }

  private Tensor encode(Tensor inputs, Tensor countWeights) {
    return encode(
        inputs, numTokens, outputMode, countWeights, "Layer '" + name() + "' (CategoryEncoding)");
  }

  /**
   * Keras's {@code encode_categorical_inputs} for ids in {@code [0, depth)}: "one_hot", "multi_hot"
   * or "count" (weighted when {@code countWeights} is not null); {@code who} starts the errors.
   */
  static Tensor encode(
      Tensor inputs, int numTokens, String outputMode, Tensor countWeights, String who) {
    Tensor ids = inputs.asInt();
    int rank = ids.shape().length;
    if (rank == 0) {
      ids = Ops.reshape(ids, 1);
      rank = 1;
    }
    if (rank > 2) {
      throw new IllegalArgumentException(
          who
              + ": inputs must be of rank 1 or 2. Received: inputs.shape="
              + Arrays.toString(inputs.shape()));
    }
    long bad = Backend.current().array().firstIndexOutside(ids, 0, numTokens);
    if (bad >= 0) {
      int v = ids.toIntArray()[(int) bad];
      throw new IllegalArgumentException(
          who
              + ": input values must be in the range 0 <= values < num_tokens"
              + " with num_tokens="
              + numTokens
              + ". Received: value "
              + v
              + " at flat index "
              + bad);
    }
    int[] shape = ids.shape();
    if ("one_hot".equals(outputMode)) {
      if (rank == 2 && shape[1] == 1) {
        ids = Ops.reshape(ids, shape[0]);
      }
      return Ops.oneHot(ids, numTokens);
    }
    Tensor oneHot = Ops.oneHot(ids, numTokens);
    int axis = rank - 1;
    if ("multi_hot".equals(outputMode)) {
      return Ops.max(oneHot, axis);
    }
    if (countWeights != null) {
      oneHot = Ops.multiply(oneHot, Ops.expandDims(countWeights.asFloat(), -1));
    }
    return Ops.sum(oneHot, axis);
  }

  @Override
  public int[] computeOutputShape(int[] s) {
    if (s.length == 0) {
      return new int[] {numTokens};
    }
    if ("one_hot".equals(outputMode) && (s[s.length - 1] != 1 || s.length == 1)) {
      int[] out = Arrays.copyOf(s, s.length + 1);
      out[s.length] = numTokens;
      return out;
    }
    int[] out = s.clone();
    out[s.length - 1] = numTokens;
    return out;
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return DType.FLOAT32;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_tokens", numTokens);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    return c;
  }

  public static CategoryEncoding fromConfig(Config c) {
    if (c.getBoolean("sparse", false)) {
      throw new IllegalArgumentException(
          "Layer CategoryEncoding: sparse outputs are not supported by keras4j. Received:"
              + " sparse=true");
    }
    CategoryEncoding l = new CategoryEncoding(c.getInt("num_tokens"));
    l.outputMode(c.getString("output_mode", "multi_hot"));
    return l.applyBaseConfig(c, l);
  }
}
