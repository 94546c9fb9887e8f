package io.keras4j;

import io.keras4j.internal.Json;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.FunctionalJson;
import java.util.HashMap;
import java.util.Map;

/**
 * The keras-js golden models of the pooling family and of the convolutional family's shape layers
 * (Cropping, UpSampling and ZeroPadding 1D to 3D): each is one layer on an input, with the
 * arguments of its notebook case title (config_index.json), written here as Keras JSON (single
 * quotes for readability). Called by {@link KerasJsCases#plan} before its own families; it answers
 * null for the classes it does not cover.
 */
final class KerasJsShapeCases {
  private static final Map<String, String> CONFIGS = configs();

  private KerasJsShapeCases() {}

  /** The plan of a case of these classes, or null when the class is not one of them. */
  static KerasJsCases.Plan plan(String id, String family, String cls, int[] inputShape) {
    boolean shape =
        family.equals("convolutional")
            && (cls.startsWith("Cropping")
                || cls.startsWith("UpSampling")
                || cls.startsWith("ZeroPadding"));
    if (!family.equals("pooling") && !shape) {
      return null;
    }
    String config = CONFIGS.get(id);
    if (config == null) {
      throw new IllegalArgumentException(
          "No model in the keras-js table for case " + id + ": add it to KerasJsShapeCases");
    }
    if (!LayerRegistry.isRegistered(cls)) {
      return KerasJsCases.Plan.skip("layer " + cls);
    }
    FunctionalJson m = new FunctionalJson(id);
    String x = m.input("input_1", inputShape, "float32");
    String out = m.layer("layer_1", cls, Json.readObject(config.replace('\'', '"')), x);
    return KerasJsCases.Plan.run(m.toEntry(out));
  }

  /** The Keras arguments of each case, from its title in config_index.json. */
  private static Map<String, String> configs() {
    Map<String, String> c = new HashMap<>();
    c.put("convolutional.Cropping1D.0", "{'cropping':[1,1]}");
    c.put("convolutional.Cropping1D.1", "{'cropping':[2,3]}");
    c.put("convolutional.Cropping1D.2", "{'cropping':2}");
    c.put("convolutional.Cropping2D.0", "{'cropping':[[1,1],[1,1]],'data_format':'channels_last'}");
    c.put(
        "convolutional.Cropping2D.1", "{'cropping':[[1,1],[1,1]],'data_format':'channels_first'}");
    c.put("convolutional.Cropping2D.2", "{'cropping':[[4,2],[3,1]],'data_format':'channels_last'}");
    c.put(
        "convolutional.Cropping2D.3", "{'cropping':[[4,2],[3,1]],'data_format':'channels_first'}");
    c.put("convolutional.Cropping2D.4", "{'cropping':[2,3],'data_format':'channels_last'}");
    // config_index.json says "cropping 4" (which would crop an 8x7 input away); the keras-js test
    // of this case uses cropping 1, and the expected (6, 5, 6) output is that.
    c.put("convolutional.Cropping2D.5", "{'cropping':1,'data_format':'channels_last'}");
    c.put(
        "convolutional.Cropping3D.0",
        "{'cropping':[[1,1],[1,1],[1,1]],'data_format':'channels_last'}");
    c.put(
        "convolutional.Cropping3D.1",
        "{'cropping':[[1,1],[1,1],[1,1]],'data_format':'channels_first'}");
    c.put(
        "convolutional.Cropping3D.2",
        "{'cropping':[[3,2],[2,1],[2,3]],'data_format':'channels_last'}");
    c.put(
        "convolutional.Cropping3D.3",
        "{'cropping':[[3,2],[2,1],[2,3]],'data_format':'channels_first'}");
    c.put("convolutional.Cropping3D.4", "{'cropping':[1,2,3],'data_format':'channels_last'}");
    c.put("convolutional.Cropping3D.5", "{'cropping':2,'data_format':'channels_last'}");
    c.put("convolutional.UpSampling1D.0", "{'size':2}");
    c.put("convolutional.UpSampling1D.1", "{'size':3}");
    c.put("convolutional.UpSampling2D.0", "{'size':[2,2],'data_format':'channels_last'}");
    c.put("convolutional.UpSampling2D.1", "{'size':[2,2],'data_format':'channels_first'}");
    c.put("convolutional.UpSampling2D.2", "{'size':[3,2],'data_format':'channels_last'}");
    c.put("convolutional.UpSampling2D.3", "{'size':[1,3],'data_format':'channels_first'}");
    c.put("convolutional.UpSampling2D.4", "{'size':2,'data_format':'channels_last'}");
    c.put("convolutional.UpSampling3D.0", "{'size':[2,2,2],'data_format':'channels_last'}");
    c.put("convolutional.UpSampling3D.1", "{'size':[2,2,2],'data_format':'channels_first'}");
    c.put("convolutional.UpSampling3D.2", "{'size':[1,3,2],'data_format':'channels_last'}");
    c.put("convolutional.UpSampling3D.3", "{'size':[2,1,2],'data_format':'channels_first'}");
    c.put("convolutional.UpSampling3D.4", "{'size':2,'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding1D.0", "{'padding':1}");
    c.put("convolutional.ZeroPadding1D.1", "{'padding':3}");
    c.put("convolutional.ZeroPadding1D.2", "{'padding':[3,2]}");
    c.put("convolutional.ZeroPadding2D.0", "{'padding':[1,1],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding2D.1", "{'padding':[1,1],'data_format':'channels_first'}");
    c.put("convolutional.ZeroPadding2D.2", "{'padding':[3,2],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding2D.3", "{'padding':[3,2],'data_format':'channels_first'}");
    c.put(
        "convolutional.ZeroPadding2D.4", "{'padding':[[1,2],[3,4]],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding2D.5", "{'padding':2,'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding3D.0", "{'padding':[1,1,1],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding3D.1", "{'padding':[1,1,1],'data_format':'channels_first'}");
    c.put("convolutional.ZeroPadding3D.2", "{'padding':[3,2,2],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding3D.3", "{'padding':[3,2,2],'data_format':'channels_first'}");
    c.put(
        "convolutional.ZeroPadding3D.4",
        "{'padding':[[1,2],[3,4],[3,1]],'data_format':'channels_last'}");
    c.put("convolutional.ZeroPadding3D.5", "{'padding':2,'data_format':'channels_last'}");
    c.put("pooling.AveragePooling1D.0", "{'pool_size':2,'padding':'valid'}");
    c.put("pooling.AveragePooling1D.1", "{'pool_size':2,'strides':1,'padding':'valid'}");
    c.put("pooling.AveragePooling1D.2", "{'pool_size':2,'strides':3,'padding':'valid'}");
    c.put("pooling.AveragePooling1D.3", "{'pool_size':2,'padding':'same'}");
    c.put("pooling.AveragePooling1D.4", "{'pool_size':2,'strides':1,'padding':'same'}");
    c.put("pooling.AveragePooling1D.5", "{'pool_size':2,'strides':3,'padding':'same'}");
    c.put("pooling.AveragePooling1D.6", "{'pool_size':3,'padding':'valid'}");
    c.put("pooling.AveragePooling1D.7", "{'pool_size':3,'strides':1,'padding':'same'}");
    c.put("pooling.AveragePooling1D.8", "{'pool_size':3,'strides':3,'padding':'same'}");
    c.put(
        "pooling.AveragePooling2D.0",
        "{'pool_size':[2,2],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.1",
        "{'pool_size':[2,2],'strides':[1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.2",
        "{'pool_size':[2,2],'strides':[2,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.3",
        "{'pool_size':[3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.4",
        "{'pool_size':[3,3],'strides':[3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.5",
        "{'pool_size':[2,2],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.6",
        "{'pool_size':[2,2],'strides':[1,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.7",
        "{'pool_size':[2,2],'strides':[2,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.8",
        "{'pool_size':[3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.9",
        "{'pool_size':[3,3],'strides':[3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling2D.10",
        "{'pool_size':[3,3],'strides':[2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.AveragePooling2D.11",
        "{'pool_size':[3,3],'strides':[1,1],'padding':'same','data_format':'channels_first'}");
    c.put(
        "pooling.AveragePooling2D.12",
        "{'pool_size':[2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.AveragePooling3D.0",
        "{'pool_size':[2,2,2],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.1",
        "{'pool_size':[2,2,2],'strides':[1,1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.2",
        "{'pool_size':[2,2,2],'strides':[2,1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.3",
        "{'pool_size':[3,3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.4",
        "{'pool_size':[3,3,3],'strides':[3,3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.5",
        "{'pool_size':[2,2,2],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.6",
        "{'pool_size':[2,2,2],'strides':[1,1,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.7",
        "{'pool_size':[2,2,2],'strides':[1,2,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.8",
        "{'pool_size':[3,3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.9",
        "{'pool_size':[3,3,3],'strides':[3,3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.AveragePooling3D.10",
        "{'pool_size':[3,3,3],'strides':[2,2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.AveragePooling3D.11",
        "{'pool_size':[3,3,3],'strides':[1,1,1],'padding':'same','data_format':'channels_first'}");
    c.put(
        "pooling.AveragePooling3D.12",
        "{'pool_size':[2,2,2],'padding':'valid','data_format':'channels_first'}");
    c.put("pooling.GlobalAveragePooling1D.0", "{}");
    c.put("pooling.GlobalAveragePooling1D.1", "{}");
    c.put("pooling.GlobalAveragePooling1D.2", "{}");
    c.put("pooling.GlobalAveragePooling2D.0", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalAveragePooling2D.1", "{'data_format':'channels_first'}");
    c.put("pooling.GlobalAveragePooling2D.2", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalAveragePooling3D.0", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalAveragePooling3D.1", "{'data_format':'channels_first'}");
    c.put("pooling.GlobalAveragePooling3D.2", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalMaxPooling1D.0", "{}");
    c.put("pooling.GlobalMaxPooling1D.1", "{}");
    c.put("pooling.GlobalMaxPooling1D.2", "{}");
    c.put("pooling.GlobalMaxPooling2D.0", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalMaxPooling2D.1", "{'data_format':'channels_first'}");
    c.put("pooling.GlobalMaxPooling2D.2", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalMaxPooling3D.0", "{'data_format':'channels_last'}");
    c.put("pooling.GlobalMaxPooling3D.1", "{'data_format':'channels_first'}");
    c.put("pooling.GlobalMaxPooling3D.2", "{'data_format':'channels_last'}");
    c.put("pooling.MaxPooling1D.0", "{'pool_size':2,'padding':'valid'}");
    c.put("pooling.MaxPooling1D.1", "{'pool_size':2,'strides':1,'padding':'valid'}");
    c.put("pooling.MaxPooling1D.2", "{'pool_size':2,'strides':3,'padding':'valid'}");
    c.put("pooling.MaxPooling1D.3", "{'pool_size':2,'padding':'same'}");
    c.put("pooling.MaxPooling1D.4", "{'pool_size':2,'strides':1,'padding':'same'}");
    c.put("pooling.MaxPooling1D.5", "{'pool_size':2,'strides':3,'padding':'same'}");
    c.put("pooling.MaxPooling1D.6", "{'pool_size':3,'padding':'valid'}");
    c.put("pooling.MaxPooling1D.7", "{'pool_size':3,'strides':1,'padding':'same'}");
    c.put("pooling.MaxPooling1D.8", "{'pool_size':3,'strides':3,'padding':'same'}");
    c.put(
        "pooling.MaxPooling2D.0",
        "{'pool_size':[2,2],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.1",
        "{'pool_size':[2,2],'strides':[1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.2",
        "{'pool_size':[2,2],'strides':[2,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.3",
        "{'pool_size':[3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.4",
        "{'pool_size':[3,3],'strides':[3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.5",
        "{'pool_size':[2,2],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.6",
        "{'pool_size':[2,2],'strides':[1,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.7",
        "{'pool_size':[2,2],'strides':[2,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.8",
        "{'pool_size':[3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.9",
        "{'pool_size':[3,3],'strides':[3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling2D.10",
        "{'pool_size':[3,3],'strides':[2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.MaxPooling2D.11",
        "{'pool_size':[3,3],'strides':[1,1],'padding':'same','data_format':'channels_first'}");
    c.put(
        "pooling.MaxPooling2D.12",
        "{'pool_size':[2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.MaxPooling3D.0",
        "{'pool_size':[2,2,2],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.1",
        "{'pool_size':[2,2,2],'strides':[1,1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.2",
        "{'pool_size':[2,2,2],'strides':[2,1,1],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.3",
        "{'pool_size':[3,3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.4",
        "{'pool_size':[3,3,3],'strides':[3,3,3],'padding':'valid','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.5",
        "{'pool_size':[2,2,2],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.6",
        "{'pool_size':[2,2,2],'strides':[1,1,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.7",
        "{'pool_size':[2,2,2],'strides':[1,2,1],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.8",
        "{'pool_size':[3,3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.9",
        "{'pool_size':[3,3,3],'strides':[3,3,3],'padding':'same','data_format':'channels_last'}");
    c.put(
        "pooling.MaxPooling3D.10",
        "{'pool_size':[3,3,3],'strides':[2,2,2],'padding':'valid','data_format':'channels_first'}");
    c.put(
        "pooling.MaxPooling3D.11",
        "{'pool_size':[3,3,3],'strides':[1,1,1],'padding':'same','data_format':'channels_first'}");
    c.put(
        "pooling.MaxPooling3D.12",
        "{'pool_size':[2,2,2],'padding':'valid','data_format':'channels_first'}");
    return c;
  }
}
