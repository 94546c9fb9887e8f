package io.keras4j.data;

import io.keras4j.models.StepData;

/**
 * tf.data's {@code repeat(count)}: the upstream's elements {@code count} times, or forever when
 * {@code count} is -1. Each repetition is a new upstream pass (a shuffle reshuffles).
 */
final class RepeatStage extends Stage {
  private final long count;

  RepeatStage(Stage upstream, long count) {
    super(upstream);
    this.count = count;
  }

  @Override
  long cardinality() {
    long n = upstream.cardinality();
    if (count < 0) {
      return n == 0 ? 0 : INFINITE;
    }
    if (n == INFINITE || n == UNKNOWN) {
      return count == 0 ? 0 : n;
    }
    return n * count;
  }

  @Override
  String name() {
    return count < 0 ? "repeat()" : "repeat(" + count + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    return new Pull() {
      long repetition;
      DatasetIterator in;

      @Override
      StepData produce() {
        while (count < 0 || repetition < count) {
          if (in == null) {
            in = upstream.open(pass * 1_000_003L + repetition);
          }
          if (in.hasNext()) {
            return in.next();
          }
          in.close();
          in = null;
          boolean empty = delivered == 0 && repetition == 0;
          repetition++;
          if (empty) {
            return null; // an empty dataset repeated is empty (no endless loop)
          }
        }
        return null;
      }

      @Override
      public void close() {
        if (in != null) {
          in.close();
        }
      }
    };
  }
}
