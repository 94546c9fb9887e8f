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

/** TextVectorization: Keras's docstring examples, standardize/split/ngrams, the encoded modes. */
class TextVectorizationTest {
  @Test
  void kerasDocstringAdaptExample() {
    var tv = new TextVectorization().maxTokens(5000).outputSequenceLength(4);
    tv.adapt(List.of("foo bar", "bar baz", "baz bada boom"));
    assertEquals(List.of("", "[UNK]", "baz", "bar", "foo", "boom", "bada"), tv.getVocabulary());
    Tensor y = tv.call(List.of("foo qux bar", "qux baz"));
    assertEquals(DType.INT32, y.dtype());
    assertArrayEquals(new int[] {2, 4}, y.shape());
    assertArrayEquals(new int[] {4, 1, 3, 0, 1, 2, 0, 0}, y.toIntArray());
  }

  @Test
  void kerasDocstringVocabularyExample() {
    var tv =
        new TextVectorization()
            .maxTokens(5000)
            .outputSequenceLength(4)
            .vocabulary(List.of("earth", "wind", "and", "fire"));
    assertEquals(List.of("", "[UNK]", "earth", "wind", "and", "fire"), tv.getVocabulary());
    // no outputSequenceLength: padded to the longest; longer rows are truncated after
    assertArrayEquals(
        new int[] {2, 3, 4, 5}, tv.call(List.of("Earth, wind and FIRE and earth")).toIntArray());
    var free = new TextVectorization().vocabulary(List.of("earth", "wind", "and", "fire"));
    Tensor y = free.call(List.of("wind", "fire and rain"));
    assertArrayEquals(new int[] {2, 3}, y.shape());
    assertArrayEquals(new int[] {3, 0, 0, 5, 4, 1}, y.toIntArray());
  }

  @Test
  void standardizeSplitAndNgrams() {
    var tv = new TextVectorization();
    // ASCII lowercasing and punctuation only, as TensorFlow's string ops
    assertEquals(
        List.of(List.of("hello", "world", "its", "Àb")),
        tv.tokenize(List.of("Hello, World!\tIt's  ÀB ")));
    var lower = new TextVectorization().standardize("lower");
    assertEquals(List.of(List.of("a.b", "c!")), lower.tokenize(List.of("A.b C!")));
    var strip = new TextVectorization().standardize("strip_punctuation");
    assertEquals(List.of(List.of("Ab", "C")), strip.tokenize(List.of("A.b C!")));
    var chars = new TextVectorization().split("character").standardize("none");
    assertEquals(List.of(List.of("a", " ", "é", "😀")), chars.tokenize(List.of("a é😀")));
    var whole = new TextVectorization().split("none");
    assertEquals(List.of(List.of("a b")), whole.tokenize(List.of("A b")));
    var bigrams = new TextVectorization().ngrams(2);
    assertEquals(List.of(List.of("a", "b", "c", "a b", "b c")), bigrams.tokenize(List.of("a b c")));
    var only = new TextVectorization().ngrams(2, 3);
    assertEquals(List.of(List.of("a b", "b c", "a b c")), only.tokenize(List.of("a b c")));
  }

  @Test
  void encodedModes() {
    List<String> docs = List.of("a b b", "b c", "c c c d");
    var multi = new TextVectorization().outputMode("multi_hot");
    multi.adapt(docs);
    // counts: c 4, b 3, a 1, d 1 -> [UNK], c, b, d, a
    assertEquals(List.of("[UNK]", "c", "b", "d", "a"), multi.getVocabulary());
    Tensor y = multi.call(List.of("a a z", "c"));
    assertArrayEquals(new int[] {2, 5}, y.shape());
    assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 1, 0, 0, 0}, y.toFloatArray());
    var count = new TextVectorization().outputMode("count").maxTokens(3);
    count.adapt(docs);
    assertEquals(List.of("[UNK]", "c", "b"), count.getVocabulary());
    assertArrayEquals(new float[] {3, 0, 1}, count.call(List.of("a a z b")).toFloatArray());
    var tfidf = new TextVectorization().outputMode("tf_idf");
    tfidf.adapt(docs);
    double wc = Math.log(1 + 3.0 / 3);
    double wb = Math.log(1 + 3.0 / 3);
    double wd = Math.log(1 + 3.0 / 2);
    double wa = Math.log(1 + 3.0 / 2);
    float mean = (float) ((wc + wb + wd + wa) / 4);
    assertArrayEquals(
        new float[] {mean, (float) (2 * wc), (float) wb, 0, 0},
        tfidf.call(List.of("c c b x")).toFloatArray(),
        1e-6f);
    var oneHot = new TextVectorization().outputMode("one_hot").split("none");
    oneHot.adapt(List.of("x", "y", "y"));
    assertArrayEquals(
        new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0},
        oneHot.call(List.of("y", "x", "q")).toFloatArray());
  }

  @Test
  void configRoundTrip() {
    var tv =
        new TextVectorization()
            .maxTokens(10)
            .standardize("lower")
            .ngrams(2)
            .outputSequenceLength(3)
            .vocabulary(List.of("x", "y"));
    String json = Json.write(tv.getConfig());
    var copy = (TextVectorization) LayerRegistry.create("TextVectorization", Json.readObject(json));
    assertEquals(json, Json.write(copy.getConfig()));
    assertArrayEquals(
        tv.call(List.of("X y", "y")).toIntArray(), copy.call(List.of("X y", "y")).toIntArray());
    assertTrue(json.contains("\"vocabulary_size\":4"), json);
  }

  @Test
  void errorsAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new TextVectorization().adapt(List.of()));
    assertTrue(e.getMessage().contains("adapt"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TextVectorization().outputMode("count").outputSequenceLength(3));
    assertTrue(e.getMessage().contains("output_sequence_length=3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TextVectorization().split("comma"));
    assertTrue(e.getMessage().contains("split=comma"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new TextVectorization().apply(Tensor.of(1f, 2f)));
    assertTrue(e.getMessage().contains("call(List<String>)"), e.getMessage());
  }
}
