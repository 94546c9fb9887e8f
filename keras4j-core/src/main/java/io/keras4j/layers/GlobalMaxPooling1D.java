package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * The largest value of each channel over the steps, as Keras's {@code GlobalMaxPooling1D}: {@code
 * (batch, steps, channels) -> (batch, channels)}.
 */
public class GlobalMaxPooling1D extends BaseGlobalPooling<GlobalMaxPooling1D> {

  public GlobalMaxPooling1D() {
    super(1, true);
  }

  public static GlobalMaxPooling1D fromConfig(Config c) {
    return readConfig(c, new GlobalMaxPooling1D());
  }
}
