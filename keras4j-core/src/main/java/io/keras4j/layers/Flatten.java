package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens every axis but the batch axis: {@code (batch, d1, d2, ...) -> (batch, d1*d2*...)}. With
 * {@code channels_first} data the channel axis is moved last first, so that the flattened order is
 * the same as for the equivalent {@code channels_last} data.
 */
public class Flatten extends Layer {
  private String dataFormat = "channels_last";

  public Flatten() {
    inputSpec(InputSpec.minNdim(1));
  }

  /**
   * {@code "channels_last"} (the default, Keras's image data format) or {@code "channels_first"}.
   */
  public Flatten dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = standardizeDataFormat(dataFormat);
    return this;
  }

  public String dataFormat() {
    return dataFormat;
  }

  static String standardizeDataFormat(String dataFormat) {
    if (dataFormat == null) {
      return "channels_last";
    }
    String f = dataFormat.toLowerCase(Locale.ROOT);
    if (!f.equals("channels_first") && !f.equals("channels_last")) {
      throw new IllegalArgumentException(
          "The `data_format` argument must be one of {'channels_first', 'channels_last'}."
              + " Received: data_format="
              + dataFormat);
    }
    return f;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ShapeRefs.of(inputs);
    int rank = s.length;
    Tensor x = inputs;
    if (dataFormat.equals("channels_first") && rank > 2) {
      int[] perm = new int[rank];
      for (int i = 1; i < rank - 1; i++) {
        perm[i] = i + 1;
      }
      perm[rank - 1] = 1;
      x = Ops.transpose(x, perm);
    }
    int flat = 1;
    for (int i = 1; i < rank; i++) {
      flat *= s[i];
    }
    return Ops.reshape(x, s[0], flat);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    int flat = 1;
    for (int i = 1; i < inputShape.length; i++) {
      if (inputShape[i] < 0) {
        flat = -1;
        break;
      }
      flat *= inputShape[i];
    }
    return new int[] {inputShape[0], flat};
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat);
    return c;
  }

  public static Flatten fromConfig(Config c) {
    Flatten f = new Flatten().dataFormat(c.getString("data_format", "channels_last"));
    return f.applyBaseConfig(c, f);
  }
}
