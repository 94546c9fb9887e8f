package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Softmax over one or more axes (the last by default). With a mask, masked positions get a large
 * negative logit before the softmax and a 0 probability after it, as Keras does (so an all-masked
 * row is all zeros rather than uniform).
 */
public class Softmax extends Layer {
  /** Keras's large negative number for float32 logits. */
  static final float LARGE_NEGATIVE = -1e9f;

  private int[] axes = {-1};

  public Softmax() {
    this.supportsMasking = true;
  }

  /** The axis, or axes, to normalize over. */
  public Softmax axis(int... axes) {
    checkNotBuilt("axis");
    if (axes.length == 0) {
      throw new IllegalArgumentException(
          "Argument `axis` of layer Softmax needs at least one axis. Received: axis=()");
    }
    this.axes = axes.clone();
    return this;
  }

  public int[] axis() {
    return axes.clone();
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor mask = ctx.mask();
    Tensor x = inputs;
    if (mask != null) {
      checkMask(ShapeRefs.of(inputs), ShapeRefs.of(mask));
      x = Ops.where(mask, x, Tensor.scalar(LARGE_NEGATIVE));
    }
    Tensor y;
    if (axes.length == 1) {
      y = Ops.softmax(x, axes[0]);
    } else {
      y = Ops.exp(Ops.subtract(x, Ops.logsumexp(x, axes, true)));
    }
    if (mask != null) {
      y = Ops.where(mask, y, Tensor.scalar(0f));
    }
    return y;
  }

  private void checkMask(int[] in, int[] m) {
    boolean ok = m.length <= in.length;
    for (int i = 1; ok && i <= m.length; i++) {
      int md = m[m.length - i];
      ok = md == 1 || md == in[in.length - i];
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Softmax): the mask must be broadcastable to the inputs. Received:"
              + " inputs.shape="
              + Shapes.toString(in)
              + ", mask.shape="
              + Shapes.toString(m));
    }
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axes.length == 1 ? (Object) axes[0] : Arrays.stream(axes).boxed().toList());
    return c;
  }

  public static Softmax fromConfig(Config c) {
    Softmax s = new Softmax();
    if (c.has("axis")) {
      s.axis(c.getIntArray("axis"));
    }
    return s.applyBaseConfig(c, s);
  }
}
