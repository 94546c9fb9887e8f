package io.keras4j.backend.jvm;

/**
 * Creates the Vector API pooling loops. Kept apart so that {@link JvmPool} links against the
 * incubating module only once the Vector API kernels were chosen.
 */
final class VectorPoolLoopsFactory {
  private VectorPoolLoopsFactory() {}

  static PoolLoops create() {
    return new VectorPoolLoops();
  }
}
