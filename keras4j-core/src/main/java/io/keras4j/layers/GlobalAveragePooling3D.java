package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * The mean of each channel over the three spatial axes, as Keras's {@code GlobalAveragePooling3D}.
 */
public class GlobalAveragePooling3D extends BaseGlobalPooling<GlobalAveragePooling3D> {

  public GlobalAveragePooling3D() {
    super(3, false);
  }

  public static GlobalAveragePooling3D fromConfig(Config c) {
    return readConfig(c, new GlobalAveragePooling3D());
  }
}
