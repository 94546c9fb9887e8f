package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.ArrayReference.doubles;
import static io.keras4j.backend.conformance.ArrayReference.flatten;
import static io.keras4j.backend.conformance.ArrayReference.iota;
import static io.keras4j.backend.conformance.ArrayReference.rand;
import static io.keras4j.backend.conformance.ArrayReference.unflatten;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.Closeness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The data movement of {@link ArrayKernels} against naive references: transpose, broadcast,
 * concatenate, gathers through axis maps and their scatter-add, take and its scatter-add, one-hot
 * and the index check; float32 and int32, empty and size-1 axes, and odd run lengths. Each
 * scatter-add is also checked as the adjoint of its gather: {@code <gather(x), g> = <x,
 * scatterAdd(g)>}.
 */
class ArrayConformanceTest extends ConformanceBase {
  private static final Closeness.Tolerance EXACT = tolerance(0, 0);

  private ArrayKernels array() {
    return backend().array();
  }

  @Test
  void transposeEveryPermutationUpToRank4() {
    int[][] shapes = {{}, {5}, {0, 3}, {1, 1}, {3, 17}, {2, 3, 4}, {2, 1, 3, 5}, {2, 3, 0, 4}};
    long seed = 1;
    for (int[] shape : shapes) {
      for (int[] perm : permutations(shape.length)) {
        int[] outShape = new int[shape.length];
        int[] strides = new int[shape.length];
        int[] in = Shapes.strides(shape);
        for (int i = 0; i < perm.length; i++) {
          outShape[i] = shape[perm[i]];
          strides[i] = in[perm[i]];
        }
        Tensor x = rand(seed++, shape);
        String what = "transpose " + Arrays.toString(shape) + " " + Arrays.toString(perm);
        Closeness.assertClose(
            what,
            outShape,
            ArrayReference.gatherStrided(doubles(x), outShape, strides),
            array().transpose(x, perm),
            EXACT);
        Tensor xi = iota(shape);
        Tensor ti = array().transpose(xi, perm);
        assertEquals(DType.INT32, ti.dtype(), what + " keeps int32");
        assertArrayEquals(
            toInts(ArrayReference.gatherStrided(doubles(xi), outShape, strides)),
            ti.toIntArray(),
            what + " int32");
      }
    }
  }

  @Test
  void broadcastToRepeatsSizeOneAndMissingAxes() {
    int[][][] cases = {
      {{}, {3}},
      {{1}, {4}},
      {{3}, {2, 3}},
      {{2, 1}, {2, 17}},
      {{1, 3, 1}, {2, 3, 5}},
      {{4, 1}, {3, 4, 0}},
      {{5}, {1, 5}}
    };
    long seed = 20;
    for (int[][] c : cases) {
      int[] from = c[0];
      int[] to = c[1];
      int lead = to.length - from.length;
      int[] in = Shapes.strides(from);
      int[] strides = new int[to.length];
      for (int d = lead; d < to.length; d++) {
        strides[d] = from[d - lead] == 1 ? 0 : in[d - lead];
      }
      Tensor x = rand(seed++, from);
      String what = "broadcastTo " + Arrays.toString(from) + " -> " + Arrays.toString(to);
      Closeness.assertClose(
          what,
          to,
          ArrayReference.gatherStrided(doubles(x), to, strides),
          array().broadcastTo(x, to),
          EXACT);
      assertArrayEquals(
          toInts(ArrayReference.gatherStrided(doubles(iota(from)), to, strides)),
          array().broadcastTo(iota(from), to).toIntArray(),
          what + " int32");
    }
  }

  @Test
  void concatenateOnEveryAxis() {
    int[] base = {2, 3, 4};
    for (int axis = 0; axis < 3; axis++) {
      int[] sizes = {1, 0, 3};
      List<Tensor> parts = new ArrayList<>();
      List<Tensor> intParts = new ArrayList<>();
      int total = 0;
      for (int p = 0; p < sizes.length; p++) {
        int[] s = base.clone();
        s[axis] = sizes[p];
        parts.add(rand(40 + p, s));
        intParts.add(iota(s));
        total += sizes[p];
      }
      int[] outShape = base.clone();
      outShape[axis] = total;
      double[] expected = new double[(int) Shapes.size(outShape)];
      double[] expectedInts = new double[expected.length];
      for (int i = 0; i < expected.length; i++) {
        int[] at = unflatten(i, outShape);
        int p = 0;
        int pos = at[axis];
        while (pos >= sizes[p]) {
          pos -= sizes[p++];
        }
        int[] s = base.clone();
        s[axis] = sizes[p];
        int[] src = at.clone();
        src[axis] = pos;
        expected[i] = doubles(parts.get(p))[flatten(src, s)];
        expectedInts[i] = flatten(src, s);
      }
      Closeness.assertClose(
          "concatenate axis " + axis, outShape, expected, array().concatenate(parts, axis), EXACT);
      Tensor ints = array().concatenate(intParts, axis);
      assertEquals(DType.INT32, ints.dtype());
      assertArrayEquals(toInts(expectedInts), ints.toIntArray(), "int32 concatenate axis " + axis);
    }
    Tensor mixed = array().concatenate(List.of(iota(2), rand(1, 3)), 0);
    assertEquals(DType.FLOAT32, mixed.dtype(), "an int32 part joined with float32 gives float32");
  }

  @Test
  void gatherAxesAndItsAdjoint() {
    Random r = new Random(7);
    int[][] shapes = {{5}, {1, 1}, {3, 17}, {2, 3, 4}, {4, 0}, {}};
    long seed = 60;
    for (int[] shape : shapes) {
      for (int trial = 0; trial < 4; trial++) {
        int[][] maps = new int[shape.length][];
        for (int d = 0; d < shape.length; d++) {
          maps[d] = randomMap(r, shape[d], trial);
        }
        float fill = trial % 2 == 0 ? 0f : 2.5f;
        Tensor x = rand(seed++, shape);
        int[] outShape = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
          outShape[d] = maps[d].length;
        }
        double[] xv = doubles(x);
        double[] expected = new double[(int) Shapes.size(outShape)];
        for (int i = 0; i < expected.length; i++) {
          int src = sourceOf(unflatten(i, outShape), maps, shape);
          expected[i] = src < 0 ? fill : xv[src];
        }
        String what = "gatherAxes " + Arrays.toString(shape) + " maps " + Arrays.deepToString(maps);
        Closeness.assertClose(what, outShape, expected, array().gatherAxes(x, maps, fill), EXACT);
        Tensor gi = array().gatherAxes(iota(shape), maps, fill);
        assertEquals(DType.INT32, gi.dtype(), what + " keeps int32");
        double[] expectedInts = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
          int src = sourceOf(unflatten(i, outShape), maps, shape);
          expectedInts[i] = src < 0 ? (int) fill : src;
        }
        assertArrayEquals(toInts(expectedInts), gi.toIntArray(), what + " int32");

        Tensor g = rand(seed++, outShape);
        double[] back = new double[xv.length];
        double[] gv = doubles(g);
        for (int i = 0; i < gv.length; i++) {
          int src = sourceOf(unflatten(i, outShape), maps, shape);
          if (src >= 0) {
            back[src] += gv[i];
          }
        }
        Closeness.assertClose(
            what + " scatterAdd",
            shape,
            back,
            array().scatterAddAxes(g, maps, shape),
            tolerance(1e-6, 1e-6));
        assertAdjoint(
            what, x, array().gatherAxes(x, maps, 0f), g, array().scatterAddAxes(g, maps, shape));
      }
    }
  }

  @Test
  void takeOnEveryAxisWithNegativeAndRepeatedIndices() {
    int[] shape = {3, 4, 17};
    Tensor x = rand(80, shape);
    double[] xv = doubles(x);
    for (int axis = 0; axis < 3; axis++) {
      int n = shape[axis];
      int[] idx = {n - 1, -1, 0, -n, 1, 1};
      for (Tensor indices :
          List.of(
              Tensor.ofInts(idx, 2, 3),
              Tensor.of(toFloats(idx), 6),
              Tensor.ofInts(new int[] {1}),
              Tensor.ofInts(new int[0], 0))) {
        int[] is = ShapeRefs.of(indices);
        int[] iv = indices.toIntArray();
        int[] outShape = new int[shape.length - 1 + is.length];
        System.arraycopy(shape, 0, outShape, 0, axis);
        System.arraycopy(is, 0, outShape, axis, is.length);
        System.arraycopy(shape, axis + 1, outShape, axis + is.length, shape.length - axis - 1);
        double[] expected = new double[(int) Shapes.size(outShape)];
        int[] src = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
          int[] at = unflatten(i, outShape);
          int[] in = new int[shape.length];
          System.arraycopy(at, 0, in, 0, axis);
          int j = flatten(Arrays.copyOfRange(at, axis, axis + is.length), is);
          in[axis] = iv[j] < 0 ? iv[j] + n : iv[j];
          System.arraycopy(at, axis + is.length, in, axis + 1, shape.length - axis - 1);
          src[i] = flatten(in, shape);
          expected[i] = xv[src[i]];
        }
        String what = "take axis " + axis + " indices " + indices;
        Closeness.assertClose(what, outShape, expected, array().take(x, indices, axis), EXACT);
        assertArrayEquals(
            src, array().take(iota(shape), indices, axis).toIntArray(), what + " int32");

        Tensor g = rand(90 + axis, outShape);
        double[] back = new double[xv.length];
        double[] gv = doubles(g);
        for (int i = 0; i < gv.length; i++) {
          back[src[i]] += gv[i];
        }
        Closeness.assertClose(
            what + " backward",
            shape,
            back,
            array().takeBackward(g, indices, axis, shape),
            tolerance(1e-6, 1e-6));
      }
    }
  }

  @Test
  void oneHotOnEveryAxisWithNegativeIndicesAsZeros() {
    Tensor indices = Tensor.ofInts(new int[] {2, -1, 0, 3, 1, 3}, 2, 3);
    int classes = 4;
    for (int axis = 0; axis <= 2; axis++) {
      int[] outShape = new int[3];
      int[] s = ShapeRefs.of(indices);
      for (int d = 0, j = 0; d < 3; d++) {
        outShape[d] = d == axis ? classes : s[j++];
      }
      double[] expected = new double[(int) Shapes.size(outShape)];
      for (int i = 0; i < expected.length; i++) {
        int[] at = unflatten(i, outShape);
        int[] pos = new int[2];
        for (int d = 0, j = 0; d < 3; d++) {
          if (d != axis) {
            pos[j++] = at[d];
          }
        }
        expected[i] = indices.getInt(pos) == at[axis] ? 1 : 0;
      }
      Closeness.assertClose(
          "oneHot axis " + axis, outShape, expected, array().oneHot(indices, classes, axis), EXACT);
    }
    Tensor floats = Tensor.of(new float[] {1, 0, 2}, 3);
    assertArrayEquals(
        new float[] {0, 1, 0, 1, 0, 0, 0, 0, 1},
        array().oneHot(floats, 3, 1).toFloatArray(),
        "float32 indices");
  }

  @Test
  void firstIndexOutsideFindsTheFirstOffender() {
    assertEquals(-1, array().firstIndexOutside(Tensor.ofInts(new int[] {0, 4, -5}, 3), -5, 5));
    assertEquals(1, array().firstIndexOutside(Tensor.ofInts(new int[] {0, 5, -6}, 3), -5, 5));
    assertEquals(2, array().firstIndexOutside(Tensor.ofInts(new int[] {0, 4, -6}, 3), -5, 5));
    assertEquals(-1, array().firstIndexOutside(Tensor.ofInts(new int[0], 0), 0, 1));
    assertEquals(-1, array().firstIndexOutside(Tensor.of(new float[] {1, -2, 0}, 3), -2, 2));
    assertEquals(1, array().firstIndexOutside(Tensor.of(new float[] {1, 1.5f, 9}, 3), -2, 2));
    assertEquals(2, array().firstIndexOutside(Tensor.of(new float[] {1, 1, 2}, 3), -2, 2));
    assertEquals(0, array().firstIndexOutside(Tensor.of(new float[] {Float.NaN}, 1), -2, 2));
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** {@code <gather(x), g>} and {@code <x, scatter(g)>} agree, as an adjoint pair must. */
  private static void assertAdjoint(String what, Tensor x, Tensor gx, Tensor g, Tensor sg) {
    double left = dot(doubles(gx), doubles(g));
    double right = dot(doubles(x), doubles(sg));
    assertEquals(left, right, 1e-4 * (1 + Math.abs(left)), what + ": adjoint identity");
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The flat input position an output multi-index reads through the maps, or -1 for fill. */
  private static int sourceOf(int[] at, int[][] maps, int[] shape) {
    int[] in = new int[at.length];
    for (int d = 0; d < at.length; d++) {
      in[d] = maps[d][at[d]];
      if (in[d] < 0) {
        return -1;
      }
    }
    return flatten(in, shape);
  }

  /** Trial 0: a slice; 1: a pad; 2: a tile; 3: random reads (repeats, reversals) with fills. */
  private static int[] randomMap(Random r, int n, int trial) {
    switch (trial) {
      case 0 -> {
        int start = n == 0 ? 0 : r.nextInt(n);
        int len = n - start;
        int[] m = new int[len];
        for (int j = 0; j < len; j++) {
          m[j] = start + j;
        }
        return m;
      }
      case 1 -> {
        int[] m = new int[n + 3];
        Arrays.fill(m, -1);
        for (int j = 0; j < n; j++) {
          m[1 + j] = j;
        }
        return m;
      }
      case 2 -> {
        int[] m = new int[2 * n];
        for (int j = 0; j < m.length; j++) {
          m[j] = j % n;
        }
        return m;
      }
      default -> {
        int[] m = new int[n + 2];
        for (int j = 0; j < m.length; j++) {
          m[j] = n == 0 || r.nextInt(5) == 0 ? -1 : r.nextInt(n);
        }
        return m;
      }
    }
  }

  private static List<int[]> permutations(int rank) {
    List<int[]> out = new ArrayList<>();
    permute(new int[rank], new boolean[rank], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] used, int at, List<int[]> out) {
    if (at == p.length) {
      out.add(p.clone());
      return;
    }
    for (int i = 0; i < p.length; i++) {
      if (!used[i]) {
        used[i] = true;
        p[at] = i;
        permute(p, used, at + 1, out);
        used[i] = false;
      }
    }
  }

  private static int[] toInts(double[] d) {
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }

  private static float[] toFloats(int[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
