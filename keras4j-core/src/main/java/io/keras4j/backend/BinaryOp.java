package io.keras4j.backend;

/**
 * The elementwise arithmetic of two tensors with numpy broadcasting ({@link MathKernels#binary}).
 */
public enum BinaryOp {
  /** a + b. */
  ADD,
  /** a - b. */
  SUBTRACT,
  /** a * b. */
  MULTIPLY,
  /** a / b. */
  DIVIDE,
  /** a to the power b. */
  POWER,
  /** The larger of a and b (NaN if either is NaN). Ties send the gradient to a. */
  MAXIMUM,
  /** The smaller of a and b (NaN if either is NaN). Ties send the gradient to a. */
  MINIMUM
}
