package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.ArrayReference.doubles;
import static io.keras4j.backend.conformance.ArrayReference.rand;

import io.keras4j.Tensor;
import io.keras4j.backend.ConvKernels;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.Closeness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The primitives of {@link ConvKernels} against {@link ConvReference}, a term-by-term loop in
 * double precision, and their backward passes against finite differences of the forward ones. Cases
 * cover 1, 2 and 3 spatial axes, strides, dilation, pads before and after (a negative pad after, as
 * the gradient of a transposed convolution uses), groups, a 1x1 product without patches, an empty
 * batch, products large enough for the blocked multi-threaded GEMM, and patches larger than one
 * chunk (several passes of im2col). The suite also runs in the scalar-fallback run.
 */
class ConvConformanceTest extends ConformanceBase {

  /** One convolution: shapes, strides, pads before and after, dilation, groups. */
  record Case(
      String name,
      int[] x,
      int[] w,
      int[] strides,
      int[] before,
      int[] after,
      int[] dilation,
      int groups) {}

  private static int[] i(int... v) {
    return v;
  }

  static final List<Case> CASES =
      List.of(
          new Case("1d valid", i(2, 9, 3), i(3, 3, 4), i(1), i(0), i(0), i(1), 1),
          new Case("1d causal dilated", i(2, 9, 3), i(3, 3, 4), i(1), i(4), i(0), i(2), 1),
          new Case("1d stride 2 same", i(2, 9, 3), i(3, 3, 2), i(2), i(1), i(1), i(1), 1),
          new Case("1d negative pad after", i(1, 8, 2), i(3, 2, 2), i(2), i(0), i(-1), i(1), 1),
          new Case(
              "2d strides, odd pads",
              i(2, 7, 6, 4),
              i(3, 2, 4, 5),
              i(2, 1),
              i(1, 0),
              i(1, 1),
              i(1, 1),
              1),
          new Case(
              "2d dilation", i(2, 7, 8, 3), i(3, 3, 3, 2), i(1, 1), i(2, 3), i(2, 3), i(2, 3), 1),
          new Case(
              "2d groups 2", i(1, 5, 5, 4), i(3, 3, 2, 6), i(1, 1), i(1, 1), i(1, 1), i(1, 1), 2),
          new Case(
              "2d groups = channels",
              i(2, 5, 4, 3),
              i(2, 2, 1, 6),
              i(1, 2),
              i(0, 0),
              i(1, 1),
              i(1, 1),
              3),
          new Case(
              "2d 1x1 (no patches)",
              i(2, 4, 4, 5),
              i(1, 1, 5, 6),
              i(1, 1),
              i(0, 0),
              i(0, 0),
              i(1, 1),
              1),
          new Case(
              "2d 1x1 stride 2",
              i(2, 5, 5, 3),
              i(1, 1, 3, 2),
              i(2, 2),
              i(0, 0),
              i(0, 0),
              i(1, 1),
              1),
          new Case(
              "3d",
              i(2, 4, 5, 3, 2),
              i(2, 3, 2, 2, 3),
              i(1, 2, 1),
              i(1, 1, 0),
              i(0, 1, 1),
              i(1, 1, 1),
              1),
          new Case(
              "3d dilation",
              i(1, 5, 4, 4, 2),
              i(2, 2, 2, 2, 2),
              i(1, 1, 1),
              i(0, 1, 0),
              i(0, 1, 0),
              i(2, 1, 2),
              1),
          new Case(
              "empty batch", i(0, 5, 5, 2), i(3, 3, 2, 3), i(1, 1), i(1, 1), i(1, 1), i(1, 1), 1),
          new Case(
              "2d blocked GEMM",
              i(2, 20, 20, 32),
              i(3, 3, 32, 40),
              i(1, 1),
              i(1, 1),
              i(1, 1),
              i(1, 1),
              1));

  /** Patches of one image (48 * 48 rows x 3 * 3 * 200 columns) exceed one chunk of im2col. */
  static final Case CHUNKED =
      new Case(
          "patches over several chunks",
          i(3, 48, 48, 200),
          i(3, 3, 200, 2),
          i(1, 1),
          i(1, 1),
          i(1, 1),
          i(1, 1),
          1);

  private ConvKernels conv() {
    return backend().conv();
  }

  private static Closeness.Tolerance scaled(int terms) {
    return tolerance(1e-5 * Math.max(1, terms), 2e-5);
  }

  @Test
  void convAndItsGradientsMatchTheReference() {
    long seed = 11;
    for (Case c : CASES) {
      checkAgainstReference(c, seed++);
    }
  }

  @Test
  void patchesLargerThanOneChunk() {
    checkAgainstReference(CHUNKED, 99);
  }

  private void checkAgainstReference(Case c, long seed) {
    Tensor x = rand(seed, c.x());
    Tensor w = rand(seed + 100, c.w());
    ConvReference fwd =
        new ConvReference(
            doubles(x),
            c.x(),
            doubles(w),
            c.w(),
            c.strides(),
            c.before(),
            c.after(),
            c.dilation(),
            c.groups(),
            null);
    Tensor dy = rand(seed + 200, fwd.outShape);
    ConvReference ref =
        new ConvReference(
            doubles(x),
            c.x(),
            doubles(w),
            c.w(),
            c.strides(),
            c.before(),
            c.after(),
            c.dilation(),
            c.groups(),
            doubles(dy));
    int r = c.x().length - 2;
    int terms =
        (int) (Arrays.stream(c.w()).asLongStream().reduce(1, (a, b) -> a * b) / c.w()[r + 1]);
    Tensor y = conv().conv(x, w, c.strides(), c.before(), c.after(), c.dilation(), c.groups());
    Closeness.assertClose("conv " + c.name(), ref.outShape, ref.y, y, scaled(terms));
    Tensor dx =
        conv().convBackwardInput(dy, w, c.x(), c.strides(), c.before(), c.dilation(), c.groups());
    Closeness.assertClose("conv input gradient " + c.name(), c.x(), ref.dx, dx, scaled(terms * 4));
    Tensor dw =
        conv().convBackwardKernel(x, dy, c.w(), c.strides(), c.before(), c.dilation(), c.groups());
    int rows = ref.y.length / Math.max(1, c.w()[r + 1]);
    Closeness.assertClose("conv kernel gradient " + c.name(), c.w(), ref.dw, dw, scaled(rows));
  }

  @Test
  void convGradientsMatchFiniteDifferences() {
    long seed = 300;
    for (Case c : CASES) {
      if (c.name().contains("blocked") || c.x()[0] == 0) {
        continue; // the reference comparison above covers these; finite differences are slow
      }
      FiniteDifferences.check(
          "conv " + c.name(),
          in ->
              conv()
                  .conv(in[0], in[1], c.strides(), c.before(), c.after(), c.dilation(), c.groups()),
          (in, dy) ->
              new Tensor[] {
                conv()
                    .convBackwardInput(
                        dy,
                        in[1],
                        ShapeRefs.of(in[0]),
                        c.strides(),
                        c.before(),
                        c.dilation(),
                        c.groups()),
                conv()
                    .convBackwardKernel(
                        in[0],
                        dy,
                        ShapeRefs.of(in[1]),
                        c.strides(),
                        c.before(),
                        c.dilation(),
                        c.groups())
              },
          new int[] {0, 1},
          rand(seed, c.x()),
          rand(seed + 1, c.w()));
      seed += 2;
    }
  }

  /** Depthwise cases: x shape, kernel (k..., in, depth multiplier), strides, pads, dilation. */
  static final List<Case> DEPTHWISE =
      List.of(
          new Case("1d dm 1", i(2, 9, 3), i(3, 3, 1), i(1), i(1), i(1), i(1), 0),
          new Case("1d dm 2 stride 2", i(2, 9, 3), i(3, 3, 2), i(2), i(0), i(1), i(1), 0),
          new Case(
              "2d dm 1 same", i(2, 6, 5, 4), i(3, 3, 4, 1), i(1, 1), i(1, 1), i(1, 1), i(1, 1), 0),
          new Case(
              "2d dm 3 dilated",
              i(1, 7, 7, 2),
              i(2, 3, 2, 3),
              i(1, 1),
              i(1, 2),
              i(0, 2),
              i(2, 2),
              0),
          new Case(
              "2d strides", i(2, 7, 6, 5), i(3, 2, 5, 2), i(2, 3), i(1, 0), i(1, 1), i(1, 1), 0));

  /** A depthwise kernel (k..., in, dm) read as a grouped one (k..., 1, in * dm), groups = in. */
  private static int[] groupedShape(int[] w) {
    int r = w.length - 2;
    int[] g = Arrays.copyOf(w, w.length);
    g[r] = 1;
    g[r + 1] = w[r] * w[r + 1];
    return g;
  }

  @Test
  void depthwiseConvAndItsGradientsMatchTheReference() {
    long seed = 500;
    for (Case c : DEPTHWISE) {
      int r = c.x().length - 2;
      int cin = c.x()[r + 1];
      Tensor x = rand(seed, c.x());
      Tensor w = rand(seed + 1, c.w());
      int[] gw = groupedShape(c.w());
      ConvReference fwd =
          new ConvReference(
              doubles(x),
              c.x(),
              doubles(w),
              gw,
              c.strides(),
              c.before(),
              c.after(),
              c.dilation(),
              cin,
              null);
      Tensor dy = rand(seed + 2, fwd.outShape);
      ConvReference ref =
          new ConvReference(
              doubles(x),
              c.x(),
              doubles(w),
              gw,
              c.strides(),
              c.before(),
              c.after(),
              c.dilation(),
              cin,
              doubles(dy));
      Tensor y = conv().depthwiseConv(x, w, c.strides(), c.before(), c.after(), c.dilation());
      Closeness.assertClose("depthwise " + c.name(), ref.outShape, ref.y, y, scaled(9));
      Tensor dx =
          conv().depthwiseConvBackwardInput(dy, w, c.x(), c.strides(), c.before(), c.dilation());
      Closeness.assertClose("depthwise input gradient " + c.name(), c.x(), ref.dx, dx, scaled(36));
      Tensor dw =
          conv().depthwiseConvBackwardKernel(x, dy, c.w(), c.strides(), c.before(), c.dilation());
      Closeness.assertClose(
          "depthwise kernel gradient " + c.name(), c.w(), ref.dw, dw, scaled(ref.y.length));
      FiniteDifferences.check(
          "depthwise " + c.name(),
          in ->
              conv().depthwiseConv(in[0], in[1], c.strides(), c.before(), c.after(), c.dilation()),
          (in, g) ->
              new Tensor[] {
                conv()
                    .depthwiseConvBackwardInput(
                        g, in[1], ShapeRefs.of(in[0]), c.strides(), c.before(), c.dilation()),
                conv()
                    .depthwiseConvBackwardKernel(
                        in[0], g, ShapeRefs.of(in[1]), c.strides(), c.before(), c.dilation())
              },
          new int[] {0, 1},
          x,
          w);
      seed += 3;
    }
  }

  /**
   * The fused Conv layer: {@code act(conv + bias)} against the reference, and its backward against
   * the reference's gradients of {@code dz = dy * act'(y)} (and the column sums for the bias) and
   * finite differences; for every fused activation, with and without bias, through patches and the
   * 1x1 product.
   */
  @Test
  void fusedBiasAndActivation() {
    long seed = 700;
    for (Case c : new Case[] {CASES.get(4), CASES.get(8)}) {
      for (FusedActivation act : FusedActivation.values()) {
        for (boolean withBias : new boolean[] {true, false}) {
          checkFused(c, act, withBias, seed);
          seed += 4;
        }
      }
    }
    checkFused(CASES.get(13), FusedActivation.RELU, true, seed);
    // Finite differences through a smooth activation, bias included.
    Case c = CASES.get(4);
    FiniteDifferences.check(
        "fused tanh",
        in ->
            conv()
                .convBiasActivation(
                    in[0],
                    in[1],
                    in[2],
                    FusedActivation.TANH,
                    c.strides(),
                    c.before(),
                    c.after(),
                    c.dilation()),
        (in, g) ->
            conv()
                .convBiasActivationBackward(
                    in[0],
                    in[1],
                    conv()
                        .convBiasActivation(
                            in[0],
                            in[1],
                            in[2],
                            FusedActivation.TANH,
                            c.strides(),
                            c.before(),
                            c.after(),
                            c.dilation()),
                    g,
                    FusedActivation.TANH,
                    c.strides(),
                    c.before(),
                    c.dilation(),
                    true,
                    true,
                    true),
        new int[] {0, 1, 2},
        rand(800, c.x()),
        rand(801, c.w()),
        rand(802, c.w()[c.w().length - 1]));
  }

  private void checkFused(Case c, FusedActivation act, boolean withBias, long seed) {
    String what = "fused " + act + (withBias ? " with bias " : " ") + c.name();
    int r = c.x().length - 2;
    int cout = c.w()[r + 1];
    Tensor x = rand(seed, c.x());
    Tensor w = rand(seed + 1, c.w());
    Tensor b = withBias ? rand(seed + 2, cout) : null;
    seed += 3;
    ConvReference ref =
        new ConvReference(
            doubles(x),
            c.x(),
            doubles(w),
            c.w(),
            c.strides(),
            c.before(),
            c.after(),
            c.dilation(),
            1,
            null);
    double[] bv = b == null ? new double[cout] : doubles(b);
    double[] expected = new double[ref.y.length];
    for (int j = 0; j < expected.length; j++) {
      expected[j] = ArrayReference.activate(act, ref.y[j] + bv[j % cout]);
    }
    int terms = (int) (ref.y.length == 0 ? 1 : doubles(w).length / cout);
    Tensor y =
        conv().convBiasActivation(x, w, b, act, c.strides(), c.before(), c.after(), c.dilation());
    Closeness.assertClose(what, ref.outShape, expected, y, scaled(terms));

    // Backward: dz = dy * act'(y) from the kernel's own y, then the reference's gradients.
    Tensor dy = rand(seed + 3, ref.outShape);
    double[] yv = doubles(y);
    double[] dz = doubles(dy);
    double[] db = new double[cout];
    for (int j = 0; j < dz.length; j++) {
      dz[j] *= ArrayReference.derivative(act, yv[j]);
      db[j % cout] += dz[j];
    }
    ConvReference back =
        new ConvReference(
            doubles(x),
            c.x(),
            doubles(w),
            c.w(),
            c.strides(),
            c.before(),
            c.after(),
            c.dilation(),
            1,
            dz);
    Tensor[] grads =
        conv()
            .convBiasActivationBackward(
                x, w, y, dy, act, c.strides(), c.before(), c.dilation(), true, true, withBias);
    Closeness.assertClose(what + " dx", c.x(), back.dx, grads[0], scaled(terms * 4));
    Closeness.assertClose(what + " dkernel", c.w(), back.dw, grads[1], scaled(ref.y.length / cout));
    if (withBias) {
      Closeness.assertClose(
          what + " dbias", new int[] {cout}, db, grads[2], scaled(ref.y.length / cout));
    } else {
      org.junit.jupiter.api.Assertions.assertNull(grads[2], what + ": no bias gradient");
    }
  }
}
