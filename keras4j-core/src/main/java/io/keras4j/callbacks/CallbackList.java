package io.keras4j.callbacks;

import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.BiConsumer;

/**
 * Calls every hook on each of its callbacks in order, as Keras's {@code
 * keras.callbacks.CallbackList}. As there, each hook receives a fresh copy of the logs with the
 * keys sorted, shared by all callbacks of that call: a callback may add entries (e.g.
 * "learning_rate") that the callbacks after it see, without touching the trainer's map. The trainer
 * adds a {@link History} and a {@link ProgbarLogger} after the user's callbacks unless they already
 * hold one.
 */
public class CallbackList extends Callback {
  private final List<Callback> callbacks;
  private History history;
  private ProgbarLogger progbar;

  /** The given callbacks, nothing added. */
  public CallbackList(List<? extends Callback> callbacks) {
    this(callbacks, false, false);
  }

  /** The given callbacks, nothing added. */
  public CallbackList(Callback... callbacks) {
    this(Arrays.asList(callbacks));
  }

  /**
   * The given callbacks, then a new History if {@code addHistory} and none is given, then a new
   * ProgbarLogger if {@code addProgbar} and none is given.
   */
  public CallbackList(List<? extends Callback> callbacks, boolean addHistory, boolean addProgbar) {
    this.callbacks = new ArrayList<>();
    if (callbacks != null) {
      for (Callback c : callbacks) {
        if (c == null) {
          throw new IllegalArgumentException(
              "CallbackList: callbacks must not contain null. Received: callbacks=" + callbacks);
        }
        this.callbacks.add(c);
        if (c instanceof ProgbarLogger p && progbar == null) {
          progbar = p;
        } else if (c instanceof History h && history == null) {
          history = h;
        }
      }
    }
    if (history == null && addHistory) {
      history = new History();
      this.callbacks.add(history);
    }
    if (progbar == null && addProgbar) {
      progbar = new ProgbarLogger();
      this.callbacks.add(progbar);
    }
  }

  /** Adds a callback at the end. */
  public CallbackList append(Callback callback) {
    if (callback == null) {
      throw new IllegalArgumentException("CallbackList: callback must not be null. Received: null");
    }
    callbacks.add(callback);
    return this;
  }

  /** The callbacks in calling order. */
  public List<Callback> callbacks() {
    return Collections.unmodifiableList(callbacks);
  }

  /** The History among the callbacks, or null. */
  public History history() {
    return history;
  }

  /** The ProgbarLogger among the callbacks, or null. */
  public ProgbarLogger progbar() {
    return progbar;
  }

  /** Gives the model to every callback; a null model is ignored, as in Keras. */
  @Override
  public void setModel(Model model) {
    if (model == null) {
      return;
    }
    super.setModel(model);
    for (Callback c : callbacks) {
      c.setModel(model);
    }
  }

  /** Gives the parameters to every callback when there are any. */
  @Override
  public void setParams(Map<String, Object> params) {
    super.setParams(params);
    if (params != null && !params.isEmpty()) {
      for (Callback c : callbacks) {
        c.setParams(params);
      }
    }
  }

  /** Calls one hook of every callback, in order, with one sorted copy of the logs. */
  private void each(Map<String, Double> logs, BiConsumer<Callback, Map<String, Double>> hook) {
    Map<String, Double> l = sortedCopy(logs);
    for (Callback c : callbacks) {
      hook.accept(c, l);
    }
  }

  /** A new map with the keys sorted (Keras's {@code pythonify_logs}); never null. */
  static Map<String, Double> sortedCopy(Map<String, Double> logs) {
    Map<String, Double> copy = new LinkedHashMap<>();
    if (logs == null || logs.isEmpty()) {
      return copy;
    }
    if (logs instanceof SortedMap<String, Double> s && s.comparator() == null) {
      copy.putAll(logs);
    } else {
      String[] keys = logs.keySet().toArray(new String[0]);
      Arrays.sort(keys);
      for (String k : keys) {
        copy.put(k, logs.get(k));
      }
    }
    return copy;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    each(logs, Callback::onTrainBegin);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    each(logs, Callback::onTrainEnd);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onEpochBegin(epoch, l));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onEpochEnd(epoch, l));
  }

  @Override
  public void onBatchBegin(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onBatchBegin(batch, l));
  }

  @Override
  public void onBatchEnd(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onBatchEnd(batch, l));
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onTrainBatchBegin(batch, l));
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onTrainBatchEnd(batch, l));
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    each(logs, Callback::onTestBegin);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    each(logs, Callback::onTestEnd);
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onTestBatchBegin(batch, l));
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onTestBatchEnd(batch, l));
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    each(logs, Callback::onPredictBegin);
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    each(logs, Callback::onPredictEnd);
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onPredictBatchBegin(batch, l));
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    each(logs, (c, l) -> c.onPredictBatchEnd(batch, l));
  }
}
