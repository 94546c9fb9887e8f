package io.keras4j.layers;

import java.util.Map;

/**
 * A layer whose state lives outside its weights, in files: Keras's {@code save_assets} and {@code
 * load_assets}. A {@code .keras} file keeps them under {@code assets/<the layer's path>/} (the path
 * of its weights group, e.g. {@code assets/layers/string_lookup/vocabulary.txt}); the lookup layers
 * keep a learned vocabulary there.
 */
public interface HasAssets {
  /**
   * The files to save, by path relative to the layer's assets directory (a {@code /} names a
   * subdirectory); empty when the config already holds everything.
   */
  Map<String, byte[]> saveAssets();

  /**
   * Restores the state from the files saved by {@link #saveAssets} (by the same relative paths),
   * after the weights are loaded. Absent files leave the layer as its config made it.
   */
  void loadAssets(Map<String, byte[]> files);
}
