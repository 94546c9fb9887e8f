package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;

/** Keras's SimpleRNNCell: {@code h = activation(x @ kernel + bias + h_prev @ recurrent_kernel)}. */
public class SimpleRNNCell extends RecurrentCell<SimpleRNNCell> {
  public SimpleRNNCell(int units) {
    super("SimpleRNNCell", units, 1);
  }

  @Override
  public int[] stateSize() {
    return new int[] {units};
  }

  @Override
  public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
    Tensor h = dropRecurrent(states.get(0));
    Tensor out = activation.apply(Ops.add(input, Ops.matmul(h, recurrentKernel.value())));
    return List.of(out, out);
  }

  public static SimpleRNNCell fromConfig(Config c) {
    SimpleRNNCell cell = new SimpleRNNCell(c.getInt("units"));
    cell.readCellOptions(c);
    return cell.applyBaseConfig(c, cell);
  }
}
