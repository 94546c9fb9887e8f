package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/** Repeats a {@code (batch, features)} input {@code n} times: {@code (batch, n, features)}. */
public class RepeatVector extends Layer {
  private final int n;

  public RepeatVector(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException(
          "Argument `n` of layer RepeatVector should be a positive integer. Received: n=" + n);
    }
    this.n = n;
    inputSpec(InputSpec.ndim(2));
  }

  public int n() {
    return n;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ShapeRefs.of(inputs);
    // Broadcasting a new axis of size 1 repeats the rows, and its gradient sums them back.
    return Ops.broadcastTo(Ops.reshape(inputs, s[0], 1, s[1]), s[0], n, s[1]);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return new int[] {inputShape[0], n, inputShape[1]};
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("n", n);
    return c;
  }

  public static RepeatVector fromConfig(Config c) {
    RepeatVector r = new RepeatVector(c.getInt("n"));
    return r.applyBaseConfig(c, r);
  }
}
