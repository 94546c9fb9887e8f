package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the config keys of Keras's IndexLookup into a {@link StringLookup} or {@link
 * IntegerLookup}.
 */
final class IndexLookupConfigs {
  private IndexLookupConfigs() {}

  /** Reads the keys {@link #lookupConfig} writes (tokens through {@code token}). */
  static <K extends Comparable<K>, L extends IndexLookup<K, L>> L read(
      Config c, L l, Function<Object, K> token) {
    if (c.get("max_tokens") != null) {
      l.maxTokens(c.getInt("max_tokens"));
    }
    l.numOovIndices(c.getInt("num_oov_indices", 1));
    if (c.has("oov_token")) {
      l.oovToken(c.get("oov_token") == null ? null : token.apply(c.get("oov_token")));
    }
    if (c.get("mask_token") != null) {
      l.maskToken(token.apply(c.get("mask_token")));
    }
    l.outputMode(c.getString("output_mode", "int"));
    l.padToMaxTokens(c.getBoolean("pad_to_max_tokens", false));
    l.invert(c.getBoolean("invert", false));
    if (c.getBoolean("sparse", false)) {
      throw new IllegalArgumentException(
          "Layer "
              + l.getClass().getSimpleName()
              + ": sparse outputs are not supported by"
              + " keras4j. Received: sparse=true");
    }
    c.get("vocabulary_dtype");
    c.get("vocabulary_size");
    l.oovMethod(c.getString("oov_method", "floormod"));
    Object salt = c.get("salt");
    if (salt instanceof Number n) {
      l.salt(n.longValue(), n.longValue());
    } else if (salt instanceof List<?> s && s.size() == 2) {
      l.salt(((Number) s.get(0)).longValue(), ((Number) s.get(1)).longValue());
    }
    Object vocab = c.get("vocabulary");
    Object idfw = c.get("idf_weights");
    if (vocab instanceof List<?> v) {
      List<K> toks = new ArrayList<>();
      for (Object o : v) {
        toks.add(token.apply(o));
      }
      if (idfw instanceof List<?> w) {
        float[] f = new float[w.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = ((Number) w.get(i)).floatValue();
        }
        l.vocabulary(toks, f);
      } else {
        l.vocabulary(toks);
      }
    }
    return l;
  }

  /** float values as the doubles a JSON config holds, or null. */
  static List<Object> doubles(float[] values) {
    if (values == null) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (float f : values) {
      out.add((double) f);
    }
    return out;
  }

  /** The option pairs Keras refuses together, as it words them. */
  static void checkModes(
      String who, boolean invert, String outputMode, boolean padToMaxTokens, Integer maxTokens) {
    if (invert && !"int".equals(outputMode)) {
      throw new IllegalArgumentException(
          who
              + ": `output_mode` must be `'int'` when `invert` is true. Received: output_mode="
              + outputMode);
    }
    if (padToMaxTokens && maxTokens == null) {
      throw new IllegalArgumentException(
          who
              + ": If pad_to_max_tokens is True, must set `max_tokens`. Received:"
              + " max_tokens=None");
    }
  }
}
