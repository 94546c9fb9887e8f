package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.backend.Backend;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns non-negative integer ids into dense vectors: row {@code id} of an {@code [inputDim,
 * outputDim]} table. With {@link #maskZero} the id 0 is padding, and the layer emits the mask
 * {@code ids != 0} for the layers after it.
 */
public class Embedding extends Layer {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = Initializers.get("uniform");
  private Regularizer embeddingsRegularizer;
  private Constraint embeddingsConstraint;
  private boolean maskZero;
  private Variable embeddings;

  public Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0) {
      throw new IllegalArgumentException(
          "Argument `input_dim` of layer Embedding must be a positive integer. Received:"
              + " input_dim="
              + inputDim);
    }
    if (outputDim <= 0) {
      throw new IllegalArgumentException(
          "Argument `output_dim` of layer Embedding must be a positive integer. Received:"
              + " output_dim="
              + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  public Embedding embeddingsInitializer(String name) {
    return embeddingsInitializer(Initializers.get(name));
  }

  public Embedding embeddingsInitializer(Initializer init) {
    checkNotBuilt("embeddingsInitializer");
    this.embeddingsInitializer = init;
    return this;
  }

  public Embedding embeddingsRegularizer(Regularizer r) {
    checkNotBuilt("embeddingsRegularizer");
    this.embeddingsRegularizer = r;
    return this;
  }

  /** A regularizer by Keras name with Keras's defaults: {@code "l2"} is {@code L2(0.01)}. */
  public Embedding embeddingsRegularizer(String name) {
    return embeddingsRegularizer(Regularizers.get(name));
  }

  /** A penalty on the output (Keras's {@code activity_regularizer}), returning this Embedding. */
  @Override
  public Embedding activityRegularizer(Regularizer r) {
    super.activityRegularizer(r);
    return this;
  }

  /** A penalty on the output by Keras name with Keras's defaults ({@code "l2"}: 0.01). */
  @Override
  public Embedding activityRegularizer(String name) {
    super.activityRegularizer(name);
    return this;
  }

  public Embedding embeddingsConstraint(Constraint c) {
    checkNotBuilt("embeddingsConstraint");
    this.embeddingsConstraint = c;
    return this;
  }

  /**
   * A constraint by Keras name with Keras's defaults: {@code "unit_norm"} is {@code UnitNorm()}.
   */
  public Embedding embeddingsConstraint(String name) {
    return embeddingsConstraint(Constraints.get(name));
  }

  /** Whether id 0 is padding, masked out for the layers after this one. */
  public Embedding maskZero(boolean maskZero) {
    checkNotBuilt("maskZero");
    this.maskZero = maskZero;
    // As in Keras: only a masking embedding hands a mask on.
    this.supportsMasking = maskZero;
    return this;
  }

  public int inputDim() {
    return inputDim;
  }

  public int outputDim() {
    return outputDim;
  }

  public boolean maskZero() {
    return maskZero;
  }

  /** The {@code [inputDim, outputDim]} table (null before build). */
  public Variable embeddings() {
    return embeddings;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    embeddings =
        addWeight(
            "embeddings",
            new int[] {inputDim, outputDim},
            embeddingsInitializer,
            embeddingsRegularizer,
            embeddingsConstraint,
            true);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    // Float ids are truncated to int32, as Keras casts them.
    Tensor ids = inputs.asInt();
    long bad = Backend.current().array().firstIndexOutside(ids, 0, inputDim);
    if (bad >= 0) {
      int[] at = unflatten((int) bad, ShapeRefs.of(ids));
      int id = ids.getInt(at);
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (Embedding): id "
              + id
              + " at index "
              + Arrays.toString(at)
              + " of the input is out of range: ids must be in [0, input_dim) with input_dim="
              + inputDim
              + ". Received: id="
              + id);
    }
    return Ops.take(embeddings.value(), ids, 0);
  }

  private static int[] unflatten(int flat, int[] shape) {
    int[] idx = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    return idx;
  }

  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    List<Tensor> out = new ArrayList<>();
    out.add(maskZero ? Ops.notEqual(inputs.get(0), Tensor.scalar(0f)) : null);
    return out;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return Shapes.concat(inputShape, outputDim);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return DType.FLOAT32;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("input_dim", inputDim);
    c.put("output_dim", outputDim);
    c.put("embeddings_initializer", Initializers.serialize(embeddingsInitializer));
    c.put(
        "embeddings_regularizer",
        embeddingsRegularizer == null ? null : Regularizers.serialize(embeddingsRegularizer));
    c.put(
        "activity_regularizer",
        activityRegularizer() == null ? null : Regularizers.serialize(activityRegularizer()));
    c.put(
        "embeddings_constraint",
        embeddingsConstraint == null ? null : Constraints.serialize(embeddingsConstraint));
    c.put("mask_zero", maskZero);
    return c;
  }

  /** Reads Keras 3 and Keras 2 configs (Keras 2's {@code input_length} is ignored, as Keras 3). */
  public static Embedding fromConfig(Config c) {
    Embedding e = new Embedding(c.getInt("input_dim"), c.getInt("output_dim"));
    e.embeddingsInitializer(c.initializer("embeddings_initializer", "uniform"));
    e.embeddingsRegularizer(c.regularizer("embeddings_regularizer"));
    e.embeddingsConstraint(c.constraint("embeddings_constraint"));
    e.maskZero(c.getBoolean("mask_zero", false));
    return e.applyBaseConfig(c, e);
  }
}
