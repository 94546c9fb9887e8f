package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * What the padding and cropping layers share: one {@code (before, after)} pair per spatial axis
 * under a Keras argument name ({@code "padding"}, {@code "cropping"}), a data format, the rank
 * check, the input's dtype kept, and their config.
 */
abstract class BaseSpatialPairs<L extends BaseSpatialPairs<L>> extends Layer {
  final String cls;
  final int spatial;
  final int[][] pairs;
  private final String argument;
  String dataFormat = SpatialArgs.CHANNELS_LAST;

  BaseSpatialPairs(String cls, int spatial, String argument, int[][] pairs) {
    this.cls = cls;
    this.spatial = spatial;
    this.argument = argument;
    this.pairs = SpatialArgs.pairs(cls, argument, pairs, spatial);
    inputSpec(InputSpec.ndim(spatial + 2));
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public L dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(cls, dataFormat);
    return self();
  }

  public String dataFormat() {
    return dataFormat;
  }

  /** A copy of the pairs. */
  int[][] pairsCopy() {
    return SpatialArgs.pairs(cls, argument, pairs, spatial);
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, spatial + 2, inputShape);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put(argument, SpatialArgs.writePairs(pairs));
    c.put("data_format", dataFormat);
    return c;
  }

  /** The data format and the base options of a config, for the subclasses' fromConfig. */
  static <L extends BaseSpatialPairs<L>> L withFormatAndBase(Config c, L layer) {
    layer.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return layer.applyBaseConfig(c, layer);
  }
}
