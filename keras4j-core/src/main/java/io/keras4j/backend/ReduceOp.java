package io.keras4j.backend;

/** The reductions over axes of {@link MathKernels#reduce}. */
public enum ReduceOp {
  /** The sum (0 over no elements). */
  SUM,
  /** The mean (NaN over no elements). */
  MEAN,
  /** The largest value (NaN if any is NaN); the gradient is shared equally between ties. */
  MAX,
  /** The smallest value (NaN if any is NaN); the gradient is shared equally between ties. */
  MIN,
  /** log(sum(exp(x))), shifted by the maximum so that it neither overflows nor underflows. */
  LOGSUMEXP
}
