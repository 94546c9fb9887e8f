package io.keras4j.callbacks;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A callback made of functions, as Keras's {@code keras.callbacks.LambdaCallback}: each chained
 * option sets the function run by the hook of that name, e.g. {@code new
 * LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(logs.get("loss")))}. Hooks
 * without a function do what {@link Callback}'s do.
 */
public class LambdaCallback extends Callback {
  /** A function of an epoch or batch index and the logs. */
  @FunctionalInterface
  public interface Hook {
    void accept(int index, Map<String, Double> logs);
  }

  private Consumer<Map<String, Double>> onTrainBeginFn;
  private Consumer<Map<String, Double>> onTrainEndFn;
  private Consumer<Map<String, Double>> onTestBeginFn;
  private Consumer<Map<String, Double>> onTestEndFn;
  private Consumer<Map<String, Double>> onPredictBeginFn;
  private Consumer<Map<String, Double>> onPredictEndFn;
  private Hook onEpochBeginFn;
  private Hook onEpochEndFn;
  private Hook onBatchBeginFn;
  private Hook onBatchEndFn;
  private Hook onTrainBatchBeginFn;
  private Hook onTrainBatchEndFn;
  private Hook onTestBatchBeginFn;
  private Hook onTestBatchEndFn;
  private Hook onPredictBatchBeginFn;
  private Hook onPredictBatchEndFn;

  /** Runs {@code fn.accept(logs)} on train begin. */
  public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> fn) {
    this.onTrainBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(logs)} on train end. */
  public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> fn) {
    this.onTrainEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(logs)} on test begin. */
  public LambdaCallback onTestBegin(Consumer<Map<String, Double>> fn) {
    this.onTestBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(logs)} on test end. */
  public LambdaCallback onTestEnd(Consumer<Map<String, Double>> fn) {
    this.onTestEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(logs)} on predict begin. */
  public LambdaCallback onPredictBegin(Consumer<Map<String, Double>> fn) {
    this.onPredictBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(logs)} on predict end. */
  public LambdaCallback onPredictEnd(Consumer<Map<String, Double>> fn) {
    this.onPredictEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(epoch, logs)} on epoch begin. */
  public LambdaCallback onEpochBegin(Hook fn) {
    this.onEpochBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(epoch, logs)} on epoch end. */
  public LambdaCallback onEpochEnd(Hook fn) {
    this.onEpochEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on batch begin. */
  public LambdaCallback onBatchBegin(Hook fn) {
    this.onBatchBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on batch end. */
  public LambdaCallback onBatchEnd(Hook fn) {
    this.onBatchEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on train batch begin. */
  public LambdaCallback onTrainBatchBegin(Hook fn) {
    this.onTrainBatchBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on train batch end. */
  public LambdaCallback onTrainBatchEnd(Hook fn) {
    this.onTrainBatchEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on test batch begin. */
  public LambdaCallback onTestBatchBegin(Hook fn) {
    this.onTestBatchBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on test batch end. */
  public LambdaCallback onTestBatchEnd(Hook fn) {
    this.onTestBatchEndFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on predict batch begin. */
  public LambdaCallback onPredictBatchBegin(Hook fn) {
    this.onPredictBatchBeginFn = fn;
    return this;
  }

  /** Runs {@code fn.accept(batch, logs)} on predict batch end. */
  public LambdaCallback onPredictBatchEnd(Hook fn) {
    this.onPredictBatchEndFn = fn;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    if (onTrainBeginFn != null) {
      onTrainBeginFn.accept(logs);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (onTrainEndFn != null) {
      onTrainEndFn.accept(logs);
    }
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    if (onTestBeginFn != null) {
      onTestBeginFn.accept(logs);
    }
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (onTestEndFn != null) {
      onTestEndFn.accept(logs);
    }
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    if (onPredictBeginFn != null) {
      onPredictBeginFn.accept(logs);
    }
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    if (onPredictEndFn != null) {
      onPredictEndFn.accept(logs);
    }
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (onEpochBeginFn != null) {
      onEpochBeginFn.accept(epoch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (onEpochEndFn != null) {
      onEpochEndFn.accept(epoch, logs);
    }
  }

  @Override
  public void onBatchBegin(int batch, Map<String, Double> logs) {
    if (onBatchBeginFn != null) {
      onBatchBeginFn.accept(batch, logs);
    }
  }

  @Override
  public void onBatchEnd(int batch, Map<String, Double> logs) {
    if (onBatchEndFn != null) {
      onBatchEndFn.accept(batch, logs);
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    if (onTrainBatchBeginFn != null) {
      onTrainBatchBeginFn.accept(batch, logs);
    } else {
      super.onTrainBatchBegin(batch, logs);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (onTrainBatchEndFn != null) {
      onTrainBatchEndFn.accept(batch, logs);
    } else {
      super.onTrainBatchEnd(batch, logs);
    }
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    if (onTestBatchBeginFn != null) {
      onTestBatchBeginFn.accept(batch, logs);
    }
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    if (onTestBatchEndFn != null) {
      onTestBatchEndFn.accept(batch, logs);
    }
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    if (onPredictBatchBeginFn != null) {
      onPredictBatchBeginFn.accept(batch, logs);
    }
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    if (onPredictBatchEndFn != null) {
      onPredictBatchEndFn.accept(batch, logs);
    }
  }
}
