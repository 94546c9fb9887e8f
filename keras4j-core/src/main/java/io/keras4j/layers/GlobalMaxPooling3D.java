package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * The largest value of each channel over the three spatial axes, as Keras's {@code
 * GlobalMaxPooling3D}.
 */
public class GlobalMaxPooling3D extends BaseGlobalPooling<GlobalMaxPooling3D> {

  public GlobalMaxPooling3D() {
    super(3, true);
  }

  public static GlobalMaxPooling3D fromConfig(Config c) {
    return readConfig(c, new GlobalMaxPooling3D());
  }
}
