package io.keras4j.backend;

/**
 * Random fills from a seed (uniform, normal, truncated normal, dropout masks), the same numbers for
 * the same seed on every thread count.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface RandomKernels {}
