package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergingLayersTest {
  private static final Tensor A = Tensor.of(new float[][] {{1, -2, 3}, {4, 5, -6}});
  private static final Tensor B = Tensor.of(new float[][] {{2, 2, -1}, {0.5f, 6, -7}});

  @Test
  void elementwiseMergesOnSmallTensors() {
    assertValues(new float[] {3, 0, 2, 4.5f, 11, -13}, new Add().apply(A, B));
    assertValues(new float[] {-1, -4, 4, 3.5f, -1, 1}, new Subtract().apply(A, B));
    assertValues(new float[] {2, -4, -3, 2, 30, 42}, new Multiply().apply(A, B));
    assertValues(new float[] {1.5f, 0, 1, 2.25f, 5.5f, -6.5f}, new Average().apply(A, B));
    assertValues(new float[] {2, 2, 3, 4, 6, -6}, new Maximum().apply(A, B));
    assertValues(new float[] {1, -2, -1, 0.5f, 5, -7}, new Minimum().apply(A, B));
    Tensor c = Tensor.full(1f, 2, 3);
    assertValues(new float[] {4, 1, 3, 5.5f, 12, -12}, new Add().apply(A, B, c));
  }

  @Test
  void elementwiseMergesRunTheLayerTestCase() {
    for (Merge m :
        List.of(
            new Add(),
            new Subtract(),
            new Multiply(),
            new Average(),
            new Maximum(),
            new Minimum())) {
      LayerTestCase.of(m)
          .inputs(random(1, 2, 3, 4), random(2, 2, 3, 4))
          .expectedOutputShape(2, 3, 4)
          .run();
    }
  }

  @Test
  void mergesBroadcastAndExpandLowerRanks() {
    // (2, 3) and (2, 1): broadcast on the sample axis.
    Tensor col = Tensor.of(new float[] {10, 20}, 2, 1);
    assertValues(new float[] {11, 8, 13, 24, 25, 14}, new Add().apply(A, col));
    // (2, 2, 3) and (2, 3): the lower rank gets an axis after the batch axis.
    Tensor x3 = Tensor.of(new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, 2, 2, 3);
    Add add = new Add();
    Tensor y = LayerTestCase.of(add).inputs(x3, A).expectedOutputShape(2, 2, 3).run();
    assertValues(new float[] {2, -1, 4, 3, 0, 5, 7, 8, -3, 8, 9, -2}, y);
    assertArrayEquals(
        new int[] {-1, 2, 3},
        add.computeOutputShapes(List.of(new int[] {-1, 2, 3}, new int[] {-1, 3})).get(0));
  }

  @Test
  void mergesRejectIncompatibleShapes() {
    Add add = new Add();
    var e = assertThrows(IllegalArgumentException.class, () -> add.apply(Input.of(3), Input.of(4)));
    assertTrue(
        e.getMessage().contains("Inputs have incompatible shapes. Received shapes (3,) and (4,)"),
        e.getMessage());
    assertTrue(e.getMessage().contains(add.name()), e.getMessage());
    // Different ranks align on the last axes, so (4, 3) and (4,) do not merge.
    var ranks =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Multiply().apply(Input.of(4, 3), Input.of(4)));
    assertTrue(ranks.getMessage().contains("Received shapes (4, 3) and (4,)"), ranks.getMessage());
    var batch =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Maximum().apply(Input.ofBatchShape(2, 3), Input.ofBatchShape(4, 3)));
    assertTrue(batch.getMessage().contains("different batch sizes"), batch.getMessage());
    var three = assertThrows(IllegalArgumentException.class, () -> new Subtract().apply(A, B, A));
    assertTrue(three.getMessage().contains("exactly 2 inputs"), three.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Add().apply(A, Tensor.zeros(2, 4)));
  }

  @Test
  void elementwiseMasksAreOredAndMaskedValuesNeverWin() {
    // Timestep 0 valid in x1 only, timestep 1 in x2 only, timestep 2 in neither.
    Tensor m1 = Tensor.of(new float[] {1, 0, 0}, 1, 3);
    Tensor m2 = Tensor.of(new float[] {0, 1, 0}, 1, 3);
    Tensor x1 = Tensor.of(new float[] {1, 9, 5, 5, 2, 2}, 1, 3, 2);
    Tensor x2 = Tensor.of(new float[] {3, 3, 7, -1, 4, -4}, 1, 3, 2);
    CallContext both = CallContext.of(false, List.of(m1, m2));
    List<Tensor> xs = List.of(x1, x2);
    // Keras replaces a masked value by the other input's, so max/min take the valid one.
    assertValues(new float[] {1, 9, 7, -1, 2, 2}, new Maximum().callEager(xs, both).get(0));
    assertValues(new float[] {1, 9, 7, -1, 2, 2}, new Minimum().callEager(xs, both).get(0));
    // Multiply: masked values count as 1; positions masked in every input become 0.
    assertValues(new float[] {1, 9, 7, -1, 0, 0}, new Multiply().callEager(xs, both).get(0));
    // Add ignores masks in its values.
    assertValues(new float[] {4, 12, 12, 4, 6, -2}, new Add().callEager(xs, both).get(0));
    assertValues(new float[] {1, 1, 0}, new Add().computeMask(xs, List.of(m1, m2)).get(0));
    assertNull(new Add().computeMask(xs, Arrays.asList(m1, null)).get(0));
  }

  @Test
  void concatenateJoinsAlongTheAxis() {
    Tensor y = new Concatenate().apply(A, Tensor.of(new float[][] {{7}, {8}}));
    assertValues(new float[] {1, -2, 3, 7, 4, 5, -6, 8}, y);
    Tensor rows = new Concatenate(0).apply(A, B);
    assertArrayEquals(new int[] {4, 3}, rows.shape());
    LayerTestCase.of(new Concatenate())
        .inputs(random(1, 2, 3, 4), random(2, 2, 3, 2))
        .expectedOutputShape(2, 3, 6)
        .run();
    LayerTestCase.of(new Concatenate(1))
        .inputs(random(3, 2, 1, 4), random(4, 2, 3, 4))
        .expectedOutputShape(2, 4, 4)
        .run();
    Concatenate c = new Concatenate();
    assertArrayEquals(new int[] {-1, 5}, c.apply(Input.of(2), Input.of(3)).shape());
    assertArrayEquals(
        new int[] {-1, -1}, new Concatenate().apply(Input.of(2), Input.of(-1)).shape());
  }

  @Test
  void concatenateRejectsIncompatibleShapes() {
    Concatenate c = new Concatenate();
    var e =
        assertThrows(IllegalArgumentException.class, () -> c.apply(Input.of(2, 3), Input.of(4, 3)));
    assertTrue(
        e.getMessage().contains("matching shapes except for the concatenation axis"),
        e.getMessage());
    assertTrue(e.getMessage().contains("[(None, 2, 3), (None, 4, 3)]"), e.getMessage());
    assertTrue(e.getMessage().contains(c.name()), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new Concatenate().apply(Input.of(2, 3), Input.of(3)));
    assertThrows(
        IllegalArgumentException.class, () -> new Concatenate().apply(A, Tensor.zeros(3, 1)));
  }

  @Test
  void concatenateJoinsMasksAsKeras() {
    Tensor x1 = Tensor.zeros(1, 2, 3);
    Tensor x2 = Tensor.zeros(1, 2, 4);
    Tensor m1 = Tensor.of(new float[] {1, 0}, 1, 2);
    // Features joined: a timestep is valid if any input is valid there (unmasked counts as valid).
    assertValues(
        new float[] {1, 1},
        new Concatenate().computeMask(List.of(x1, x2), Arrays.asList(m1, null)).get(0));
    Tensor m2 = Tensor.of(new float[] {0, 0}, 1, 2);
    assertValues(
        new float[] {1, 0}, new Concatenate().computeMask(List.of(x1, x2), List.of(m1, m2)).get(0));
    // Timesteps joined: the masks follow each other.
    Tensor y1 = Tensor.zeros(1, 2, 3);
    Tensor y2 = Tensor.zeros(1, 1, 3);
    Tensor mt = new Concatenate(1).computeMask(List.of(y1, y2), Arrays.asList(m1, null)).get(0);
    assertArrayEquals(new int[] {1, 3}, mt.shape());
    assertValues(new float[] {1, 0, 1}, mt);
    assertNull(new Concatenate().computeMask(List.of(x1, x2), Arrays.asList(null, null)).get(0));
  }

  @Test
  void dotWithAxesAndNormalize() {
    // (2, 3) . (2, 3) over axis 1: one number per sample, shape (2, 1).
    Tensor y = new Dot(1).apply(A, B);
    assertArrayEquals(new int[] {2, 1}, y.shape());
    assertValues(new float[] {2 - 4 - 3, 2 + 30 + 42}, y);
    Tensor u = Tensor.of(new float[][] {{3, 4}, {1, 0}});
    Tensor v = Tensor.of(new float[][] {{4, 3}, {0, 2}});
    assertValues(new float[] {24f / 25, 0}, new Dot(-1).normalize(true).apply(u, v));
    // (1, 2, 3) . (1, 3, 2) with axes (2, 1): a batched matrix product.
    Tensor p = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
    Tensor q = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 1, 3, 2);
    Tensor pq = new Dot(2, 1).apply(p, q);
    assertArrayEquals(new int[] {1, 2, 2}, pq.shape());
    assertValues(new float[] {4, 5, 10, 11}, pq);
    // (1, 2, 3) . (1, 2, 3) with axes (1, 1): p^T p per sample, (1, 3, 3).
    assertArrayEquals(new int[] {1, 3, 3}, new Dot(1).apply(p, p).shape());
    LayerTestCase.of(new Dot(2, 2))
        .inputs(random(1, 2, 3, 4), random(2, 2, 5, 4))
        .expectedOutputShape(2, 3, 5)
        .run();
    LayerTestCase.of(new Dot(1).normalize(true))
        .inputs(random(3, 2, 4), random(4, 2, 4))
        .expectedOutputShape(2, 1)
        .run();
    LayerTestCase.of(new Dot(1, 2))
        .inputs(random(5, 2, 3), random(6, 2, 4, 3))
        .expectedOutputShape(2, 4)
        .run();
    assertEquals(List.of(1, 2), new Dot(1, 2).getConfig().get("axes"));
    assertEquals(-1, new Dot(-1).getConfig().get("axes"));
  }

  @Test
  void dotRejectsMismatchedAxes() {
    Dot d = new Dot(1);
    var e = assertThrows(IllegalArgumentException.class, () -> d.apply(Input.of(3), Input.of(4)));
    assertTrue(
        e.getMessage().contains("axis values 3 (at axis 1) != 4 (at axis 1)"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Dot(0).apply(A, B));
    var batch =
        assertThrows(IllegalArgumentException.class, () -> new Dot(1).apply(A, Tensor.zeros(3, 3)));
    assertTrue(batch.getMessage().contains("different batch sizes"), batch.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Dot(1).apply(A, B, A));
    assertNull(
        new Dot(1).computeMask(List.of(A, B), List.of(Tensor.ones(2), Tensor.ones(2))).get(0));
  }
}
