package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.function.Function;

/** tf.data's {@code map}: each element through a function, in order. */
final class MapStage extends Stage {
  private final Function<StepData, StepData> fn;

  MapStage(Stage upstream, Function<StepData, StepData> fn) {
    super(upstream);
    this.fn = fn;
  }

  @Override
  long cardinality() {
    return upstream.cardinality();
  }

  @Override
  String name() {
    return "map";
  }

  @Override
  DatasetIterator open(long pass) {
    return new Pull.Over(upstream.open(pass)) {
      @Override
      StepData produce() {
        if (!in.hasNext()) {
          return null;
        }
        StepData e = in.next();
        StepData out;
        try {
          out = fn.apply(e);
        } catch (RuntimeException ex) {
          throw failure(delivered, ex);
        }
        if (out == null || out.inputs().isEmpty()) {
          throw new DatasetException(
              "Dataset stage map: the function must return an element with at least one input"
                  + " tensor. Received: "
                  + out
                  + " for element "
                  + delivered
                  + " (pipeline: "
                  + describe()
                  + ")");
        }
        return out;
      }
    };
  }
}
