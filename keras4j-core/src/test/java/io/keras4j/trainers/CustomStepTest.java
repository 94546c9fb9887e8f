package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Layer;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.ModelOutputs;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model's open step (Keras's "Customizing what happens in fit()"): fit runs the overrides. */
class CustomStepTest {
  private static final FitOptions QUIET = new FitOptions().verbose(0);
  private static final EvaluateOptions EVAL_QUIET = new EvaluateOptions().verbose(0);

  private static final Tensor X = RandomOps.uniform(new int[] {70, 5}, -1, 1, 3);
  private static final Tensor Y = RandomOps.uniform(new int[] {70}, 0, 3, 4).asInt();

  /** The default step written out as a user would, as in Keras's guide. */
  static final class SameAsDefault extends Model {
    SameAsDefault(KerasTensor in, KerasTensor out) {
      super(in, out);
    }

    @Override
    public Map<String, Double> trainStep(StepData data) {
      ModelOutputs yPred;
      Tensor loss;
      List<Tensor> grads;
      try (var tape = new GradientTape()) {
        yPred = apply(data.inputs(), true); // Keras's self(x, training=True)
        loss = computeLoss(data, yPred, true);
        grads = tape.gradient(loss, trainableWeights());
      }
      optimizer().applyGradients(grads, trainableWeights());
      for (Metric m : metrics()) {
        if (m.name().equals("loss")) {
          ((Mean) m).updateState(loss, Tensor.scalar(data.batchSize()));
        }
      }
      return computeMetrics(data, yPred);
    }
  }

  private static <M extends Model> M build(Class<M> kind) {
    Keras.setRandomSeed(5);
    KerasTensor in = Input.of(5);
    KerasTensor h = new Dense(16, "relu").apply(in);
    h = new Dropout(0.3).apply(h);
    KerasTensor out = new Dense(3, "softmax").apply(h);
    Model m = kind == SameAsDefault.class ? new SameAsDefault(in, out) : new Model(in, out);
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    return kind.cast(m);
  }

  @Test
  void aTrainStepDoingWhatTheDefaultDoesTrainsBitForBitTheSame() {
    FitOptions o = new FitOptions().epochs(3).batchSize(16).validationSplit(0.2).verbose(0);
    Model plain = build(Model.class);
    History hPlain = plain.fit(X, Y, o);
    SameAsDefault custom = build(SameAsDefault.class);
    History hCustom = custom.fit(X, Y, o);
    List<Tensor> a = plain.getWeights();
    List<Tensor> b = custom.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f, "weight " + i);
    }
    assertEquals(hPlain.history(), hCustom.history());
    assertEquals(
        List.of("accuracy", "loss", "val_accuracy", "val_loss"),
        new ArrayList<>(hCustom.history().keySet()));
    // The weights moved: the comparison is not between two untouched models.
    assertNotEquals(hCustom.get("loss").get(0), hCustom.get("loss").get(2));
  }

  @Test
  void fitShowsTheLogsATrainStepReturns() {
    List<Double> seenByCallback = new ArrayList<>();
    KerasTensor in = Input.of(5);
    Model m =
        new Model(in, new Dense(3).apply(in)) {
          int steps;

          @Override
          public Map<String, Double> trainStep(StepData data) {
            steps++;
            return Map.of("steps", (double) steps, "rows", (double) data.batchSize());
          }
        };
    m.compile(new Adam(0.01), "mse");
    List<Tensor> before = m.getWeights();
    History h =
        m.fit(
            X,
            Ops.oneHot(Y, 3),
            new FitOptions()
                .epochs(2)
                .batchSize(32)
                .verbose(0)
                .callbacks(
                    new io.keras4j.callbacks.LambdaCallback()
                        .onTrainBatchEnd((batch, logs) -> seenByCallback.add(logs.get("rows")))));
    // 70 rows in batches of 32: 32, 32, 6 per epoch; the step counter runs on across epochs.
    assertEquals(List.of(3.0, 6.0), h.get("steps"));
    assertEquals(List.of(6.0, 6.0), h.get("rows"));
    assertEquals(List.of(32.0, 32.0, 6.0, 32.0, 32.0, 6.0), seenByCallback);
    // This step never touches the weights.
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).toFloatArray(), m.getWeights().get(i).toFloatArray(), 0f);
    }
  }

  @Test
  void anOverriddenComputeLossIsWhatFitAndEvaluateMinimize() {
    // compute_loss returning mean |y - yPred| trains exactly as compile(loss="mae").
    Tensor target = Ops.oneHot(Y, 3);
    List<List<Tensor>> weights = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Keras.setRandomSeed(8);
      KerasTensor in = Input.of(5);
      KerasTensor out = new Dense(3, "tanh").apply(in);
      Model m =
          run == 0
              ? new Model(in, out)
              : new Model(in, out) {
                @Override
                public Tensor computeLoss(StepData data, List<Tensor> yPred, boolean training) {
                  return Ops.mean(Ops.abs(Ops.subtract(data.y(), yPred.get(0))));
                }
              };
      if (run == 0) {
        m.compile(new Adam(0.05), "mae");
      } else {
        m.compile(new Adam(0.05));
      }
      m.fit(X, target, new FitOptions().epochs(2).batchSize(10).shuffle(false).verbose(0));
      weights.add(m.getWeights());
      scores.add(m.evaluate(X, target, EVAL_QUIET).get("loss"));
    }
    for (int i = 0; i < weights.get(0).size(); i++) {
      assertArrayEquals(
          weights.get(0).get(i).toFloatArray(), weights.get(1).get(i).toFloatArray(), 1e-6f);
    }
    assertEquals(scores.get(0), scores.get(1), 1e-6);
  }

  @Test
  void withoutALossOrAnOverrideTheErrorSaysWhatToDo() {
    KerasTensor in = Input.of(5);
    Model m = new Model(in, new Dense(3).apply(in));
    m.compile(new Adam(0.01));
    var e = assertThrows(IllegalStateException.class, () -> m.fit(X, Ops.oneHot(Y, 3), QUIET));
    assertTrue(e.getMessage().contains("has no loss to compute"), e.getMessage());
    assertTrue(e.getMessage().contains("override computeLoss or trainStep"), e.getMessage());
  }

  @Test
  void evaluateAndPredictRunTheirSteps() {
    KerasTensor in = Input.of(5);
    Model m =
        new Model(in, new Dense(3, "softmax").apply(in)) {
          @Override
          public Map<String, Double> testStep(StepData data) {
            Map<String, Double> logs = super.testStep(data);
            return Map.of("loss", logs.get("loss"), "rows", (double) data.batchSize());
          }

          @Override
          public List<Tensor> predictStep(StepData data) {
            return List.of(Ops.argmax(super.predictStep(data).get(0), -1));
          }
        };
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy");
    // evaluate returns the last step's logs when they differ from the metrics' (Keras).
    Map<String, Double> scores = m.evaluate(X, Y, new EvaluateOptions().batchSize(32).verbose(0));
    assertEquals(6.0, scores.get("rows"), 0.0);
    Tensor classes = m.predict(X, new PredictOptions().batchSize(32).verbose(0));
    assertArrayEquals(new int[] {70}, classes.shape());
    // argmax of softmax(x W + b) is argmax of x W + b
    List<Tensor> w = m.getWeights();
    int[] expected = Ops.argmax(Ops.add(Ops.matmul(X, w.get(0)), w.get(1)), -1).toIntArray();
    assertArrayEquals(expected, classes.toIntArray());
    assertArrayEquals(expected, m.predictOnBatch(X).toIntArray());
  }

  @Test
  void aSequentialSubclassTrainsWithItsOwnStep() {
    class Counting extends Sequential {
      int steps;

      Counting(Layer... layers) {
        super(layers);
      }

      @Override
      public Map<String, Double> trainStep(StepData data) {
        steps++;
        return super.trainStep(data);
      }
    }
    Keras.setRandomSeed(2);
    Counting m = new Counting(new Dense(8, "relu"), new Dense(3, "softmax"));
    m.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
    History h = m.fit(X, Y, new FitOptions().epochs(2).batchSize(35).verbose(0));
    assertEquals(4, m.steps);
    assertEquals(2, h.get("accuracy").size());
  }
}
