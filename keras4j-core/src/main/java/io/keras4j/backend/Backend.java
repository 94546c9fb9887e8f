package io.keras4j.backend;

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
}
