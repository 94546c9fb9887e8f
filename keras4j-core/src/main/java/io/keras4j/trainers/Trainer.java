package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.backend.Buffers;
import io.keras4j.constraints.Constraint;
import io.keras4j.data.Rows;
import io.keras4j.layers.CallContext;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code compile} sets up and what one step of training, testing or prediction does, as Keras
 * 3's {@code Trainer.train_step} / {@code test_step} / {@code predict_step}. The loops over epochs
 * and batches are in {@link FitLoop} and {@link EvaluateLoop}.
 */
public final class Trainer {
  private final Model model;
  private final Optimizer optimizer;
  private final CompileOptions options;
  private CompileLoss compileLoss;
  private CompileMetrics compileMetrics;
  private final MeanTracker lossTracker = new MeanTracker("loss");
  private List<Variable> trainable;
  private List<Tensor> trainableValues;
  private List<Constraint> constraints;
  private final Buffers.Pool pool = new Buffers.Pool();
  private long steps;

  /** Compiles: checks the options now (unknown names, output names) where the model allows. */
  public Trainer(Model model, CompileOptions options) {
    if (options.optimizer() == null) {
      throw new IllegalArgumentException(
          "compile: an optimizer is needed. Received: optimizer=null");
    }
    this.model = model;
    this.optimizer = options.optimizer();
    this.options = options;
    if (model.hasGraph()) {
      buildCompiled();
    } else {
      // Output names are known once the model is built; check the loss names now anyway.
      CompileLoss.checkLossNames(options);
      CompileMetrics.checkMetricNames(options);
    }
  }

  private void buildCompiled() {
    List<String> names = model.outputNames();
    compileLoss = new CompileLoss(options, names);
    compileMetrics = new CompileMetrics(options, names);
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Model model() {
    return model;
  }

  /** The losses resolved for each output (null before the first batch). */
  public Loss[] losses() {
    return compileLoss == null ? null : compileLoss.losses();
  }

  /** The compiled metrics (empty before the first batch). */
  public List<Metric> metrics() {
    return compileMetrics == null ? List.of() : compileMetrics.all();
  }

  void resetMetrics() {
    lossTracker.reset();
    if (compileLoss != null) {
      compileLoss.trackers().forEach(MeanTracker::reset);
      compileMetrics.reset();
    }
  }

  /** Captures the trainable variables (and their constraints) for a run of steps. */
  void prepare() {
    trainable = model.trainableWeights();
    trainableValues = new ArrayList<>(trainable.size());
    constraints = new ArrayList<>(trainable.size());
    for (Variable v : trainable) {
      trainableValues.add(v.value());
      constraints.add(model.constraintOf(v));
    }
  }

  /**
   * The scope of one step (batch, forward, backward, update, metrics): after the first step, op
   * outputs come from this trainer's pool and return to it when the scope closes; a tensor of the
   * step read after that throws, naming the step (see {@link Buffers}). The first step runs
   * without, as it may build layers that keep what they make.
   */
  Buffers.Scope stepScope() {
    return ++steps == 1 ? () -> {} : pool.activate(steps);
  }

  /** One step of training on a batch: forward, loss, gradients, update, metrics. */
  void trainStep(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    if (trainable == null) {
      if (!model.hasGraph()) {
        model.callEager(x, CallContext.inference()); // builds a Sequential given no input shape
      }
      prepare();
    }
    List<Tensor> yPred;
    List<Tensor> masks;
    Tensor loss;
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      for (Tensor v : trainableValues) {
        tape.watch(v);
      }
      yPred = model.callEager(x, CallContext.of(true));
      masks = model.lastOutputMasks();
      loss = totalLoss(y, yPred, sampleWeight, masks);
      grads = trainable.isEmpty() ? List.of() : tape.gradient(loss, trainableValues);
    }
    lossTracker.update(loss.item(), Rows.count(x.get(0)));
    if (!trainable.isEmpty()) {
      optimizer.applyGradients(grads, trainable);
      for (int i = 0; i < trainable.size(); i++) {
        Constraint c = constraints.get(i);
        if (c != null) {
          Variable v = trainable.get(i);
          v.assign(c.apply(v.value()));
        }
      }
    }
    compileMetrics.update(y, yPred, sampleWeight, masks);
    model.clearCallLosses(); // they may hold step buffers
  }

  /** One step of evaluation: forward in inference mode, loss and metrics. */
  void testStep(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    List<Tensor> yPred = model.callEager(x, CallContext.inference());
    List<Tensor> masks = model.lastOutputMasks();
    Tensor loss = totalLoss(y, yPred, sampleWeight, masks);
    lossTracker.update(loss.item(), Rows.count(x.get(0)));
    compileMetrics.update(y, yPred, sampleWeight, masks);
    model.clearCallLosses(); // they may hold step buffers
  }

  private Tensor totalLoss(
      List<Tensor> y, List<Tensor> yPred, Tensor sampleWeight, List<Tensor> masks) {
    if (compileLoss == null) {
      buildCompiled();
    }
    Tensor loss = compileLoss.compute(y, yPred, sampleWeight, masks);
    for (Tensor l : model.losses()) {
      loss = loss == null ? l : Ops.add(loss, l);
    }
    if (loss == null) {
      throw new IllegalStateException(
          "Model '" + model.name() + "' has no loss to optimize: no output has a loss.");
    }
    return loss;
  }

  /** The current results: "loss", the per-output losses and the metrics, sorted by name. */
  Map<String, Double> results() {
    Map<String, Double> logs = new TreeMap<>();
    logs.put("loss", lossTracker.result());
    if (compileLoss != null) {
      for (MeanTracker t : compileLoss.trackers()) {
        logs.put(t.name, t.result());
      }
      compileMetrics.results(logs);
    }
    return logs;
  }
}
