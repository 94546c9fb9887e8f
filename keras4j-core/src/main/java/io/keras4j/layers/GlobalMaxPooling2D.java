package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * The largest value of each channel over height and width, as Keras's {@code GlobalMaxPooling2D}:
 * {@code (batch, h, w, channels) -> (batch, channels)}.
 */
public class GlobalMaxPooling2D extends BaseGlobalPooling<GlobalMaxPooling2D> {

  public GlobalMaxPooling2D() {
    super(2, true);
  }

  public static GlobalMaxPooling2D fromConfig(Config c) {
    return readConfig(c, new GlobalMaxPooling2D());
  }
}
