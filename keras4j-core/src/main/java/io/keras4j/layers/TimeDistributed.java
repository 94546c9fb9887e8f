package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import io.keras4j.saving.LayerRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's TimeDistributed wrapper: applies a layer to every time step of a {@code [batch,
 * timesteps, ...]} input, with the same weights for every step. The time axis is folded into the
 * batch ({@code [batch * timesteps, ...]}), the layer called once, and the result unfolded: the
 * same numbers as Keras's loop over the steps for any layer that treats the rows of a batch
 * independently (Keras's BatchNormalization in training would take each step's statistics apart;
 * here they are taken over all steps at once). The input mask passes on unchanged, and the wrapped
 * layer sees it folded the same way ({@code [batch * timesteps]}).
 */
public class TimeDistributed extends Layer {
  private final Layer layer;

  public TimeDistributed(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException(
          "Argument `layer` of layer TimeDistributed must be a Layer. Received: layer=null");
    }
    this.layer = track(layer);
    this.supportsMasking = true;
  }

  /** The wrapped layer. */
  public Layer layer() {
    return layer;
  }

  private String who() {
    return "Layer '" + name() + "' (TimeDistributed)";
  }

  private int[] childShape(int[] shape) {
    if (shape.length < 3) {
      throw new IllegalArgumentException(
          who()
              + " expects an input of rank 3 or more, [batch, timesteps, ...]. Received:"
              + " input_shape="
              + Shapes.toString(shape));
    }
    int[] child = new int[shape.length - 1];
    child[0] = shape[0] < 0 || shape[1] < 0 ? -1 : shape[0] * shape[1];
    System.arraycopy(shape, 2, child, 1, shape.length - 2);
    return child;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int[] child = childShape(inputShape);
    child[0] = inputShape[0];
    layer.maybeBuild(List.of(child));
    for (Variable v : layer.weights()) {
      v.setPath(name() + "/" + v.path());
    }
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] shape = ShapeRefs.of(inputs);
    int[] child = childShape(shape);
    Tensor mask = ctx.mask();
    CallContext sub = CallContext.of(ctx.training());
    if (mask != null) {
      int[] ms = ShapeRefs.of(mask);
      if (ms.length < 2 || ms[0] != shape[0] || ms[1] != shape[1]) {
        throw new IllegalArgumentException(
            who()
                + ": the mask must have the input's batch and time sizes ["
                + shape[0]
                + ", "
                + shape[1]
                + ", ...]. Received: mask.shape="
                + Shapes.toString(ms)
                + ", input_shape="
                + Shapes.toString(shape));
      }
      int[] folded = new int[ms.length - 1];
      folded[0] = ms[0] * ms[1];
      System.arraycopy(ms, 2, folded, 1, ms.length - 2);
      sub = CallContext.of(ctx.training(), Collections.singletonList(Ops.reshape(mask, folded)));
    }
    List<Tensor> out = layer.callEager(List.of(Ops.reshape(inputs, child)), sub);
    if (out.size() != 1) {
      throw new IllegalArgumentException(
          who()
              + " wraps layers with one output. Received: layer="
              + layer.name()
              + " with "
              + out.size()
              + " outputs");
    }
    int[] os = ShapeRefs.of(out.get(0));
    int[] unfolded = new int[os.length + 1];
    unfolded[0] = shape[0];
    unfolded[1] = shape[1];
    System.arraycopy(os, 1, unfolded, 2, os.length - 1);
    return Ops.reshape(out.get(0), unfolded);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    int[] child = childShape(inputShape);
    child[0] = inputShape[0];
    int[] os = layer.computeOutputShape(child);
    int[] out = new int[os.length + 1];
    out[0] = os[0];
    out[1] = inputShape[1];
    System.arraycopy(os, 1, out, 2, os.length - 1);
    return out;
  }

  /** Keras 3's keys: the base ones, then {@code layer}. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("module", "keras.layers");
    inner.put("class_name", layer.getClass().getSimpleName());
    inner.put("config", layer.getConfig());
    inner.put("registered_name", null);
    c.put("layer", inner);
    return c;
  }

  @SuppressWarnings("unchecked")
  public static TimeDistributed fromConfig(Config c) {
    Object entry = c.get("layer");
    if (!(entry instanceof Map<?, ?> m) || !(m.get("class_name") instanceof String cls)) {
      throw new IllegalArgumentException(
          "Config key `layer` of layer TimeDistributed must be {\"class_name\": ..., \"config\":"
              + " {...}}. Received: layer="
              + entry);
    }
    Object config = m.get("config");
    Layer inner =
        LayerRegistry.create(
            cls,
            config instanceof Map<?, ?> ? (Map<String, Object>) config : new LinkedHashMap<>());
    TimeDistributed t = new TimeDistributed(inner);
    return t.applyBaseConfig(c, t);
  }
}
