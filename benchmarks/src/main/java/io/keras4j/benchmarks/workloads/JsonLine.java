package io.keras4j.benchmarks.workloads;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The peers' result line: one JSON object, numbers with 6 significant digits, peak RSS last. */
final class JsonLine {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  JsonLine put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  void print() {
    put("peak_rss_mb", Measure.peakRssMb());
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(e.getKey()).append("\":");
      Object v = e.getValue();
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Double || v instanceof Float) {
        double d = ((Number) v).doubleValue();
        sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d) : "null");
      } else if (v instanceof Number || v instanceof Boolean) {
        sb.append(v);
      } else {
        sb.append('"')
            .append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "))
            .append('"');
      }
    }
    sb.append('}');
    System.out.println(sb);
    System.out.flush();
  }
}
