package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * tf.data's {@code shuffle(bufferSize, seed)}: a buffer filled with the first {@code bufferSize}
 * elements; each output is a uniformly chosen buffer element, replaced by the next upstream
 * element. Reshuffled each pass: pass {@code p} draws from a generator seeded by {@code (seed, p)},
 * so a seeded pipeline gives the same orders run after run. Element {@code k} of the output is
 * always one of the first {@code k + bufferSize} upstream elements.
 */
final class ShuffleStage extends Stage {
  private final int bufferSize;
  private final long seed;

  ShuffleStage(Stage upstream, int bufferSize, long seed) {
    super(upstream);
    this.bufferSize = bufferSize;
    this.seed = seed;
  }

  @Override
  long cardinality() {
    return upstream.cardinality();
  }

  @Override
  String name() {
    return "shuffle(" + bufferSize + ", seed=" + seed + ")";
  }

  /** The seed of pass {@code pass}: SplitMix64's mix of the seed and the pass. */
  static long passSeed(long seed, long pass) {
    long z = seed + (pass + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  DatasetIterator open(long pass) {
    SplittableRandom random = new SplittableRandom(passSeed(seed, pass));
    return new Pull.Over(upstream.open(pass)) {
      final List<StepData> buffer = new ArrayList<>();

      @Override
      StepData produce() {
        while (buffer.size() < bufferSize && in.hasNext()) {
          buffer.add(in.next());
        }
        if (buffer.isEmpty()) {
          return null;
        }
        int i = random.nextInt(buffer.size());
        StepData e = buffer.get(i);
        if (in.hasNext()) {
          buffer.set(i, in.next());
        } else {
          buffer.set(i, buffer.get(buffer.size() - 1));
          buffer.remove(buffer.size() - 1);
        }
        return e;
      }
    };
  }
}
