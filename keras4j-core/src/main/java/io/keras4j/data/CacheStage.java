package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.data's {@code cache()} in memory: the first complete pass reads the upstream and keeps copies
 * of its elements; every later pass replays them (same values, same order) without running the
 * upstream. A pass closed before its end keeps nothing, as tf.data discards a partial cache.
 */
final class CacheStage extends Stage {
  private volatile List<StepData> cached;

  CacheStage(Stage upstream) {
    super(upstream);
  }

  @Override
  long cardinality() {
    List<StepData> c = cached;
    return c != null ? c.size() : upstream.cardinality();
  }

  @Override
  String name() {
    return "cache()";
  }

  @Override
  DatasetIterator open(long pass) {
    List<StepData> c = cached;
    if (c != null) {
      return new Pull() {
        @Override
        StepData produce() {
          return delivered < c.size() ? c.get((int) delivered) : null;
        }
      };
    }
    return new Pull.Over(upstream.open(pass)) {
      final List<StepData> filling = new ArrayList<>();
      boolean ended;

      @Override
      StepData produce() {
        if (ended || !in.hasNext()) {
          fill();
          return null;
        }
        StepData e = ElementTensors.copy(in.next());
        filling.add(e);
        return e;
      }

      private void fill() {
        ended = true;
        if (cached == null) {
          cached = List.copyOf(filling);
        }
      }

      /**
       * A pass closed once the upstream has nothing left is complete ({@link #upstreamExhausted}).
       */
      @Override
      public void close() {
        try {
          if (!ended && upstreamExhausted()) {
            fill();
          }
        } finally {
          in.close();
        }
      }
    };
  }
}
