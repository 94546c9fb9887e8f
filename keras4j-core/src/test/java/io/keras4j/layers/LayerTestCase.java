package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import io.keras4j.saving.LayerRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keras's {@code run_layer_test} for keras4j. On given inputs it checks that the symbolic output
 * shape (apply on {@link Input}s), the eager output shape and {@code computeOutputShape} agree;
 * that the config survives JSON and {@link LayerRegistry} and rebuilds a layer with the same config
 * and, given the same weights, the same outputs; and that the gradients of the output with respect
 * to the float inputs and the weights match finite differences.
 *
 * <pre>{@code
 * Tensor y = LayerTestCase.of(new Dense(3)).inputs(LayerTestCase.random(1, 2, 4)).run();
 * }</pre>
 */
final class LayerTestCase {
  private final Layer layer;
  private List<Tensor> inputs = List.of();
  private int[] expectedShape;
  private boolean gradientCheck = true;
  private double tolerance = 2e-2;

  private LayerTestCase(Layer layer) {
    this.layer = layer;
  }

  static LayerTestCase of(Layer layer) {
    return new LayerTestCase(layer);
  }

  LayerTestCase inputs(Tensor... xs) {
    this.inputs = List.of(xs);
    return this;
  }

  /** The expected eager output shape. */
  LayerTestCase expectedOutputShape(int... shape) {
    this.expectedShape = shape;
    return this;
  }

  /** For layers whose outputs are not differentiable (or not continuous) around the inputs. */
  LayerTestCase skipGradientCheck() {
    this.gradientCheck = false;
    return this;
  }

  LayerTestCase tolerance(double tolerance) {
    this.tolerance = tolerance;
    return this;
  }

  /** Runs every check and returns the eager output (inference mode). */
  Tensor run() {
    List<KerasTensor> symbolic = new ArrayList<>();
    List<int[]> batchShapes = new ArrayList<>();
    List<int[]> concreteShapes = new ArrayList<>();
    for (Tensor x : inputs) {
      symbolic.add(Input.of(x.dtype(), Shapes.dropFirst(ShapeRefs.of(x))));
      batchShapes.add(Shapes.withBatch(-1, Shapes.dropFirst(ShapeRefs.of(x))));
      concreteShapes.add(x.shape());
    }
    String who = layer.getClass().getSimpleName() + " '" + layer.name() + "'";
    int[] symShape = layer.apply(symbolic).shape();
    Tensor y = layer.callEager(inputs, CallContext.inference()).get(0);

    assertArrayEquals(
        layer.computeOutputShapes(batchShapes).get(0), symShape, who + ": symbolic shape");
    assertArrayEquals(
        ShapeRefs.of(y),
        layer.computeOutputShapes(concreteShapes).get(0),
        who + ": eager shape vs computeOutputShape");
    assertTrue(
        Shapes.compatible(symShape, ShapeRefs.of(y)),
        who
            + ": symbolic "
            + Shapes.toString(symShape)
            + " vs eager "
            + Shapes.toString(ShapeRefs.of(y)));
    if (expectedShape != null) {
      assertArrayEquals(expectedShape, ShapeRefs.of(y), who + ": output shape");
    }
    checkConfigRoundTrip(y, concreteShapes);
    if (gradientCheck) {
      checkGradients();
    }
    return y;
  }

  private void checkConfigRoundTrip(Tensor y, List<int[]> shapes) {
    String className = layer.getClass().getSimpleName();
    String json = Json.write(layer.getConfig());
    Layer copy = LayerRegistry.create(className, Json.readObject(json));
    assertEquals(json, Json.write(copy.getConfig()), className + ": config round trip");
    copy.maybeBuild(shapes);
    copy.setWeights(layer.getWeights());
    Tensor y2 = copy.callEager(inputs, CallContext.inference()).get(0);
    assertArrayEquals(y.toFloatArray(), y2.toFloatArray(), 0f, className + ": rebuilt outputs");
  }

  /** Compares the tape's gradients of {@code sum(y * r)} with central differences. */
  private void checkGradients() {
    List<Tensor> floatInputs = new ArrayList<>();
    for (Tensor x : inputs) {
      if (x.dtype() == DType.FLOAT32) {
        floatInputs.add(x);
      }
    }
    List<Variable> weights = layer.trainableWeights();
    Tensor probe = layer.callEager(inputs, CallContext.inference()).get(0);
    Tensor r = random(99, probe.shape());
    List<Tensor> analytic;
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> sources = new ArrayList<>(floatInputs);
      for (Tensor x : floatInputs) {
        tape.watch(x);
      }
      for (Variable v : weights) {
        tape.watch(v);
        sources.add(v.value());
      }
      Tensor y = layer.callEager(inputs, CallContext.inference()).get(0);
      analytic = tape.gradient(Ops.sum(Ops.multiply(y, r)), sources);
    }
    for (int i = 0; i < floatInputs.size(); i++) {
      Tensor x = floatInputs.get(i);
      int index = inputs.indexOf(x);
      float[] values = x.toFloatArray();
      compare(
          "input " + index,
          analytic.get(i),
          values,
          v -> {
            List<Tensor> changed = new ArrayList<>(inputs);
            changed.set(index, Tensor.of(v, x.shape()));
            return loss(changed, r);
          });
    }
    for (int w = 0; w < weights.size(); w++) {
      Variable v = weights.get(w);
      Tensor original = v.numpy();
      compare(
          "weight " + v.path(),
          analytic.get(floatInputs.size() + w),
          original.toFloatArray(),
          values -> {
            v.assign(Tensor.of(values, v.shape()));
            double l = loss(inputs, r);
            v.assign(original);
            return l;
          });
    }
  }

  private interface LossOf {
    double at(float[] values);
  }

  private void compare(String what, Tensor grad, float[] values, LossOf f) {
    float[] g = grad.toFloatArray();
    // A fixed subset of at most 64 elements keeps big weights (e.g. embeddings) fast.
    int step = Math.max(1, values.length / 64);
    for (int j = 0; j < values.length; j += step) {
      float eps = 1e-2f * Math.max(1f, Math.abs(values[j]));
      float[] plus = values.clone();
      plus[j] += eps;
      float[] minus = values.clone();
      minus[j] -= eps;
      double numeric = (f.at(plus) - f.at(minus)) / (plus[j] - minus[j]);
      double diff = Math.abs(numeric - g[j]);
      assertTrue(
          diff <= tolerance * Math.max(1, Math.abs(numeric)),
          layer.getClass().getSimpleName()
              + ": gradient of "
              + what
              + " at "
              + j
              + ": tape "
              + g[j]
              + " vs finite difference "
              + numeric);
    }
  }

  private double loss(List<Tensor> xs, Tensor r) {
    float[] y = layer.callEager(xs, CallContext.inference()).get(0).toFloatArray();
    float[] rv = r.toFloatArray();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (double) y[i] * rv[i];
    }
    return s;
  }

  /**
   * Reproducible values of magnitude in [0.1, 1] with random signs: away from 0, where relu-like
   * functions have a kink that finite differences would straddle.
   */
  static Tensor random(long seed, int... shape) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((0.1 + 0.9 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1));
    }
    return Tensor.of(v, shape);
  }

  /** Asserts values with a tolerance suited to float32. */
  static void assertValues(float[] expected, Tensor actual) {
    assertArrayEquals(
        expected, actual.toFloatArray(), 1e-5f, () -> Arrays.toString(actual.toFloatArray()));
  }
}
