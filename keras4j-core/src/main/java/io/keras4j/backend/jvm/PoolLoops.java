package io.keras4j.backend.jvm;

/**
 * The loops of {@link JvmPool}: a Vector API implementation (channels in lanes) and a scalar one,
 * chosen once with the backend's {@link Kernels}. Forward loops fill one output row (see {@link
 * PoolGeometry}); backward loops add one sample's gradient into a zeroed {@code dx}, so that
 * samples run in parallel without sharing a window.
 */
interface PoolLoops {

  /** Max pooling of row {@code row} of the output. */
  void max(PoolGeometry g, float[] x, float[] y, int row);

  /** Average pooling (padding left out of the count) of row {@code row}. */
  void average(PoolGeometry g, float[] x, float[] y, int row);

  /** Adds sample {@code b}'s max-pooling gradient into dx: each window's dy to its first max. */
  void maxBackward(PoolGeometry g, float[] x, float[] y, float[] dy, float[] dx, int b);

  /** Adds sample {@code b}'s average-pooling gradient into dx: dy / count over each window. */
  void averageBackward(PoolGeometry g, float[] dy, float[] dx, int b);
}
