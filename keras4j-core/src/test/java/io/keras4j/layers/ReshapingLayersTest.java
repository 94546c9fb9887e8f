package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReshapingLayersTest {
  private static final float[] SIX = {1, 2, 3, 4, 5, 6};

  @Test
  void flattenKeepsTheBatchAxis() {
    Tensor y =
        LayerTestCase.of(new Flatten()).inputs(random(1, 2, 3, 4)).expectedOutputShape(2, 12).run();
    assertEquals(12, y.dim(1));
    Tensor x = Tensor.of(SIX, 1, 2, 3);
    assertValues(SIX, new Flatten().apply(x));
    assertArrayEquals(new int[] {-1, -1}, new Flatten().computeOutputShape(new int[] {-1, 2, -1}));
    // A rank-1 input (batch,) becomes (batch, 1), as in Keras.
    assertArrayEquals(new int[] {3, 1}, new Flatten().apply(Tensor.of(1f, 2f, 3f)).shape());
  }

  @Test
  void flattenChannelsFirstMovesChannelsLast() {
    // (batch=1, channels=2, 3): channels_last order interleaves the two channels.
    Tensor y = new Flatten().dataFormat("channels_first").apply(Tensor.of(SIX, 1, 2, 3));
    assertValues(new float[] {1, 4, 2, 5, 3, 6}, y);
    LayerTestCase.of(new Flatten().dataFormat("channels_first")).inputs(random(2, 2, 3, 4)).run();
    var e = assertThrows(IllegalArgumentException.class, () -> new Flatten().dataFormat("nhwc"));
    assertTrue(e.getMessage().contains("Received: data_format=nhwc"), e.getMessage());
  }

  @Test
  void flattenKeepsIntDtype() {
    KerasTensor ids = Input.of(DType.INT32, 2, 3);
    assertEquals(DType.INT32, new Flatten().apply(ids).dtype());
  }

  @Test
  void reshapeInfersOneDimension() {
    Tensor y =
        LayerTestCase.of(new Reshape(-1, 2))
            .inputs(random(3, 2, 3, 4))
            .expectedOutputShape(2, 6, 2)
            .run();
    assertEquals(2, y.dim(0));
    assertValues(SIX, new Reshape(3, 2).apply(Tensor.of(SIX, 1, 6)));
    assertArrayEquals(new int[] {1, 3, 2}, new Reshape(3, 2).apply(Tensor.of(SIX, 1, 6)).shape());
    assertArrayEquals(
        new int[] {-1, 4, 3}, new Reshape(4, -1).computeOutputShape(new int[] {-1, 12}));
    assertArrayEquals(
        new int[] {-1, 4, -1}, new Reshape(4, -1).computeOutputShape(new int[] {-1, -1}));
  }

  @Test
  void reshapeToAnIncompatibleSizeNamesTheLayerAndBothShapes() {
    Reshape r = new Reshape(5);
    var e = assertThrows(IllegalArgumentException.class, () -> r.apply(Input.of(3, 4)));
    assertTrue(e.getMessage().contains(r.name()), e.getMessage());
    assertTrue(e.getMessage().contains("(3, 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("(5,)"), e.getMessage());
    var eager =
        assertThrows(
            IllegalArgumentException.class, () -> new Reshape(-1, 5).apply(Tensor.zeros(2, 6)));
    assertTrue(eager.getMessage().contains("target_shape=(-1, 5)"), eager.getMessage());
    var twice = assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, -1));
    assertTrue(twice.getMessage().contains("target_shape=(-1, -1)"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Reshape(2, -3));
  }

  @Test
  void permuteUsesOneBasedDims() {
    Tensor x = Tensor.of(SIX, 1, 2, 3);
    Tensor y = new Permute(2, 1).apply(x);
    assertArrayEquals(new int[] {1, 3, 2}, y.shape());
    assertValues(new float[] {1, 4, 2, 5, 3, 6}, y);
    LayerTestCase.of(new Permute(3, 1, 2))
        .inputs(random(4, 2, 3, 4, 5))
        .expectedOutputShape(2, 5, 3, 4)
        .run();
    var e = assertThrows(IllegalArgumentException.class, () -> new Permute(0, 1));
    assertTrue(e.getMessage().contains("start from 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Permute(1, 3));
    // The rank is fixed by dims.
    assertThrows(IllegalArgumentException.class, () -> new Permute(2, 1).apply(Input.of(3)));
  }

  @Test
  void repeatVectorRepeatsRows() {
    Tensor y = new RepeatVector(3).apply(Tensor.of(new float[][] {{1, 2}, {3, 4}}));
    assertArrayEquals(new int[] {2, 3, 2}, y.shape());
    assertValues(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, y);
    LayerTestCase.of(new RepeatVector(2))
        .inputs(random(5, 3, 4))
        .expectedOutputShape(3, 2, 4)
        .run();
    var e = assertThrows(IllegalArgumentException.class, () -> new RepeatVector(0));
    assertTrue(e.getMessage().contains("Received: n=0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RepeatVector(2).apply(Input.of(2, 3)));
  }

  @Test
  void reshapingLayersPassTheirOptionsThroughConfigs() {
    assertEquals(List.of(-1, 2), new Reshape(-1, 2).getConfig().get("target_shape"));
    assertEquals(List.of(2, 1), new Permute(2, 1).getConfig().get("dims"));
    assertEquals("channels_last", new Flatten().getConfig().get("data_format"));
    assertEquals(3, new RepeatVector(3).getConfig().get("n"));
  }
}
