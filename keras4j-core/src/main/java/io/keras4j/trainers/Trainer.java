package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.callbacks.History;
import io.keras4j.constraints.Constraint;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Layer;
import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.ModelOutputs;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.StepData;
import io.keras4j.models.StepGradients;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.utils.Sequence;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training half of a {@link Model}, as Keras 3's {@code Trainer}: {@code compile}, {@code fit},
 * {@code evaluate}, {@code predict}, and the open step they run. {@code fit} calls {@link
 * #trainStep} once per batch, {@code evaluate} {@link #testStep}, {@code predict} {@link
 * #predictStep}; a subclass of {@code Model} overrides them (or {@link #computeLoss}, {@link
 * #computeMetrics}, {@link #metrics()}) to change what happens in {@code fit}, as in Keras's guide
 * "Customizing what happens in fit()". The progress bar, the {@link History} and the callbacks see
 * the logs the step returns.
 *
 * <p>Only {@code Model} extends this class; the loops behind it are internal to this package.
 */
public abstract class Trainer extends Layer {
  private CompileState compiled;
  private History history;
  private volatile boolean stopTraining;
  private final PredictPool predictPool = new PredictPool();

  /** For {@link Model} only. */
  protected Trainer() {
    if (!(this instanceof Model)) {
      throw new IllegalStateException(
          "Trainer is the training half of Model: extend io.keras4j.models.Model. Received: "
              + getClass().getName());
    }
  }

  /** This trainer as the model it is. */
  final Model self() {
    return (Model) this;
  }

  // ---- compile ---------------------------------------------------------------------------

  /** Keras's {@code compile(optimizer, loss, metrics)} with names: {@code ("rmsprop", "mse")}. */
  public void compile(String optimizer, String loss, String... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  public void compile(Optimizer optimizer, String loss, String... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  public void compile(Optimizer optimizer, Loss loss, String... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  public void compile(String optimizer, Loss loss, String... metrics) {
    compile(new CompileOptions().optimizer(optimizer).loss(loss).metrics(metrics));
  }

  /**
   * Compiles with an optimizer and no loss, as Keras's {@code compile(optimizer="adam")}: for a
   * model whose {@link #trainStep} or {@link #computeLoss} computes the loss itself.
   */
  public void compile(Optimizer optimizer) {
    compile(new CompileOptions().optimizer(optimizer));
  }

  /** Compiles with every option of Keras's {@code compile}. */
  public void compile(CompileOptions options) {
    Model m = self();
    this.compiled = new CompileState(options, m.hasGraph() ? m.outputNames() : null);
  }

  /** The optimizer given to {@code compile}, or null before it. */
  public Optimizer optimizer() {
    return compiled == null ? null : compiled.optimizer;
  }

  /** The options given to {@code compile} (for saving its config), or null before it. */
  public CompileOptions compileOptions() {
    return compiled == null ? null : compiled.options();
  }

  /** Whether {@code compile} was called. */
  public boolean isCompiled() {
    return compiled != null;
  }

  /** The History of the last {@code fit}, or null. */
  public History history() {
    return history;
  }

  /** Whether a callback asked {@code fit} to stop (Keras's {@code model.stop_training}). */
  public boolean stopTraining() {
    return stopTraining;
  }

  /** Asks {@code fit} to stop after the current batch, as Keras's flag. */
  public void stopTraining(boolean stop) {
    this.stopTraining = stop;
  }

  CompileState compiled(String method) {
    if (compiled == null) {
      throw new IllegalStateException(
          "You must call `compile()` before calling `" + method + "()` on model '" + name() + "'.");
    }
    return compiled;
  }

  // ---- fit, evaluate, predict (every overload of Model ends here) -------------------------

  /** Trains on inputs and targets, one tensor per model input and per output. */
  public History fit(List<Tensor> x, List<Tensor> y, FitOptions options) {
    compiled("fit");
    history = FitLoop.fit(this, x, y, options);
    return history;
  }

  /** Trains on a Dataset (its own batch size unless the options give one). */
  public History fit(Dataset data, FitOptions options) {
    compiled("fit");
    history = FitLoop.fit(this, data, options);
    return history;
  }

  /** "loss" and each metric by its Keras name, sorted, over x and y. */
  public Map<String, Double> evaluate(List<Tensor> x, List<Tensor> y, EvaluateOptions options) {
    compiled("evaluate");
    return EvaluateLoop.evaluate(this, x, y, options);
  }

  public Map<String, Double> evaluate(Dataset data, EvaluateOptions options) {
    compiled("evaluate");
    return EvaluateLoop.evaluate(this, data, options);
  }

  /** Predictions with Keras's options (batch size, verbosity, steps, callbacks). */
  public List<Tensor> predict(List<Tensor> x, PredictOptions options) {
    return PredictLoop.predict(this, x, options);
  }

  /**
   * Trains on a Sequence's batches (Keras's {@code PyDataset}), produced ahead on its background
   * threads; {@code shuffle} shuffles the order of the batches each epoch.
   */
  public History fit(Sequence data, FitOptions options) {
    compiled("fit");
    history = FitLoop.fit(this, data, options);
    return history;
  }

  public Map<String, Double> evaluate(Sequence data, EvaluateOptions options) {
    compiled("evaluate");
    return EvaluateLoop.evaluate(this, data, options);
  }

  /** Predictions for a Dataset's inputs, one tensor per output (targets are not used). */
  public List<Tensor> predict(Dataset data, PredictOptions options) {
    return PredictLoop.predict(this, data, options);
  }

  /** Predictions for a Sequence's batches, one tensor per output. */
  public List<Tensor> predict(Sequence data, PredictOptions options) {
    return PredictLoop.predict(this, data, options);
  }

  /** One training step on one batch (metrics reset first); returns the step's logs. */
  public Map<String, Double> trainOnBatch(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    compiled("trainOnBatch");
    return BatchSteps.train(this, x, y, sampleWeight);
  }

  /** Loss and metrics of one batch, in inference mode (metrics reset first). */
  public Map<String, Double> testOnBatch(List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    compiled("testOnBatch");
    return BatchSteps.test(this, x, y, sampleWeight);
  }

  /** Predictions of one batch, one tensor per output ({@link #predictStep}). */
  public List<Tensor> predictOnBatch(List<Tensor> x) {
    return pooledPredictStep(x);
  }

  /** {@link #predictStep} on inputs, with the intermediate results in {@link PredictPool}. */
  List<Tensor> pooledPredictStep(List<Tensor> x) {
    return predictPool.run(() -> predictStep(new StepData(x, List.of(), null)));
  }

  // ---- the step ----------------------------------------------------------------------------

  /**
   * One step of training on a batch, as Keras's {@code train_step(data)}: {@link #computeGradients}
   * (forward pass in training mode, {@link #computeLoss}, the "loss" tracker, gradients), {@link
   * #applyGradients}, then {@link #computeMetrics}. Returns the logs {@code fit} shows and hands to
   * the callbacks, usually {@link #getMetricsResult()}.
   */
  public Map<String, Double> trainStep(StepData data) {
    StepGradients step = computeGradients(data);
    applyGradients(step.gradients());
    return computeMetrics(data, step.yPred());
  }

  /**
   * One step of evaluation, as Keras's {@code test_step(data)}: forward pass in inference mode,
   * {@link #computeLoss}, the "loss" tracker, {@link #computeMetrics}.
   */
  public Map<String, Double> testStep(StepData data) {
    CompileState c = compiled("testStep");
    ModelOutputs yPred = self().apply(data.inputs(), false);
    Tensor loss = computeLoss(data, yPred, false);
    c.trackLoss(loss, data.batchSize());
    return computeMetrics(data, yPred);
  }

  /** One step of prediction, as Keras's {@code predict_step(data)}: the outputs for the inputs. */
  public List<Tensor> predictStep(StepData data) {
    return self().apply(data.inputs(), false);
  }

  /**
   * The first half of {@link #trainStep}, changing no weight: the forward pass in training mode
   * under a {@link GradientTape}, {@link #computeLoss}, the "loss" tracker, and the gradient of the
   * loss for each of {@link #trainableWeights()}. A data-parallel trainer combines the gradients of
   * its workers before {@link #applyGradients}.
   */
  public StepGradients computeGradients(StepData data) {
    CompileState c = compiled("computeGradients");
    ModelOutputs yPred;
    Tensor loss;
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      yPred = self().apply(data.inputs(), true);
      loss = computeLoss(data, yPred, true);
      // Read after the call: a Sequential without an input shape makes its weights in it.
      List<Variable> trainable = trainableWeights();
      grads = trainable.isEmpty() ? List.of() : tape.gradient(loss, trainable);
    }
    c.trackLoss(loss, data.batchSize());
    return new StepGradients(loss, grads, yPred);
  }

  /**
   * The second half of {@link #trainStep}: the optimizer applies one gradient per trainable weight
   * (in the order of {@link #trainableWeights()}), then each weight's constraint is applied.
   */
  public void applyGradients(List<Tensor> gradients) {
    CompileState c = compiled("applyGradients");
    List<Variable> trainable = trainableWeights();
    if (trainable.isEmpty() && gradients.isEmpty()) {
      return;
    }
    c.optimizer.applyGradients(gradients, trainable);
    for (Variable v : trainable) {
      Constraint constraint = constraintOf(v);
      if (constraint != null) {
        v.assign(constraint.apply(v.value()));
      }
    }
  }

  /**
   * The total loss of a batch, as Keras's {@code compute_loss(x, y, y_pred, sample_weight,
   * training)}: the compiled loss of each output (with its weight, the sample weights and the mask
   * {@code yPred} carries) plus the model's own losses ({@link #losses()}: regularization and
   * {@code addLoss}). Override it to train on another loss; {@link #trainStep} and {@link
   * #testStep} call it.
   *
   * @param data the batch (the default reads its targets and sample weights)
   * @param yPred the model's outputs for {@code data}'s inputs
   * @param training whether the step trains (the default ignores it)
   */
  public Tensor computeLoss(StepData data, List<Tensor> yPred, boolean training) {
    CompileState c = compiled("computeLoss");
    Model m = self();
    Tensor loss =
        c.compiledLoss(
            m.outputNames(),
            data.targets(),
            yPred,
            data.sampleWeight(),
            ModelOutputs.masksOf(yPred));
    for (Tensor l : losses()) {
      loss = loss == null ? l : Ops.add(loss, l);
    }
    if (loss == null) {
      throw new IllegalStateException(
          "Model '"
              + name()
              + "' has no loss to compute: no output has a loss and the model adds none. Provide a"
              + " `loss` to compile(), or override computeLoss or trainStep.");
    }
    return loss;
  }

  /** {@link #computeLoss(StepData, List, boolean)} of a single-output model, in training mode. */
  public final Tensor computeLoss(StepData data, Tensor yPred) {
    return computeLoss(data, List.of(yPred), true);
  }

  /**
   * Updates the compiled metrics with a batch and returns every metric's value, as Keras's {@code
   * compute_metrics(x, y, y_pred, sample_weight)}: {@link #getMetricsResult()} afterwards.
   */
  public Map<String, Double> computeMetrics(StepData data, List<Tensor> yPred) {
    CompileState c = compiled("computeMetrics");
    c.updateMetrics(
        self().outputNames(),
        data.targets(),
        yPred,
        data.sampleWeight(),
        ModelOutputs.masksOf(yPred));
    return getMetricsResult();
  }

  /** {@link #computeMetrics(StepData, List)} of a single-output model. */
  public final Map<String, Double> computeMetrics(StepData data, Tensor yPred) {
    return computeMetrics(data, List.of(yPred));
  }

  /**
   * The model's metrics, as Keras's {@code model.metrics}: the "loss" tracker (a {@link
   * io.keras4j.metrics.Mean}), the compiled metrics and, with several losses, the per-output loss
   * trackers (the last two once the first batch has resolved them). {@code fit} and {@code
   * evaluate} reset them with {@link #resetMetrics()}; a model tracking metrics of its own
   * overrides this to list them.
   */
  public List<Metric> metrics() {
    return compiled == null ? List.of() : compiled.metrics();
  }

  /** Resets every metric of {@link #metrics()} (Keras's {@code reset_metrics}). */
  public void resetMetrics() {
    for (Metric m : metrics()) {
      m.resetState();
    }
  }

  /**
   * The current value of each metric of {@link #metrics()} by name, sorted (Keras's {@code
   * get_metrics_result}); a vector result (one value per threshold) gives {@code name_0}, {@code
   * name_1}, ...
   */
  public Map<String, Double> getMetricsResult() {
    Map<String, Double> logs = new TreeMap<>();
    for (Metric m : metrics()) {
      Tensor r = m.result();
      float[] v = r.toFloatArray();
      if (r.size() == 1) {
        logs.put(m.name(), (double) v[0]);
      } else {
        for (int k = 0; k < v.length; k++) {
          logs.put(m.name() + "_" + k, (double) v[k]);
        }
      }
    }
    return logs;
  }
}
