package io.keras4j.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the page shows of one run: its name and status, the model summary, the logs of every epoch
 * and of the training batches. Written by the training thread (through {@link TrainingPage}), read
 * by the server's threads: every method is synchronized.
 *
 * <p>Memory is bounded: the batch table holds at most {@code maxBatchPoints} rows. Batches are
 * numbered across epochs from 0 ("step"); when the table is full, every other row is dropped (those
 * whose step is not a multiple of twice the stride) and the stride doubles, so the table keeps an
 * evenly spaced sample of the steps (each row the logs at that batch, as Keras reports them:
 * running means over the epoch so far). The epoch table keeps every epoch.
 */
final class RunLog {
  private final int id;
  private final String name;
  private final int maxBatchPoints;
  private String status = "waiting";
  private String summary = "";
  private Integer epochs;
  private Integer stepsPerEpoch;
  private long batchesSeen;
  private long stride = 1;
  private final Columns batches = new Columns("step");
  private final Columns epochLogs = new Columns("epoch");
  private Map<String, Double> lastBatch = Map.of();
  private double lastEpochX;

  RunLog(int id, String name, int maxBatchPoints) {
    this.id = id;
    this.name = name;
    this.maxBatchPoints = maxBatchPoints;
  }

  int id() {
    return id;
  }

  String name() {
    return name;
  }

  synchronized String status() {
    return status;
  }

  synchronized long batchesSeen() {
    return batchesSeen;
  }

  synchronized int epochsSeen() {
    return epochLogs.size();
  }

  synchronized void trainBegin(String summary, Integer epochs, Integer stepsPerEpoch) {
    this.status = "training";
    this.summary = summary;
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  synchronized void batch(int epoch, Map<String, Double> logs) {
    long step = batchesSeen++;
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("epoch", (double) epoch);
    row.putAll(logs);
    lastBatch = row;
    if (step % stride != 0) {
      return;
    }
    if (batches.size() >= maxBatchPoints) {
      stride *= 2;
      batches.keepMultiplesOf(stride);
      if (step % stride != 0) {
        return;
      }
    }
    batches.add(step, row);
  }

  /**
   * Adds an epoch's logs at x = {@code epoch}, or just after the last epoch when a second fit with
   * the same callback counts its epochs from 0 again (the chart's x must keep increasing).
   */
  synchronized void epoch(int epoch, Map<String, Double> logs) {
    double x = epoch;
    if (epochLogs.size() > 0 && x <= lastEpochX) {
      x = lastEpochX + 1;
    }
    lastEpochX = x;
    epochLogs.add(x, logs);
  }

  synchronized void trainEnd() {
    status = "finished";
  }

  synchronized void toJson(StringBuilder out) {
    out.append("{\"id\":").append(id).append(",\"name\":");
    Json.string(out, name);
    out.append(",\"status\":");
    Json.string(out, status);
    out.append(",\"epochs\":").append(epochs == null ? "null" : epochs.toString());
    out.append(",\"steps_per_epoch\":");
    out.append(stepsPerEpoch == null ? "null" : stepsPerEpoch.toString());
    out.append(",\"batches_seen\":").append(batchesSeen);
    out.append(",\"batch_stride\":").append(stride);
    out.append(",\"summary\":");
    Json.string(out, summary);
    out.append(",\"last_batch\":{");
    boolean first = true;
    for (Map.Entry<String, Double> e : lastBatch.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.string(out, e.getKey());
      out.append(':');
      Json.number(out, e.getValue());
    }
    out.append("},\"batch\":");
    batches.toJson(out);
    out.append(",\"epoch\":");
    epochLogs.toJson(out);
    out.append('}');
  }
}
