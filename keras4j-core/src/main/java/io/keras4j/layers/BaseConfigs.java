package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/** The config keys every layer shares (name, trainable, dtype, input shape, activity penalty). */
final class BaseConfigs {
  private BaseConfigs() {}

  /** The base part of {@link Layer#getConfig}. */
  static Map<String, Object> write(Layer layer) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", layer.name());
    c.put("trainable", layer.trainable());
    c.put("dtype", dtypePolicy(layer.dtype()));
    int[] batchInputShape = layer.batchInputShape();
    if (batchInputShape != null) {
      c.put("batch_input_shape", Config.list(batchInputShape));
    }
    // As Keras 3's Layer.get_config: written when set, for every layer that takes one.
    Regularizer activity = layer.activityRegularizer();
    if (activity != null) {
      c.put("activity_regularizer", Regularizers.serialize(activity));
    }
    return c;
  }

  static Map<String, Object> dtypePolicy(DType dtype) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("name", dtype.kerasName());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("module", "keras");
    p.put("class_name", "DTypePolicy");
    p.put("config", inner);
    p.put("registered_name", null);
    return p;
  }

  /**
   * Sets the base options of {@code layer} from a config (Keras 3, Keras 2 or TF.js). Every key is
   * asked for, present or not, so that none reads as unknown.
   */
  static void read(Config c, Layer layer) {
    if (c.has("name")) {
      layer.name(c.getString("name"));
    }
    layer.trainable(c.getBoolean("trainable", true));
    Object dt = c.get("dtype");
    if (dt instanceof String s) {
      layer.dtype(DType.fromKeras(s));
    } else if (dt instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> inner) {
      Object n = inner.get("name");
      if (n instanceof String s) {
        layer.dtype(DType.fromKeras(s.startsWith("mixed_") ? "float32" : s));
      }
    }
    boolean batchInput = c.has("batch_input_shape");
    boolean batch = c.has("batch_shape");
    boolean input = c.has("input_shape");
    if (batchInput) {
      layer.batchInputShape(c.getIntArray("batch_input_shape"));
    } else if (batch) {
      layer.batchInputShape(c.getIntArray("batch_shape"));
    } else if (input) {
      layer.inputShape(c.getIntArray("input_shape"));
    }
    Regularizer r = c.regularizer("activity_regularizer");
    if (r != null) {
      layer.activityRegularizer(r);
    }
  }
}
