package io.keras4j.spark;

import io.keras4j.KerasTensor;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.callbacks.History;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;
import scala.reflect.ClassTag$;

/**
 * Data-parallel training of a compiled keras4j model on Apache Spark, with the options and the
 * result of {@link Model#fit}: {@code new SparkTrainer(model).fit(samples, options)} returns the
 * {@link History}, and the trained weights (and optimizer state) are in {@code model} afterwards.
 *
 * <p>One barrier stage per fit: {@link #numWorkers} tasks, scheduled together, each reading only
 * its share of every global batch ({@code options.batchSize()} is the global batch). The tasks meet
 * once through the barrier's {@code allGather}, then sum their gradients after every step with a
 * ring all-reduce over direct sockets. With {@code shuffle(false)} the workers' shares of step
 * {@code s} make up exactly the single-machine fit's batch {@code s}, so N workers end with the
 * weights of single-machine training (within float32 rounding); with shuffling each worker shuffles
 * its own share every epoch. The reduction order is fixed: two runs agree bit for bit.
 *
 * <p>Faults: after every epoch rank 0 sends the weights and optimizer state to the driver; when a
 * task fails Spark restarts the whole stage, which resumes from that checkpoint (set {@code
 * spark.task.maxFailures}, or {@code local[N,F]}, to allow restarts). A peer that stops answering
 * fails the stage after {@link #allReduceTimeout}.
 *
 * <p>The progress bar and the callbacks run on the driver, on the driver's model, which receives
 * the weights after every epoch and evaluates {@code validationData} there. Models with one input
 * and one output; the model must be saveable as a {@code .keras} file (built-in layers).
 * Unsupported options ({@code validationSplit}, {@code sampleWeight}, {@code classWeight}, {@code
 * stepsPerEpoch}, a validation Sequence) are refused.
 */
public final class SparkTrainer {
  private final Model model;
  private Integer numWorkers;
  private Duration allReduceTimeout = Duration.ofSeconds(60);
  private int bucketFloats = 1 << 20;
  private long seed = 1337L;
  private Fault fault;

  /** A trainer for a built and compiled model. */
  public SparkTrainer(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("SparkTrainer: model is required. Received: null");
    }
    this.model = model;
  }

  /** The number of tasks (default: the context's default parallelism). */
  public SparkTrainer numWorkers(int numWorkers) {
    if (numWorkers < 1) {
      throw new IllegalArgumentException(
          "SparkTrainer: numWorkers must be positive. Received: numWorkers=" + numWorkers);
    }
    this.numWorkers = numWorkers;
    return this;
  }

  /** How long a task waits for a peer in the all-reduce before failing the stage (default 60 s). */
  public SparkTrainer allReduceTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "SparkTrainer: allReduceTimeout must be positive. Received: allReduceTimeout=" + timeout);
    }
    this.allReduceTimeout = timeout;
    return this;
  }

  /** Floats per all-reduce bucket (default 1,048,576: 4 MiB). */
  public SparkTrainer bucketSize(int floats) {
    if (floats < 1) {
      throw new IllegalArgumentException(
          "SparkTrainer: bucketSize must be positive. Received: bucketSize=" + floats);
    }
    this.bucketFloats = floats;
    return this;
  }

  /** The seed of the workers' per-epoch shuffling (default 1337). */
  public SparkTrainer seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** For the fault tests: a fault to inject. */
  SparkTrainer fault(Fault fault) {
    this.fault = fault;
    return this;
  }

  /**
   * Trains on a DataFrame's feature column (an ML {@code Vector} or an array of numbers) and label
   * column (a number, a {@code Vector} or an array).
   */
  public History fit(Dataset<Row> data, String featuresCol, String labelCol, FitOptions options) {
    return fit(RowSamples.of(data, featuresCol, labelCol), options);
  }

  /** Trains on samples; {@code options.batchSize()} is the global batch. */
  public History fit(JavaRDD<Sample> samples, FitOptions options) {
    checkOptions(options);
    if (!model.isCompiled()) {
      throw new IllegalStateException(
          "You must call `compile()` before calling `fit()` on model '" + model.name() + "'.");
    }
    if (!model.hasGraph() || model.inputs().size() != 1 || model.outputs().size() != 1) {
      throw new IllegalArgumentException(
          "SparkTrainer: the model must be built with one input and one output (a Sequential with"
              + " an input shape, or a functional model). Received: model '"
              + model.name()
              + "'"
              + (model.hasGraph()
                  ? " with " + model.inputs().size() + " inputs and " + model.outputs().size()
                  : " without a graph"));
    }
    KerasTensor input = model.inputs().get(0);
    int[] featureShape = Arrays.copyOfRange(input.shape(), 1, input.shape().length);
    int featureLength = 1;
    for (int d : featureShape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "SparkTrainer: the model's input shape must be known but for the batch axis. Received: "
                + Arrays.toString(input.shape()));
      }
      featureLength *= d;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(samples.context());
    int workers = numWorkers != null ? numWorkers : jsc.defaultParallelism();
    JavaPairRDD<Long, Sample> indexed =
        samples.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
    long total = indexed.count();
    Sample first = samples.first();
    if (first.features().length != featureLength) {
      throw new IllegalArgumentException(
          "SparkTrainer: the model's input takes "
              + featureLength
              + " values per sample "
              + Arrays.toString(featureShape)
              + ". Received: samples of "
              + first.features().length
              + " feature values");
    }
    BatchPlan plan = new BatchPlan(total, options.batchSize(), workers);
    JavaPairRDD<Long, Sample> shares = indexed.partitionBy(new BatchPartitioner(plan));

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", options.epochs());
    params.put("steps", plan.steps());
    params.put("verbose", options.verbose());
    CallbackList callbacks = new CallbackList(options.callbacks(), true, options.verbose() != 0);
    callbacks.setModel(model);
    callbacks.setParams(params);
    model.stopTraining(false);
    int vb =
        options.validationBatchSize() != null ? options.validationBatchSize() : options.batchSize();
    String host = jsc.getConf().get("spark.driver.host", "127.0.0.1");
    Broadcast<byte[]> bytes = jsc.broadcast(ModelBytes.model(model));
    try (Coordinator coordinator =
        new Coordinator(
            host,
            model,
            callbacks,
            options.initialEpoch(),
            options.validationData(),
            vb,
            options.validationFreq())) {
      callbacks.onTrainBegin(Map.of());
      WorkerTask task =
          new WorkerTask(
              bytes,
              plan,
              coordinator.address(),
              options.epochs(),
              options.shuffle(),
              seed,
              featureShape,
              first.label().length,
              bucketFloats,
              allReduceTimeout.toMillis(),
              fault);
      if (options.initialEpoch() < options.epochs()) {
        RDD<Integer> done =
            shares
                .rdd()
                .barrier()
                .mapPartitions(task, false, ClassTag$.MODULE$.apply(Integer.class));
        // Spark restarts a failed barrier stage only when it is a shuffle map stage (a barrier
        // result stage aborts the job): a shuffle after it makes it one.
        done.repartition(1, null).count();
      }
      coordinator.rethrowFailure();
      callbacks.onTrainEnd(coordinator.lastLogs());
    } catch (IOException e) {
      throw new UncheckedIOException("SparkTrainer: could not start the driver's server", e);
    } finally {
      bytes.destroy();
    }
    return callbacks.history();
  }

  private static void checkOptions(FitOptions o) {
    String unsupported = null;
    if (o.validationSplit() > 0) {
      unsupported = "validationSplit=" + o.validationSplit() + " (pass validationData)";
    } else if (o.sampleWeight() != null) {
      unsupported = "sampleWeight";
    } else if (o.classWeight() != null) {
      unsupported = "classWeight";
    } else if (o.stepsPerEpoch() != null) {
      unsupported = "stepsPerEpoch=" + o.stepsPerEpoch();
    } else if (o.validationSequence() != null) {
      unsupported = "a validation Sequence (pass a Dataset)";
    }
    if (unsupported != null) {
      throw new IllegalArgumentException(
          "SparkTrainer.fit does not support this FitOptions option. Received: " + unsupported);
    }
  }
}
