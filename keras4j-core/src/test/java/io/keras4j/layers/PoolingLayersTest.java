package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pooling layers: shapes (symbolic, eager, computeOutputShape), config round trips and
 * gradients through {@link LayerTestCase} for 1-3 spatial axes, both data formats and both
 * paddings; numbers against Keras's docstring examples and hand-computed means; Keras's defaults
 * and config keys; masked global average pooling; the errors.
 */
class PoolingLayersTest {

  /**
   * A shuffled ladder of values 0.05 apart (no two within a finite-difference step, so the maximum
   * of a window never changes under the gradient check).
   */
  static Tensor ladder(long seed, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2) * 0.05f;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return Tensor.of(v, shape);
  }

  @Test
  void maxPooling2DMatchesKerasDocstringExamples() {
    // keras.layers.MaxPooling2D docstring: 3x3 input 1..9.
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
    assertValues(new float[] {5, 6, 8, 9}, new MaxPooling2D(2, 2).strides(1, 1).apply(x));
    assertValues(
        new float[] {5, 6, 6, 8, 9, 9, 8, 9, 9},
        new MaxPooling2D(2, 2).strides(1, 1).padding("same").apply(x));
    Tensor x34 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 1, 3, 4, 1);
    Tensor y = new MaxPooling2D(2, 2).strides(2, 2).apply(x34);
    assertArrayEquals(new int[] {1, 1, 2, 1}, y.shape());
    assertValues(new float[] {6, 8}, y);
  }

  @Test
  void averagePoolingLeavesThePaddingOutOfTheMean() {
    // 1-D: steps 1..5, pool 2, stride 2, "same": the last window holds step 5 only.
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5}, 1, 5, 1);
    assertValues(new float[] {1.5f, 3.5f, 5f}, new AveragePooling1D(2).padding("same").apply(x));
    // 2-D 3x3 "same" at stride 1 on 1..9: a corner averages 4 values, an edge 6, the centre 9.
    Tensor img = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
    Tensor avg = new AveragePooling2D(3).strides(1).padding("same").apply(img);
    assertValues(new float[] {3f, 3.5f, 4f, 4.5f, 5f, 5.5f, 6f, 6.5f, 7f}, avg);
  }

  @Test
  void defaultsAndConfigAreKeras() {
    MaxPooling2D m = new MaxPooling2D();
    assertArrayEquals(new int[] {2, 2}, m.poolSize());
    assertArrayEquals(new int[] {2, 2}, m.strides());
    assertEquals("valid", m.padding());
    assertEquals("channels_last", m.dataFormat());
    Map<String, Object> c = new AveragePooling3D(3).strides(1, 2, 1).padding("SAME").getConfig();
    assertEquals(List.of(3, 3, 3), c.get("pool_size"));
    assertEquals(List.of(1, 2, 1), c.get("strides"));
    assertEquals("same", c.get("padding"));
    assertEquals("channels_last", c.get("data_format"));
    assertArrayEquals(new int[] {2}, new MaxPooling1D().poolSize());
    assertArrayEquals(new int[] {2, 2, 2}, new AveragePooling3D().strides());
    // The spec's seed CNN: MaxPooling2D() halves 480x680.
    assertArrayEquals(
        new int[] {-1, 240, 340, 16}, new MaxPooling2D().apply(Input.of(480, 680, 16)).shape());
  }

  @Test
  void everyPoolingLayerPassesTheLayerTest() {
    String[] formats = {"channels_last", "channels_first"};
    for (String f : formats) {
      for (String p : new String[] {"valid", "same"}) {
        LayerTestCase.of(new MaxPooling1D(3).strides(2).padding(p).dataFormat(f))
            .inputs(ladder(1, 2, 7, 3))
            .run();
        LayerTestCase.of(new AveragePooling1D(3).strides(2).padding(p).dataFormat(f))
            .inputs(random(2, 2, 7, 3))
            .run();
        LayerTestCase.of(new MaxPooling2D(3, 2).strides(2, 1).padding(p).dataFormat(f))
            .inputs(ladder(3, 2, 5, 6, 3))
            .run();
        LayerTestCase.of(new AveragePooling2D(3, 2).strides(2, 1).padding(p).dataFormat(f))
            .inputs(random(4, 2, 5, 6, 3))
            .run();
        LayerTestCase.of(new MaxPooling3D(2).padding(p).dataFormat(f))
            .inputs(ladder(5, 1, 3, 4, 5, 2))
            .run();
        LayerTestCase.of(new AveragePooling3D(2, 1, 2).strides(1).padding(p).dataFormat(f))
            .inputs(random(6, 1, 3, 4, 5, 2))
            .run();
      }
    }
    Tensor y =
        LayerTestCase.of(new MaxPooling2D().dataFormat("channels_first"))
            .inputs(ladder(7, 2, 3, 6, 4))
            .expectedOutputShape(2, 3, 3, 2)
            .run();
    assertEquals(3, y.dim(1));
  }

  @Test
  void globalPoolingLayers() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
    assertValues(new float[] {3, 4, 9, 10}, new GlobalAveragePooling1D().apply(x));
    assertValues(new float[] {5, 6, 11, 12}, new GlobalMaxPooling1D().apply(x));
    // channels_first: (batch 2, channels 3, steps 2).
    assertValues(
        new float[] {1.5f, 3.5f, 5.5f, 7.5f, 9.5f, 11.5f},
        new GlobalAveragePooling1D().dataFormat("channels_first").apply(x));
    for (String f : new String[] {"channels_last", "channels_first"}) {
      for (boolean keep : new boolean[] {false, true}) {
        LayerTestCase.of(new GlobalMaxPooling1D().dataFormat(f).keepdims(keep))
            .inputs(ladder(10, 2, 4, 3))
            .run();
        LayerTestCase.of(new GlobalAveragePooling1D().dataFormat(f).keepdims(keep))
            .inputs(random(11, 2, 4, 3))
            .run();
        LayerTestCase.of(new GlobalMaxPooling2D().dataFormat(f).keepdims(keep))
            .inputs(ladder(12, 2, 3, 4, 3))
            .run();
        LayerTestCase.of(new GlobalAveragePooling2D().dataFormat(f).keepdims(keep))
            .inputs(random(13, 2, 3, 4, 3))
            .run();
        LayerTestCase.of(new GlobalMaxPooling3D().dataFormat(f).keepdims(keep))
            .inputs(ladder(14, 1, 2, 3, 4, 2))
            .run();
        LayerTestCase.of(new GlobalAveragePooling3D().dataFormat(f).keepdims(keep))
            .inputs(random(15, 1, 2, 3, 4, 2))
            .run();
      }
    }
    assertArrayEquals(
        new int[] {-1, 1, 1, 5},
        new GlobalAveragePooling2D().keepdims(true).computeOutputShape(new int[] {-1, 7, 8, 5}));
    assertArrayEquals(
        new int[] {-1, 5, 1, 1, 1},
        new GlobalMaxPooling3D()
            .keepdims(true)
            .dataFormat("channels_first")
            .computeOutputShape(new int[] {-1, 5, 2, 3, 4}));
    Map<String, Object> c = new GlobalMaxPooling2D().getConfig();
    assertEquals("channels_last", c.get("data_format"));
    assertEquals(false, c.get("keepdims"));
  }

  @Test
  void globalAveragePooling1DLeavesMaskedStepsOut() {
    // Sample 0 keeps steps 0 and 2, sample 1 keeps step 1 only.
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 3, 2);
    Tensor mask = Tensor.of(new float[] {1, 0, 1, 0, 1, 0}, 2, 3);
    GlobalAveragePooling1D layer = new GlobalAveragePooling1D();
    Tensor y = layer.callEager(List.of(x), CallContext.of(false, List.of(mask))).get(0);
    assertValues(new float[] {3, 4, 9, 10}, y);
    assertNull(layer.computeMask(List.of(x), List.of(mask)).get(0));
    Tensor keep =
        new GlobalAveragePooling1D()
            .keepdims(true)
            .callEager(List.of(x), CallContext.of(false, List.of(mask)))
            .get(0);
    assertArrayEquals(new int[] {2, 1, 2}, keep.shape());
    assertValues(new float[] {3, 4, 9, 10}, keep);
  }

  @Test
  void badArgumentsNameTheLayerTheArgumentAndTheValue() {
    String m =
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D(0, 2)).getMessage();
    assertTrue(m.contains("MaxPooling2D") && m.contains("pool_size=[0, 2]"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> new AveragePooling1D(2).strides(-1))
            .getMessage();
    assertTrue(m.contains("AveragePooling1D") && m.contains("strides=[-1]"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new MaxPooling3D(2, 2)).getMessage();
    assertTrue(m.contains("pool_size=[2, 2]"), m);
    m =
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling2D().padding("full"))
            .getMessage();
    assertTrue(m.contains("MaxPooling2D") && m.contains("padding=full"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> new GlobalAveragePooling2D().dataFormat("nchw"))
            .getMessage();
    assertTrue(m.contains("GlobalAveragePooling2D") && m.contains("data_format=nchw"), m);
    // A pool larger than the input with "valid" padding: symbolic and eager calls.
    MaxPooling2D big = new MaxPooling2D(3);
    big.name("pool_big");
    m =
        assertThrows(IllegalArgumentException.class, () -> big.apply(Input.of(2, 5, 1)))
            .getMessage();
    assertTrue(m.contains("pool_big") && m.contains("pool_size=[3, 3]"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> new AveragePooling1D(4).name("p4").apply(Tensor.zeros(1, 3, 2)))
            .getMessage();
    assertTrue(m.contains("p4") && m.contains("pool_size=[4]") && m.contains("(1, 3, 2)"), m);
    // "same" accepts it.
    assertArrayEquals(
        new int[] {1, 1, 2, 1},
        new MaxPooling2D(3).padding("same").apply(Tensor.zeros(1, 2, 5, 1)).shape());
    // A rank the layer does not take.
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> new MaxPooling2D().name("p2").apply(Tensor.zeros(2, 4, 4)))
            .getMessage();
    assertTrue(m.contains("p2") && m.contains("expected ndim=4"), m);
    // A refused input changes nothing: the layer is not built and its options still change.
    MaxPooling2D refused = new MaxPooling2D(3);
    assertThrows(IllegalArgumentException.class, () -> refused.apply(Tensor.zeros(1, 2, 2, 1)));
    assertThrows(IllegalArgumentException.class, () -> refused.apply(Tensor.zeros(1, 4, 4)));
    assertFalse(refused.isBuilt());
    assertArrayEquals(
        new int[] {1, 1, 1, 1}, refused.padding("same").apply(Tensor.zeros(1, 2, 2, 1)).shape());
    GlobalMaxPooling1D global = new GlobalMaxPooling1D();
    assertThrows(IllegalArgumentException.class, () -> global.apply(Tensor.zeros(2, 3)));
    assertFalse(global.isBuilt());
    MaxPooling2D built = new MaxPooling2D();
    built.apply(Tensor.zeros(1, 4, 4, 1));
    assertThrows(IllegalStateException.class, () -> built.strides(1));
    assertFalse(built.padding().equals("same"));
  }
}
