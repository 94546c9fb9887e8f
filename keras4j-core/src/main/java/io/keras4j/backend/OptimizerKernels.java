package io.keras4j.backend;

/**
 * Optimizer updates, each one pass over a variable, its gradient and its slots, writing the
 * variable and the slots in place.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface OptimizerKernels {}
