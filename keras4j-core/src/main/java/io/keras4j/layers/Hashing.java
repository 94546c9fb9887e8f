package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Hashes categorical values into {@code numBins} bins, as Keras's {@code Hashing(num_bins)}: each
 * value is turned into a string (integers in decimal; floats truncated to integers first) and
 * hashed with FarmHash's {@code Fingerprint64}, or, given a {@link #salt(long, long) salt}, with
 * SipHash-2-4 keyed by the salt; the bin is the hash modulo the bin count, so the bins are Keras's
 * (TensorFlow's {@code to_hash_bucket_fast}/{@code _strong}). With a {@code maskValue}, that value
 * goes to bin 0 and the others to {@code 1..numBins-1}.
 *
 * <p>Strings in: a {@link Tensor} holds numbers only, so strings reach the layer through {@link
 * #call(List)} (a batch of values, output {@code (n,)}) and {@link #call(String[][])} (rows of
 * values, output {@code (n, m)}); numeric tensors go through {@code apply} as for any layer. The
 * output is int32 bin indices in "int" mode (Keras gives int64), otherwise float32 encoded as by
 * {@link CategoryEncoding} ("one_hot", "multi_hot", "count").
 */
public class Hashing extends Layer {
  private final int numBins;
  private Object maskValue; // String or Long, as Keras's config writes it
  private long[] salt;
  private String outputMode = "int";

  public Hashing(int numBins) {
    if (numBins < 1) {
      throw new IllegalArgumentException(
          "Layer Hashing: The `num_bins` for `Hashing` cannot be `None` or non-positive values."
              + " Received: num_bins="
              + numBins);
    }
    this.numBins = numBins;
  }

  /** A string value mapped to bin 0 (the others hash into the remaining bins). */
  public Hashing maskValue(String maskValue) {
    checkNotBuilt("maskValue");
    this.maskValue = maskValue;
    return this;
  }

  /** An integer value mapped to bin 0. */
  public Hashing maskValue(long maskValue) {
    checkNotBuilt("maskValue");
    this.maskValue = maskValue;
    return this;
  }

  /** SipHash with the key {@code (salt, salt)}, as Keras's {@code salt=int}. */
  public Hashing salt(long salt) {
    return salt(salt, salt);
  }

  /** SipHash with the key {@code (salt0, salt1)}, as Keras's {@code salt=[a, b]}. */
  public Hashing salt(long salt0, long salt1) {
    checkNotBuilt("salt");
    this.salt = new long[] {salt0, salt1};
    return this;
  }

  /** "int" (default), "one_hot", "multi_hot" or "count". */
  public Hashing outputMode(String outputMode) {
    checkNotBuilt("outputMode");
    if (!List.of("int", "one_hot", "multi_hot", "count").contains(outputMode)) {
      throw new IllegalArgumentException(
          "Layer Hashing: Invalid value for argument `output_mode`. Expected one of [\"int\","
              + " \"one_hot\", \"multi_hot\", \"count\"]. Received: output_mode="
              + outputMode);
    }
    this.outputMode = outputMode;
    return this;
  }

  public int numBins() {
    return numBins;
  }

  public String outputMode() {
    return outputMode;
  }

  /** A batch of string values: bins {@code (n,)} in "int" mode. */
  public Tensor call(List<String> values) {
    int[] bins = new int[values.size()];
    for (int i = 0; i < bins.length; i++) {
      bins[i] = bin(values.get(i));
    }
    return output(Tensor.ofInts(bins, bins.length));
  }

  /** Rows of string values: bins {@code (n, m)} in "int" mode. */
  public Tensor call(String[][] rows) {
    int m = rows.length == 0 ? 0 : rows[0].length;
    int[] bins = new int[rows.length * m];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != m) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (Hashing): rows must have the same length. Received: rows[0].length="
                + m
                + ", rows["
                + i
                + "].length="
                + rows[i].length);
      }
      for (int j = 0; j < m; j++) {
        bins[i * m + j] = bin(rows[i][j]);
      }
    }
    return output(Tensor.ofInts(bins, rows.length, m));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] bins;
    if (inputs.dtype() == DType.INT32) {
      int[] v = inputs.toIntArray();
      bins = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        bins[i] = bin(Integer.toString(v[i]));
      }
    } else {
      float[] v = inputs.toFloatArray();
      bins = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        bins[i] = bin(Long.toString((long) v[i]));
      }
    }
    return output(Tensor.ofInts(bins, inputs.shape()));
  }

  private int bin(String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Layer '" + name() + "' (Hashing): a value is null. Received: value=null");
    }
    boolean masked = maskValue != null && numBins > 1;
    if (masked && value.equals(maskValue.toString())) {
      return 0;
    }
    int bins = masked ? numBins - 1 : numBins;
    int b =
        salt == null
            ? StringHashes.fastBucket(value, bins)
            : StringHashes.strongBucket(value, bins, salt[0], salt[1]);
    return masked ? b + 1 : b;
  }

  private Tensor output(Tensor bins) {
    if ("int".equals(outputMode)) {
      return bins;
    }
    return CategoryEncoding.encode(
        bins, numBins, outputMode, null, "Layer '" + name() + "' (Hashing)");
  }

  @Override
  public int[] computeOutputShape(int[] s) {
    if ("int".equals(outputMode)) {
      return s.clone();
    }
    return new CategoryEncoding(numBins, outputMode).computeOutputShape(s);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return "int".equals(outputMode) ? DType.INT32 : DType.FLOAT32;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_bins", numBins);
    c.put("salt", salt == null ? null : List.of(salt[0], salt[1]));
    c.put("mask_value", maskValue);
    c.put("output_mode", outputMode);
    c.put("sparse", false);
    return c;
  }

  public static Hashing fromConfig(Config c) {
    Hashing h = new Hashing(c.getInt("num_bins"));
    Object salt = c.get("salt");
    if (salt instanceof Number n) {
      h.salt(n.longValue());
    } else if (salt instanceof List<?> l && l.size() == 2) {
      h.salt(((Number) l.get(0)).longValue(), ((Number) l.get(1)).longValue());
    } else if (salt != null) {
      throw new IllegalArgumentException(
          "Layer Hashing: The `salt` argument for `Hashing` can only be a tuple of size 2"
              + " integers, or a single integer. Received: salt="
              + salt);
    }
    Object mask = c.get("mask_value");
    if (mask instanceof Number n) {
      h.maskValue(n.longValue());
    } else if (mask != null) {
      h.maskValue(mask.toString());
    }
    h.outputMode(c.getString("output_mode", "int"));
    if (c.getBoolean("sparse", false)) {
      throw new IllegalArgumentException(
          "Layer Hashing: sparse outputs are not supported by keras4j. Received: sparse=true");
    }
    return h.applyBaseConfig(c, h);
  }
}
