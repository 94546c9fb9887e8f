package io.keras4j.callbacks;

/**
 * Writes summaries into one TensorBoard run directory (one event file), as TensorFlow's {@code
 * tf.summary} file writer. {@link TensorBoard} decides what to write and when; an implementation
 * (module {@code io.keras4j:keras4j-tensorboard}) writes the bytes. Steps are TensorBoard's x axis.
 */
public interface SummaryWriter extends AutoCloseable {

  /**
   * A scalar, as {@code tf.summary.scalar}: stored as a float32 rank-0 tensor (plugin "scalars").
   */
  void scalar(String tag, double value, long step);

  /**
   * A histogram of {@code values}, as {@code tf.summary.histogram} with its 30 default buckets: a
   * float64 {@code [k, 3]} tensor of (left edge, right edge, count) (plugin "histograms").
   */
  void histogram(String tag, float[] values, long step);

  /**
   * A Keras model's JSON configuration, as Keras's {@code keras_model_summary}: a string tensor
   * with plugin "graph_keras_model", which TensorBoard's graph dashboard draws.
   */
  void modelConfig(String tag, String json, long step);

  /** Writes everything buffered to the file. */
  void flush();

  /** Flushes and closes the file; later writes fail. Closing twice does nothing. */
  @Override
  void close();
}
