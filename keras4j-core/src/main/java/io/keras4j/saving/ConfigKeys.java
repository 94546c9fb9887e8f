package io.keras4j.saving;

import io.keras4j.internal.Suggest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The check that a layer's {@code fromConfig} read every key of its config, as Keras's {@code
 * cls(**config)} rejects an argument the constructor does not take: a misspelt key ({@code
 * "kernal_initializer"}) or an option keras4j does not support is an error naming the layer and the
 * key, never a silent default.
 *
 * <p>{@link #IGNORED} is the one list of keys Keras writes that keras4j reads past on purpose, each
 * with the reason and the values for which ignoring it changes nothing; any other value of such a
 * key is refused as unsupported.
 */
final class ConfigKeys {
  /** A key read past on purpose: why, and the values for which that is harmless. */
  record Ignored(String why, Predicate<Object> harmless) {}

  private static final Predicate<Object> ANY = v -> true;
  private static final Predicate<Object> NULL_OR_FALSE = v -> v == null || Boolean.FALSE.equals(v);

  static final Map<String, Ignored> IGNORED =
      Map.of(
          // Keras 2's Embedding wrote the sequence length it was built for; Keras 3 drops the
          // argument too (with a warning): the input shape carries the length.
          "input_length",
          new Ignored("Keras 2's sequence length, which Keras 3 drops too", ANY),
          // Keras 3's InputLayer writes sparse=False; keras4j tensors are dense, so only a
          // sparse input would need support.
          "sparse",
          new Ignored("keras4j tensors are dense", NULL_OR_FALSE),
          // Keras 3's InputLayer writes ragged=False; keras4j has no ragged tensors.
          "ragged",
          new Ignored("keras4j has no ragged tensors", NULL_OR_FALSE),
          // Keras 3's InputLayer writes optional=False; keras4j inputs are always given.
          "optional",
          new Ignored("keras4j has no optional inputs", NULL_OR_FALSE),
          // Recent Keras 3 Dense and Embedding write quantization_config=None; keras4j does not
          // quantize, so only a real quantization config would need support.
          "quantization_config",
          new Ignored("keras4j does not quantize layers", v -> v == null),
          // Keras 2's SpatialDropout layers inherit Dropout's noise_shape=None (tf.keras files);
          // they draw one mask value per channel whatever it says, so only null is harmless.
          "noise_shape",
          new Ignored("spatial dropout draws its own noise shape", v -> v == null));

  private ConfigKeys() {}

  /**
   * Throws when the config holds a key nobody asked for (other than an ignored key with a harmless
   * value), in the form {@code Dense 'dense_3': unknown config key 'kernal_initializer'. Did you
   * mean 'kernel_initializer'? Known keys: [...]}.
   *
   * @param className the class name the config was read for
   * @param layerName the layer's name, for the message
   */
  static void checkAllRead(String className, String layerName, Config config) {
    List<String> unread = config.unaskedKeys();
    for (String key : unread) {
      Object value = config.asMap().get(key);
      Ignored ignored = IGNORED.get(key);
      if (ignored != null && ignored.harmless().test(value)) {
        continue;
      }
      String who = className + " '" + layerName + "'";
      if (ignored != null) {
        throw new IllegalArgumentException(
            who
                + ": config key '"
                + key
                + "' is not supported ("
                + ignored.why()
                + "). Received: "
                + key
                + "="
                + value);
      }
      TreeSet<String> known = new TreeSet<>(config.askedKeys());
      throw new IllegalArgumentException(
          who
              + ": unknown config key '"
              + key
              + "'."
              + Suggest.didYouMean(key, known)
              + " Known keys: "
              + known
              + ". Received: "
              + key
              + "="
              + value);
    }
  }
}
