package io.keras4j.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The lookup layers' asset as Keras writes it: {@code vocabulary.txt}, the whole vocabulary with
 * its special tokens first (the mask token as an empty line), one token a line, joined by newlines;
 * read back with trailing empty lines dropped.
 */
final class LookupAssets {
  static final String VOCABULARY = "vocabulary.txt";

  private LookupAssets() {}

  static Map<String, byte[]> save(String who, String outputMode, List<?> vocabulary) {
    if ("tf_idf".equals(outputMode)) {
      throw new IllegalStateException(
          who
              + ": saving a learned \"tf_idf\" vocabulary is not supported yet (its IDF weights"
              + " would be lost). Give the vocabulary and its IDF weights as arguments"
              + " (vocabulary(tokens, idfWeights)), which the config keeps.");
    }
    List<String> lines = new ArrayList<>();
    for (Object token : vocabulary) {
      lines.add(token == null ? "" : token.toString());
    }
    return Map.of(VOCABULARY, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  /** The tokens of a saved vocabulary, or null when there is none. */
  static <K> List<K> tokens(Map<String, byte[]> files, Function<String, K> parse) {
    List<String> lines = lines(files);
    if (lines == null) {
      return null;
    }
    List<K> tokens = new ArrayList<>();
    for (String line : lines) {
      tokens.add(parse.apply(line));
    }
    return tokens;
  }

  /** The lines of a saved vocabulary, or null when there is none. */
  static List<String> lines(Map<String, byte[]> files) {
    byte[] text = files.get(VOCABULARY);
    if (text == null) {
      return null;
    }
    List<String> lines = new ArrayList<>(new String(text, StandardCharsets.UTF_8).lines().toList());
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
