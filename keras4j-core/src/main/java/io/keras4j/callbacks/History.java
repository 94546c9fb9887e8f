package io.keras4j.callbacks;

import io.keras4j.internal.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the logs of every epoch, as Keras's {@code keras.callbacks.History}; {@code fit} returns
 * it. As in Keras 3, {@link #epoch()} restarts with each training run while the recorded values
 * keep growing if the same History is used again.
 */
public class History extends Callback {
  private final Map<String, List<Double>> history = new LinkedHashMap<>();
  private final List<Integer> epoch = new ArrayList<>();

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    epoch.clear();
  }

  @Override
  public void onEpochEnd(int epochIndex, Map<String, Double> logs) {
    epoch.add(epochIndex);
    if (logs != null) {
      for (Map.Entry<String, Double> e : logs.entrySet()) {
        history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
    }
  }

  /** The values of {@code name} ("loss", "val_accuracy", ...), one per epoch. */
  public List<Double> get(String name) {
    List<Double> values = history.get(name);
    if (values == null) {
      throw new IllegalArgumentException(
          "History: no values for '"
              + name
              + "'."
              + Suggest.didYouMean(name, history.keySet())
              + " Available: "
              + history.keySet()
              + ". Received: name="
              + name);
    }
    return Collections.unmodifiableList(values);
  }

  /** Every recorded name and its values per epoch, in the order the names first appeared. */
  public Map<String, List<Double>> history() {
    Map<String, List<Double>> view = new LinkedHashMap<>();
    history.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
    return Collections.unmodifiableMap(view);
  }

  /** The indices of the epochs of the last training run. */
  public List<Integer> epoch() {
    return Collections.unmodifiableList(epoch);
  }

  /**
   * Draws the loss and each metric per epoch, training and validation, one chart a metric as the
   * Keras tutorials show them, into a PNG file. Needs io.keras4j:keras4j-plots (JFreeChart) on the
   * class path or module path; fails naming it otherwise. No display is needed.
   */
  public void plot(Path file) {
    HistoryPlotters.find().plot(this, file);
  }

  @Override
  public String toString() {
    return "History" + history;
  }
}
