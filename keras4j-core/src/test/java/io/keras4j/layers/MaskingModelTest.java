package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.testing.Quiet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Masks made by Embedding(maskZero) flowing through a Functional model, as in Keras. */
class MaskingModelTest {

  /** Averages over the valid timesteps of {@code ctx.mask()}, and remembers the mask it got. */
  static final class MaskedMean extends Layer {
    Tensor seenMask;

    @Override
    protected Tensor call(Tensor x, CallContext ctx) {
      seenMask = ctx.mask();
      if (seenMask == null) {
        return Ops.mean(x, 1);
      }
      Tensor m = Ops.expandDims(seenMask, -1);
      return Ops.divide(Ops.sum(Ops.multiply(x, m), 1), Ops.sum(m, 1));
    }

    @Override
    public int[] computeOutputShape(int[] s) {
      return new int[] {s[0], s[2]};
    }
  }

  private static final Tensor IDS = Tensor.ofInts(new int[][] {{1, 2, 0, 0}, {3, 0, 1, 0}});
  private static final Tensor TABLE = Tensor.of(new float[][] {{9, 9}, {1, 0}, {0, 1}, {1, 1}});

  @Test
  void theEmbeddingMaskReachesALaterLayerThroughDenseAndActivation() {
    KerasTensor ids = Input.of(DType.INT32, 4);
    Embedding emb = new Embedding(4, 2).maskZero(true);
    Dense dense = new Dense(2);
    MaskedMean pool = new MaskedMean();
    KerasTensor x = emb.apply(ids);
    x = dense.apply(x);
    x = new Activation("linear").apply(x);
    x = new Dropout(0.5).apply(x);
    Model model = new Model(ids, pool.apply(x));
    emb.setWeights(List.of(TABLE));
    dense.setWeights(List.of(Tensor.of(new float[][] {{1, 2}, {3, 4}}), Tensor.of(0f, 0f)));

    Tensor y = model.predict(IDS, Quiet.predict());
    assertValues(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, pool.seenMask);
    // Rows of the table: id 1 -> (1, 0) -> dense (1, 2); id 2 -> (0, 1) -> (3, 4); id 3 -> (4, 6).
    // Sample 0 averages ids 1, 2; sample 1 averages ids 3, 1. The padding rows (9, 9) never count.
    assertValues(new float[] {2, 3, 2.5f, 4}, y);
  }

  @Test
  void aLayerWithoutMaskingSupportDropsTheMask() {
    KerasTensor ids = Input.of(DType.INT32, 4);
    KerasTensor x = new Embedding(4, 2).maskZero(true).apply(ids);
    x = new Reshape(4, 2).apply(x);
    MaskedMean pool = new MaskedMean();
    new Model(ids, pool.apply(x)).predict(IDS, Quiet.predict());
    assertNull(pool.seenMask);
  }

  @Test
  void concatenateAndMergesCarryTheMask() {
    KerasTensor ids = Input.of(DType.INT32, 4);
    KerasTensor dense = Input.of(4, 3);
    KerasTensor e = new Embedding(4, 2).maskZero(true).apply(ids);
    KerasTensor joined = new Concatenate().apply(e, dense);
    MaskedMean pool = new MaskedMean();
    KerasTensor out = pool.apply(joined);
    new Model(List.of(ids, dense), List.of(out))
        .predict(List.of(IDS, Tensor.ones(2, 4, 3)), Quiet.predict());
    // The unmasked input counts as valid everywhere: every timestep is valid after the join.
    assertValues(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, pool.seenMask);

    KerasTensor ids2 = Input.of(DType.INT32, 4);
    KerasTensor a = new Embedding(4, 2).maskZero(true).apply(ids2);
    KerasTensor b = new Embedding(4, 2).maskZero(true).apply(ids2);
    MaskedMean pool2 = new MaskedMean();
    KerasTensor sum = pool2.apply(new Add().apply(a, b));
    new Model(ids2, sum).predict(IDS, Quiet.predict());
    assertValues(new float[] {1, 1, 0, 0, 1, 0, 1, 0}, pool2.seenMask);
  }

  @Test
  void aSequentialWithAMaskingEmbeddingAndNewLayersRoundTripsThroughJson() {
    Sequential seq =
        new Sequential(
            new Embedding(4, 2).maskZero(true).inputShape(4),
            new Dense(3),
            new LeakyReLU(),
            new Flatten(),
            new RepeatVector(2),
            new Permute(2, 1),
            new Dropout(0.2),
            new Softmax());
    assertEquals(8 + 9, seq.countParams());
    String summary = seq.summary(120);
    assertTrue(summary.contains("(Embedding)") && summary.contains("(LeakyReLU)"), summary);
    assertTrue(summary.contains("(None, 12, 2)"), summary);
    Tensor y = seq.predict(IDS, Quiet.predict());
    assertArrayEquals(new int[] {2, 12, 2}, y.shape());
    Model copy = Models.modelFromJson(seq.toJson());
    copy.setWeights(seq.getWeights());
    assertArrayEquals(y.toFloatArray(), copy.predict(IDS, Quiet.predict()).toFloatArray(), 0f);
    assertEquals(seq.toJson(), copy.toJson());
  }
}
