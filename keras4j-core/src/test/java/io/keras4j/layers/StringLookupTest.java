package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.saving.LayerRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StringLookup and IntegerLookup against the examples of Keras's docstrings. */
class StringLookupTest {
  private static final List<String> VOCAB = List.of("a", "b", "c", "d");

  @Test
  void knownVocabularyAndOov() {
    var l = new StringLookup().vocabulary(VOCAB);
    Tensor y = l.call(new String[][] {{"a", "c", "d"}, {"d", "z", "b"}});
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new int[] {1, 3, 4, 4, 0, 2}, y.toIntArray());
    assertEquals(List.of("[UNK]", "a", "b", "c", "d"), l.getVocabulary());
    assertEquals(5, l.vocabularySize());
    assertArrayEquals(new int[] {3, 0}, l.call(List.of("c", "q")).toIntArray());
  }

  @Test
  void adaptOrdersByCountThenTokenDescending() {
    var l = new StringLookup();
    l.adapt(new String[][] {{"a", "c", "d"}, {"d", "z", "b"}});
    assertEquals(List.of("[UNK]", "d", "z", "c", "b", "a"), l.getVocabulary());
    assertEquals(List.of("d", "z", "c", "b", "a"), l.getVocabulary(false));
    var small = new StringLookup().maxTokens(3);
    small.adapt(List.of("x", "y", "y", "w", "x", "y"));
    assertEquals(List.of("[UNK]", "y", "x"), small.getVocabulary());
  }

  @Test
  void severalOovIndicesHashWithFarmHash() {
    var l = new StringLookup().vocabulary(VOCAB).numOovIndices(2);
    assertArrayEquals(
        new int[] {2, 4, 5, 0, 1, 3},
        l.call(new String[][] {{"a", "c", "d"}, {"m", "z", "b"}}).toIntArray());
  }

  @Test
  void encodedOutputs() {
    String[][] data = {{"a", "c", "d", "d"}, {"d", "z", "b", "z"}};
    assertArrayEquals(
        new float[] {0, 1, 0, 1, 1, 1, 0, 1, 0, 1},
        new StringLookup().outputMode("multi_hot").vocabulary(VOCAB).call(data).toFloatArray());
    assertArrayEquals(
        new float[] {0, 1, 0, 1, 2, 2, 0, 1, 0, 1},
        new StringLookup().outputMode("count").vocabulary(VOCAB).call(data).toFloatArray());
    var tfidf =
        new StringLookup()
            .outputMode("tf_idf")
            .vocabulary(VOCAB, new float[] {0.25f, 0.75f, 0.6f, 0.4f});
    assertArrayEquals(
        new float[] {0, 0.25f, 0, 0.6f, 0.8f, 1.0f, 0, 0.75f, 0, 0.4f},
        tfidf.call(data).toFloatArray(),
        1e-6f);
    Tensor oneHot =
        new StringLookup().outputMode("one_hot").vocabulary(VOCAB).call(List.of("a", "z"));
    assertArrayEquals(new int[] {2, 5}, oneHot.shape());
    assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1, 0, 0, 0, 0}, oneHot.toFloatArray());
  }

  @Test
  void adaptTfIdfAsKeras() {
    // idf = log(1 + documents / (1 + documents containing the token)); OOV gets their mean
    var l = new StringLookup().outputMode("tf_idf");
    l.adapt(new String[][] {{"a", "b"}, {"a", "a"}, {"c", "a"}});
    assertEquals(List.of("[UNK]", "a", "c", "b"), l.getVocabulary());
    double wa = Math.log(1 + 3.0 / 4);
    double wc = Math.log(1 + 3.0 / 2);
    float mean = (float) ((wa + wc + wc) / 3);
    Tensor y = l.call(List.of("a", "a", "q"));
    assertArrayEquals(new float[] {mean, (float) (2 * wa), 0, 0}, y.toFloatArray(), 1e-6f);
  }

  @Test
  void maskTokenAndInvert() {
    var masked = new StringLookup().maskToken("").vocabulary(VOCAB);
    assertArrayEquals(
        new int[] {2, 4, 5, 5, 0, 3},
        masked.call(new String[][] {{"a", "c", "d"}, {"d", "", "b"}}).toIntArray());
    assertEquals(List.of("", "[UNK]", "a", "b", "c", "d"), masked.getVocabulary());
    var inv = new StringLookup().vocabulary(VOCAB).invert(true);
    assertEquals(
        List.of("a", "c", "d", "d", "[UNK]", "b"),
        inv.invertToStrings(Tensor.ofInts(new int[] {1, 3, 4, 4, 0, 2}, 2, 3)));
  }

  @Test
  void configRoundTrip() {
    var l = new StringLookup().vocabulary(VOCAB).numOovIndices(2).maskToken("");
    String json = Json.write(l.getConfig());
    var copy = (StringLookup) LayerRegistry.create("StringLookup", Json.readObject(json));
    assertEquals(json, Json.write(copy.getConfig()));
    assertEquals(l.getVocabulary(), copy.getVocabulary());
    assertTrue(json.contains("\"encoding\":\"utf-8\""), json);
  }

  @Test
  void errorsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> new StringLookup().adapt(List.of()));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new StringLookup().vocabulary(List.of("a", "b", "a")));
    assertTrue(e.getMessage().contains("[a]"), e.getMessage());
    var strict = new StringLookup().numOovIndices(0).vocabulary(VOCAB);
    e = assertThrows(IllegalArgumentException.class, () -> strict.call(List.of("zz")));
    assertTrue(e.getMessage().contains("zz"), e.getMessage());
    var ise =
        assertThrows(
            IllegalStateException.class,
            () -> new StringLookup().outputMode("multi_hot").call(List.of("a")));
    assertTrue(ise.getMessage().contains("adapt"), ise.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new StringLookup().maxTokens(1));
    assertTrue(e.getMessage().contains("max_tokens=1"), e.getMessage());
  }

  @Test
  void integerLookupAsKerasDocstring() {
    Tensor data = Tensor.ofInts(new int[] {12, 1138, 42, 42, 1000, 36}, 2, 3);
    var l = new IntegerLookup().vocabulary(12, 36, 1138, 42);
    Tensor y = LayerTestCase.of(l).inputs(data).expectedOutputShape(2, 3).skipGradientCheck().run();
    assertArrayEquals(new int[] {1, 3, 4, 4, 0, 2}, y.toIntArray());
    var adapted = new IntegerLookup();
    adapted.adapt(data);
    assertEquals(List.of(-1L, 42L, 1138L, 1000L, 36L, 12L), adapted.getVocabulary());
    var twoOov = new IntegerLookup().vocabulary(12, 36, 1138, 42).numOovIndices(2);
    assertArrayEquals(
        new int[] {2, 4, 5, 1, 0, 3},
        twoOov.apply(Tensor.ofInts(new int[] {12, 1138, 42, 37, 1000, 36}, 2, 3)).toIntArray());
    Tensor multi =
        LayerTestCase.of(new IntegerLookup().outputMode("multi_hot").vocabulary(12, 36, 1138, 42))
            .inputs(Tensor.ofInts(new int[] {12, 1138, 42, 42, 42, 7, 36, 7}, 2, 4))
            .expectedOutputShape(2, 5)
            .skipGradientCheck()
            .run();
    assertArrayEquals(new float[] {0, 1, 0, 1, 1, 1, 0, 1, 0, 1}, multi.toFloatArray());
    var inv = new IntegerLookup().vocabulary(12, 36, 1138, 42).invert(true);
    assertArrayEquals(
        new int[] {12, 1138, 42, 42, -1, 36},
        inv.apply(Tensor.ofInts(new int[] {1, 3, 4, 4, 0, 2}, 2, 3)).toIntArray());
  }
}
