package io.keras4j.backend.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.JvmTensors;
import io.keras4j.callbacks.Callback;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A layer that keeps the output of its last call in a field (the case). During fit the
 * arrays of a step are reused by the next one; the tensor kept must then refuse to be read, naming
 * the step and the cure, rather than show another step's numbers. A copy kept inside the step reads
 * the same values for good, and those are the values an unpooled run computes.
 */
class KeptOutputTest {

  /** {@code tanh(x)}, keeping its last output as computed and as a copy. */
  static final class KeepsLast extends Layer {
    Tensor last;
    Tensor lastCopy;
    final Set<float[]> outputArrays = Collections.newSetFromMap(new IdentityHashMap<>());
    int calls;

    @Override
    protected Tensor call(Tensor inputs, CallContext ctx) {
      Tensor y = Ops.tanh(inputs);
      calls++;
      outputArrays.add(JvmTensors.floats(y));
      last = y;
      lastCopy = y.copy();
      return y;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
      return inputShape;
    }
  }

  /** At the end of training step {@code at} (0-based), takes what the layer holds. */
  static final class Grab extends Callback {
    final KeepsLast layer;
    final int at;
    Tensor held;
    Tensor heldCopy;
    float[] copyValuesThen;
    int distinctOutputArrays;
    int stepsAfter;

    Grab(KeepsLast layer, int at) {
      this.layer = layer;
      this.at = at;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      if (batch == at) {
        held = layer.last;
        heldCopy = layer.lastCopy;
        copyValuesThen = heldCopy.toFloatArray();
      } else if (held != null) {
        stepsAfter++;
      }
    }
  }

  private static Grab train(boolean pooled) {
    boolean before = Buffers.enabled();
    Buffers.setEnabled(pooled);
    try {
      Keras.setRandomSeed(5);
      KeepsLast keeps = new KeepsLast();
      Sequential m = new Sequential(Input.of(4), new Dense(6), keeps, new Dense(1));
      m.compile(new SGD(0.1), "mse");
      Tensor x = RandomOps.uniform(new int[] {48, 4}, -2, 2, 1);
      Tensor y = RandomOps.uniform(new int[] {48, 1}, -1, 1, 2);
      Grab grab = new Grab(keeps, 1); // the second step: the first pooled one
      m.fit(
          x, y, new FitOptions().batchSize(4).shuffle(false).epochs(1).verbose(0).callbacks(grab));
      assertEquals(10, grab.stepsAfter, "steps run after the grab");
      assertEquals(12, keeps.calls);
      grab.distinctOutputArrays = keeps.outputArrays.size();
      return grab;
    } finally {
      Buffers.setEnabled(before);
    }
  }

  @Test
  void aKeptOutputRefusesEveryReadAfterItsStepAndNamesTheCure() {
    Grab grab = train(true);
    Tensor held = grab.held;
    assertNotNull(held);
    // The hazard is real: the 12 steps' outputs used fewer arrays than steps (they were reused).
    assertTrue(grab.distinctOutputArrays < 12, "distinct arrays: " + grab.distinctOutputArrays);
    assertFalse(held.isReadable());
    for (Executable read :
        new Executable[] {
          () -> held.getFloat(0, 0),
          held::toFloatArray,
          held::toIntArray,
          () -> JvmTensors.floats(held),
          held::copy,
          () -> held.reshapeView(24),
          () -> Ops.add(held, 1f),
          () -> Ops.sum(held)
        }) {
      IllegalStateException e = assertThrows(IllegalStateException.class, read);
      assertEquals(
          "This tensor's buffer was recycled at the end of step 2 of fit/evaluate/predict (keras4j"
              + " reuses the arrays of a step's intermediate results: layer outputs, losses,"
              + " gradients)."
              + " Keep a copy inside the step: tensor.copy()",
          e.getMessage());
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Ops.sum(held.reshapeView(24)).item());
    assertTrue(e.getMessage().contains("tensor.copy()"), e.getMessage());
    assertEquals(
        "Tensor(shape=(4, 6), dtype=float32, values=<This tensor's buffer was recycled at the end"
            + " of step 2 of fit/evaluate/predict (keras4j reuses the arrays of a step's intermediate"
            + " results: layer outputs, losses, gradients). Keep a copy inside the step:"
            + " tensor.copy()>)",
        held.toString(),
        "toString names the reason instead of throwing (logging must not fail)");
    assertArrayEquals(new int[] {4, 6}, held.shape(), "the shape stays readable");
  }

  @Test
  void aCopyKeptInsideTheStepReadsTheSameValuesTenStepsLaterAsWithoutThePool() {
    Grab pooled = train(true);
    Grab unpooled = train(false);
    // Ten steps later the copy still holds the values it had at its step...
    assertTrue(pooled.heldCopy.isReadable());
    assertArrayEquals(pooled.copyValuesThen, pooled.heldCopy.toFloatArray(), 0f);
    // ... and they are that step's numbers: those of a run whose arrays are never reused.
    assertArrayEquals(unpooled.copyValuesThen, pooled.heldCopy.toFloatArray(), 0f);
    // Without the pool the tensor itself stays readable too, with the same values.
    assertTrue(unpooled.held.isReadable());
    assertEquals(12, unpooled.distinctOutputArrays, "without the pool no array is reused");
    assertArrayEquals(unpooled.copyValuesThen, unpooled.held.toFloatArray(), 0f);
    float v = pooled.copyValuesThen[0];
    assertTrue(v != 0f && Math.abs(v) < 1f, "a tanh value: " + v);
  }
}
