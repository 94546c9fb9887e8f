package io.keras4j.losses;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.internal.Suggest;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's rules for weighting and reducing loss values ({@code keras/src/losses/loss.py}): {@code
 * squeeze_or_expand_to_same_rank}, {@code apply_mask}, {@code reduce_weighted_values} and {@code
 * reduce_values}, written with ops so that they are differentiable.
 */
final class LossReduction {
  static final String SUM_OVER_BATCH_SIZE = "sum_over_batch_size";
  static final String SUM = "sum";
  static final String MEAN = "mean";
  static final String MEAN_WITH_SAMPLE_WEIGHT = "mean_with_sample_weight";
  static final String NONE = "none";

  private static final List<String> NAMES =
      List.of(SUM_OVER_BATCH_SIZE, SUM, MEAN, MEAN_WITH_SAMPLE_WEIGHT, NONE);

  private LossReduction() {}

  /** The reduction if valid (null is Keras's None); throws naming the loss otherwise. */
  static String standardize(String owner, String reduction) {
    if (reduction == null || NAMES.contains(reduction)) {
      return reduction;
    }
    throw new IllegalArgumentException(
        owner
            + ": reduction must be one of \"sum_over_batch_size\", \"sum\", \"mean\","
            + " \"mean_with_sample_weight\", \"none\" or null."
            + Suggest.didYouMean(reduction, NAMES)
            + " Received: reduction="
            + reduction);
  }

  /**
   * Keras's {@code squeeze_or_expand_to_same_rank(x1, x2)}: when the ranks differ by one and the
   * longer shape ends in 1, that axis is squeezed, or the other tensor gets a trailing axis of size
   * 1 when it is rank 1.
   */
  static Tensor[] sameRank(Tensor x1, Tensor x2) {
    int r1 = x1.rank();
    int r2 = x2.rank();
    if (r1 == r2 + 1 && x1.dim(-1) == 1) {
      if (r2 == 1) {
        x2 = Ops.expandDims(x2, -1);
      } else {
        x1 = Ops.squeeze(x1, -1);
      }
    } else if (r2 == r1 + 1 && x2.dim(-1) == 1) {
      if (r1 == 1) {
        x1 = Ops.expandDims(x1, -1);
      } else {
        x2 = Ops.squeeze(x2, -1);
      }
    }
    return new Tensor[] {x1, x2};
  }

  /**
   * {@code yTrue} and {@code yPred} as float32 with aligned ranks, checked to broadcast together.
   */
  static Tensor[] targets(String owner, Tensor yTrue, Tensor yPred) {
    Tensor[] tp = sameRank(yTrue.asFloat(), yPred.asFloat());
    requireBroadcast(owner, "yTrue", tp[0], "yPred", tp[1]);
    return tp;
  }

  /** The mask given with the call and the mask of the loss function, combined with AND. */
  static Tensor mergeMasks(String owner, Tensor given, Tensor fromLoss) {
    if (given == null) {
      return fromLoss;
    }
    if (fromLoss == null) {
      return given;
    }
    requireBroadcast(owner, "mask", given, "values", fromLoss);
    return Ops.logicalAnd(given, fromLoss);
  }

  /** Keras's {@code reduce_weighted_values}. */
  static Tensor reduceWeighted(
      String owner, Tensor values, Tensor sampleWeight, Tensor mask, String reduction) {
    Tensor weights = sampleWeight == null ? null : sampleWeight.asFloat();
    if (mask != null) {
      Tensor[] vm = sameRank(values, mask);
      requireBroadcast(owner, "values", vm[0], "mask", vm[1]);
      weights = applyMask(owner, weights, mask, reduction);
    }
    if (weights != null) {
      Tensor[] vw = sameRank(values, weights);
      requireBroadcast(owner, "values", vw[0], "sampleWeight", vw[1]);
      values = Ops.multiply(vw[0], vw[1]);
      weights = vw[1];
    }
    return reduceValues(values, weights, reduction);
  }

  /**
   * Keras's {@code apply_mask}: the mask as weights, scaled by {@code total / valid} for the "mean"
   * and "sum_over_batch_size" reductions (so that the sum over the batch divided by the number of
   * values is the mean over the valid ones), multiplied into the sample weights.
   */
  static Tensor applyMask(String owner, Tensor sampleWeight, Tensor mask, String reduction) {
    Tensor floatMask = mask.asFloat();
    if (MEAN.equals(reduction) || SUM_OVER_BATCH_SIZE.equals(reduction)) {
      float valid = floatMask.size() == 0 ? 0f : Ops.sum(floatMask).item();
      float scale = valid == 0 ? 0f : (float) floatMask.size() / valid;
      floatMask = Ops.multiply(Ops.notEqual(floatMask, Arguments.ZERO), Tensor.scalar(scale));
    }
    if (sampleWeight == null) {
      return floatMask;
    }
    Tensor[] mw = sameRank(floatMask, sampleWeight);
    requireBroadcast(owner, "mask", mw[0], "sampleWeight", mw[1]);
    return Ops.multiply(mw[1], mw[0]);
  }

  /** Keras's {@code reduce_values}; {@code weights} are the merged sample weights (or null). */
  static Tensor reduceValues(Tensor values, Tensor weights, String reduction) {
    int[] s = ShapeRefs.of(values);
    if (reduction == null || NONE.equals(reduction) || s.length == 0 || isEmptyVector(s)) {
      return values;
    }
    Tensor loss = Ops.sum(values);
    if (SUM.equals(reduction)) {
      return loss;
    }
    if (MEAN_WITH_SAMPLE_WEIGHT.equals(reduction) && weights != null) {
      Tensor divisor = Ops.sum(weights);
      return divisor.item() == 0f ? Tensor.scalar(0f) : Ops.divide(loss, divisor);
    }
    long n = values.size();
    return n == 0 ? Tensor.scalar(0f) : Ops.divide(loss, Tensor.scalar((float) n));
  }

  private static boolean isEmptyVector(int[] s) {
    return s.length == 1 && s[0] == 0;
  }

  static void requireBroadcast(String owner, String nameA, Tensor a, String nameB, Tensor b) {
    try {
      Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + nameA
              + " and "
              + nameB
              + " must have shapes that broadcast together. Received: "
              + nameA
              + ".shape="
              + Shapes.toString(ShapeRefs.of(a))
              + ", "
              + nameB
              + ".shape="
              + Shapes.toString(ShapeRefs.of(b)));
    }
  }

  static String shape(Tensor t) {
    return Shapes.toString(ShapeRefs.of(t));
  }

  static int[] withoutAxis(int[] shape, int axis) {
    int[] out = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != axis) {
        out[j++] = shape[d];
      }
    }
    return out;
  }

  static boolean sameShape(Tensor a, Tensor b) {
    return Arrays.equals(ShapeRefs.of(a), ShapeRefs.of(b));
  }
}
