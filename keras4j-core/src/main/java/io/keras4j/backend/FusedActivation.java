package io.keras4j.backend;

/**
 * The activations a backend applies in the epilogue of a product ({@link ArrayKernels#linear}),
 * with the derivative its backward takes from the output {@code y}: relu {@code y > 0}, sigmoid
 * {@code y (1 - y)}, tanh {@code 1 - y^2}, linear 1. Other activations run as separate ops after a
 * linear product.
 */
public enum FusedActivation {
  /** The identity. */
  LINEAR,
  /** {@code max(x, 0)}. */
  RELU,
  /** {@code 1 / (1 + exp(-x))}. */
  SIGMOID,
  /** {@code tanh(x)}. */
  TANH
}
