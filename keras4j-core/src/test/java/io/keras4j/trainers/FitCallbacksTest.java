package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.ReduceLROnPlateau;
import io.keras4j.callbacks.TerminateOnNaN;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core callbacks inside a real fit: they see the trainer's logs and change the run. */
class FitCallbacksTest {
  /** y = x on one feature, a model with w = 0: plain SGD moves w by a known amount each epoch. */
  private static Sequential identityModel() {
    Sequential m = new Sequential(Input.of(1), new Dense(1).useBias(false));
    m.setWeights(List.of(Tensor.of(new float[] {0}, 1, 1)));
    return m;
  }

  private static final Tensor X = Tensor.of(new float[] {1, 1, 1, 1}, 4, 1);

  @Test
  void reduceLrOnPlateauLowersTheRateTheOptimizerUses() {
    Sequential m = identityModel();
    SGD sgd = new SGD(0.1);
    m.compile(sgd, "mae");
    // Targets 0: the loss |w| stays 0 from the start, so the plateau is reached at once.
    Tensor y = Tensor.zeros(4, 1);
    History h =
        m.fit(
            X,
            y,
            new FitOptions()
                .epochs(4)
                .batchSize(4)
                .verbose(0)
                .callbacks(new ReduceLROnPlateau("loss").patience(1).factor(0.5)));
    // Epoch 0 sets the best (0); epochs 1, 2, 3 do not improve: with patience 1 the rate halves
    // at each of them (no cooldown): 0.1 -> 0.05 -> 0.025 -> 0.0125.
    assertEquals(0.0125, sgd.learningRate(), 1e-7);
    List<Double> lr = h.get("learning_rate");
    assertEquals(4, lr.size());
    assertEquals(0.1, lr.get(0), 1e-7);
    // As Keras, the rate is logged at the end of an epoch before that epoch's reduction.
    assertEquals(0.025, lr.get(3), 1e-7);
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestWeights() {
    Sequential m = identityModel();
    m.compile(new SGD(1.5), "mse"); // overshooting steps: the loss gets worse after the first
    Tensor y = Tensor.ones(4, 1);
    List<float[]> weightsAtEpochEnd = new ArrayList<>();
    Callback recorder =
        new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            weightsAtEpochEnd.add(model().getWeights().get(0).toFloatArray());
          }
        };
    History h =
        m.fit(
            X,
            y,
            new FitOptions()
                .epochs(50)
                .batchSize(4)
                .verbose(0)
                .callbacks(
                    recorder,
                    new EarlyStopping().monitor("loss").patience(2).restoreBestWeights(true)));
    // w: 0 -> 3 -> -3 -> 9 ...: losses 1, 4, 16: epoch 0 is best, patience 2 stops after epoch 2.
    assertEquals(List.of(1.0, 4.0, 16.0), h.get("loss"));
    assertEquals(3, weightsAtEpochEnd.size());
    assertArrayEquals(weightsAtEpochEnd.get(0), m.getWeights().get(0).toFloatArray());
  }

  @Test
  void terminateOnNanStopsTraining() {
    Sequential m = identityModel();
    m.compile(new SGD(1e30), "mse");
    int[] batches = new int[1];
    Callback counter =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            batches[0]++;
          }
        };
    // Keras's TerminateOnNaN prints its message to stdout: caught here, and checked.
    PrintStream console = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      m.fit(
          Tensor.full(1f, 64, 1),
          Tensor.full(1e10f, 64, 1),
          new FitOptions()
              .epochs(3)
              .batchSize(4)
              .verbose(0)
              .callbacks(new TerminateOnNaN(), counter));
    } finally {
      System.setOut(console);
    }
    assertTrue(batches[0] < 48, "stopped after " + batches[0] + " batches");
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("Batch \\d+: Invalid loss, terminating training\n"), "printed: " + out);
    assertTrue(m.stopTraining());
  }
}
