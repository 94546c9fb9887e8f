package io.keras4j.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for names a user typed: the closest known name by Levenshtein distance. Used
 * by every registry that resolves Keras string names (activations, initializers, losses, ...).
 */
public final class Suggest {
  private Suggest() {}

  /** Edit distance (insertions, deletions, substitutions) between two strings. */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The known name closest to {@code name}, if one is close enough to be a plausible typo. Case and
   * the separators {@code _ - space} are ignored when measuring, so {@code "LeakyReLU"} finds
   * {@code "leaky_relu"}; ties go to the name spelt most like the input, then to the earlier one.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    if (name == null || candidates.isEmpty()) {
      return Optional.empty();
    }
    String n = normalize(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestRaw = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = levenshtein(n, normalize(c));
      // Among equally close names, prefer the one spelt most like the input (same case style).
      int raw = d <= bestDistance ? levenshtein(name, c) : Integer.MAX_VALUE;
      if (d < bestDistance || (d == bestDistance && raw < bestRaw)) {
        best = c;
        bestDistance = d;
        bestRaw = raw;
      }
    }
    // A third of the name (at least 2 edits) separates typos from unrelated words.
    int allowed = Math.max(2, n.length() / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code " Did you mean 'relu'?"}, or the empty string when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
  }

  /**
   * The error for an unknown name, in the form {@code Unknown activation: 'relux'. Did you mean
   * 'relu'? Received: activation=relux}.
   *
   * @param kind what was looked up, e.g. {@code "activation"}
   * @param argument the argument that carried the name, e.g. {@code "activation"}
   */
  public static IllegalArgumentException unknown(
      String kind, String argument, String name, Collection<String> candidates) {
    return new IllegalArgumentException(
        "Unknown "
            + kind
            + ": '"
            + name
            + "'."
            + didYouMean(name, candidates)
            + " Received: "
            + argument
            + "="
            + name);
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
  }
}
