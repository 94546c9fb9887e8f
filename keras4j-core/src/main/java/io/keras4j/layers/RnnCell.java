package io.keras4j.layers;

import io.keras4j.Tensor;
import java.util.List;

/**
 * One step of a recurrent layer, as Keras's RNN cell: the {@link RNN} layer runs it over the time
 * axis. A user-written cell implements this interface; when it is also a {@link Layer} the RNN
 * tracks it and builds it with the shape {@code [batch, features]} of one step, so that it creates
 * its weights in {@code onBuild} as any layer.
 *
 * <p>The RNN calls {@link #prepare} once per sequence (a cell may compute the input projection of
 * every step there, as one product), then {@link #step} once per time step, then {@link #finish}.
 */
public interface RnnCell {
  /** The size of each state, e.g. {@code [units, units]} for LSTM's h and c. */
  int[] stateSize();

  /** The size of the output of a step. */
  int outputSize();

  /**
   * Called once per sequence with the whole input {@code [batch, time, features]}; returns the
   * tensor {@code [batch, time, d]} whose time slices {@link #step} gets. By default the input.
   */
  default Tensor prepare(Tensor sequence, boolean training) {
    return sequence;
  }

  /**
   * One time step: the prepared input of the step ({@code [batch, d]}) and the states ({@code
   * [batch, stateSize[i]]} each); returns the step's output followed by the new states.
   */
  List<Tensor> step(Tensor input, List<Tensor> states, boolean training);

  /** Called after the last step, to drop what {@link #prepare} kept for the sequence. */
  default void finish() {}
}
