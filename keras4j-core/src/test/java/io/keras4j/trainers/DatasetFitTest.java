package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;
import io.keras4j.data.DatasetException;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.random.RandomOps;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fit / evaluate / predict over a streaming Dataset: the same numbers as over the same tensors, the
 * data pulled as needed (never held whole), no thread left behind.
 */
class DatasetFitTest {
  private static final Tensor X = RandomOps.uniform(new int[] {40, 3}, -1, 1, 31);
  private static final Tensor Y = RandomOps.uniform(new int[] {40, 1}, -1, 1, 32);

  /** Threads of the pipeline (the loop's puller and prefetch producers) still alive. */
  private static List<String> datasetThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("keras4j-dataset-"))
        .toList();
  }

  private static Dataset streaming(Tensor x, Tensor y, int batch) {
    return Dataset.fromTensorSlices(x, y).map(e -> e).batch(batch).prefetch(2);
  }

  @Test
  void fitEvaluatePredictOnAPipelineEqualTheTensors() {
    Sequential a = TinyRegression.model();
    History ha = a.fit(X, Y, Quiet.fit().batchSize(8).epochs(3).shuffle(false));
    Sequential b = TinyRegression.model();
    History hb = b.fit(streaming(X, Y, 8), Quiet.fit().epochs(3));
    TinyRegression.assertSameWeights(a, b);
    assertEquals(ha.history().get("loss"), hb.history().get("loss"));
    assertEquals(
        a.evaluate(X, Y, Quiet.evaluate().batchSize(8)),
        b.evaluate(streaming(X, Y, 8), Quiet.evaluate()));
    Tensor pa = a.predict(X, Quiet.predict().batchSize(8));
    List<Tensor> pb = b.predict(Dataset.fromTensorSlices(X).map(e -> e).batch(8), Quiet.predict());
    assertArrayEquals(pa.toFloatArray(), pb.get(0).toFloatArray(), 0f);
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void streamingValidationDataEqualsInMemory() {
    Tensor vx = RandomOps.uniform(new int[] {10, 3}, -1, 1, 33);
    Tensor vy = RandomOps.uniform(new int[] {10, 1}, -1, 1, 34);
    Sequential a = TinyRegression.model();
    History ha =
        a.fit(X, Y, Quiet.fit().batchSize(8).epochs(2).shuffle(false).validationData(vx, vy));
    Sequential b = TinyRegression.model();
    History hb =
        b.fit(streaming(X, Y, 8), Quiet.fit().epochs(2).validationData(streaming(vx, vy, 32)));
    assertEquals(ha.history().get("val_loss"), hb.history().get("val_loss"));
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void repeatNeedsStepsPerEpochAndThenContinuesThePasses() {
    Dataset forever = streaming(X, Y, 8).repeat();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TinyRegression.model().fit(forever, Quiet.fit()));
    assertTrue(e.getMessage().startsWith("fit: the Dataset is infinite ("), e.getMessage());
    assertTrue(e.getMessage().contains("stepsPerEpoch"), e.getMessage());
    // 3 epochs of 5 steps over the repeated 5 batches = 3 epochs over the tensors
    Sequential a = TinyRegression.model();
    a.fit(X, Y, Quiet.fit().batchSize(8).epochs(3).shuffle(false));
    Sequential b = TinyRegression.model();
    b.fit(forever, Quiet.fit().epochs(3).stepsPerEpoch(5));
    TinyRegression.assertSameWeights(a, b);
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void unbatchedElementsAreRefusedWithWhatToDo() {
    Dataset rows = Dataset.fromTensorSlices(X, Y).shuffle(10, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TinyRegression.model().fit(rows, Quiet.fit()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "fit: the Dataset's elements are single samples, but a Dataset is used as given,"
                    + " one element per step (as Keras uses a tf.data dataset): batch it first,"
                    + " e.g. dataset.batch(32)."),
        e.getMessage());
    IllegalArgumentException b =
        assertThrows(
            IllegalArgumentException.class,
            () -> TinyRegression.model().fit(rows.batch(4), Quiet.fit().batchSize(4)));
    assertTrue(b.getMessage().startsWith("fit: `batchSize` must not be given"), b.getMessage());
  }

  /** Batches of 8 rows of X, Y in order, from a generator (cardinality unknown). */
  private static Dataset batchesFromGenerator(AtomicInteger passes) {
    return Dataset.fromGenerator(
        () -> {
          passes.incrementAndGet();
          return new Iterator<StepData>() {
            int row;

            @Override
            public boolean hasNext() {
              return row < 40;
            }

            @Override
            public StepData next() {
              StepData d =
                  StepData.of(
                      io.keras4j.ops.Ops.slice(X, new int[] {row, 0}, new int[] {8, 3}),
                      io.keras4j.ops.Ops.slice(Y, new int[] {row, 0}, new int[] {8, 1}));
              row += 8;
              return d;
            }
          };
        });
  }

  @Test
  void dataOfUnknownLengthIsReadOncePerEpochWithTheSameNumbers() {
    AtomicInteger passes = new AtomicInteger();
    Dataset d = batchesFromGenerator(passes);
    assertEquals(Dataset.UNKNOWN_CARDINALITY, d.cardinality());
    Sequential a = TinyRegression.model();
    History ha = a.fit(X, Y, Quiet.fit().batchSize(8).epochs(3).shuffle(false));
    Sequential b = TinyRegression.model();
    History hb = b.fit(d, Quiet.fit().epochs(3));
    assertEquals(3, passes.get(), "one pass an epoch, none to count the batches");
    TinyRegression.assertSameWeights(a, b);
    assertEquals(ha.history().get("loss"), hb.history().get("loss"));
    assertEquals(a.evaluate(X, Y, Quiet.evaluate().batchSize(8)), b.evaluate(d, Quiet.evaluate()));
    assertArrayEquals(
        a.predict(X, Quiet.predict().batchSize(8)).toFloatArray(),
        b.predict(d, Quiet.predict()).get(0).toFloatArray(),
        0f);
    assertEquals(5, passes.get());
  }

  @Test
  void aGeneratorLargerThanWhatIsHeldStreams() {
    int n = 4000;
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AtomicInteger maxAlive = new AtomicInteger();
    float[] xs = X.toFloatArray();
    float[] ys = Y.toFloatArray();
    Dataset d =
        Dataset.fromGenerator(
                () ->
                    new Iterator<StepData>() {
                      int i;

                      @Override
                      public boolean hasNext() {
                        return i < n;
                      }

                      @Override
                      public StepData next() {
                        int r = i++ % 40;
                        int alive = produced.incrementAndGet() - consumed.get();
                        maxAlive.accumulateAndGet(alive, Math::max);
                        return StepData.of(
                            Tensor.of(new float[] {xs[3 * r], xs[3 * r + 1], xs[3 * r + 2]}, 3),
                            Tensor.of(new float[] {ys[r]}, 1));
                      }
                    })
            .shuffle(16, 7)
            .batch(8)
            .prefetch(2)
            .map(
                e -> {
                  consumed.addAndGet(e.x().dim(0));
                  return e;
                });
    Sequential m = TinyRegression.model();
    m.fit(d, Quiet.fit().epochs(1));
    // one pass: the epoch runs until the generator is used up (its cardinality is unknown)
    assertEquals(n, produced.get());
    // alive at once: the shuffle buffer (16), the batches queued (2) or being filled and put (2),
    // and the element just made: 16 + 4 * 8 + 1
    assertTrue(maxAlive.get() <= 16 + 4 * 8 + 1, "alive at most " + maxAlive.get());
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void threadsStopAfterAFailingStageAndAFailingStep() {
    Dataset failing =
        Dataset.fromTensorSlices(X, Y)
            .map(
                e -> {
                  if (e.x().toFloatArray()[0] == X.toFloatArray()[3 * 20]) {
                    throw new IllegalStateException("row 20 is bad");
                  }
                  return e;
                })
            .batch(8)
            .prefetch(2);
    DatasetException e =
        assertThrows(
            DatasetException.class, () -> TinyRegression.model().fit(failing, Quiet.fit()));
    assertTrue(e.getMessage().contains("Dataset stage map failed on element 20"), e.getMessage());
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());

    // a step that throws (here in a callback after step 2): the pipeline's threads stop too
    Callback boom =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            if (batch == 2) {
              throw new IllegalStateException("step failed");
            }
          }
        };
    IllegalStateException s =
        assertThrows(
            IllegalStateException.class,
            () -> TinyRegression.model().fit(streaming(X, Y, 8), Quiet.fit().callbacks(boom)));
    assertEquals("step failed", s.getMessage());
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void csvStreamsRowByRowWithTheSameNumbers(@TempDir Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("a,b,c,target\n");
    float[] xs = X.toFloatArray();
    float[] ys = Y.toFloatArray();
    for (int r = 0; r < 40; r++) {
      csv.append(xs[3 * r]).append(',').append(xs[3 * r + 1]).append(',').append(xs[3 * r + 2]);
      csv.append(',').append(ys[r]).append('\n');
    }
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, csv + "1,2,oops,4\n"); // a bad last line: read only if reached
    CsvReader reader = new CsvReader().header(true).labelColumns("target");
    Dataset first = Dataset.fromCsv(file, reader).take(40).batch(8);
    Sequential a = TinyRegression.model();
    a.fit(X, Tensor.of(Y.toFloatArray(), 40), Quiet.fit().batchSize(8).epochs(2).shuffle(false));
    Sequential b = TinyRegression.model();
    b.fit(first, Quiet.fit().epochs(2));
    TinyRegression.assertSameWeights(a, b);
    // the whole file reaches the bad line and says where
    Dataset all = Dataset.fromCsv(file, reader).batch(8);
    DatasetException e =
        assertThrows(DatasetException.class, () -> TinyRegression.model().fit(all, Quiet.fit()));
    assertTrue(e.getMessage().contains("line 42"), e.getMessage());
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }

  @Test
  void evaluateAndPredictStopAtTheirSteps() {
    Sequential m = TinyRegression.model();
    Dataset forever = streaming(X, Y, 8).repeat();
    Map<String, Double> two = m.evaluate(forever, Quiet.evaluate().steps(2));
    Map<String, Double> firstSixteen = m.evaluate(X, Y, Quiet.evaluate().batchSize(8).steps(2));
    assertEquals(firstSixteen, two);
    List<Tensor> p = m.predict(forever, Quiet.predict().steps(3));
    assertArrayEquals(new int[] {24, 1}, p.get(0).shape());
    assertTrue(datasetThreads().isEmpty(), "left: " + datasetThreads());
  }
}
