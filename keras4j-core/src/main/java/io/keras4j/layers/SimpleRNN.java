package io.keras4j.layers;

import io.keras4j.saving.Config;

/** Keras's SimpleRNN: an {@link RNN} over a {@link SimpleRNNCell} of {@code units}. */
public class SimpleRNN extends RecurrentLayer<SimpleRNN, SimpleRNNCell> {
  public SimpleRNN(int units) {
    super(new SimpleRNNCell(units));
  }

  public static SimpleRNN fromConfig(Config c) {
    SimpleRNN l = new SimpleRNN(c.getInt("units"));
    l.cellLayer().readCellOptions(c);
    return readLayer(c, l);
  }
}
