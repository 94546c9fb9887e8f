package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * The primitive operations that every higher part of keras4j calls, at the level of an op: the role
 * of Keras 3's {@code keras.src.backend.<name>} modules ({@code numpy.py}, {@code nn.py}, {@code
 * math.py}, {@code random.py}). Ops ({@code io.keras4j.ops}) record gradients and call a backend
 * for the numbers; layers, losses, metrics and optimizers are written with ops or with the
 * backend's families below, never with a tensor's storage.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} through {@link BackendProvider}
 * and chosen once per process by the system property {@code keras4j.backend} or the environment
 * variable {@code KERAS4J_BACKEND} (default: the pure Java backend, {@code "jvm"}). This interface
 * never names an implementation.
 */
public interface Backend {

  /** The backend of this process, chosen once (see {@link Backends}). */
  static Backend current() {
    return Backends.current();
  }

  /** The backend's name, as Keras's {@code keras.backend.backend()}: e.g. {@code "jvm"}. */
  String name();

  /** What runs the numbers, e.g. {@code "jvm: vector (512-bit, 16 floats)"}. */
  String description();

  /** Number of threads the kernels use (default: the available processors). */
  int threads();

  /** Sets the number of threads the kernels use (>= 1). */
  void setThreads(int threads);

  /**
   * A new pool for a training loop's steps (see {@link StepPool}); a backend that recycles nothing
   * returns a pool whose scopes do nothing.
   */
  StepPool newStepPool();

  /**
   * Storage over {@code data}, which the backend takes over: the caller never reads or writes the
   * array again (the Java backend keeps it as it is; another backend may copy it to its memory).
   */
  Storage storage(float[] data);

  /** Int32 storage over {@code data}; see {@link #storage(float[])}. */
  Storage storage(int[] data);

  /**
   * Copies {@code value}'s elements into {@code target}'s storage in place, converting to the
   * target's dtype (float32 to int32 truncates toward zero). For library-owned tensors only (a
   * variable's value, a metric's state), never a user's; the sizes are equal.
   */
  void assign(Tensor target, Tensor value);

  /**
   * Adds (or, with {@code subtract}, subtracts) {@code delta} to {@code target}'s storage in place:
   * {@code delta} has the target's size or one element. Float32 targets add in float32; int32
   * targets add int32 deltas exactly and truncate the (double) sum with a float32 delta toward
   * zero. Library-owned tensors only, as {@link #assign}.
   */
  void assignAdd(Tensor target, Tensor delta, boolean subtract);

  /** Elementwise arithmetic with broadcasting, comparisons, reductions. */
  MathKernels math();

  /** Activations, softmax and log-softmax, the cross-entropies, and their gradients. */
  NnKernels nn();

  /** Matrix multiply (with fused epilogues), and moving data: shapes, slices, gathers. */
  ArrayKernels array();

  /** Random fills. */
  RandomKernels random();

  /** Optimizer updates, each one pass over a variable, its gradient and its slots, in place. */
  OptimizerKernels optimizers();

  /** The counting primitives of the metrics: confusion counts at thresholds, the top-k filter. */
  MetricKernels metrics();

  /** Max and average pooling over 1 to 3 spatial axes, and their gradients. */
  PoolKernels pooling();

  /** Convolution (N-d, grouped, depthwise) and its gradients. */
  ConvKernels conv();

  /** Batch normalization in training, fused (the normalization layers' family). */
  NormKernels normalization();

  /** Image resizing and affine resampling, and their gradients ({@code keras.ops.image}). */
  ImageKernels image();

  /** Recurrent layers through time (the LSTM recurrence, forward and backward). */
  RecurrentKernels recurrent();
}
