package io.keras4j.layers;

import io.keras4j.initializers.Initializers;
import io.keras4j.saving.Config;
import java.util.Map;

/** The config keys of {@link ConvLSTMCell} and the {@link ConvLSTM} layers, in Keras's order. */
final class ConvLSTMConfigs {
  private ConvLSTMConfigs() {}

  /**
   * The cell's keys in Keras's order; a layer's config ({@code layerKeys}) also holds the activity
   * regularizer after the bias regularizer.
   */
  static void put(
      ConvLSTMCell cell, Map<String, Object> c, boolean layerKeys, Object activityRegularizer) {
    c.put("filters", cell.filters);
    c.put("kernel_size", Config.list(cell.kernelSize));
    c.put("strides", Config.list(cell.strides));
    c.put("padding", cell.padding);
    c.put("data_format", cell.dataFormat);
    c.put("dilation_rate", Config.list(cell.dilationRate));
    c.put("activation", RnnActivations.serialize(cell.activation));
    c.put("recurrent_activation", RnnActivations.serialize(cell.recurrentActivation));
    c.put("use_bias", cell.useBias);
    c.put("kernel_initializer", Initializers.serialize(cell.kernelInitializer));
    c.put("recurrent_initializer", Initializers.serialize(cell.recurrentInitializer));
    c.put("bias_initializer", Initializers.serialize(cell.biasInitializer));
    c.put("unit_forget_bias", cell.unitForgetBias);
    c.put("kernel_regularizer", ConvLayer.serialize(cell.kernelRegularizer));
    c.put("recurrent_regularizer", ConvLayer.serialize(cell.recurrentRegularizer));
    c.put("bias_regularizer", ConvLayer.serialize(cell.biasRegularizer));
    if (layerKeys) {
      c.put("activity_regularizer", activityRegularizer);
    }
    c.put("kernel_constraint", ConvLayer.serialize(cell.kernelConstraint));
    c.put("recurrent_constraint", ConvLayer.serialize(cell.recurrentConstraint));
    c.put("bias_constraint", ConvLayer.serialize(cell.biasConstraint));
    c.put("dropout", cell.dropout);
    c.put("recurrent_dropout", cell.recurrentDropout);
    c.put("seed", cell.seed);
  }

  /** Reads what {@link #put} writes, except filters and kernel_size (the constructor's). */
  static void read(ConvLSTMCell cell, Config c) {
    int[] one = {1};
    cell.strides(c.getIntArray("strides", one));
    cell.padding(c.getString("padding", "valid"));
    cell.dataFormat(c.getString("data_format", null));
    cell.dilationRate(c.getIntArray("dilation_rate", one));
    cell.activation(RnnActivations.read(c, "activation", "tanh"));
    cell.recurrentActivation(RnnActivations.read(c, "recurrent_activation", "sigmoid"));
    cell.useBias(c.getBoolean("use_bias", true));
    cell.kernelInitializer(c.initializer("kernel_initializer", "glorot_uniform"));
    cell.recurrentInitializer(c.initializer("recurrent_initializer", "orthogonal"));
    cell.biasInitializer(c.initializer("bias_initializer", "zeros"));
    cell.unitForgetBias(c.getBoolean("unit_forget_bias", true));
    cell.kernelRegularizer(c.regularizer("kernel_regularizer"));
    cell.recurrentRegularizer(c.regularizer("recurrent_regularizer"));
    cell.biasRegularizer(c.regularizer("bias_regularizer"));
    cell.kernelConstraint(c.constraint("kernel_constraint"));
    cell.recurrentConstraint(c.constraint("recurrent_constraint"));
    cell.biasConstraint(c.constraint("bias_constraint"));
    cell.dropout(c.getDouble("dropout", 0));
    cell.recurrentDropout(c.getDouble("recurrent_dropout", 0));
    if (c.get("seed") instanceof Number n) {
      cell.seed(n.longValue());
    }
  }
}
