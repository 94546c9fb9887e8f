package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.IntegerLookup;
import io.keras4j.layers.TextVectorization;
import io.keras4j.models.Model;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learned vocabulary is saved as Keras 3 saves it, in the {@code .keras} file's {@code assets/}
 * (a given vocabulary stays in the config), and a loaded model predicts the same.
 */
class KerasAssetsTest {
  @TempDir Path dir;

  @Test
  void adaptedIntegerLookupKeepsItsVocabularyThroughDotKeras() throws IOException {
    Tensor ids = Tensor.ofInts(new int[] {12, 1138, 42, 42, 1000, 36, 42, 7, 7}, 3, 3);
    IntegerLookup lookup = new IntegerLookup();
    lookup.adapt(ids);
    KerasTensor in = Input.of(DType.INT32, 3);
    KerasTensor x = lookup.apply(in);
    x = new Embedding(lookup.vocabularySize(), 4).apply(x);
    x = new Flatten().apply(x);
    Model model = new Model(in, new Dense(2).apply(x));
    Tensor probe = Tensor.ofInts(new int[] {42, 7, 999, 1138, 12, 36}, 2, 3);
    float[] before = model.predict(probe, Quiet.predict()).toFloatArray();

    Path file = dir.resolve("lookup.keras");
    model.save(file);
    String entry = "assets/layers/integer_lookup/vocabulary.txt";
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().forEach(e -> names.add(e.getName()));
      assertEquals(
          List.of("metadata.json", "config.json", "model.weights.h5", entry), names, "entries");
      String text = new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes());
      assertEquals("-1\n42\n7\n1138\n1000\n36\n12", text, "Keras's vocabulary.txt");
    }
    Model back = Model.load(file);
    IntegerLookup loaded = (IntegerLookup) back.getLayer(lookup.name());
    assertEquals(lookup.getVocabulary(), loaded.getVocabulary());
    assertArrayEquals(before, back.predict(probe, Quiet.predict()).toFloatArray(), 0f);
  }

  @Test
  void givenVocabularyStaysInTheConfigAndNoAssetIsWritten() throws IOException {
    KerasTensor in = Input.of(DType.INT32, 2);
    KerasTensor x = new IntegerLookup().vocabulary(5, 6, 7).outputMode("multi_hot").apply(in);
    Model model = new Model(in, new Dense(1).apply(x));
    Path file = dir.resolve("given.keras");
    model.save(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("assets/")));
    }
    Tensor probe = Tensor.ofInts(new int[] {5, 9, 7, 7}, 2, 2);
    assertArrayEquals(
        model.predict(probe, Quiet.predict()).toFloatArray(),
        Model.load(file).predict(probe, Quiet.predict()).toFloatArray(),
        0f);
  }

  @Test
  void textVectorizationAssetsAreWrittenWhereKerasPutsThemAndReadBack() {
    TextVectorization tv = new TextVectorization();
    tv.adapt(List.of("the cat sat", "the dog sat down", "the end"));
    Map<String, byte[]> files = tv.saveAssets();
    assertEquals(
        List.of("vocabulary.txt", "_lookup_layer/vocabulary.txt"), new ArrayList<>(files.keySet()));
    String text = new String(files.get("vocabulary.txt"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\n[UNK]\nthe\nsat\n"), text);
    TextVectorization fresh = new TextVectorization();
    fresh.loadAssets(files);
    assertEquals(tv.getVocabulary(), fresh.getVocabulary());
    List<String> docs = List.of("the dog sat", "a cat");
    assertArrayEquals(tv.call(docs).toIntArray(), fresh.call(docs).toIntArray());
  }

  @Test
  void aLearnedTfIdfVocabularyIsRefusedOnSaveAndNothingIsWritten() {
    Tensor ids = Tensor.ofInts(new int[] {1, 2, 2, 3}, 2, 2);
    IntegerLookup lookup = new IntegerLookup().outputMode("tf_idf");
    lookup.adapt(ids);
    KerasTensor in = Input.of(DType.INT32, 2);
    Model model = new Model(in, new Dense(1).apply(lookup.apply(in)));
    Path file = dir.resolve("tfidf.keras");
    KerasFileException e = assertThrows(KerasFileException.class, () -> model.save(file));
    assertTrue(e.getMessage().contains("tf_idf"), e.getMessage());
    assertFalse(Files.exists(file));
  }
}
