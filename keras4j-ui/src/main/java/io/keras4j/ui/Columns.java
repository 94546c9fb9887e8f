package io.keras4j.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of rows, one column per name: an x column, then one column per log name in the order the
 * names first appeared; a name missing from a row (val_loss in an epoch without validation) is null
 * there. Not thread-safe: {@link RunLog} guards it.
 */
final class Columns {
  private final String xName;
  private final List<Double> x = new ArrayList<>();
  private final Map<String, List<Double>> columns = new LinkedHashMap<>();

  Columns(String xName) {
    this.xName = xName;
  }

  int size() {
    return x.size();
  }

  void add(double xValue, Map<String, Double> row) {
    for (Map.Entry<String, Double> e : row.entrySet()) {
      columns.computeIfAbsent(
          e.getKey(),
          k -> {
            List<Double> c = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
              c.add(null);
            }
            return c;
          });
    }
    x.add(xValue);
    for (Map.Entry<String, List<Double>> e : columns.entrySet()) {
      e.getValue().add(row.get(e.getKey()));
    }
  }

  /** Keeps the rows whose x is a multiple of {@code stride}. */
  void keepMultiplesOf(long stride) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      if (x.get(i).longValue() % stride == 0) {
        kept.add(i);
      }
    }
    List<Double> newX = pick(x, kept);
    x.clear();
    x.addAll(newX);
    for (List<Double> c : columns.values()) {
      List<Double> picked = pick(c, kept);
      c.clear();
      c.addAll(picked);
    }
  }

  private static List<Double> pick(List<Double> values, List<Integer> rows) {
    List<Double> out = new ArrayList<>(rows.size());
    for (int i : rows) {
      out.add(values.get(i));
    }
    return out;
  }

  /** {"x name": [...], "name": [...], ...}. */
  void toJson(StringBuilder out) {
    out.append('{');
    Json.string(out, xName);
    out.append(':');
    Json.numbers(out, x);
    for (Map.Entry<String, List<Double>> e : columns.entrySet()) {
      out.append(',');
      Json.string(out, e.getKey());
      out.append(':');
      Json.numbers(out, e.getValue());
    }
    out.append('}');
  }
}
