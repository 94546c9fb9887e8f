package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraints;
import io.keras4j.layers.Dense;
import io.keras4j.metrics.Metric;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.models.StepGradients;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A training step in two phases (gradients, then their application) with something in between, as a
 * data-parallel trainer needs: average the gradients of workers, merge their metrics.
 */
class GradientPhasesTest {
  private static final Tensor X = RandomOps.uniform(new int[] {40, 4}, -1, 1, 21);
  private static final Tensor Y = RandomOps.uniform(new int[] {40}, 0, 3, 22).asInt();

  private static Sequential model() {
    Keras.setRandomSeed(13);
    Sequential m = new Sequential(Input.of(4), new Dense(6, "tanh"), new Dense(3, "softmax"));
    m.compile(new SGD(0.5), "sparse_categorical_crossentropy", "accuracy");
    return m;
  }

  private static Tensor rows(Tensor t, int from, int to) {
    return io.keras4j.data.Rows.slice(t, from, to);
  }

  private static void assertSameWeights(List<Tensor> a, List<Tensor> b, float tol) {
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), tol, "weight " + i);
    }
  }

  @Test
  void computeGradientsChangesNoWeightAndApplyingThemIsOneTrainingStep() {
    Sequential a = model();
    Sequential b = model();
    List<Tensor> before = a.getWeights();
    StepGradients g = a.computeGradients(StepData.of(X, Y));
    assertSameWeights(before, a.getWeights(), 0f);
    assertEquals(a.trainableWeights().size(), g.gradients().size());
    for (int i = 0; i < g.gradients().size(); i++) {
      assertArrayEquals(a.trainableWeights().get(i).shape(), g.gradients().get(i).shape());
    }
    a.applyGradients(g.gradients());
    Map<String, Double> logs = b.trainOnBatch(List.of(X), List.of(Y), null);
    assertSameWeights(b.getWeights(), a.getWeights(), 0f);
    assertEquals(logs.get("loss"), g.loss().item(), 1e-6);
    assertEquals(3, g.yPred().get(0).shape()[1]);
  }

  @Test
  void averagingTheGradientsOfTwoHalvesIsAStepOnTheWholeBatch() {
    // Two "workers" with the same weights; the mean loss of the whole batch has the mean of the
    // halves' gradients as its gradient when the halves are of equal size.
    Sequential worker1 = model();
    Sequential worker2 = model();
    Sequential whole = model();
    StepGradients g1 = worker1.computeGradients(StepData.of(rows(X, 0, 20), rows(Y, 0, 20)));
    StepGradients g2 = worker2.computeGradients(StepData.of(rows(X, 20, 40), rows(Y, 20, 40)));
    List<Tensor> mean = new ArrayList<>();
    for (int i = 0; i < g1.gradients().size(); i++) {
      mean.add(
          Ops.multiply(Ops.add(g1.gradients().get(i), g2.gradients().get(i)), Tensor.scalar(0.5f)));
    }
    worker1.applyGradients(mean);
    worker2.applyGradients(mean);
    whole.trainOnBatch(List.of(X), List.of(Y), null);
    assertSameWeights(whole.getWeights(), worker1.getWeights(), 1e-6f);
    assertSameWeights(worker1.getWeights(), worker2.getWeights(), 0f);
  }

  @Test
  void theMetricsOfWorkersMergeIntoTheMetricsOfTheWhole() {
    Sequential worker1 = model();
    Sequential worker2 = model();
    Sequential whole = model();
    Map<String, Double> expected = whole.evaluate(X, Y, new EvaluateOptions().verbose(0));
    worker1.resetMetrics();
    worker2.resetMetrics();
    worker1.testStep(StepData.of(rows(X, 0, 13), rows(Y, 0, 13)));
    worker2.testStep(StepData.of(rows(X, 13, 40), rows(Y, 13, 40)));
    List<Metric> mine = worker1.metrics();
    List<Metric> theirs = worker2.metrics();
    assertEquals(
        List.of("loss", "accuracy"), mine.stream().map(Metric::name).toList(), "Keras's order");
    for (int i = 0; i < mine.size(); i++) {
      mine.get(i).mergeState(theirs.get(i));
    }
    Map<String, Double> merged = worker1.getMetricsResult();
    assertEquals(expected.keySet(), merged.keySet());
    for (String k : expected.keySet()) {
      assertEquals(expected.get(k), merged.get(k), 1e-6, k);
    }
  }

  @Test
  void applyGradientsAppliesTheWeightConstraints() {
    Keras.setRandomSeed(1);
    Sequential m =
        new Sequential(Input.of(4), new Dense(3).kernelConstraint(Constraints.get("non_neg")));
    m.compile(new SGD(1.0), "mse");
    List<Tensor> grads = new ArrayList<>();
    for (Variable v : m.trainableWeights()) {
      grads.add(Tensor.full(5f, v.shape())); // a step of -5 makes every weight negative
    }
    m.applyGradients(grads);
    for (float w : m.trainableWeights().get(0).numpy().toFloatArray()) {
      assertEquals(0f, w, 0f, "non_neg clips the kernel");
    }
    for (float b : m.trainableWeights().get(1).numpy().toFloatArray()) {
      assertEquals(-5f, b, 1e-6f, "the bias has no constraint");
    }
  }

  @Test
  void aHandWrittenStepWithTheTapeOverTrainableWeightsMatchesTrainOnBatch() {
    // API.md's "Custom training": tape.gradient(loss, model.trainableWeights()) and
    // optimizer.applyGradients(grads, model.trainableWeights()).
    Sequential byHand = model();
    Sequential byKeras = model();
    var lossFn = new io.keras4j.losses.SparseCategoricalCrossentropy();
    try (var tape = new GradientTape()) {
      Tensor loss = lossFn.call(Y, byHand.apply(X, true));
      List<Tensor> grads = tape.gradient(loss, byHand.trainableWeights());
      byHand.optimizer().applyGradients(grads, byHand.trainableWeights());
    }
    byKeras.trainOnBatch(List.of(X), List.of(Y), null);
    assertSameWeights(byKeras.getWeights(), byHand.getWeights(), 0f);
    assertTrue(byHand.trainableWeights().size() == 4);
  }
}
