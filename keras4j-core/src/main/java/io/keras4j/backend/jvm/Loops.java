package io.keras4j.backend.jvm;

/**
 * The loops behind the math and nn families, chosen with the low-level {@link Kernels}: the Vector
 * API loops when the Vector API kernels were chosen (see {@link KernelsProvider}), the scalar ones
 * otherwise. Vector classes are only loaded in the first case (through {@link VectorLoopsFactory}).
 */
record Loops(UnaryLoops unary, BinaryLoops binary, RowLoops rows) {

  /** The loops that go with {@code kernels}. */
  static Loops matching(Kernels kernels) {
    if (kernels.getClass() == ScalarKernels.class) {
      return scalar();
    }
    return VectorLoopsFactory.create();
  }

  /** The plain Java loops. */
  static Loops scalar() {
    return new Loops(new ScalarUnaryLoops(), new ScalarBinaryLoops(), new ScalarRowLoops());
  }
}
