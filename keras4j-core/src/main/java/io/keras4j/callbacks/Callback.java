package io.keras4j.callbacks;

import io.keras4j.models.Model;
import java.io.PrintStream;
import java.util.Map;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, as Keras's {@code
 * keras.callbacks.Callback}. Override the hooks you need; the others do nothing. {@code logs} maps
 * Keras's names ("loss", "accuracy", "val_loss", ...) to their current values; a callback may add
 * entries (e.g. "learning_rate") that later callbacks and the History see.
 */
public class Callback {
  private Model model;
  private Map<String, Object> params = Map.of();
  // Where messages go; null means System.out as it is when printing (Keras prints to stdout).
  private PrintStream out;

  /** Called by the trainer before training starts. */
  public void setModel(Model model) {
    this.model = model;
  }

  public Model model() {
    return model;
  }

  /** Called by the trainer: "epochs", "steps" (per epoch, may be null) and "verbose". */
  public void setParams(Map<String, Object> params) {
    this.params = params;
  }

  public Map<String, Object> params() {
    return params;
  }

  public void onTrainBegin(Map<String, Double> logs) {}

  public void onTrainEnd(Map<String, Double> logs) {}

  public void onEpochBegin(int epoch, Map<String, Double> logs) {}

  public void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Keras's backwards-compatible alias: the default {@link #onTrainBatchBegin} calls it. */
  public void onBatchBegin(int batch, Map<String, Double> logs) {}

  /** Keras's backwards-compatible alias: the default {@link #onTrainBatchEnd} calls it. */
  public void onBatchEnd(int batch, Map<String, Double> logs) {}

  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    onBatchBegin(batch, logs);
  }

  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    onBatchEnd(batch, logs);
  }

  public void onTestBegin(Map<String, Double> logs) {}

  public void onTestEnd(Map<String, Double> logs) {}

  public void onTestBatchBegin(int batch, Map<String, Double> logs) {}

  public void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  public void onPredictBegin(Map<String, Double> logs) {}

  public void onPredictEnd(Map<String, Double> logs) {}

  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {}

  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {}

  // ---- messages (package-private: tests redirect them) -------------------------------------

  void output(PrintStream out) {
    this.out = out;
  }

  PrintStream output() {
    return out != null ? out : System.out;
  }

  /** Prints a line and flushes, as Keras's {@code io_utils.print_msg}. */
  void printMsg(String message) {
    PrintStream s = output();
    s.print(message + "\n");
    s.flush();
  }
}
