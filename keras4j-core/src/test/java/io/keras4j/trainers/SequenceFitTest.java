package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.callbacks.History;
import io.keras4j.data.Rows;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import io.keras4j.testing.Quiet;
import io.keras4j.utils.Sequence;
import io.keras4j.utils.SequenceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * fit / evaluate / predict over a {@link Sequence} (Keras's PyDataset): the same numbers as over
 * tensors, batches produced ahead on background threads, in order, errors naming the batch, no
 * thread left behind. Overlap and order are checked by recorded events, never by timing.
 */
class SequenceFitTest {
  private static final Tensor X = RandomOps.uniform(new int[] {100, 3}, -1, 1, 21);
  private static final Tensor Y = RandomOps.uniform(new int[] {100, 1}, -1, 1, 22);

  /** Rows {@code [32 i, 32 i + 32)} of x and y; records the threads that ran get. */
  static class Slices extends Sequence {
    final Tensor x;
    final Tensor y;
    final int batchSize;
    final Set<Thread> producers = ConcurrentHashMap.newKeySet();
    final List<Integer> gets = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger epochEnds = new AtomicInteger();

    Slices(Tensor x, Tensor y, int batchSize) {
      this.x = x;
      this.y = y;
      this.batchSize = batchSize;
    }

    @Override
    public int length() {
      return (Rows.count(x) + batchSize - 1) / batchSize;
    }

    @Override
    public StepData get(int index) {
      producers.add(Thread.currentThread());
      gets.add(index);
      int from = index * batchSize;
      int to = Math.min(Rows.count(x), from + batchSize);
      return StepData.of(Rows.slice(x, from, to), Rows.slice(y, from, to));
    }

    @Override
    public void onEpochEnd() {
      epochEnds.incrementAndGet();
    }
  }

  private static void assertAllStopped(Set<Thread> threads) {
    for (Thread t : threads) {
      assertFalse(t.isAlive(), "thread " + t.getName() + " is still alive");
    }
  }

  @Test
  void fitOnASequenceGivesTheWeightsOfFitOnTheSameTensors() {
    Sequential tensors = TinyRegression.model();
    Sequential sequence = TinyRegression.model();
    TinyRegression.assertSameWeights(tensors, sequence);
    History h1 = tensors.fit(X, Y, Quiet.fit().epochs(3).batchSize(32).shuffle(false));
    Slices data = new Slices(X, Y, 32);
    History h2 = sequence.fit(data, Quiet.fit().epochs(3).shuffle(false));
    TinyRegression.assertSameWeights(tensors, sequence);
    assertEquals(h1.history().get("loss"), h2.history().get("loss"));
    // The batches came from a background thread, not the test's.
    assertFalse(data.producers.isEmpty());
    assertFalse(data.producers.contains(Thread.currentThread()));
    assertAllStopped(data.producers);
    assertEquals(3, data.epochEnds.get());

    // evaluate and predict read the same batches as the tensors in batches of 32.
    assertEquals(
        tensors.evaluate(X, Y, Quiet.evaluate()).get("loss"),
        sequence.evaluate(new Slices(X, Y, 32), Quiet.evaluate()).get("loss"));
    assertArrayEquals(
        tensors.predict(X, Quiet.predict()).toFloatArray(),
        sequence.predict(new Slices(X, Y, 32), Quiet.predict()).get(0).toFloatArray(),
        0f);
  }

  @Test
  void aModelWithoutAnInputShapeIsBuiltOnTheFirstBatch() {
    Keras.setRandomSeed(3);
    Sequential m = new Sequential(new Dense(2), new Dense(1));
    m.compile(new SGD(0.1), "mean_squared_error");
    m.fit(new Slices(X, Y, 32), Quiet.fit());
    assertEquals(3L * 2 + 2 + 2 + 1, m.countParams());
  }

  /** A batch whose input holds its index, so the model's predictions tell which batch it was. */
  static final class Indexed extends Sequence {
    final int n;
    final List<Integer> trained = Collections.synchronizedList(new ArrayList<>());

    Indexed(int n) {
      this.n = n;
    }

    @Override
    public int length() {
      return n;
    }

    @Override
    public StepData get(int index) {
      if (index % 2 == 0) {
        Thread.yield(); // uneven work: later batches may be ready first; the order must hold
      }
      return StepData.of(
          Tensor.of(new float[] {index, index}, 2, 1), Tensor.of(new float[2], 2, 1));
    }
  }

  private static Sequential identity() {
    Sequential m = new Sequential(Input.of(1), new Dense(1).name("id"));
    m.setWeights(List.of(Tensor.of(new float[] {1}, 1, 1), Tensor.of(new float[] {0}, 1)));
    m.compile(new SGD(0.0), "mean_squared_error");
    return m;
  }

  @Test
  void batchesAreDeliveredInOrderWithSeveralWorkers() {
    float[] p =
        identity()
            .predict(new Indexed(40).workers(4).maxQueueSize(6), Quiet.predict())
            .get(0)
            .toFloatArray();
    assertEquals(80, p.length);
    for (int i = 0; i < 40; i++) {
      assertEquals(i, p[2 * i]);
      assertEquals(i, p[2 * i + 1]);
    }
  }

  /** Records the first input value of every batch trained, i.e. the batch index of Indexed. */
  static final class Recorder extends Model {
    final List<Integer> seen = new ArrayList<>();

    Recorder(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    public Map<String, Double> trainStep(StepData data) {
      seen.add((int) data.x().getFloat(0, 0));
      return super.trainStep(data);
    }
  }

  private static Recorder recorder() {
    KerasTensor in = Input.of(1);
    Recorder m = new Recorder(in, new Dense(1).apply(in));
    m.compile(new SGD(0.0), "mean_squared_error");
    return m;
  }

  @Test
  void shuffleShufflesTheBatchOrderEachEpochReproducibly() {
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Keras.setRandomSeed(11);
      Recorder m = recorder();
      m.fit(new Indexed(12), Quiet.fit().epochs(2));
      runs.add(m.seen);
    }
    assertEquals(runs.get(0), runs.get(1));
    List<Integer> first = runs.get(0).subList(0, 12);
    List<Integer> second = runs.get(0).subList(12, 24);
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(i);
    }
    assertEquals(all, first.stream().sorted().toList());
    assertEquals(all, second.stream().sorted().toList());
    assertNotEquals(all, first);
    assertNotEquals(first, second);
  }

  @Test
  void stepsPerEpochContinuesThePassInTheNextEpoch() {
    Recorder m = recorder();
    Indexed data = new Indexed(3);
    AtomicInteger ends = new AtomicInteger();
    Sequence counted =
        new Sequence() {
          @Override
          public int length() {
            return data.length();
          }

          @Override
          public StepData get(int index) {
            return data.get(index);
          }

          @Override
          public void onEpochEnd() {
            ends.incrementAndGet();
          }
        };
    m.fit(counted, Quiet.fit().epochs(3).stepsPerEpoch(2).shuffle(false));
    assertEquals(List.of(0, 1, 2, 0, 1, 2), m.seen);
    assertEquals(3, ends.get());
  }

  @Test
  void theProducersExceptionIsRethrownNamingTheBatchAndNoThreadIsLeft() {
    IllegalStateException boom = new IllegalStateException("cannot read image 3");
    Slices data =
        new Slices(X, Y, 10) {
          @Override
          public StepData get(int index) {
            if (index == 3) {
              producers.add(Thread.currentThread());
              throw boom;
            }
            return super.get(index);
          }
        };
    data.workers(2);
    Sequential m = TinyRegression.model();
    SequenceException e =
        assertThrows(
            SequenceException.class, () -> m.fit(data, Quiet.fit().epochs(2).shuffle(false)));
    assertEquals(3, e.batchIndex());
    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().contains("batch 3"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot read image 3"), e.getMessage());
    assertTrue(e.getMessage().contains("fit"), e.getMessage());
    assertAllStopped(data.producers);
  }

  @Test
  void earlyStoppingStopsTheThreads() {
    Slices data = new Slices(X, Y, 10);
    data.workers(3).maxQueueSize(4);
    Sequential m = TinyRegression.model();
    // SGD with a zero rate never improves: patience 1 stops after epoch 2.
    m.compile(new SGD(0.0), "mean_squared_error");
    History h =
        m.fit(data, Quiet.fit().epochs(50).callbacks(new EarlyStopping("loss").patience(1)));
    assertEquals(2, h.history().get("loss").size());
    assertFalse(data.producers.isEmpty());
    assertAllStopped(data.producers);
  }

  @Test
  void aCallbackStoppingMidEpochStopsTheThreads() {
    Slices data = new Slices(X, Y, 10);
    Sequential m = TinyRegression.model();
    Callback stop =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            if (batch == 1) {
              m.stopTraining(true);
            }
          }
        };
    m.fit(data, Quiet.fit().epochs(5).callbacks(stop));
    assertAllStopped(data.producers);
  }

  @Test
  void onEpochEndRunsWithNoGetInProgress() {
    AtomicInteger active = new AtomicInteger();
    List<Integer> activeAtEpochEnd = Collections.synchronizedList(new ArrayList<>());
    Slices data =
        new Slices(X, Y, 10) {
          @Override
          public StepData get(int index) {
            active.incrementAndGet();
            try {
              Thread.yield();
              return super.get(index);
            } finally {
              active.decrementAndGet();
            }
          }

          @Override
          public void onEpochEnd() {
            activeAtEpochEnd.add(active.get());
            super.onEpochEnd();
          }
        };
    data.workers(3);
    TinyRegression.model().fit(data, Quiet.fit().epochs(4).stepsPerEpoch(3));
    assertEquals(List.of(0, 0, 0, 0), activeAtEpochEnd);
    assertEquals(4, data.epochEnds.get());
  }

  @Test
  void theNextBatchIsProducedWhileTheModelTrainsOnThisOne() throws InterruptedException {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch secondProduced = new CountDownLatch(1);
    Slices data =
        new Slices(X, Y, 50) {
          @Override
          public StepData get(int index) {
            StepData d = super.get(index);
            events.add("produced " + index);
            if (index == 1) {
              secondProduced.countDown();
            }
            return d;
          }
        };
    AtomicInteger timedOut = new AtomicInteger();
    Callback waitInFirstStep =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            if (batch == 0) {
              // Still in step 0: batch 1 can only arrive from another thread. The timeout only
              // guards against a hang when production is not concurrent (then the test fails).
              try {
                if (!secondProduced.await(30, TimeUnit.SECONDS)) {
                  timedOut.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            events.add("trained " + batch);
          }
        };
    TinyRegression.model().fit(data, Quiet.fit().shuffle(false).callbacks(waitInFirstStep));
    assertEquals(0, timedOut.get());
    assertTrue(
        events.indexOf("produced 1") < events.indexOf("trained 0"),
        () -> "batch 1 should be produced during step 0: " + events);
    assertEquals(List.of("produced 0", "produced 1", "trained 0", "trained 1"), events);
    assertAllStopped(data.producers);
  }

  @Test
  void workersZeroProducesOnTheCallersThread() {
    Slices data = new Slices(X, Y, 32);
    data.workers(0);
    Sequential a = TinyRegression.model();
    Sequential b = TinyRegression.model();
    a.fit(X, Y, Quiet.fit().epochs(2).batchSize(32).shuffle(false));
    b.fit(data, Quiet.fit().epochs(2).shuffle(false));
    TinyRegression.assertSameWeights(a, b);
    assertEquals(Set.of(Thread.currentThread()), data.producers);
  }

  @Test
  void validationDataMayBeASequence() {
    Sequential m = TinyRegression.model();
    History h =
        m.fit(
            new Slices(X, Y, 32),
            Quiet.fit().epochs(2).validationData(new Slices(X.copy(), Y.copy(), 25)));
    double valLoss = h.history().get("val_loss").get(1);
    assertEquals(m.evaluate(X, Y, Quiet.evaluate().batchSize(25)).get("loss"), valLoss, 1e-6);
  }

  @Test
  void badSequencesAndOptionsGiveClearErrors() {
    Sequential m = TinyRegression.model();
    Sequence empty =
        new Sequence() {
          @Override
          public int length() {
            return 0;
          }

          @Override
          public StepData get(int index) {
            throw new AssertionError();
          }
        };
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.fit(empty, Quiet.fit()));
    assertTrue(e.getMessage().contains("length()=0"), e.getMessage());
    Sequence noTargets =
        new Sequence() {
          @Override
          public int length() {
            return 1;
          }

          @Override
          public StepData get(int index) {
            return StepData.of(X);
          }
        };
    e = assertThrows(IllegalArgumentException.class, () -> m.fit(noTargets, Quiet.fit()));
    assertTrue(e.getMessage().contains("get(0) returned a batch without y"), e.getMessage());
    assertEquals(100, m.predict(noTargets, Quiet.predict()).get(0).dim(0));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.fit(new Slices(X, Y, 32), Quiet.fit().validationSplit(0.2)));
    assertTrue(e.getMessage().contains("validationSplit"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Slices(X, Y, 32).workers(-1));
    assertTrue(e.getMessage().contains("Received: workers=-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Slices(X, Y, 32).maxQueueSize(0));
    assertTrue(e.getMessage().contains("Received: maxQueueSize=0"), e.getMessage());
  }

  @Test
  void classWeightBecomesEachBatchsSampleWeights() {
    Tensor labels = Tensor.ofInts(new int[] {0, 1, 1, 0, 1, 0}, 6);
    Tensor x = RandomOps.uniform(new int[] {6, 3}, -1, 1, 5);
    Keras.setRandomSeed(4);
    Sequential a = new Sequential(Input.of(3), new Dense(2, "softmax"));
    a.compile(new SGD(0.5), "sparse_categorical_crossentropy");
    Sequential b = new Sequential(Input.of(3), new Dense(2, "softmax"));
    b.compile(new SGD(0.5), "sparse_categorical_crossentropy");
    b.setWeights(a.getWeights());
    Map<Integer, Double> cw = Map.of(0, 0.25, 1, 2.0);
    a.fit(x, labels, Quiet.fit().batchSize(2).shuffle(false).classWeight(cw).epochs(2));
    b.fit(new Slices(x, labels, 2), Quiet.fit().shuffle(false).classWeight(cw).epochs(2));
    TinyRegression.assertSameWeights(a, b);
  }
}
