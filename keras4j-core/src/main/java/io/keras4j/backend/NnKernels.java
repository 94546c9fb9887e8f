package io.keras4j.backend;

/**
 * Activations, softmax and log-softmax, the cross-entropies (fused with softmax or sigmoid on the
 * logits path), and the kernels their gradients need.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface NnKernels {}
