package io.keras4j;

import static io.keras4j.testing.FunctionalJson.cfg;

import io.keras4j.testing.FunctionalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recurrent layers of the keras-js golden cases ({@code layers/recurrent/}: SimpleRNN, LSTM,
 * GRU), each a single layer on the case's input with the arguments of its title in {@code
 * config_index.json}; the rest are Keras 2.1's defaults, written as Keras 2.1 wrote them: {@code
 * implementation: 1} (so hard_sigmoid is Keras 2's 0.2x+0.5) and, for GRU, {@code reset_after:
 * false} (Keras 2.1 had only that form). Stateful cases get the fixed batch size 1 they were run
 * with, and, as in the notebooks, predict twice (the second result carries the first's states).
 */
final class KerasJsRecurrentCases {
  /**
   * units, activation, recurrent activation, return_sequences, go_backwards, stateful, use_bias.
   */
  private record Row(
      int units, String act, String recAct, boolean seq, boolean back, boolean st, boolean bias) {}

  private static final List<Row> GATED =
      List.of(
          new Row(4, "tanh", "hard_sigmoid", false, false, false, true),
          new Row(5, "sigmoid", "sigmoid", false, false, false, true),
          new Row(4, "tanh", "hard_sigmoid", true, false, false, true),
          new Row(4, "tanh", "hard_sigmoid", false, true, false, true),
          new Row(4, "tanh", "hard_sigmoid", true, true, false, true),
          new Row(4, "tanh", "hard_sigmoid", false, false, true, true),
          new Row(4, "tanh", "hard_sigmoid", true, false, true, true),
          new Row(4, "tanh", "hard_sigmoid", false, true, true, true),
          new Row(4, "tanh", "hard_sigmoid", true, true, true, true));

  private KerasJsRecurrentCases() {}

  static boolean covers(String family, String cls) {
    return family.equals("recurrent")
        && (cls.equals("SimpleRNN") || cls.equals("LSTM") || cls.equals("GRU"));
  }

  @SuppressWarnings("unchecked")
  static KerasJsCases.Plan plan(String id, String cls, int n, int[] inputShape) {
    if (n >= GATED.size()) {
      return null;
    }
    Row r = GATED.get(n);
    boolean useBias = r.bias() && !(n == 8 && !cls.equals("LSTM"));
    Map<String, Object> config =
        cfg(
            "units", r.units(),
            "activation", cls.equals("SimpleRNN") && n == 1 ? "sigmoid" : r.act(),
            "use_bias", useBias,
            "return_sequences", r.seq(),
            "go_backwards", r.back(),
            "stateful", r.st(),
            "implementation", 1);
    if (!cls.equals("SimpleRNN")) {
      config.put("recurrent_activation", r.recAct());
    }
    if (cls.equals("GRU")) {
      config.put("reset_after", false);
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", inputShape, "float32");
    Map<String, Object> entry = m.toEntry(m.layer("rnn_1", cls, config, x));
    if (r.st()) {
      Map<String, Object> modelConfig = (Map<String, Object>) entry.get("config");
      Map<String, Object> input =
          (Map<String, Object>) ((List<Object>) modelConfig.get("layers")).get(0);
      List<Object> batchShape = new ArrayList<>();
      batchShape.add(1);
      for (int d : inputShape) {
        batchShape.add(d);
      }
      ((Map<String, Object>) input.get("config")).put("batch_input_shape", batchShape);
    }
    return r.st() ? KerasJsCases.Plan.runTwice(entry) : KerasJsCases.Plan.run(entry);
  }
}
