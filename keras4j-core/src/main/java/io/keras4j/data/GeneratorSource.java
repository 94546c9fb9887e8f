package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The elements of a generator (tf.data's {@code from_generator}): each pass asks the supplier for a
 * new iterator and pulls from it only as the pipeline needs, so the data never has to fit in
 * memory.
 */
final class GeneratorSource extends Stage {
  private final Supplier<? extends Iterator<StepData>> generator;

  GeneratorSource(Supplier<? extends Iterator<StepData>> generator) {
    super(null);
    this.generator = generator;
  }

  @Override
  long cardinality() {
    return UNKNOWN;
  }

  @Override
  String name() {
    return "fromGenerator";
  }

  @Override
  DatasetIterator open(long pass) {
    Iterator<StepData> it;
    try {
      it = generator.get();
    } catch (RuntimeException e) {
      throw failure(0, e);
    }
    if (it == null) {
      throw new DatasetException(
          "Dataset.fromGenerator: the supplier returned null instead of an iterator (pass "
              + pass
              + ")");
    }
    return new Pull() {
      @Override
      StepData produce() {
        StepData e;
        try {
          if (!it.hasNext()) {
            return null;
          }
          e = it.next();
        } catch (RuntimeException ex) {
          throw failure(delivered, ex);
        }
        if (e == null || e.inputs().isEmpty()) {
          throw new DatasetException(
              "Dataset stage fromGenerator: element "
                  + delivered
                  + " must have at least one input tensor. Received: "
                  + e);
        }
        return e;
      }

      @Override
      public void close() {
        if (it instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ex) {
            throw new DatasetException("Dataset.fromGenerator: closing the iterator failed", ex);
          }
        }
      }
    };
  }
}
