package io.keras4j.backend.jvm;

/**
 * Creates {@link VectorRecurrentLoops}. Kept apart so that {@link JvmRecurrent} links against the
 * incubating module only once the Vector API kernels were chosen.
 */
final class VectorRecurrentLoopsFactory {
  private VectorRecurrentLoopsFactory() {}

  static ScalarRecurrentLoops create() {
    return new VectorRecurrentLoops();
  }
}
