package io.keras4j.callbacks;

import io.keras4j.optimizers.Optimizer;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Sets the learning rate at the start of every epoch from a schedule, as Keras's {@code
 * keras.callbacks.LearningRateScheduler}; the schedule gets the epoch index (from 0) and the
 * current rate, or only the epoch. At each epoch end the rate is written into the logs as
 * "learning_rate".
 */
public class LearningRateScheduler extends Callback {
  private final BiFunction<Integer, Double, Double> schedule;
  private int verbose;

  /** {@code schedule.apply(epoch, currentRate)} gives the rate of the epoch. */
  public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException(
          "LearningRateScheduler: schedule must not be null. Received: schedule=null");
    }
    this.schedule = schedule;
  }

  /** {@code schedule.applyAsDouble(epoch)} gives the rate of the epoch. */
  public LearningRateScheduler(IntToDoubleFunction schedule) {
    this(checked(schedule));
  }

  private static BiFunction<Integer, Double, Double> checked(IntToDoubleFunction schedule) {
    if (schedule == null) {
      throw new IllegalArgumentException(
          "LearningRateScheduler: schedule must not be null. Received: schedule=null");
    }
    return (epoch, lr) -> schedule.applyAsDouble(epoch);
  }

  /** 1 prints the new rate at each epoch (default 0). */
  public LearningRateScheduler verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    Optimizer optimizer = optimizer();
    Double lr = schedule.apply(epoch, optimizer.learningRate());
    if (lr == null) {
      throw new IllegalArgumentException(
          "LearningRateScheduler: the output of the schedule function should be a number."
              + " Received: null");
    }
    optimizer.setLearningRate(lr);
    if (verbose > 0) {
      printMsg(
          "\nEpoch "
              + (epoch + 1)
              + ": LearningRateScheduler setting learning rate to "
              + PyFormat.repr(lr)
              + ".");
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (logs != null) {
      logs.put("learning_rate", optimizer().learningRate());
    }
  }

  private Optimizer optimizer() {
    Optimizer o = model() == null ? null : model().optimizer();
    if (o == null) {
      throw new IllegalStateException(
          "LearningRateScheduler: the model has no optimizer; compile it before fit. Received:"
              + " model="
              + (model() == null ? "null" : model().name()));
    }
    return o;
  }
}
