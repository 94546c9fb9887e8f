package io.keras4j;

import static io.keras4j.testing.FunctionalJson.cfg;

import io.keras4j.testing.FunctionalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The convolution layers of the keras-js golden cases ({@code layers/convolutional/}: Conv1D,
 * Conv2D, Conv2DTranspose, Conv3D, SeparableConv2D), each a single layer on the case's input with
 * the arguments of its title in {@code config_index.json} (the notebook's values; the rest are
 * Keras 2.1 defaults): filters, kernel size, strides, padding, dilation rate (or depth multiplier),
 * activation and use_bias.
 */
final class KerasJsConvCases {
  private static final Set<String> CLASSES =
      Set.of("Conv1D", "Conv2D", "Conv2DTranspose", "Conv3D", "SeparableConv2D");

  /** filters, kernel, strides, padding, dilation, activation, use_bias. */
  private record Row(
      int filters, int[] kernel, int[] strides, String padding, int[] dil, String act, boolean b) {}

  private static Row row(
      int filters, int[] kernel, int[] strides, String padding, int[] dil, String act, boolean b) {
    return new Row(filters, kernel, strides, padding, dil, act, b);
  }

  private static int[] i(int... v) {
    return v;
  }

  private static final List<Row> CONV1D =
      List.of(
          row(4, i(3), i(1), "valid", i(1), "linear", true),
          row(4, i(3), i(1), "valid", i(1), "linear", false),
          row(2, i(3), i(2), "same", i(1), "sigmoid", true),
          row(2, i(7), i(1), "same", i(1), "tanh", true),
          row(2, i(7), i(1), "same", i(2), "tanh", true));

  private static final List<Row> CONV2D =
      List.of(
          row(4, i(3, 3), i(1, 1), "valid", i(1, 1), "linear", true),
          row(4, i(3, 3), i(1, 1), "valid", i(1, 1), "linear", false),
          row(4, i(3, 3), i(2, 2), "valid", i(1, 1), "relu", true),
          row(5, i(4, 4), i(2, 1), "valid", i(1, 1), "relu", true),
          row(4, i(3, 3), i(1, 1), "same", i(1, 1), "relu", true),
          row(4, i(3, 3), i(2, 2), "same", i(1, 1), "relu", true),
          row(4, i(3, 3), i(3, 2), "same", i(1, 1), "relu", true),
          row(4, i(3, 3), i(1, 1), "valid", i(2, 2), "linear", true),
          row(4, i(3, 3), i(1, 1), "valid", i(2, 2), "linear", false),
          row(4, i(3, 3), i(1, 1), "valid", i(3, 3), "relu", true),
          row(3, i(4, 4), i(1, 1), "same", i(2, 2), "relu", true),
          row(4, i(3, 3), i(1, 1), "same", i(4, 4), "relu", true));

  private static final List<Row> CONV2D_TRANSPOSE =
      List.of(
          row(4, i(3, 3), i(1, 1), "valid", i(1, 1), "linear", false),
          row(4, i(3, 3), i(1, 1), "valid", i(1, 1), "linear", true),
          row(4, i(3, 3), i(2, 2), "valid", i(1, 1), "relu", true),
          row(4, i(3, 3), i(1, 1), "same", i(1, 1), "relu", true),
          row(5, i(3, 3), i(2, 2), "same", i(1, 1), "relu", true),
          row(3, i(2, 3), i(1, 1), "same", i(1, 1), "relu", true));

  private static final List<Row> CONV3D =
      List.of(
          row(4, i(3, 3, 3), i(1, 1, 1), "valid", i(1, 1, 1), "linear", true),
          row(2, i(3, 3, 3), i(1, 1, 1), "valid", i(1, 1, 1), "sigmoid", false),
          row(2, i(3, 3, 3), i(1, 1, 1), "same", i(1, 1, 1), "relu", true),
          row(2, i(3, 3, 2), i(2, 1, 1), "same", i(1, 1, 1), "relu", true),
          row(2, i(3, 3, 3), i(3, 3, 2), "same", i(1, 1, 1), "relu", true),
          row(2, i(3, 3, 3), i(1, 1, 1), "valid", i(2, 1, 1), "relu", true),
          row(2, i(3, 3, 3), i(1, 1, 1), "same", i(1, 2, 1), "relu", true));

  /** For SeparableConv2D the fifth column is the depth multiplier. */
  private static final List<Row> SEPARABLE_CONV2D =
      List.of(
          row(4, i(3, 3), i(1, 1), "valid", i(1), "linear", true),
          row(4, i(3, 3), i(1, 1), "valid", i(2), "relu", true),
          row(16, i(3, 3), i(1, 1), "valid", i(3), "relu", true),
          row(4, i(3, 3), i(2, 2), "valid", i(1), "relu", true),
          row(4, i(3, 3), i(1, 1), "same", i(1), "relu", true),
          row(4, i(3, 3), i(1, 1), "same", i(2), "relu", false),
          row(4, i(3, 3), i(2, 2), "same", i(2), "relu", true));

  private KerasJsConvCases() {}

  /** Whether this table has the models of the family's class. */
  static boolean covers(String family, String cls) {
    return family.equals("convolutional") && CLASSES.contains(cls);
  }

  /** The plan of case {@code n} of {@code cls}, or null when the table has no such case. */
  static KerasJsCases.Plan plan(String id, String cls, int n, int[] in) {
    List<Row> rows =
        switch (cls) {
          case "Conv1D" -> CONV1D;
          case "Conv2D" -> CONV2D;
          case "Conv2DTranspose" -> CONV2D_TRANSPOSE;
          case "Conv3D" -> CONV3D;
          default -> SEPARABLE_CONV2D;
        };
    if (n >= rows.size()) {
      return null;
    }
    Row r = rows.get(n);
    Map<String, Object> config =
        cfg(
            "filters",
            r.filters(),
            "kernel_size",
            list(r.kernel()),
            "strides",
            list(r.strides()),
            "padding",
            r.padding(),
            "data_format",
            "channels_last",
            "activation",
            r.act(),
            "use_bias",
            r.b());
    if (cls.equals("SeparableConv2D")) {
      config.put("depth_multiplier", r.dil()[0]);
    } else if (!cls.equals("Conv2DTranspose")) {
      config.put("dilation_rate", list(r.dil()));
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", in, "float32");
    return KerasJsCases.Plan.run(m.toEntry(m.layer("conv_1", cls, config, x)));
  }

  private static List<Object> list(int[] values) {
    List<Object> l = new ArrayList<>();
    for (int v : values) {
      l.add(v);
    }
    return l;
  }
}
