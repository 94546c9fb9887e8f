package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.ops.Ops;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cells that users write: a plain {@link RnnCell}, and a cell that is also a Layer with weights.
 */
class CustomRnnCellTest {
  /** A running sum of the inputs: output = state = h + x. */
  static final class RunningSum implements RnnCell {
    @Override
    public int[] stateSize() {
      return new int[] {2};
    }

    @Override
    public int outputSize() {
      return 2;
    }

    @Override
    public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
      Tensor h = Ops.add(states.get(0), input);
      return List.of(h, h);
    }
  }

  /** A minimal RNN cell with one weight: h = tanh(x @ w + h). */
  static final class Leaky extends Layer implements RnnCell {
    Variable w;

    @Override
    protected void onBuild(int[] inputShape) {
      w =
          addWeight(
              "w", new int[] {inputShape[1], 2}, io.keras4j.initializers.Initializers.get("ones"));
    }

    @Override
    public int[] stateSize() {
      return new int[] {2};
    }

    @Override
    public int outputSize() {
      return 2;
    }

    @Override
    public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
      Tensor h = Ops.tanh(Ops.add(Ops.matmul(input, w.value()), states.get(0)));
      return List.of(h, h);
    }
  }

  @Test
  void aPlainCellRunsThroughTimeWithMasksAndBackwards() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 3, 2);
    LayerTestCase.assertValues(
        new float[] {1, 2, 4, 6, 9, 12}, new RNN(new RunningSum()).returnSequences(true).apply(x));
    LayerTestCase.assertValues(
        new float[] {5, 6, 8, 10, 9, 12},
        new RNN(new RunningSum()).returnSequences(true).goBackwards(true).apply(x));
    Tensor mask = Tensor.of(new float[] {1, 0, 1}, 1, 3);
    Tensor y =
        new RNN(new RunningSum())
            .returnSequences(true)
            .callEager(List.of(x), CallContext.of(false, List.of(mask)))
            .get(0);
    LayerTestCase.assertValues(new float[] {1, 2, 1, 2, 6, 8}, y);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RNN(new RunningSum()).getConfig());
    assertTrue(e.getMessage().contains("must be a Layer registered"), e.getMessage());
  }

  @Test
  void aLayerCellGetsBuiltTrackedAndDifferentiated() {
    Leaky cell = new Leaky();
    RNN rnn = new RNN(cell);
    Tensor x = LayerTestCase.random(4, 2, 3, 2);
    Tensor y = rnn.apply(x);
    assertTrue(rnn.weights().contains(cell.w));
    // By hand: h_t = tanh(sum(x_t) + h_{t-1}) in both units.
    float[] xs = x.toFloatArray();
    for (int b = 0; b < 2; b++) {
      double h = 0;
      for (int t = 0; t < 3; t++) {
        h = Math.tanh(xs[(b * 3 + t) * 2] + xs[(b * 3 + t) * 2 + 1] + h);
      }
      org.junit.jupiter.api.Assertions.assertEquals(h, y.getFloat(b, 0), 1e-6);
    }
    GradientCheck.check(xs2 -> rnn.apply(xs2.get(0)), x);
  }
}
