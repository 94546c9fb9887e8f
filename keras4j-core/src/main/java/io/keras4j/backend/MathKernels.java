package io.keras4j.backend;

/**
 * Elementwise arithmetic with numpy broadcasting (unary and binary functions, comparisons, where,
 * clip), reductions over axes (sum, mean, max, min, logsumexp), argmax/argmin and cumsum, with the
 * kernels their gradients need.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface MathKernels {}
