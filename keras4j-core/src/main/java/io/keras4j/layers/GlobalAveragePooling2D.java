package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * The mean of each channel over height and width, as Keras's {@code GlobalAveragePooling2D}: {@code
 * (batch, h, w, channels) -> (batch, channels)}.
 */
public class GlobalAveragePooling2D extends BaseGlobalPooling<GlobalAveragePooling2D> {

  public GlobalAveragePooling2D() {
    super(2, false);
  }

  public static GlobalAveragePooling2D fromConfig(Config c) {
    return readConfig(c, new GlobalAveragePooling2D());
  }
}
