package io.keras4j.data;

import io.keras4j.models.StepData;

/** tf.data's {@code take(count)}: the first {@code count} elements (all when fewer). */
final class TakeStage extends Stage {
  private final long count;

  TakeStage(Stage upstream, long count) {
    super(upstream);
    this.count = count;
  }

  @Override
  long cardinality() {
    long n = upstream.cardinality();
    return n == INFINITE ? count : n == UNKNOWN ? UNKNOWN : Math.min(n, count);
  }

  @Override
  String name() {
    return "take(" + count + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    return new Pull.Over(upstream.open(pass)) {
      @Override
      StepData produce() {
        return delivered < count && in.hasNext() ? in.next() : null;
      }
    };
  }
}
