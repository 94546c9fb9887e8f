package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/** CategoryEncoding: the examples of Keras's docstring, shapes, config and errors. */
class CategoryEncodingTest {
  @Test
  void oneHotAsKerasDocstring() {
    Tensor y =
        LayerTestCase.of(new CategoryEncoding(4, "one_hot"))
            .inputs(Tensor.ofInts(new int[] {3, 2, 0, 1}, 4))
            .expectedOutputShape(4, 4)
            .skipGradientCheck()
            .run();
    assertArrayEquals(
        new float[] {0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0}, y.toFloatArray());
    // (batch, 1) is encoded on that axis; (batch, n) gains one
    Tensor col = new CategoryEncoding(3, "one_hot").apply(Tensor.ofInts(new int[] {2, 0}, 2, 1));
    assertArrayEquals(new int[] {2, 3}, col.shape());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, col.toFloatArray());
    Tensor seq =
        new CategoryEncoding(3, "one_hot").apply(Tensor.ofInts(new int[] {2, 0, 1, 1}, 2, 2));
    assertArrayEquals(new int[] {2, 2, 3}, seq.shape());
  }

  @Test
  void multiHotAndCountAsKerasDocstring() {
    Tensor x = Tensor.ofInts(new int[] {0, 1, 0, 0, 1, 2, 3, 1}, 4, 2);
    Tensor multi =
        LayerTestCase.of(new CategoryEncoding(4))
            .inputs(x)
            .expectedOutputShape(4, 4)
            .skipGradientCheck()
            .run();
    assertArrayEquals(
        new float[] {1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1}, multi.toFloatArray());
    Tensor count = new CategoryEncoding(4, "count").apply(x);
    assertArrayEquals(
        new float[] {1, 1, 0, 0, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1}, count.toFloatArray());
    Tensor w = Tensor.of(new float[] {.1f, .2f, .1f, .1f, .2f, .3f, .4f, .2f}, 4, 2);
    Tensor weighted = new CategoryEncoding(4, "count").call(x, w);
    assertArrayEquals(
        new float[] {.1f, .2f, 0, 0, .2f, 0, 0, 0, 0, .2f, .3f, 0, 0, .2f, 0, .4f},
        weighted.toFloatArray(),
        1e-6f);
    // a rank-1 input is one sample
    Tensor one = new CategoryEncoding(4, "count").apply(Tensor.ofInts(new int[] {3, 3, 0}, 3));
    assertArrayEquals(new float[] {1, 0, 0, 2}, one.toFloatArray());
    // "binary" is Keras's old name for multi_hot
    assertTrue(new CategoryEncoding(4, "binary").outputMode().equals("multi_hot"));
  }

  @Test
  void badInputsAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CategoryEncoding(3).apply(Tensor.ofInts(new int[] {0, 3}, 1, 2)));
    assertTrue(e.getMessage().contains("value 3"), e.getMessage());
    assertTrue(e.getMessage().contains("num_tokens=3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CategoryEncoding(0));
    assertTrue(e.getMessage().contains("num_tokens=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CategoryEncoding(2, "int"));
    assertTrue(e.getMessage().contains("output_mode=int"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CategoryEncoding(2, "multi_hot")
                    .call(Tensor.ofInts(new int[] {0}, 1), Tensor.of(1f)));
    assertTrue(e.getMessage().contains("output_mode=multi_hot"), e.getMessage());
  }
}
