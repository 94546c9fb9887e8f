package io.keras4j.ui;

import io.keras4j.callbacks.Callback;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A callback that shows its run live on the training page: the loss, the metrics and the learning
 * rate after every batch and every epoch (with the validation values), the model summary and the
 * run's status. Several runs share one page, side by side (one series per run in each chart).
 *
 * <pre>{@code
 * model.fit(x, y, new FitOptions().epochs(10).callbacks(new TrainingPage()));
 * }</pre>
 *
 * <p>{@code new TrainingPage()} uses the process's default server ({@link TrainingServer#shared()}:
 * 127.0.0.1, port 9000 or the next free one, its address printed once); {@link
 * TrainingServer#callback(String)} adds a run to a server of your own. The learning rate is read
 * from the model's optimizer after each batch and epoch (the "learning_rate" column), unless the
 * logs already hold one.
 */
public class TrainingPage extends Callback {
  private final TrainingServer server;
  private final RunLog run;
  private int epoch;

  /** A run named "run N" on the default server. */
  public TrainingPage() {
    this(null, TrainingServer.shared());
  }

  /** A run with the given name on the default server. */
  public TrainingPage(String runName) {
    this(checkedName(runName), TrainingServer.shared()); // the name is checked first
  }

  TrainingPage(String runName, TrainingServer server) {
    this.server = server;
    this.run = server.newRun(runName);
  }

  static String checkedName(String runName) {
    if (runName == null || runName.isBlank()) {
      throw new IllegalArgumentException(
          "TrainingPage: runName must be a non-blank string. Received: runName="
              + (runName == null ? "null" : "\"" + runName + "\""));
    }
    return runName;
  }

  /** The run's name on the page. */
  public String runName() {
    return run.name();
  }

  /** The server that shows this run. */
  public TrainingServer server() {
    return server;
  }

  /** The page's address, e.g. {@code http://127.0.0.1:9000/}. */
  public String url() {
    return server.url();
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    run.trainBegin(summaryOf(model()), intParam("epochs"), intParam("steps"));
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    this.epoch = epoch;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    run.batch(epoch, withRate(logs));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    run.epoch(epoch, withRate(logs));
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    run.trainEnd();
  }

  private Map<String, Double> withRate(Map<String, Double> logs) {
    Map<String, Double> row = new LinkedHashMap<>();
    if (logs != null) {
      row.putAll(logs);
    }
    if (!row.containsKey("learning_rate")) {
      Optimizer optimizer = model() == null ? null : model().optimizer();
      if (optimizer != null) {
        row.put("learning_rate", optimizer.learningRate());
      }
    }
    return row;
  }

  private Integer intParam(String key) {
    return params().get(key) instanceof Number n ? n.intValue() : null;
  }

  private static String summaryOf(Model model) {
    if (model == null) {
      return "";
    }
    try {
      return model.summary(0);
    } catch (RuntimeException e) {
      return "(no summary: " + e.getMessage() + ")";
    }
  }
}
