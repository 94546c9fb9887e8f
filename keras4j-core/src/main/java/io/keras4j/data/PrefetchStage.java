package io.keras4j.data;

import io.keras4j.internal.Threads;
import io.keras4j.models.StepData;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * tf.data's {@code prefetch(bufferSize)}: a daemon thread runs the upstream stages and keeps up to
 * {@code bufferSize} elements ready, so that producing the next batch overlaps with the training
 * step on this one. The thread starts with the pass and is stopped and joined by {@code close()}
 * (the loops close their pass when they end or throw). A failure of the upstream is thrown by
 * {@code next()} on the consuming thread, naming the stage.
 */
final class PrefetchStage extends Stage {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The prefix of the producer threads' names. */
  static final String THREAD_PREFIX = "keras4j-dataset-prefetch-";

  private final int bufferSize;

  PrefetchStage(Stage upstream, int bufferSize) {
    super(upstream);
    this.bufferSize = bufferSize;
  }

  @Override
  long cardinality() {
    return upstream.cardinality();
  }

  @Override
  String name() {
    return "prefetch(" + bufferSize + ")";
  }

  /** What the producer puts in the queue: an element, the end, or a failure. */
  private record Item(StepData element, Throwable failure) {}

  private static final Item END = new Item(null, null);

  @Override
  DatasetIterator open(long pass) {
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(bufferSize);
    Thread producer =
        new Thread(
            () -> {
              try (DatasetIterator in = upstream.open(pass)) {
                while (!Thread.currentThread().isInterrupted() && in.hasNext()) {
                  queue.put(new Item(in.next(), null));
                }
                queue.put(END);
              } catch (InterruptedException e) {
                // closed: stop quietly
              } catch (RuntimeException | Error e) {
                try {
                  queue.put(new Item(null, e));
                } catch (InterruptedException ignored) {
                  // closed while reporting: the consumer is gone
                }
              }
            },
            THREAD_PREFIX + THREADS.incrementAndGet());
    producer.setDaemon(true);
    producer.start();
    return new Pull() {
      @Override
      StepData produce() {
        Item item;
        try {
          item = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DatasetException("Dataset stage " + name() + ": interrupted while waiting");
        }
        if (item.failure != null) {
          queue.offer(item); // a later call fails the same way
          throw new DatasetException(
              "Dataset stage "
                  + name()
                  + ": its producer thread failed (pipeline: "
                  + describe()
                  + "): "
                  + item.failure.getMessage(),
              item.failure);
        }
        if (item == END) {
          queue.offer(END);
          return null;
        }
        return item.element;
      }

      @Override
      public void close() {
        producer.interrupt();
        Threads.joinAll(List.of(producer));
      }
    };
  }
}
