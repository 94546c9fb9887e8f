package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass through time of {@link RNN}, as Keras's {@code backend.rnn}: the cell prepares
 * the whole sequence (the input projection of all steps as one product), then steps through time
 * with ops, so that the tape gives the gradient through time. A masked step keeps the previous
 * states and repeats the previous output (zeros with {@code zeroOutputForMask}).
 */
final class RnnLoop {
  /** The last output, the outputs of every step in processing order (or null), the states. */
  record Result(Tensor lastOutput, Tensor sequence, List<Tensor> states) {}

  private RnnLoop() {}

  static Result run(
      RnnCell cell,
      Tensor x,
      List<Tensor> initialStates,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask,
      boolean training) {
    int[] s = x.shape();
    int batch = s[0];
    int time = s[1];
    try {
      Tensor prepared = cell.prepare(x, training);
      int d = prepared.shape()[2];
      List<Tensor> steps = new ArrayList<>(time);
      if (time == 1) {
        steps.add(Ops.reshape(prepared, batch, d));
      } else {
        for (Tensor t : Ops.split(prepared, time, 1)) {
          steps.add(Ops.reshape(t, batch, d));
        }
      }
      Tensor m = mask == null ? null : Ops.cast(mask, io.keras4j.DType.FLOAT32);
      List<Tensor> states = new ArrayList<>(initialStates);
      List<Tensor> outputs = returnSequences ? new ArrayList<>(time) : null;
      Tensor last = null;
      Tensor zeros = null;
      for (int k = 0; k < time; k++) {
        int t = goBackwards ? time - 1 - k : k;
        List<Tensor> r = cell.step(steps.get(t), states, training);
        Tensor out = r.get(0);
        List<Tensor> next = r.subList(1, r.size());
        if (next.size() != states.size()) {
          throw new IllegalStateException(
              "The RNN cell "
                  + cell.getClass().getSimpleName()
                  + " returned "
                  + next.size()
                  + " states from a step, expected "
                  + states.size()
                  + " (its stateSize)");
        }
        if (m != null) {
          Tensor mt = Ops.slice(m, new int[] {0, t}, new int[] {batch, 1});
          if (zeros == null) {
            zeros = Tensor.zeros(out.shape());
          }
          Tensor previous = zeroOutputForMask || last == null ? zeros : last;
          out = Ops.where(mt, out, previous);
          List<Tensor> kept = new ArrayList<>(next.size());
          for (int i = 0; i < next.size(); i++) {
            kept.add(Ops.where(mt, next.get(i), states.get(i)));
          }
          next = kept;
        }
        states = new ArrayList<>(next);
        last = out;
        if (outputs != null) {
          outputs.add(out);
        }
      }
      Tensor sequence = outputs == null ? null : Ops.stack(outputs, 1);
      return new Result(last, sequence, states);
    } finally {
      cell.finish();
    }
  }
}
