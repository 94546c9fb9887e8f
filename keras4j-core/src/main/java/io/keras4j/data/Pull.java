package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.NoSuchElementException;

/** A {@link DatasetIterator} over elements produced one at a time ({@code null} ends the pass). */
abstract class Pull implements DatasetIterator {
  private StepData ahead;
  private boolean done;

  /** Elements delivered so far in this pass. */
  long delivered;

  /** The next element, or null at the end of the pass. */
  abstract StepData produce();

  @Override
  public final boolean hasNext() {
    if (ahead == null && !done) {
      ahead = produce();
      done = ahead == null;
    }
    return ahead != null;
  }

  @Override
  public final StepData next() {
    if (!hasNext()) {
      throw new NoSuchElementException("The Dataset pass has no more elements");
    }
    StepData e = ahead;
    ahead = null;
    delivered++;
    return e;
  }

  @Override
  public void close() {}

  /** A pass over {@code upstream}'s iterator that closes it. */
  abstract static class Over extends Pull {
    final DatasetIterator in;

    Over(DatasetIterator in) {
      this.in = in;
    }

    @Override
    public void close() {
      in.close();
    }

    /**
     * Whether the upstream has no element left: a loop that knows its number of steps (fit over a
     * dataset of known cardinality) closes a pass without asking for one more, and a cache still
     * counts that pass as complete. A failing upstream is not exhausted.
     */
    final boolean upstreamExhausted() {
      try {
        return !in.hasNext();
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
