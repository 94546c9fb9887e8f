package io.keras4j.backend.jvm;

/**
 * Creates {@link VectorNormLoops}. Kept apart so that {@link JvmNorm} links against the incubating
 * module only once the Vector API kernels were chosen.
 */
final class VectorNormLoopsFactory {
  private VectorNormLoopsFactory() {}

  static ScalarNormLoops create() {
    return new VectorNormLoops();
  }
}
