package io.keras4j.utils;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for misspelt names, by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate, or null when none is reasonably close. */
  public static String closest(String name, Collection<String> candidates) {
    if (name == null) {
      return null;
    }
    String best = null;
    int bestD = Integer.MAX_VALUE;
    String n = name.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(n, c.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return bestD <= Math.max(2, name.length() / 3) ? best : null;
  }

  /** {@code " Did you mean 'x'?"}, or an empty string when nothing is close. */
  public static String didYouMean(String name, Collection<String> candidates) {
    String c = closest(name, candidates);
    return c == null ? "" : " Did you mean '" + c + "'?";
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
