package io.keras4j.data;

import io.keras4j.models.StepData;
import java.util.Iterator;

/**
 * One pass over the elements of a {@link Dataset} (tf.data's iterator): each element is a {@link
 * StepData} (inputs, targets, optional sample weight), a single sample or a batch depending on the
 * pipeline. Close it when done before the end: a {@code prefetch} stage stops its thread then.
 */
public interface DatasetIterator extends Iterator<StepData>, AutoCloseable {
  /** Stops whatever produces the elements (no thread is left running); idempotent. */
  @Override
  void close();
}
