package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** The masks and masked softmax shared by the attention layers (Keras's formulas). */
final class AttentionMasks {
  /** Keras's large negative for float32 in its Softmax layer and Attention layer. */
  static final float LARGE_NEGATIVE = -1e9f;

  /** Keras's {@code _get_large_negative(float32)} in {@code dot_product_attention}. */
  static final float DPA_LARGE_NEGATIVE = -0.7f * Float.MAX_VALUE;

  private AttentionMasks() {}

  /** A {@code (1, t, s)} mask, 1 where {@code j <= i}: position i attends to no later one. */
  static Tensor causal(int t, int s) {
    float[] m = new float[t * s];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j <= i && j < s; j++) {
        m[i * s + j] = 1f;
      }
    }
    return Tensor.of(m, 1, t, s);
  }

  /** The AND of two masks (null when both are null). */
  static Tensor and(Tensor a, Tensor b) {
    if (a == null) {
      return b == null ? null : Ops.notEqual(b, Tensor.scalar(0f));
    }
    return b == null ? Ops.notEqual(a, Tensor.scalar(0f)) : Ops.logicalAnd(a, b);
  }

  /**
   * Keras's {@code _compute_attention_mask} of MultiHeadAttention and GroupedQueryAttention: the
   * query mask as {@code (B, T, 1)}, the value and key masks as {@code (B, 1, S)}, the causal mask
   * {@code (1, T, S)} and the explicit attention mask, ANDed; null when there is none.
   */
  static Tensor attentionMask(
      Tensor queryMask,
      Tensor valueMask,
      Tensor keyMask,
      Tensor attentionMask,
      boolean causal,
      int t,
      int s) {
    Tensor auto = null;
    if (queryMask != null) {
      auto = and(auto, Ops.expandDims(queryMask, -1));
    }
    if (valueMask != null) {
      auto = and(auto, Ops.expandDims(valueMask, -2));
    }
    if (keyMask != null) {
      auto = and(auto, Ops.expandDims(keyMask, -2));
    }
    if (causal) {
      auto = and(auto, causal(t, s));
    }
    if (auto == null) {
      return attentionMask == null ? null : Ops.notEqual(attentionMask, Tensor.scalar(0f));
    }
    return and(attentionMask, auto);
  }

  /**
   * The softmax over the last axis of scores where the mask (broadcast to the scores) is nonzero.
   * With {@code zeroMasked}, as Keras's Softmax layer with a mask, masked positions become 0 after
   * the softmax (a fully masked row is all 0); without, as Keras's {@code dot_product_attention},
   * masked logits are replaced by a large negative only (a fully masked row is uniform).
   */
  static Tensor maskedSoftmax(Tensor scores, Tensor mask, boolean zeroMasked) {
    if (mask == null) {
      return Ops.softmax(scores, -1);
    }
    float negative = zeroMasked ? LARGE_NEGATIVE : DPA_LARGE_NEGATIVE;
    Tensor y = Ops.softmax(Ops.where(mask, scores, Tensor.scalar(negative)), -1);
    return zeroMasked ? Ops.where(mask, y, Tensor.scalar(0f)) : y;
  }

  /** "(None, 2, 3)" for a shape. */
  static String str(int[] shape) {
    return Shapes.toString(shape);
  }
}
