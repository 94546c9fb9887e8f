package io.keras4j.backend;

/**
 * Matrix multiply with transposes and fused epilogues (bias, activation) as a Dense layer needs
 * forward and backward, and the ops that move data: transpose, broadcast, concatenate, slice, pad,
 * tile, repeat, take (gather) and its scatter-add, one-hot.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface ArrayKernels {}
