package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * The counting primitives of Keras's metrics that elementwise ops and reductions do not express:
 * the confusion-matrix counts of predictions at many thresholds (Keras's {@code
 * update_confusion_matrix_variables}, which puts each prediction in the bucket of how many
 * thresholds lie below it), and the top-k filter of {@code Precision}/{@code Recall}.
 *
 * <p>Part of {@link Backend}; tensors in, new float32 tensors out. Arguments are already validated
 * by the caller (shapes equal, thresholds ascending): a backend only computes. Int32 inputs are
 * read as float32.
 */
public interface MetricKernels {

  /**
   * The weighted true positives, false positives, true negatives and false negatives of {@code
   * predictions} at each threshold: a prediction is positive at threshold {@code t} when {@code
   * prediction > t} (never for NaN), a label is positive when nonzero.
   *
   * <p>With {@code bucketed}, the thresholds are evenly spaced over [0, 1] ({@code i / (T - 1)},
   * the first and last possibly moved out by an epsilon, at least 3 of them) and the prediction's
   * bucket is computed as Keras's bucketed path does, in float32: {@code b = ceil(clip(p, 0, 1) *
   * (T - 1)) - 1}, raised to 0 when the first threshold is below 0 or the last above 1; the
   * prediction is positive at the {@code b + 1} lowest thresholds (NaN takes {@code b = 0}, as a
   * float-to-int conversion gives). This differs from the comparison only for predictions on a
   * threshold, outside [0, 1] or NaN.
   *
   * @param predictions float32 predictions, any shape
   * @param labels the labels, of the shape of {@code predictions}
   * @param weights the weights, of the shape of {@code predictions}; null for 1
   * @param thresholds the T thresholds, 1-D, ascending (repeats allowed)
   * @param bucketed whether to take Keras's bucketed rule above
   * @param perLabel whether to count each index of the last axis (each label) apart
   * @return {@code {tp, fp, tn, fn}}, each float32 of shape {@code [T]}, or {@code [T, L]} with
   *     {@code L} the last dimension (1 for a scalar) when {@code perLabel}; sums are taken in
   *     double precision and rounded once
   */
  Tensor[] thresholdCounts(
      Tensor predictions,
      Tensor labels,
      Tensor weights,
      Tensor thresholds,
      boolean bucketed,
      boolean perLabel);

  /**
   * {@code x} with only the {@code k} largest values of each row (the last axis; a scalar is a row
   * of one) kept, the earlier index first among equal values, as {@code top_k}; the others become
   * {@code fill}. Rows of at most {@code k} values are kept whole. {@code k >= 1}.
   */
  Tensor keepTopK(Tensor x, int k, float fill);
}
