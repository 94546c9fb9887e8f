package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps integer tokens to contiguous indices through a vocabulary, as Keras's {@code IntegerLookup}
 * (see {@link IndexLookup}): OOV token -1 by default, no mask token; several OOV indices are picked
 * by {@code floorMod(token, numOovIndices)} (or FarmHash of the decimal text with {@code
 * oovMethod("farmhash")}). Inputs are int32 tensors (floats are truncated); {@link #adapt(Tensor)}
 * learns from one (each row a document, a rank-1 tensor one token per sample).
 */
public class IntegerLookup extends IndexLookup<Long, IntegerLookup> {
  public IntegerLookup() {
    super(-1L);
  }

  /** Learns the vocabulary from the values of {@code data}. */
  public void adapt(Tensor data) {
    int[] v = data.asInt().toIntArray();
    int[] shape = data.shape();
    int row = shape.length <= 1 ? 1 : v.length / Math.max(1, shape[0]);
    List<List<Long>> docs = new ArrayList<>();
    for (int i = 0; i + row <= v.length && row > 0; i += row) {
      List<Long> d = new ArrayList<>();
      for (int j = i; j < i + row; j++) {
        d.add((long) v[j]);
      }
      docs.add(d);
    }
    adaptTokens(docs);
  }

  /** A fixed vocabulary of ints. */
  public IntegerLookup vocabulary(int... vocabulary) {
    List<Long> v = new ArrayList<>();
    for (int t : vocabulary) {
      v.add((long) t);
    }
    return vocabulary(v);
  }

  /** The mask token as an int. */
  public IntegerLookup maskToken(int maskToken) {
    return maskToken((long) maskToken);
  }

  /** The OOV token as an int. */
  public IntegerLookup oovToken(int oovToken) {
    return oovToken((long) oovToken);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    requireVocabulary();
    int[] v = inputs.asInt().toIntArray();
    int[] ids = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      ids[i] = inverted() ? Math.toIntExact(token(v[i])) : lookup((long) v[i]);
    }
    return output(ids, inputs.shape());
  }

  @Override
  protected Long tokenFromText(String text) {
    return Long.parseLong(text.strip());
  }

  @Override
  protected int compareTokens(Long a, Long b) {
    return Long.compare(a, b);
  }

  @Override
  protected int oovIndex(Long token, int numOov, long[] salt) {
    if (!"farmhash".equals(oovMethod())) {
      return (int) Math.floorMod(token, (long) numOov);
    }
    String text = Long.toString(token);
    return salt == null
        ? StringHashes.fastBucket(text, numOov)
        : StringHashes.strongBucket(text, numOov, salt[0], salt[1]);
  }

  @Override
  public Map<String, Object> getConfig() {
    return lookupConfig("int64");
  }

  public static IntegerLookup fromConfig(Config c) {
    String dt = c.getString("vocabulary_dtype", "int64");
    if (!"int64".equals(dt)) {
      throw new IllegalArgumentException(
          "Layer IntegerLookup: Only `vocabulary_dtype='int64'` is supported at this time."
              + " Received: vocabulary_dtype="
              + dt);
    }
    IntegerLookup l =
        IndexLookupConfigs.read(c, new IntegerLookup(), o -> ((Number) o).longValue());
    return l.applyBaseConfig(c, l);
  }
}
