package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * The base of the layers that merge a list of inputs, as Keras's {@code Merge}. Elementwise merges
 * ({@link Add}, {@link Multiply}, ...) broadcast the samples' shapes aligned on their last axes;
 * inputs of different ranks get axes of size 1 inserted after the batch axis. The output mask is
 * the OR of the input masks when every input has one.
 */
public abstract class Merge extends Layer {

  protected Merge() {
    this.supportsMasking = true;
  }

  /** Computes the elementwise merge of inputs of one rank; masks hold null for unmasked inputs. */
  protected abstract Tensor merge(List<Tensor> inputs, List<Tensor> masks);

  @Override
  protected void onBuild(List<int[]> inputShapes) {
    // Only checks the shapes: merges have no weights.
    outputSampleShape(inputShapes);
  }

  /** The output shape without its batch axis; throws as Keras when the inputs do not merge. */
  int[] outputSampleShape(List<int[]> shapes) {
    if (shapes.isEmpty()) {
      throw new IllegalArgumentException(
          "A merge layer should be called on a list of at least 1 input. Received 0 inputs"
              + " (layer '"
              + name()
              + "')");
    }
    Set<Integer> batchSizes = new HashSet<>();
    for (int[] s : shapes) {
      if (s.length > 0 && s[0] >= 0) {
        batchSizes.add(s[0]);
      }
    }
    if (batchSizes.size() > 1) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + getClass().getSimpleName()
              + "): Cannot merge tensors with different batch sizes. Received tensors with shapes "
              + Shapes.toString(shapes));
    }
    int[] out = Shapes.dropFirst(shapes.get(0));
    for (int i = 1; i < shapes.size(); i++) {
      out = elementwiseShape(out, Shapes.dropFirst(shapes.get(i)));
    }
    return out;
  }

  /** Keras's broadcasting of two sample shapes, aligned on their last axes. */
  private int[] elementwiseShape(int[] a, int[] b) {
    if (a.length < b.length) {
      return elementwiseShape(b, a);
    }
    int[] out = a.clone();
    int off = a.length - b.length;
    for (int k = 0; k < b.length; k++) {
      int i = a[off + k];
      int j = b[k];
      if (i < 0 || j < 0) {
        out[off + k] = -1;
      } else if (i == 1) {
        out[off + k] = j;
      } else if (j != 1 && i != j) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + getClass().getSimpleName()
                + "): Inputs have incompatible shapes. Received shapes "
                + Shapes.toString(a)
                + " and "
                + Shapes.toString(b));
      }
    }
    return out;
  }

  @Override
  public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
    int[] sample = outputSampleShape(inputShapes);
    int batch = -1;
    for (int[] s : inputShapes) {
      if (s.length > 0 && s[0] >= 0) {
        batch = s[0];
      }
    }
    return List.of(Shapes.withBatch(batch, sample));
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, CallContext ctx) {
    List<int[]> shapes = new ArrayList<>();
    int maxRank = 0;
    boolean sameRank = true;
    for (Tensor t : inputs) {
      shapes.add(ShapeRefs.of(t));
      sameRank &= t.rank() == inputs.get(0).rank();
      maxRank = Math.max(maxRank, t.rank());
    }
    outputSampleShape(shapes);
    List<Tensor> masks = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      masks.add(i < ctx.masks().size() ? ctx.masks().get(i) : null);
    }
    if (sameRank) {
      return List.of(merge(inputs, masks));
    }
    // Different ranks: insert axes after the batch axis; as in Keras the masks do not follow.
    List<Tensor> expanded = new ArrayList<>();
    for (Tensor t : inputs) {
      Tensor x = t;
      while (x.rank() < maxRank) {
        x = Ops.expandDims(x, 1);
      }
      expanded.add(x);
    }
    return List.of(merge(expanded, Arrays.asList(new Tensor[inputs.size()])));
  }

  /** The OR of the input masks, or none unless every input has a mask. */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    if (masks.isEmpty() || anyNull(masks)) {
      out.add(null);
      return out;
    }
    Tensor m = masks.get(0);
    for (int i = 1; i < masks.size(); i++) {
      m = or(m, masks.get(i));
    }
    out.add(m);
    return out;
  }

  /** Null-safe for immutable lists, whose contains(null) throws. */
  static boolean anyNull(List<Tensor> masks) {
    return masks.stream().anyMatch(m -> m == null);
  }

  static Tensor or(Tensor a, Tensor b) {
    return Ops.notEqual(Ops.add(Ops.notEqual(a, zero()), Ops.notEqual(b, zero())), zero());
  }

  static Tensor zero() {
    return Tensor.scalar(0f);
  }

  /** A mask of a sample's leading axes, given a trailing axis so that it broadcasts over x. */
  static Tensor maskLike(Tensor mask, Tensor x) {
    return mask.rank() < x.rank() ? Ops.expandDims(mask, -1) : mask;
  }

  /**
   * Keras's merge of masked inputs for {@link Maximum} and {@link Minimum}: where one input is
   * masked the other's value is used, so masked values never win.
   */
  static Tensor mergeMasked(BinaryOperator<Tensor> op, List<Tensor> inputs, List<Tensor> masks) {
    Tensor output = null;
    Tensor outputMask = null;
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      Tensor mask = masks.get(i) == null ? null : maskLike(masks.get(i), x);
      if (output == null) {
        output = x;
        outputMask = mask;
        continue;
      }
      if (mask != null) {
        x = Ops.where(mask, x, output);
      }
      if (outputMask != null) {
        output = Ops.where(outputMask, output, x);
      }
      outputMask = mask != null && outputMask != null ? or(outputMask, mask) : null;
      output = op.apply(output, x);
    }
    return output;
  }
}
