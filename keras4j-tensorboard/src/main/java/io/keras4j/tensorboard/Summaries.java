package io.keras4j.tensorboard;

import com.google.protobuf.ByteString;
import io.keras4j.tensorboard.proto.DataClass;
import io.keras4j.tensorboard.proto.DataType;
import io.keras4j.tensorboard.proto.Summary;
import io.keras4j.tensorboard.proto.SummaryMetadata;
import io.keras4j.tensorboard.proto.TensorProto;
import io.keras4j.tensorboard.proto.TensorShapeProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The summary values TensorFlow 2's summary ops write: tensors (numbers as little-endian {@code
 * tensor_content}, strings as {@code string_val}) with the metadata of the plugin that shows them.
 */
final class Summaries {
  /** The metadata of every scalar (messages are immutable, so one is shared). */
  private static final SummaryMetadata SCALAR_METADATA =
      metadata("scalars", ByteString.EMPTY, DataClass.DATA_CLASS_SCALAR);

  private Summaries() {}

  /** {@code tf.summary.scalar}: a float32 rank-0 tensor, plugin "scalars", data class scalar. */
  static Summary.Value scalar(String tag, double value) {
    byte[] bytes =
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat((float) value).array();
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .setTensorContent(ByteString.copyFrom(bytes))
            .build();
    return value(tag, SCALAR_METADATA, tensor);
  }

  /**
   * {@code tf.summary.histogram}: the {@link Histograms#buckets} as a float64 {@code [k, 3]}
   * tensor, plugin "histograms".
   */
  static Summary.Value histogram(String tag, float[] values) {
    double[] rows = Histograms.buckets(values, Histograms.DEFAULT_BUCKET_COUNT);
    ByteBuffer bytes = ByteBuffer.allocate(rows.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double r : rows) {
      bytes.putDouble(r);
    }
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_DOUBLE)
            .setTensorShape(shape(rows.length / 3, 3))
            .setTensorContent(ByteString.copyFrom(bytes.array()))
            .build();
    return value(
        tag, metadata("histograms", ByteString.EMPTY, DataClass.DATA_CLASS_TENSOR), tensor);
  }

  /**
   * Keras's {@code keras_model_summary}: the model's JSON as a string scalar, plugin
   * "graph_keras_model" with content "1" (its version).
   */
  static Summary.Value kerasModel(String tag, String json) {
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_STRING)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .addStringVal(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build();
    return value(
        tag,
        metadata("graph_keras_model", ByteString.copyFromUtf8("1"), DataClass.DATA_CLASS_UNKNOWN),
        tensor);
  }

  private static Summary.Value value(String tag, SummaryMetadata metadata, TensorProto tensor) {
    return Summary.Value.newBuilder().setTag(tag).setMetadata(metadata).setTensor(tensor).build();
  }

  private static SummaryMetadata metadata(String plugin, ByteString content, DataClass dataClass) {
    return SummaryMetadata.newBuilder()
        .setPluginData(
            SummaryMetadata.PluginData.newBuilder().setPluginName(plugin).setContent(content))
        .setDataClass(dataClass)
        .build();
  }

  private static TensorShapeProto shape(long... dims) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (long d : dims) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }
}
