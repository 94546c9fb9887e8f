package io.keras4j;

import static io.keras4j.testing.FunctionalJson.cfg;

import io.keras4j.testing.FunctionalJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wrappers of the keras-js golden cases ({@code layers/wrappers/}): Bidirectional over a
 * SimpleRNN, GRU or LSTM of 4 units (merge mode and return_sequences from the case titles in {@code
 * config_index.json}), and TimeDistributed over a Dense(4) or a Conv2D(6, 3x3). The rest are Keras
 * 2.1's defaults, written as Keras 2.1 wrote them: {@code implementation: 1} for the gated layers
 * (so hard_sigmoid is Keras 2's 0.2x+0.5) and {@code reset_after: false} for GRU.
 */
final class KerasJsWrapperCases {
  /** merge mode, wrapped class, return_sequences. */
  private record Row(String merge, String cls, boolean seq) {}

  private static final List<Row> BIDIRECTIONAL =
      List.of(
          new Row("sum", "SimpleRNN", false),
          new Row("mul", "SimpleRNN", false),
          new Row("concat", "SimpleRNN", false),
          new Row("ave", "SimpleRNN", false),
          new Row("concat", "SimpleRNN", true),
          new Row("concat", "GRU", true),
          new Row("concat", "LSTM", true),
          new Row("sum", "SimpleRNN", true));

  private KerasJsWrapperCases() {}

  static boolean covers(String family, String cls) {
    return family.equals("wrappers")
        && (cls.equals("Bidirectional") || cls.equals("TimeDistributed"));
  }

  static KerasJsCases.Plan plan(String id, String cls, int n, int[] inputShape) {
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", inputShape, "float32");
    Map<String, Object> config;
    if (cls.equals("Bidirectional")) {
      if (n >= BIDIRECTIONAL.size()) {
        return null;
      }
      Row r = BIDIRECTIONAL.get(n);
      Map<String, Object> inner =
          cfg("name", "rnn_1", "units", 4, "activation", "tanh", "return_sequences", r.seq());
      if (!r.cls().equals("SimpleRNN")) {
        inner.put("recurrent_activation", "hard_sigmoid");
        inner.put("implementation", 1);
      }
      if (r.cls().equals("GRU")) {
        inner.put("reset_after", false);
      }
      config = cfg("merge_mode", r.merge(), "layer", entry(r.cls(), inner));
    } else {
      Map<String, Object> layer =
          switch (n) {
            case 0 -> entry("Dense", cfg("name", "dense_1", "units", 4));
            case 1 ->
                entry(
                    "Conv2D", cfg("name", "conv2d_1", "filters", 6, "kernel_size", List.of(3, 3)));
            default -> null;
          };
      if (layer == null) {
        return null;
      }
      config = cfg("layer", layer);
    }
    return KerasJsCases.Plan.run(m.toEntry(m.layer("wrapper_1", cls, config, x)));
  }

  private static Map<String, Object> entry(String cls, Map<String, Object> config) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("class_name", cls);
    e.put("config", config);
    return e;
  }
}
