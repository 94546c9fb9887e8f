package io.keras4j.spark;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.metrics.Metric;
import io.keras4j.models.Model;
import io.keras4j.models.StepData;
import io.keras4j.models.StepGradients;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The body of one task of the barrier stage: it meets the other tasks once (the barrier's {@code
 * allGather} of the ring addresses), loads the model (and the driver's last checkpoint after a
 * restart), then trains on its share of every global batch, all-reducing after each step the
 * gradients (weighted by its share of the batch, so the sum is the gradient of the global batch's
 * mean loss) together with the metrics' state. Rank 0 reports the logs and, after each epoch, the
 * checkpoint to the driver.
 */
final class WorkerTask extends AbstractFunction1<Iterator<Tuple2<Long, Sample>>, Iterator<Integer>>
    implements Serializable {
  private final Broadcast<byte[]> modelBytes;
  private final BatchPlan plan;
  private final String coordinator;
  private final int epochs;
  private final boolean shuffle;
  private final long seed;
  private final int[] featureShape;
  private final int labelLength;
  private final int bucketFloats;
  private final long timeoutMillis;
  private final Fault fault;

  WorkerTask(
      Broadcast<byte[]> modelBytes,
      BatchPlan plan,
      String coordinator,
      int epochs,
      boolean shuffle,
      long seed,
      int[] featureShape,
      int labelLength,
      int bucketFloats,
      long timeoutMillis,
      Fault fault) {
    this.modelBytes = modelBytes;
    this.plan = plan;
    this.coordinator = coordinator;
    this.epochs = epochs;
    this.shuffle = shuffle;
    this.seed = seed;
    this.featureShape = featureShape;
    this.labelLength = labelLength;
    this.bucketFloats = bucketFloats;
    this.timeoutMillis = timeoutMillis;
    this.fault = fault;
  }

  @Override
  public Iterator<Integer> apply(Iterator<Tuple2<Long, Sample>> rows) {
    BarrierTaskContext ctx = BarrierTaskContext.get();
    int rank = ctx.partitionId();
    List<Tuple2<Long, Sample>> mine = new ArrayList<>();
    while (rows.hasNext()) {
      mine.add(rows.next());
    }
    LocalData data = new LocalData(mine, featureShape, labelLength);
    mine = null;
    String address = ctx.getTaskInfos()[rank].address();
    String host = address.substring(0, address.lastIndexOf(':'));
    try (RingAllReduce ring =
            new RingAllReduce(rank, plan.workers(), host, bucketFloats, timeoutMillis);
        CoordinatorClient driver =
            new CoordinatorClient(coordinator, (int) Math.min(timeoutMillis, 60_000))) {
      String[] addresses = ctx.allGather(ring.address());
      ring.connect(addresses);
      CoordinatorClient.Start start = driver.hello(rank);
      Model model = ModelBytes.loadModel(modelBytes.value());
      if (start.weights() != null) {
        ModelBytes.loadWeights(model, start.weights());
      }
      train(ctx, rank, model, data, ring, driver, start.lastEpochDone() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return CollectionConverters.asScala(List.of(rank).iterator());
  }

  private void train(
      BarrierTaskContext ctx,
      int rank,
      Model model,
      LocalData data,
      RingAllReduce ring,
      CoordinatorClient driver,
      int firstEpoch)
      throws IOException {
    List<Variable> trainable = model.trainableWeights();
    int[] sizes = new int[trainable.size()];
    int gradLength = 0;
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = (int) Shapes.size(trainable.get(i).shape());
      gradLength += sizes[i];
    }
    int metricLength = -1;
    for (int epoch = firstEpoch; epoch < epochs; epoch++) {
      model.resetMetrics();
      data.newEpoch(shuffle, seed, epoch, rank);
      Map<String, Double> logs = Map.of();
      for (int step = 0; step < plan.steps(); step++) {
        injectFault(ctx, rank, epoch, step);
        ring.where("epoch " + (epoch + 1) + ", step " + (step + 1));
        int b = plan.localSize(step, rank);
        StepGradients g = null;
        if (b > 0) {
          Tensor[] batch = data.next(b);
          StepData d = new StepData(List.of(batch[0]), List.of(batch[1]), null);
          g = model.computeGradients(d);
          model.computeMetrics(d, g.yPred());
          model.clearCallLosses();
        }
        List<Variable> metricVars = metricVariables(model);
        int ml = 0;
        for (Variable v : metricVars) {
          ml += (int) Shapes.size(v.shape());
        }
        if (metricLength < 0) {
          metricLength = ml;
        } else if (ml != metricLength) {
          throw new IllegalStateException(
              "SparkTrainer: the metrics' state changed size during training (rank "
                  + rank
                  + "). Expected: "
                  + metricLength
                  + " values. Received: "
                  + ml);
        }
        float[] buf = new float[gradLength + ml];
        if (g != null) {
          // The gradient of the global batch's mean loss: each share's mean weighted by its size.
          float w = (float) ((double) b / plan.globalSize(step));
          int off = 0;
          for (int i = 0; i < sizes.length; i++) {
            Tensor grad = g.gradients().get(i);
            if (grad != null) {
              float[] gv = grad.toFloatArray();
              for (int j = 0; j < sizes[i]; j++) {
                buf[off + j] = gv[j] * w;
              }
            }
            off += sizes[i];
          }
        }
        int off = gradLength;
        for (Variable v : metricVars) {
          float[] mv = v.value().toFloatArray();
          System.arraycopy(mv, 0, buf, off, mv.length);
          off += mv.length;
        }
        // Rank 0 reads the merged metrics, then puts its own state back (mergedLogs).
        float[] local = rank == 0 ? Arrays.copyOfRange(buf, gradLength, gradLength + ml) : null;
        ring.allReduce(buf);
        List<Tensor> grads = new ArrayList<>(trainable.size());
        off = 0;
        for (int i = 0; i < sizes.length; i++) {
          grads.add(
              Tensor.of(Arrays.copyOfRange(buf, off, off + sizes[i]), trainable.get(i).shape()));
          off += sizes[i];
        }
        model.applyGradients(grads);
        if (rank == 0) {
          logs = mergedLogs(model, metricVars, buf, gradLength, local);
          driver.step(epoch, step, logs);
        }
      }
      if (rank == 0) {
        driver.epoch(epoch, logs, ModelBytes.weights(model));
      }
      if (driver.waitEpoch(epoch)) {
        return;
      }
    }
  }

  /** The metrics' results for the summed state, leaving this task's own state as it was. */
  private static Map<String, Double> mergedLogs(
      Model model, List<Variable> vars, float[] buf, int from, float[] local) {
    assignFlat(vars, buf, from);
    Map<String, Double> logs = model.getMetricsResult();
    assignFlat(vars, local, 0);
    return logs;
  }

  private static void assignFlat(List<Variable> vars, float[] src, int from) {
    int off = from;
    for (Variable v : vars) {
      int n = (int) Shapes.size(v.shape());
      float[] vals = new float[n];
      System.arraycopy(src, off, vals, 0, n);
      v.assign(Tensor.of(vals, v.shape()));
      off += n;
    }
  }

  private static List<Variable> metricVariables(Model model) {
    List<Variable> vars = new ArrayList<>();
    for (Metric m : model.metrics()) {
      vars.addAll(m.variables());
    }
    return vars;
  }

  private void injectFault(BarrierTaskContext ctx, int rank, int epoch, int step) {
    if (fault == null || !fault.matches(ctx.stageAttemptNumber(), rank, epoch, step)) {
      return;
    }
    switch (fault.kind()) {
      case THROW ->
          throw new IllegalStateException(
              "keras4j-spark: injected fault: task of rank "
                  + rank
                  + " lost at epoch "
                  + (epoch + 1)
                  + ", step "
                  + (step + 1));
      case EXIT -> Runtime.getRuntime().halt(17);
      case HANG -> {
        long until = System.nanoTime() + 600_000_000_000L;
        while (!ctx.isInterrupted() && System.nanoTime() < until) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        throw new IllegalStateException("keras4j-spark: injected hang ended (task killed)");
      }
    }
  }
}
