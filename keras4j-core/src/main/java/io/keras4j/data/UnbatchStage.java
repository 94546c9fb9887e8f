package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.ArrayDeque;

/** tf.data's {@code unbatch}: each element split into its rows (along the first axis). */
final class UnbatchStage extends Stage {
  UnbatchStage(Stage upstream) {
    super(upstream);
  }

  @Override
  long cardinality() {
    long n = upstream.cardinality();
    return n == INFINITE ? INFINITE : n == 0 ? 0 : UNKNOWN;
  }

  @Override
  Boolean batched() {
    return false;
  }

  @Override
  String name() {
    return "unbatch";
  }

  @Override
  DatasetIterator open(long pass) {
    return new Pull.Over(upstream.open(pass)) {
      final ArrayDeque<StepData> rows = new ArrayDeque<>();
      long batches;

      @Override
      StepData produce() {
        while (rows.isEmpty() && in.hasNext()) {
          rows.addAll(ElementTensors.unstack(in.next(), UnbatchStage.this, batches++));
        }
        return rows.poll();
      }
    };
  }
}
