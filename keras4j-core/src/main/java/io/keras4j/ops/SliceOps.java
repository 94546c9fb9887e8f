package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cutting and joining along axes: slice and its adjoint pad, split, concatenate and stack. Int32
 * tensors keep their dtype (they have no gradient).
 */
final class SliceOps {
  private SliceOps() {}

  /**
   * {@code keras.ops.slice}: the block of {@code size} starting at {@code start}; -1 = to the end.
   */
  static Tensor slice(Tensor x, int[] start, int[] size) {
    int[] s = ShapeRefs.of(x);
    if (start.length != s.length || size.length != s.length) {
      throw new IllegalArgumentException(
          "slice: start_indices and shape must have one entry per axis of the input "
              + Shapes.toString(s)
              + ". Received: start_indices="
              + Arrays.toString(start)
              + ", shape="
              + Arrays.toString(size));
    }
    int[][] maps = new int[s.length][];
    for (int d = 0; d < s.length; d++) {
      int n = size[d] == -1 ? s[d] - start[d] : size[d];
      if (start[d] < 0 || n < 0 || start[d] + n > s[d]) {
        throw new IllegalArgumentException(
            "slice: the block is outside the input on axis "
                + d
                + ": input shape "
                + Shapes.toString(s)
                + ". Received: start_indices="
                + Arrays.toString(start)
                + ", shape="
                + Arrays.toString(size));
      }
      maps[d] = AxisMaps.range(start[d], n);
    }
    return gatherRecorded(x, maps, 0f);
  }

  /** {@code keras.ops.pad} in constant mode: {@code padWidth[d] = {before, after}}. */
  static Tensor pad(Tensor x, int[][] padWidth, float value) {
    int[] s = ShapeRefs.of(x);
    if (padWidth.length != s.length && padWidth.length != 1) {
      throw new IllegalArgumentException(
          "pad: pad_width needs one (before, after) pair per axis of the input "
              + Shapes.toString(s)
              + " (or a single pair for all axes). Received: "
              + padWidth.length
              + " pairs");
    }
    int[][] maps = new int[s.length][];
    for (int d = 0; d < s.length; d++) {
      int[] p = padWidth[padWidth.length == 1 ? 0 : d];
      if (p.length != 2 || p[0] < 0 || p[1] < 0) {
        throw new IllegalArgumentException(
            "pad: each pad_width entry must be a pair of non-negative ints. Received: axis "
                + d
                + " pad_width="
                + Arrays.toString(p));
      }
      maps[d] = new int[p[0] + s[d] + p[1]];
      Arrays.fill(maps[d], -1);
      for (int j = 0; j < s[d]; j++) {
        maps[d][p[0] + j] = j;
      }
    }
    return gatherRecorded(x, maps, value);
  }

  /** Gathers through axis maps and records the scatter-add adjoint as the gradient. */
  static Tensor gatherRecorded(Tensor x, int[][] maps, float fill) {
    Tensor out = AxisMaps.gather(x, maps, fill);
    int[] shape = x.shape();
    GradientTape.record(
        out, new Tensor[] {x}, g -> new Tensor[] {AxisMaps.scatterAdd(g, maps, shape)});
    return out;
  }

  /** Splits into {@code sections} equal parts along an axis. */
  static List<Tensor> split(Tensor x, int sections, int axis) {
    int ax = Shapes.axis(axis, x.rank());
    int n = x.dim(ax);
    if (sections <= 0 || n % sections != 0) {
      throw new IllegalArgumentException(
          "split: axis "
              + axis
              + " of size "
              + n
              + " cannot be split into equal sections. Received: sections="
              + sections);
    }
    int[] cuts = new int[sections - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = (i + 1) * (n / sections);
    }
    return splitAt(x, cuts, ax);
  }

  /** Splits before each of the (non-decreasing) indices along an axis: indices.length + 1 parts. */
  static List<Tensor> splitAt(Tensor x, int[] indices, int axis) {
    int ax = Shapes.axis(axis, x.rank());
    int n = x.dim(ax);
    List<Tensor> parts = new ArrayList<>(indices.length + 1);
    int prev = 0;
    for (int i = 0; i <= indices.length; i++) {
      int end = i < indices.length ? indices[i] : n;
      if (end < prev || end > n) {
        throw new IllegalArgumentException(
            "split: indices must be non-decreasing and within [0, "
                + n
                + "] for axis "
                + axis
                + ". Received: indices="
                + Arrays.toString(indices));
      }
      int[] start = new int[x.rank()];
      int[] size = x.shape();
      start[ax] = prev;
      size[ax] = end - prev;
      parts.add(slice(x, start, size));
      prev = end;
    }
    return parts;
  }

  /** Joins tensors of equal shapes (but for the axis) along an existing axis. */
  static Tensor concatenate(List<Tensor> xs, int axis) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("concatenate: needs at least one tensor. Received: []");
    }
    int[] first = ShapeRefs.of(xs.get(0));
    int rank = first.length;
    if (rank == 0) {
      throw new IllegalArgumentException(
          "concatenate: scalars cannot be concatenated; use stack. Received: shape ()");
    }
    int ax = Shapes.axis(axis, rank);
    int total = 0;
    for (Tensor t : xs) {
      int[] s = ShapeRefs.of(t);
      boolean ok = s.length == rank;
      for (int d = 0; ok && d < rank; d++) {
        ok = d == ax || s[d] == first[d];
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "concatenate: all shapes must match except on axis "
                + axis
                + ". Received: shapes="
                + Shapes.toString(xs.stream().map(ShapeRefs::of).toList()));
      }
      total += s[ax];
    }
    int[] outShape = first.clone();
    outShape[ax] = total;
    Tensor result = Backend.current().array().concatenate(xs, ax);
    Tensor[] inputs = xs.toArray(new Tensor[0]);
    GradientTape.record(
        result,
        inputs,
        g -> {
          Tensor[] grads = new Tensor[inputs.length];
          int[][] maps = AxisMaps.identity(outShape);
          int at = 0;
          for (int i = 0; i < inputs.length; i++) {
            int n = inputs[i].dim(ax);
            maps[ax] = AxisMaps.range(at, n);
            grads[i] = AxisMaps.gather(g, maps, 0f);
            at += n;
          }
          return grads;
        });
    return result;
  }

  /** Joins tensors of one shape along a new axis. */
  static Tensor stack(List<Tensor> xs, int axis) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("stack: needs at least one tensor. Received: []");
    }
    int[] first = ShapeRefs.of(xs.get(0));
    List<Tensor> expanded = new ArrayList<>(xs.size());
    for (Tensor t : xs) {
      if (!Arrays.equals(ShapeRefs.of(t), first)) {
        throw new IllegalArgumentException(
            "stack: all tensors must have the same shape. Received: shapes="
                + Shapes.toString(xs.stream().map(ShapeRefs::of).toList()));
      }
      expanded.add(ShapeOps.expandDims(t, axis));
    }
    return concatenate(expanded, axis);
  }
}
