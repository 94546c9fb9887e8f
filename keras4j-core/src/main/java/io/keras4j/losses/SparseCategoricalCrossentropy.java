package io.keras4j.losses;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.Map;

/**
 * Categorical cross-entropy with integer labels, as Keras's {@code
 * SparseCategoricalCrossentropy(from_logits=False, ignore_class=None, axis=-1)}: {@code
 * -log(p[label])}. {@code yTrue} holds one class index per sample (int32, or float32 with integer
 * values), with the shape of {@code yPred} without its class axis, or with a size-1 axis in its
 * place. A label outside {@code [0, numClasses)} is an error.
 *
 * <p>With {@code ignoreClass}, samples with that label contribute 0 and are masked out of the
 * reduction, as in Keras: "sum_over_batch_size" averages over the other samples.
 */
public final class SparseCategoricalCrossentropy extends Loss {
  private boolean fromLogits;
  private Integer ignoreClass;
  private int axis = -1;

  /** The loss named {@code "sparse_categorical_crossentropy"}, on probabilities. */
  public SparseCategoricalCrossentropy() {
    super("sparse_categorical_crossentropy");
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** A label whose samples are left out of the loss (e.g. padding); null for none. */
  public SparseCategoricalCrossentropy ignoreClass(Integer ignoreClass) {
    this.ignoreClass = ignoreClass;
    return this;
  }

  /** The class axis of {@code yPred}. */
  public SparseCategoricalCrossentropy axis(int axis) {
    this.axis = axis;
    return this;
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public Integer ignoreClass() {
    return ignoreClass;
  }

  public int axis() {
    return axis;
  }

  @Override
  public SparseCategoricalCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public SparseCategoricalCrossentropy reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    return computeValues(yTrue, yPred).values();
  }

  @Override
  protected Values computeValues(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.sameRank(yTrue, yPred.asFloat());
    Tensor t = tp[0];
    Tensor p = tp[1];
    int a = Arguments.axis(className(), axis, p);
    if (t.rank() == p.rank() && t.dim(a) == 1) {
      t = Ops.squeeze(t, a);
    }
    int[] shape = LossReduction.withoutAxis(ShapeRefs.of(p), a);
    if (!Arrays.equals(ShapeRefs.of(t), shape)) {
      throw new IllegalArgumentException(
          className()
              + ": yTrue must hold one label per sample, with the shape of yPred without its class"
              + " axis ("
              + Shapes.toString(shape)
              + ") or with a size-1 axis in its place. Received: yTrue.shape="
              + LossReduction.shape(yTrue)
              + ", yPred.shape="
              + LossReduction.shape(yPred)
              + ", axis="
              + axis);
    }
    int[] labels = checkedLabels(t, p.dim(a));
    if (ignoreClass == null) {
      Tensor target = t.dtype() == DType.INT32 ? t : Tensor.ofInts(labels, shape);
      return new Values(Ops.sparseCategoricalCrossentropy(target, p, fromLogits, a), null);
    }
    int ignore = ignoreClass;
    float[] valid = new float[labels.length];
    int[] kept = new int[labels.length];
    boolean anyIgnored = false;
    for (int i = 0; i < labels.length; i++) {
      boolean ok = labels[i] != ignore;
      valid[i] = ok ? 1f : 0f;
      kept[i] = ok ? labels[i] : 0;
      anyIgnored |= !ok;
    }
    Tensor mask = Tensor.of(valid, shape);
    if (!anyIgnored) {
      Tensor target = Tensor.ofInts(kept, shape);
      return new Values(Ops.sparseCategoricalCrossentropy(target, p, fromLogits, a), mask);
    }
    // Ignored rows get harmless uniform inputs (Keras zeroes them, which gives 0/0 from
    // probabilities), and their values are replaced by 0; neither changes a kept value or gradient.
    Tensor safe = Ops.where(Ops.expandDims(mask, a), p, Arguments.ONE);
    Tensor res = Ops.sparseCategoricalCrossentropy(Tensor.ofInts(kept, shape), safe, fromLogits, a);
    return new Values(Ops.where(mask, res, Arguments.ZERO), mask);
  }

  /** The labels as ints, each an integer in [0, numClasses) or the ignored class. */
  private int[] checkedLabels(Tensor t, int numClasses) {
    boolean isInt = t.dtype() == DType.INT32;
    int n = (int) t.size();
    int[] ints = isInt ? t.toIntArray() : null;
    float[] floats = isInt ? null : t.toFloatArray();
    int[] labels = isInt ? ints : new int[n];
    for (int i = 0; i < n; i++) {
      if (!isInt) {
        float f = floats[i];
        if (f != Math.rint(f) || Math.abs(f) > Integer.MAX_VALUE) {
          throw new InvalidTargetException(
              className() + ": labels must be integers", position(ShapeRefs.of(t), i), "" + f);
        }
        labels[i] = (int) f;
      }
      int label = labels[i];
      if ((label < 0 || label >= numClasses) && (ignoreClass == null || label != ignoreClass)) {
        throw new InvalidTargetException(
            className()
                + ": label "
                + label
                + " is out of range: expected 0 <= label < "
                + numClasses
                + " (the number of classes on axis "
                + axis
                + " of yPred)"
                + (ignoreClass == null ? "" : " or the ignoreClass " + ignoreClass),
            position(ShapeRefs.of(t), i),
            String.valueOf(label));
      }
    }
    return labels;
  }

  private static int[] position(int[] shape, int flat) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return at;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("ignore_class", ignoreClass);
    c.put("axis", axis);
    return c;
  }
}
