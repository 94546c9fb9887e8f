package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.saving.Config;

/** Keras's LSTM: an {@link RNN} over an {@link LSTMCell} of {@code units} (gates i, f, c, o). */
public class LSTM extends RecurrentLayer<LSTM, LSTMCell> {
  public LSTM(int units) {
    super(new LSTMCell(units));
  }

  public LSTM recurrentActivation(String name) {
    cellLayer().recurrentActivation(name);
    return this;
  }

  public LSTM recurrentActivation(ActivationFunction f) {
    cellLayer().recurrentActivation(f);
    return this;
  }

  public LSTM unitForgetBias(boolean v) {
    cellLayer().unitForgetBias(v);
    return this;
  }

  public static LSTM fromConfig(Config c) {
    LSTM l = new LSTM(c.getInt("units"));
    l.cellLayer().readLstmOptions(c);
    return readLayer(c, l);
  }
}
