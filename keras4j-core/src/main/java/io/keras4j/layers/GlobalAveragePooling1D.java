package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * The mean of each channel over the steps, as Keras's {@code GlobalAveragePooling1D}: {@code
 * (batch, steps, channels) -> (batch, channels)}. With a mask {@code (batch, steps)} (from an
 * {@code Embedding} with {@code maskZero}, say) the masked steps are left out of the mean; the
 * output carries no mask.
 */
public class GlobalAveragePooling1D extends BaseGlobalPooling<GlobalAveragePooling1D> {

  public GlobalAveragePooling1D() {
    super(1, false);
    this.supportsMasking = true;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor mask = ctx.mask();
    if (mask == null) {
      return super.call(inputs, ctx);
    }
    boolean first = SpatialArgs.channelsFirst(dataFormat());
    int stepsAxis = first ? 2 : 1;
    Tensor m = Ops.notEqual(Ops.expandDims(mask, first ? 1 : 2), Tensor.scalar(0f));
    Tensor kept = Ops.where(m, inputs, Tensor.scalar(0f));
    int[] axes = {stepsAxis};
    return Ops.divide(Ops.sum(kept, axes, keepdims()), Ops.sum(m, axes, keepdims()));
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(null);
    return out;
  }

  public static GlobalAveragePooling1D fromConfig(Config c) {
    return readConfig(c, new GlobalAveragePooling1D());
  }
}
