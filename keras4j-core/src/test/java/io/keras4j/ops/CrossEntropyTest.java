package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static io.keras4j.ops.TestTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values from Keras's docstrings and from numpy running Keras 3's backend formulas. */
class CrossEntropyTest {

  private static final Tensor EYE = Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

  @Test
  void categoricalFromProbabilities() {
    Tensor p = Tensor.of(new float[][] {{.9f, .05f, .05f}, {.05f, .89f, .06f}, {.05f, .01f, .94f}});
    assertTensor(
        Ops.categoricalCrossentropy(EYE, p), shape(3), 0.10536055f, 0.11653382f, 0.06187541f);
    // Renormalized by the sum first: [1, 1, 2] is read as [0.25, 0.25, 0.5].
    assertClose(
        Ops.categoricalCrossentropy(
            Tensor.of(new float[][] {{0, 0, 1}}), Tensor.of(new float[][] {{1, 1, 2}})),
        0.6931472f);
    // Clipped to [1e-7, 1 - 1e-7]: a perfect prediction costs -log(1 - 1e-7) in float32.
    assertClose(
        Ops.categoricalCrossentropy(EYE, EYE), 1e-3, 1.192093e-07f, 1.192093e-07f, 1.192093e-07f);
    assertClose(
        Ops.categoricalCrossentropy(
            Tensor.of(new float[][] {{0.5f, 0.5f}}), Tensor.of(new float[][] {{0, 1}})),
        8.059048f);
  }

  @Test
  void categoricalFromLogits() {
    Tensor t = Tensor.of(new float[][] {{0.2f, 0.3f, 0.5f}, {1, 0, 0}});
    Tensor z = Tensor.of(new float[][] {{1, 2, 3}, {0.5f, -1, 2}});
    assertTensor(Ops.categoricalCrossentropy(t, z, true), shape(2), 1.107606f, 1.7413113f);
    // Stable for huge logits.
    Tensor big = Tensor.of(new float[][] {{1000, 0, -1000}});
    assertClose(
        Ops.categoricalCrossentropy(Tensor.of(new float[][] {{0, 1, 0}}), big, true), 1000f);
  }

  @Test
  void categoricalOnAnotherAxis() {
    Tensor t = Ops.transpose(Tensor.of(new float[][] {{0.2f, 0.3f, 0.5f}, {1, 0, 0}}));
    Tensor z = Ops.transpose(Tensor.of(new float[][] {{1, 2, 3}, {0.5f, -1, 2}}));
    assertTensor(Ops.categoricalCrossentropy(t, z, true, 0), shape(2), 1.107606f, 1.7413113f);
  }

  @Test
  void sparseCategorical() {
    Tensor labels = Tensor.ofInts(new int[] {1, 2}, 2);
    Tensor p = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
    assertTensor(
        Ops.sparseCategoricalCrossentropy(labels, p),
        shape(2),
        (float) -Math.log(0.95),
        (float) -Math.log(0.1));
    // Same as the dense form with one-hot targets, from logits too.
    Tensor z = rand(1, 4, 5);
    Tensor ids = Tensor.ofInts(new int[] {4, 0, 2, 2}, 4);
    assertClose(
        Ops.sparseCategoricalCrossentropy(ids, z, true),
        Ops.categoricalCrossentropy(Ops.oneHot(ids, 5), z, true).toFloatArray());
    Tensor probs = Ops.softmax(z);
    assertClose(
        Ops.sparseCategoricalCrossentropy(ids, probs),
        Ops.categoricalCrossentropy(Ops.oneHot(ids, 5), probs).toFloatArray());
    // A trailing label axis of size 1 is dropped, as Keras does.
    assertClose(
        Ops.sparseCategoricalCrossentropy(Ops.reshape(ids, 4, 1), z, true),
        Ops.sparseCategoricalCrossentropy(ids, z, true).toFloatArray());
  }

  @Test
  void sparseCategoricalOnAnotherAxis() {
    Tensor z = rand(2, 2, 3, 4); // classes on axis 1
    Tensor ids = Tensor.ofInts(new int[][] {{0, 2, 1, 1}, {2, 2, 0, 1}});
    Tensor dense = Ops.oneHot(ids, 3, 1);
    assertClose(
        Ops.sparseCategoricalCrossentropy(ids, z, true, 1),
        Ops.categoricalCrossentropy(dense, z, true, 1).toFloatArray());
  }

  @Test
  void sparseLabelsOutOfRangeAreNamed() {
    Tensor p = Tensor.of(new float[][] {{0.5f, 0.5f}, {0.3f, 0.7f}});
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.sparseCategoricalCrossentropy(Tensor.ofInts(new int[] {1, 2}, 2), p));
    String m = e.getMessage();
    assertTrue(m.contains("label 2") && m.contains("0 <= label < 2") && m.contains("[1]"), m);
    assertThrows(
        IllegalArgumentException.class,
        () -> Ops.sparseCategoricalCrossentropy(Tensor.ofInts(new int[] {-1, 0}, 2), p, true));
    var s =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.sparseCategoricalCrossentropy(Tensor.ofInts(new int[] {0, 0, 1}, 3), p));
    assertTrue(s.getMessage().contains("(3,)") && s.getMessage().contains("(2, 2)"));
  }

  @Test
  void binaryIsElementwise() {
    Tensor t = Tensor.of(new float[][] {{0, 1}, {0, 0}});
    Tensor p = Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
    assertTensor(
        Ops.binaryCrossentropy(t, p),
        shape(2, 2),
        0.91629073f,
        0.91629073f,
        0.51082562f,
        0.91629073f);
    // Clipped at the ends.
    assertClose(
        Ops.binaryCrossentropy(Tensor.of(1f, 0f), Tensor.of(0f, 1f)), 16.11809565f, 15.94238515f);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.binaryCrossentropy(Tensor.of(1f, 0f), Tensor.of(0.5f)));
    assertTrue(e.getMessage().contains("(2,)") && e.getMessage().contains("(1,)"));
  }

  @Test
  void binaryFromLogitsIsStable() {
    Tensor t = Tensor.of(1f, 0.5f, 0f, 0f);
    Tensor z = Tensor.of(-100f, 0f, 3f, -1000f);
    assertClose(Ops.binaryCrossentropy(t, z, true), 100f, 0.69314718f, 3.04858735f, 0f);
  }

  @Test
  void clippedProbabilitiesGetNoGradient() {
    Tensor t = Tensor.of(1f, 1f, 0f);
    Tensor p = Tensor.of(0f, 0.5f, 1f);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(p);
      Tensor g = tape.gradient(Ops.binaryCrossentropy(t, p), List.of(p)).get(0);
      assertClose(g, 0f, -2f, 0f);
    }
  }

  @Test
  void gradientsFromProbabilities() {
    Tensor t = uniform(1, 0, 1, 2, 3);
    Tensor p = uniform(2, 0.1, 0.9, 2, 3);
    GradientCheck.check(xs -> Ops.binaryCrossentropy(xs.get(0), xs.get(1)), t, p);
    Tensor q = uniform(3, 0.2, 1.0, 2, 4); // not normalized: exercises the renormalization
    Tensor tq = uniform(4, 0, 1, 2, 4);
    GradientCheck.check(xs -> Ops.categoricalCrossentropy(xs.get(0), xs.get(1)), tq, q);
    GradientCheck.check(xs -> Ops.categoricalCrossentropy(xs.get(0), xs.get(1), false, 0), tq, q);
    Tensor ids = Tensor.ofInts(new int[] {3, 0}, 2);
    GradientCheck.check(xs -> Ops.sparseCategoricalCrossentropy(xs.get(0), xs.get(1)), ids, q);
  }

  @Test
  void gradientsFromLogits() {
    Tensor t = uniform(5, 0, 1, 2, 3);
    Tensor z = rand(6, 2, 3);
    GradientCheck.check(xs -> Ops.binaryCrossentropy(xs.get(0), xs.get(1), true), t, z);
    GradientCheck.check(xs -> Ops.categoricalCrossentropy(xs.get(0), xs.get(1), true), t, z);
    Tensor z3 = rand(7, 2, 3, 2);
    Tensor t3 = uniform(8, 0, 1, 2, 3, 2);
    GradientCheck.check(xs -> Ops.categoricalCrossentropy(xs.get(0), xs.get(1), true, 1), t3, z3);
    Tensor ids = Tensor.ofInts(new int[][] {{2, 0}, {1, 1}});
    GradientCheck.check(
        xs -> Ops.sparseCategoricalCrossentropy(xs.get(0), xs.get(1), true, 1), ids, z3);
    GradientCheck.check(
        xs -> Ops.sparseCategoricalCrossentropy(xs.get(0), xs.get(1), true),
        Tensor.ofInts(new int[] {2, 0}, 2),
        z);
  }
}
