package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.internal.Suggest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void levenshteinDistances() {
    assertEquals(0, Suggest.levenshtein("relu", "relu"));
    assertEquals(1, Suggest.levenshtein("relux", "relu"));
    assertEquals(3, Suggest.levenshtein("kitten", "sitting"));
    assertEquals(4, Suggest.levenshtein("", "abcd"));
    assertEquals(4, Suggest.levenshtein("abcd", ""));
  }

  @Test
  void closestIgnoresCaseAndSeparators() {
    List<String> names = List.of("relu", "leaky_relu", "glorot_uniform", "GlorotUniform");
    assertEquals(Optional.of("relu"), Suggest.closest("relux", names));
    assertEquals(Optional.of("leaky_relu"), Suggest.closest("LeakyReLU", names));
    assertEquals(Optional.of("glorot_uniform"), Suggest.closest("glorot_unifrom", names));
    assertEquals(Optional.of("GlorotUniform"), Suggest.closest("GlorotUnifrom", names));
    assertEquals(Optional.empty(), Suggest.closest("softmax", names));
    assertEquals(Optional.empty(), Suggest.closest(null, names));
    assertEquals(Optional.empty(), Suggest.closest("relu", List.of()));
  }

  @Test
  void unknownMessageFormat() {
    assertEquals(
        "Unknown activation: 'relux'. Did you mean 'relu'? Received: activation=relux",
        Suggest.unknown("activation", "activation", "relux", List.of("relu", "tanh")).getMessage());
    assertEquals(
        "Unknown loss: 'xyz'. Received: loss=xyz",
        Suggest.unknown("loss", "loss", "xyz", List.of("mse", "binary_crossentropy")).getMessage());
  }
}
