package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.StepPool;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.models.CompileOptions;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code compile} sets up: the optimizer, the compiled loss and metrics (resolved against the
 * model's outputs once it has them), the loss tracker (Keras's {@code _loss_tracker}, a {@link
 * Mean} named "loss") and the step buffer pool of the loops.
 */
final class CompileState {
  final Optimizer optimizer;
  private final CompileOptions options;
  private final boolean hasLoss;
  private CompileLoss compileLoss;
  private CompileMetrics compileMetrics;
  final Mean lossTracker = new Mean("loss");
  private final StepPool pool = Backend.current().newStepPool();
  private long steps;

  /** The options given to {@code compile}. */
  CompileOptions options() {
    return options;
  }

  /** Checks the options now (unknown names, output names) as far as {@code outputNames} allow. */
  CompileState(CompileOptions options, List<String> outputNamesOrNull) {
    if (options.optimizer() == null) {
      throw new IllegalArgumentException(
          "compile: an optimizer is needed. Received: optimizer=null");
    }
    this.optimizer = options.optimizer();
    this.options = options;
    this.hasLoss = options.lossList() != null || options.lossMap() != null;
    if (outputNamesOrNull != null) {
      build(outputNamesOrNull);
    } else {
      // Output names are known once the model is built; check the names now anyway.
      CompileLoss.checkLossNames(options);
      CompileMetrics.checkMetricNames(options);
    }
  }

  /** Resolves the losses and metrics for the model's outputs (once). */
  void build(List<String> outputNames) {
    if (compileMetrics != null) {
      return;
    }
    compileLoss = hasLoss ? new CompileLoss(options, outputNames) : null;
    compileMetrics = new CompileMetrics(options, outputNames);
  }

  /**
   * The compiled loss of a batch (null when compile was given no loss); updates the per-output loss
   * trackers.
   */
  Tensor compiledLoss(
      List<String> outputNames,
      List<Tensor> y,
      List<Tensor> yPred,
      Tensor sampleWeight,
      List<Tensor> masks) {
    build(outputNames);
    return compileLoss == null ? null : compileLoss.compute(y, yPred, sampleWeight, masks);
  }

  /** Updates the compiled metrics with a batch. */
  void updateMetrics(
      List<String> outputNames,
      List<Tensor> y,
      List<Tensor> yPred,
      Tensor sampleWeight,
      List<Tensor> masks) {
    build(outputNames);
    compileMetrics.update(y, yPred, sampleWeight, masks);
  }

  /** Adds a batch's loss to the "loss" tracker, weighted by its number of samples (as Keras). */
  void trackLoss(Tensor loss, int samples) {
    lossTracker.updateState(Tensor.scalar(loss.item()), Tensor.scalar(samples));
  }

  /**
   * Keras's compiled part of {@code model.metrics}: the loss tracker, the compiled metrics and the
   * per-output loss trackers (the last two once the first batch has resolved them).
   */
  List<Metric> metrics() {
    List<Metric> out = new ArrayList<>();
    out.add(lossTracker);
    if (compileMetrics != null) {
      out.addAll(compileMetrics.all());
    }
    if (compileLoss != null) {
      out.addAll(compileLoss.trackers());
    }
    return out;
  }

  /**
   * The scope of one step (batch, forward, backward, update, metrics): after the first step, op
   * outputs come from this pool and return to it when the scope closes (see {@link StepPool}). The
   * first step runs without, as it may build layers that keep what they make.
   */
  StepPool.StepScope stepScope() {
    return ++steps == 1 ? () -> {} : pool.open(steps);
  }
}
