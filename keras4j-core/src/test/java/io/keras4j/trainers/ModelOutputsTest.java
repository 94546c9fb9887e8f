package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.Model;
import io.keras4j.models.ModelOutputs;
import io.keras4j.models.StepData;
import io.keras4j.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output masks come back with the outputs of the call that made them (Keras's _keras_mask). */
class ModelOutputsTest {
  private static final Tensor IDS_A = Tensor.ofInts(new int[][] {{1, 2, 0, 0}, {3, 0, 1, 0}});
  private static final Tensor IDS_B = Tensor.ofInts(new int[][] {{1, 1, 1, 0}, {2, 2, 2, 2}});
  private static final Tensor Y =
      Tensor.of(new float[] {1, -1, 5, 5, 0.5f, 7, 2, 7}, 2, 4, 1); // 5s and 7s are padding

  private static Model model() {
    Keras.setRandomSeed(3);
    KerasTensor ids = Input.of(DType.INT32, 4);
    KerasTensor h = new Embedding(4, 3).maskZero(true).apply(ids);
    Model m = new Model(ids, new Dense(1).apply(h));
    m.compile(new SGD(0.1), "mse");
    return m;
  }

  @Test
  void eachCallReturnsItsOwnMasks() {
    Model m = model();
    ModelOutputs a = m.apply(List.of(IDS_A), false);
    ModelOutputs b = m.apply(List.of(IDS_B), false);
    assertArrayEquals(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, a.mask(0).asFloat().toFloatArray());
    assertArrayEquals(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, b.mask(0).asFloat().toFloatArray());
    assertEquals(1, a.size());
    assertArrayEquals(new int[] {2, 4, 1}, a.get(0).shape());
  }

  @Test
  void theLossReadsTheMaskTheOutputsCarry() {
    Model m = model();
    StepData data = StepData.of(IDS_A, Y);
    ModelOutputs yPred = m.apply(data.inputs(), false);
    double masked = m.computeLoss(data, yPred, false).item();
    double byHand = new MeanSquaredError().call(Y, yPred.get(0), null, yPred.mask(0)).item();
    double unmasked = m.computeLoss(data, List.copyOf(yPred), false).item();
    assertEquals(byHand, masked, 1e-7);
    assertNotEquals(unmasked, masked, 1e-3); // the padding targets (5, 7) count only unmasked
    double evaluated = m.evaluate(IDS_A, Y, new EvaluateOptions().verbose(0)).get("loss");
    assertEquals(masked, evaluated, 1e-6);
    assertTrue(masked < unmasked);
  }
}
