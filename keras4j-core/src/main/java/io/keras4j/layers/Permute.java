package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Permutes the axes of every sample. {@code dims} are 1-based, as in Keras (axis 0 is the batch,
 * which never moves): {@code new Permute(2, 1)} swaps the two axes of a rank-3 input.
 */
public class Permute extends Layer {
  private final int[] dims;

  public Permute(int... dims) {
    int[] sorted = dims.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] != i + 1) {
        throw new IllegalArgumentException(
            "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims`"
                + " must be consecutive and start from 1. Received dims="
                + Shapes.toString(dims));
      }
    }
    this.dims = dims.clone();
    inputSpec(InputSpec.ndim(dims.length + 1));
  }

  public int[] dims() {
    return dims.clone();
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] perm = new int[dims.length + 1];
    System.arraycopy(dims, 0, perm, 1, dims.length);
    return Ops.transpose(inputs, perm);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    int[] out = new int[dims.length + 1];
    out[0] = inputShape[0];
    for (int i = 0; i < dims.length; i++) {
      out[i + 1] = inputShape[dims[i]];
    }
    return out;
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("dims", Config.list(dims));
    return c;
  }

  public static Permute fromConfig(Config c) {
    Permute p = new Permute(c.getIntArray("dims"));
    return p.applyBaseConfig(c, p);
  }
}
