package io.keras4j.backend.jvm;

/**
 * Creates the Vector API loops. Kept apart so that {@link Loops} links against the incubating
 * module only once the Vector API kernels were chosen.
 */
final class VectorLoopsFactory {
  private VectorLoopsFactory() {}

  static Loops create() {
    return new Loops(new VectorUnaryLoops(), new VectorBinaryLoops(), new VectorRowLoops());
  }
}
