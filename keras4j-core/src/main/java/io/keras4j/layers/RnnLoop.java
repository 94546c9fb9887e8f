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

  /**
   * The time slices {@code [batch, d]} of {@code [batch, time, d]}, split in halves recursively:
   * the gradient of a slice is scattered into its parent's shape, so halving keeps the backward
   * pass at O(size * log(time)) rather than the O(size * time) of slicing every step from the
   * whole.
   */
  private static void unstack(Tensor t, int batch, int d, List<Tensor> out) {
    int n = t.shape()[1];
    if (n == 1) {
      out.add(Ops.reshape(t, batch, d));
      return;
    }
    List<Tensor> halves = Ops.split(t, new int[] {n / 2}, 1);
    unstack(halves.get(0), batch, d, out);
    unstack(halves.get(1), batch, d, out);
  }

  static Result run(
      RnnCell cell,
      Tensor x,
      List<Tensor> initialStates,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask,
      boolean training) {
    if (cell instanceof RecurrentCell<?> rc && rc.fusable(training)) {
      return rc.runFused(
          x, initialStates, mask, goBackwards, returnSequences, zeroOutputForMask, training);
    }
    int[] s = x.shape();
    int batch = s[0];
    int time = s[1];
    try {
      Tensor prepared = cell.prepare(x, training);
      int d = prepared.shape()[2];
      List<Tensor> steps = new ArrayList<>(time);
      unstack(prepared, batch, d, steps);
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
