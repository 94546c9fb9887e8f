package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.data's {@code batch(batchSize, dropRemainder)}: {@code batchSize} consecutive elements stacked
 * on a new first axis; the last, smaller batch is kept unless {@code dropRemainder}.
 */
final class BatchStage extends Stage {
  private final int batchSize;
  private final boolean dropRemainder;

  BatchStage(Stage upstream, int batchSize, boolean dropRemainder) {
    super(upstream);
    this.batchSize = batchSize;
    this.dropRemainder = dropRemainder;
  }

  @Override
  long cardinality() {
    long n = upstream.cardinality();
    if (n < 0) {
      return n;
    }
    return dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize;
  }

  @Override
  Boolean batched() {
    return true;
  }

  @Override
  String name() {
    return "batch(" + batchSize + (dropRemainder ? ", dropRemainder=true" : "") + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    return new Pull.Over(upstream.open(pass)) {
      long read;

      @Override
      StepData produce() {
        List<StepData> group = new ArrayList<>(batchSize);
        long first = read;
        while (group.size() < batchSize && in.hasNext()) {
          group.add(in.next());
          read++;
        }
        if (group.isEmpty() || (dropRemainder && group.size() < batchSize)) {
          return null;
        }
        return ElementTensors.stack(group, BatchStage.this, first);
      }
    };
  }
}
