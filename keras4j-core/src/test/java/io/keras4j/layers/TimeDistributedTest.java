package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.ops.Ops;
import io.keras4j.testing.GradientCheck;
import io.keras4j.testing.Quiet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TimeDistributed: the wrapped layer on every step with shared weights (numbers against a plain
 * loop), shapes, config, gradients, masks passed on and folded for the wrapped layer, errors.
 * (Against Keras: the keras-js cases wrappers.TimeDistributed.0 and .1.)
 */
class TimeDistributedTest {
  @Test
  void denseOnEveryStepMatchesAPlainLoop() {
    TimeDistributed td = new TimeDistributed(new Dense(3));
    Tensor x = LayerTestCase.random(1, 2, 4, 5);
    Tensor y = td.apply(x);
    assertArrayEquals(new int[] {2, 4, 3}, y.shape());
    float[] w = td.layer().weights().get(0).numpy().toFloatArray();
    float[] b = td.layer().weights().get(1).numpy().toFloatArray();
    float[] xv = x.toFloatArray();
    float[] yv = y.toFloatArray();
    for (int row = 0; row < 8; row++) {
      for (int j = 0; j < 3; j++) {
        double s = b[j];
        for (int i = 0; i < 5; i++) {
          s += xv[row * 5 + i] * w[i * 3 + j];
        }
        assertEquals(s, yv[row * 3 + j], 1e-5, "row " + row + ", unit " + j);
      }
    }
    assertEquals(5 * 3 + 3, td.countParams());
  }

  @Test
  void layerChecksShapesConfigRoundTripAndGradients() {
    LayerTestCase.of(new TimeDistributed(new Dense(3, "tanh")))
        .inputs(LayerTestCase.random(2, 2, 3, 4))
        .expectedOutputShape(2, 3, 3)
        .run();
    LayerTestCase.of(new TimeDistributed(new Conv2D(2, 3)))
        .inputs(LayerTestCase.random(3, 2, 3, 4, 4, 1))
        .expectedOutputShape(2, 3, 2, 2, 2)
        .run();
    TimeDistributed td = new TimeDistributed(new Dense(2));
    assertArrayEquals(new int[] {-1, -1, 2}, td.computeOutputShape(new int[] {-1, -1, 7}));
  }

  @Test
  void weightsAreNamedUnderTheWrapperAndConfigHasKerasKeys() {
    TimeDistributed td = new TimeDistributed(new Dense(2).name("dense"));
    td.name("time_distributed");
    td.build(-1, 3, 4);
    assertEquals(
        List.of("time_distributed/dense/kernel", "time_distributed/dense/bias"),
        td.weights().stream().map(Variable::path).toList());
    assertEquals(
        List.of("name", "trainable", "dtype", "layer"), List.copyOf(td.getConfig().keySet()));
  }

  @Test
  void masksPassOnAndReachTheWrappedLayerFolded() {
    // The input mask passes on unchanged to the next layer (an LSTM here): padding at the end of
    // the sequences changes nothing.
    KerasTensor in = Input.of(DType.INT32, -1);
    KerasTensor e = new Embedding(10, 3).maskZero(true).apply(in);
    KerasTensor d = new TimeDistributed(new Dense(4, "tanh")).apply(e);
    KerasTensor h = new LSTM(2).apply(d);
    Model model = new Model(in, h);
    Tensor padded =
        model.predict(Tensor.ofInts(new int[] {3, 1, 0, 0, 2, 0, 0, 0}, 2, 4), Quiet.predict());
    Tensor exact = model.predict(Tensor.ofInts(new int[] {3, 1, 2, 0}, 2, 2), Quiet.predict());
    assertArrayEquals(exact.toFloatArray(), padded.toFloatArray(), 1e-6f);
    TimeDistributed td = new TimeDistributed(new Dense(2));
    Tensor mask = Ops.notEqual(Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3), Tensor.scalar(0));
    Tensor x = LayerTestCase.random(4, 2, 3, 5);
    assertSame(mask, td.computeMask(List.of(x), List.of(mask)).get(0));
    Model copy = Models.modelFromJson(model.toJson());
    copy.setWeights(model.getWeights());
    assertArrayEquals(
        padded.toFloatArray(),
        copy.predict(Tensor.ofInts(new int[] {3, 1, 0, 0, 2, 0, 0, 0}, 2, 4), Quiet.predict())
            .toFloatArray(),
        0f);
  }

  @Test
  void theWrappedLayerSeesTheMaskFoldedIntoTheBatch() {
    // ids [batch, steps, words]: the Embedding's mask [batch, steps, words] reaches the LSTM run
    // on every step as [batch * steps, words], so trailing padding words change nothing.
    KerasTensor in = Input.of(DType.INT32, -1, -1);
    KerasTensor e = new Embedding(10, 3).maskZero(true).apply(in);
    Model model = new Model(in, new TimeDistributed(new LSTM(2)).apply(e));
    Tensor padded =
        model.predict(Tensor.ofInts(new int[] {3, 1, 0, 2, 0, 0}, 1, 2, 3), Quiet.predict());
    Tensor exact = model.predict(Tensor.ofInts(new int[] {3, 1, 2, 0}, 1, 2, 2), Quiet.predict());
    assertArrayEquals(new int[] {1, 2, 2}, padded.shape());
    assertArrayEquals(exact.toFloatArray(), padded.toFloatArray(), 1e-6f);
  }

  @Test
  void gradientsWithRespectToTheInput() {
    TimeDistributed td = new TimeDistributed(new Dense(2, "sigmoid"));
    Tensor x = LayerTestCase.random(5, 2, 3, 4);
    td.apply(x);
    Tensor r = LayerTestCase.random(6, 2, 3, 2);
    GradientCheck.check(xs -> Ops.sum(Ops.multiply(td.apply(xs.get(0)), r)), x);
  }

  @Test
  void badInputNamesTheLayerAndTheShape() {
    TimeDistributed td = new TimeDistributed(new Dense(2));
    IllegalArgumentException rank =
        assertThrows(IllegalArgumentException.class, () -> td.apply(Tensor.zeros(2, 3)));
    assertTrue(rank.getMessage().contains("TimeDistributed"), rank.getMessage());
    assertTrue(rank.getMessage().contains("input_shape=(2, 3)"), rank.getMessage());
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> new TimeDistributed(null));
    assertTrue(none.getMessage().contains("Received: layer=null"), none.getMessage());
  }
}
