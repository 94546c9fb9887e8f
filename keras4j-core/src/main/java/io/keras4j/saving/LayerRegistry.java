package io.keras4j.saving;

import io.keras4j.internal.Suggest;
import io.keras4j.layers.Activation;
import io.keras4j.layers.ActivityRegularization;
import io.keras4j.layers.Add;
import io.keras4j.layers.Average;
import io.keras4j.layers.AveragePooling1D;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.AveragePooling3D;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv1D;
import io.keras4j.layers.Conv1DTranspose;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Conv2DTranspose;
import io.keras4j.layers.Conv3D;
import io.keras4j.layers.Conv3DTranspose;
import io.keras4j.layers.Cropping1D;
import io.keras4j.layers.Cropping2D;
import io.keras4j.layers.Cropping3D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.DepthwiseConv1D;
import io.keras4j.layers.DepthwiseConv2D;
import io.keras4j.layers.Dot;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.ELU;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.GaussianDropout;
import io.keras4j.layers.GaussianNoise;
import io.keras4j.layers.GlobalAveragePooling1D;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.GlobalAveragePooling3D;
import io.keras4j.layers.GlobalMaxPooling1D;
import io.keras4j.layers.GlobalMaxPooling2D;
import io.keras4j.layers.GlobalMaxPooling3D;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LeakyReLU;
import io.keras4j.layers.MaxPooling1D;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.layers.MaxPooling3D;
import io.keras4j.layers.Maximum;
import io.keras4j.layers.Minimum;
import io.keras4j.layers.Multiply;
import io.keras4j.layers.Normalization;
import io.keras4j.layers.PReLU;
import io.keras4j.layers.Permute;
import io.keras4j.layers.RandomBrightness;
import io.keras4j.layers.RandomContrast;
import io.keras4j.layers.RandomFlip;
import io.keras4j.layers.ReLU;
import io.keras4j.layers.RepeatVector;
import io.keras4j.layers.Rescaling;
import io.keras4j.layers.Reshape;
import io.keras4j.layers.SeparableConv1D;
import io.keras4j.layers.SeparableConv2D;
import io.keras4j.layers.Softmax;
import io.keras4j.layers.SpatialDropout1D;
import io.keras4j.layers.SpatialDropout2D;
import io.keras4j.layers.SpatialDropout3D;
import io.keras4j.layers.Subtract;
import io.keras4j.layers.UpSampling1D;
import io.keras4j.layers.UpSampling2D;
import io.keras4j.layers.UpSampling3D;
import io.keras4j.layers.ZeroPadding1D;
import io.keras4j.layers.ZeroPadding2D;
import io.keras4j.layers.ZeroPadding3D;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Layer class names, as Keras files write them, mapped to the functions that build the layers from
 * their configs. An explicit registry: names read from a file never reach reflection. Users add
 * their own layers with {@link #register}.
 */
public final class LayerRegistry {
  private static final Map<String, Function<Config, Layer>> FACTORIES = new ConcurrentHashMap<>();

  static {
    register("InputLayer", InputLayer::fromConfig);
    register("Dense", Dense::fromConfig);
    register("Activation", Activation::fromConfig);
    register("ActivityRegularization", ActivityRegularization::fromConfig);
    register("Add", Add::fromConfig);
    register("Average", Average::fromConfig);
    register("Concatenate", Concatenate::fromConfig);
    register("Dot", Dot::fromConfig);
    register("Dropout", Dropout::fromConfig);
    register("Rescaling", Rescaling::fromConfig);
    register("RandomFlip", RandomFlip::fromConfig);
    register("RandomContrast", RandomContrast::fromConfig);
    register("RandomBrightness", RandomBrightness::fromConfig);
    register("ELU", ELU::fromConfig);
    register("Embedding", Embedding::fromConfig);
    register("Flatten", Flatten::fromConfig);
    register("GaussianDropout", GaussianDropout::fromConfig);
    register("GaussianNoise", GaussianNoise::fromConfig);
    register("LeakyReLU", LeakyReLU::fromConfig);
    register("Maximum", Maximum::fromConfig);
    register("Minimum", Minimum::fromConfig);
    register("Multiply", Multiply::fromConfig);
    register("Normalization", Normalization::fromConfig);
    register("PReLU", PReLU::fromConfig);
    register("Permute", Permute::fromConfig);
    register("ReLU", ReLU::fromConfig);
    register("RepeatVector", RepeatVector::fromConfig);
    register("Reshape", Reshape::fromConfig);
    register("Softmax", Softmax::fromConfig);
    register("Subtract", Subtract::fromConfig);
    // Keras 2's ThresholdedReLU (gone from Keras 3), read from Keras 2 and TF.js files.
    register("ThresholdedReLU", io.keras4j.layers.ThresholdedReLU::fromConfig);
    // Images: pooling and the spatial shape layers (issue 10, branch pool).
    register("MaxPooling1D", MaxPooling1D::fromConfig);
    register("MaxPooling2D", MaxPooling2D::fromConfig);
    register("MaxPooling3D", MaxPooling3D::fromConfig);
    register("AveragePooling1D", AveragePooling1D::fromConfig);
    register("AveragePooling2D", AveragePooling2D::fromConfig);
    register("AveragePooling3D", AveragePooling3D::fromConfig);
    register("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
    register("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    register("GlobalMaxPooling3D", GlobalMaxPooling3D::fromConfig);
    register("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
    register("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
    register("GlobalAveragePooling3D", GlobalAveragePooling3D::fromConfig);
    register("ZeroPadding1D", ZeroPadding1D::fromConfig);
    register("ZeroPadding2D", ZeroPadding2D::fromConfig);
    register("ZeroPadding3D", ZeroPadding3D::fromConfig);
    register("Cropping1D", Cropping1D::fromConfig);
    register("Cropping2D", Cropping2D::fromConfig);
    register("Cropping3D", Cropping3D::fromConfig);
    register("UpSampling1D", UpSampling1D::fromConfig);
    register("UpSampling2D", UpSampling2D::fromConfig);
    register("UpSampling3D", UpSampling3D::fromConfig);
    register("SpatialDropout1D", SpatialDropout1D::fromConfig);
    register("SpatialDropout2D", SpatialDropout2D::fromConfig);
    register("SpatialDropout3D", SpatialDropout3D::fromConfig);
    // Convolution (issue 10, branch conv).
    register("Conv1D", Conv1D::fromConfig);
    register("Conv2D", Conv2D::fromConfig);
    register("Conv3D", Conv3D::fromConfig);
    register("Conv1DTranspose", Conv1DTranspose::fromConfig);
    register("Conv2DTranspose", Conv2DTranspose::fromConfig);
    register("Conv3DTranspose", Conv3DTranspose::fromConfig);
    register("DepthwiseConv1D", DepthwiseConv1D::fromConfig);
    register("DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    register("SeparableConv1D", SeparableConv1D::fromConfig);
    register("SeparableConv2D", SeparableConv2D::fromConfig);
    // Normalization layers (issue 10, branch norm).
    register("BatchNormalization", io.keras4j.layers.BatchNormalization::fromConfig);
    register("LayerNormalization", io.keras4j.layers.LayerNormalization::fromConfig);
    register("GroupNormalization", io.keras4j.layers.GroupNormalization::fromConfig);
    register("RMSNormalization", io.keras4j.layers.RMSNormalization::fromConfig);
    register("UnitNormalization", io.keras4j.layers.UnitNormalization::fromConfig);
    // Image preprocessing: resizing, cropping and the geometric augmentation layers (augment).
    register("Resizing", io.keras4j.layers.Resizing::fromConfig);
    register("CenterCrop", io.keras4j.layers.CenterCrop::fromConfig);
    register("RandomCrop", io.keras4j.layers.RandomCrop::fromConfig);
    register("RandomRotation", io.keras4j.layers.RandomRotation::fromConfig);
    register("RandomZoom", io.keras4j.layers.RandomZoom::fromConfig);
    register("RandomTranslation", io.keras4j.layers.RandomTranslation::fromConfig);
    register("RandomShear", io.keras4j.layers.RandomShear::fromConfig);
    // Attention layers (issue 11, branch attention).
    register("Attention", io.keras4j.layers.Attention::fromConfig);
    register("AdditiveAttention", io.keras4j.layers.AdditiveAttention::fromConfig);
    register("MultiHeadAttention", io.keras4j.layers.MultiHeadAttention::fromConfig);
    register("GroupedQueryAttention", io.keras4j.layers.GroupedQueryAttention::fromConfig);
    // branch text (issue 11): text and categorical preprocessing
    register("CategoryEncoding", io.keras4j.layers.CategoryEncoding::fromConfig);
    register("Hashing", io.keras4j.layers.Hashing::fromConfig);
    register("StringLookup", io.keras4j.layers.StringLookup::fromConfig);
    register("IntegerLookup", io.keras4j.layers.IntegerLookup::fromConfig);
    register("TextVectorization", io.keras4j.layers.TextVectorization::fromConfig);
    // branch rnn (issue 11): recurrent layers, their cells, Masking
    register("RNN", io.keras4j.layers.RNN::fromConfig);
    register("SimpleRNNCell", io.keras4j.layers.SimpleRNNCell::fromConfig);
    register("LSTMCell", io.keras4j.layers.LSTMCell::fromConfig);
    register("GRUCell", io.keras4j.layers.GRUCell::fromConfig);
    register("StackedRNNCells", io.keras4j.layers.StackedRNNCells::fromConfig);
    register("SimpleRNN", io.keras4j.layers.SimpleRNN::fromConfig);
    register("LSTM", io.keras4j.layers.LSTM::fromConfig);
    register("GRU", io.keras4j.layers.GRU::fromConfig);
    register("Masking", io.keras4j.layers.Masking::fromConfig);
    // branch wrappers (issue 11): Bidirectional, TimeDistributed
    register("Bidirectional", io.keras4j.layers.Bidirectional::fromConfig);
    register("TimeDistributed", io.keras4j.layers.TimeDistributed::fromConfig);
    // convlstm (issue 11): convolutional LSTM layers
    register("ConvLSTM1D", io.keras4j.layers.ConvLSTM1D::fromConfig);
    register("ConvLSTM2D", io.keras4j.layers.ConvLSTM2D::fromConfig);
    register("ConvLSTM3D", io.keras4j.layers.ConvLSTM3D::fromConfig);
  }

  private LayerRegistry() {}

  /** Registers a layer class name (e.g. a user-written layer) with its factory. */
  public static void register(String className, Function<Config, Layer> fromConfig) {
    FACTORIES.put(className, fromConfig);
  }

  public static boolean isRegistered(String className) {
    return FACTORIES.containsKey(className);
  }

  /** The registered class names, sorted. */
  public static java.util.Set<String> classNames() {
    return new TreeMap<>(FACTORIES).keySet();
  }

  /**
   * Builds a layer from its class name and config; unknown names and Lambda are refused, and so is
   * a config key the layer's factory did not read (see {@link ConfigKeys}).
   */
  public static Layer create(String className, Map<String, Object> config) {
    if ("Lambda".equals(className)) {
      throw new IllegalArgumentException(
          "Cannot load a Keras Lambda layer ("
              + (config == null ? "" : "name=" + config.get("name") + ", ")
              + "class_name=Lambda): it holds Python code, which keras4j never runs. Replace it"
              + " with a layer written in Java and registered with LayerRegistry.register.");
    }
    Function<Config, Layer> f = FACTORIES.get(className);
    if (f == null) {
      throw new IllegalArgumentException(
          "Unknown layer class: '"
              + className
              + "'."
              + Suggest.didYouMean(className, FACTORIES.keySet())
              + " Register custom layers with LayerRegistry.register. Received: class_name="
              + className);
    }
    Config c = new Config(className, config);
    Layer layer = f.apply(c);
    ConfigKeys.checkAllRead(className, layer.name(), c);
    return layer;
  }
}
