package io.keras4j.backend;

/**
 * Comparisons and logic with numpy broadcasting ({@link MathKernels#compare}): float32 results, 1
 * for true and 0 for false; any nonzero value (NaN too) counts as true for the logical ones.
 */
public enum CompareOp {
  /** a == b. */
  EQUAL,
  /** a != b. */
  NOT_EQUAL,
  /** a > b. */
  GREATER,
  /** a >= b. */
  GREATER_EQUAL,
  /** a < b. */
  LESS,
  /** a <= b. */
  LESS_EQUAL,
  /** a and b both nonzero. */
  LOGICAL_AND,
  /** a or b nonzero. */
  LOGICAL_OR
}
