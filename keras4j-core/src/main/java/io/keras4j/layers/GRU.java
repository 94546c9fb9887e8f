package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.saving.Config;

/**
 * Keras's GRU: an {@link RNN} over a {@link GRUCell} of {@code units} (gates z, r, h; {@code
 * resetAfter} true by default, as Keras 3).
 */
public class GRU extends RecurrentLayer<GRU, GRUCell> {
  public GRU(int units) {
    super(new GRUCell(units));
  }

  public GRU recurrentActivation(String name) {
    cellLayer().recurrentActivation(name);
    return this;
  }

  public GRU recurrentActivation(ActivationFunction f) {
    cellLayer().recurrentActivation(f);
    return this;
  }

  public GRU resetAfter(boolean v) {
    cellLayer().resetAfter(v);
    return this;
  }

  public static GRU fromConfig(Config c) {
    GRU l = new GRU(c.getInt("units"));
    l.cellLayer().readGruOptions(c);
    return readLayer(c, l);
  }
}
