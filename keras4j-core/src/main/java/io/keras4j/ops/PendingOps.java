package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Broadcasting.Fast;
import java.util.ArrayList;
import java.util.List;

/**
 * TEMPORARY (from the layers branch): minimal versions of ops the layers need and the ops branch is
 * adding with the same signatures and semantics (truth values are float32 1/0). At the merge, keep
 * the ops branch's versions, delete this file and the "pending" block at the end of {@link Ops}.
 */
final class PendingOps {
  private PendingOps() {}

  /** Joins tensors of equal shape except along {@code axis} (float32). */
  static Tensor concatenate(List<Tensor> xs, int axis) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("concatenate needs at least one tensor");
    }
    int[] first = xs.get(0).shapeRef();
    int rank = first.length;
    int ax = Shapes.axis(axis, rank);
    int[] outShape = first.clone();
    outShape[ax] = 0;
    for (Tensor x : xs) {
      int[] s = x.shapeRef();
      boolean ok = s.length == rank;
      for (int d = 0; ok && d < rank; d++) {
        ok = d == ax || s[d] == first[d];
      }
      if (!ok) {
        throw new IllegalArgumentException(
            "concatenate: shapes must match except on axis "
                + axis
                + ". Received: "
                + Shapes.toString(first)
                + " and "
                + Shapes.toString(s));
      }
      outShape[ax] += s[ax];
    }
    int outer = 1;
    for (int d = 0; d < ax; d++) {
      outer *= first[d];
    }
    int inner = 1;
    for (int d = ax + 1; d < rank; d++) {
      inner *= first[d];
    }
    float[] out = new float[(int) Shapes.size(outShape)];
    int rowOut = outShape[ax] * inner;
    int offset = 0;
    int[] widths = new int[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      float[] src = xs.get(i).asFloat().floats();
      int w = xs.get(i).shapeRef()[ax] * inner;
      widths[i] = xs.get(i).shapeRef()[ax];
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * w, out, o * rowOut + offset, w);
      }
      offset += w;
    }
    Tensor result = Tensor.wrap(out, outShape);
    final int o2 = outer;
    final int in2 = inner;
    GradientTape.record(
        result,
        xs.toArray(new Tensor[0]),
        g -> {
          float[] gv = g.floats();
          Tensor[] parts = new Tensor[xs.size()];
          int off = 0;
          for (int i = 0; i < parts.length; i++) {
            int w = widths[i] * in2;
            float[] p = new float[o2 * w];
            for (int o = 0; o < o2; o++) {
              System.arraycopy(gv, o * rowOut + off, p, o * w, w);
            }
            parts[i] = Tensor.wrap(p, xs.get(i).shape());
            off += w;
          }
          return parts;
        });
    return result;
  }

  /** Slices of x along an axis at int32 indices (negative ones count from the end). */
  static Tensor take(Tensor x, Tensor indices, int axis) {
    int[] s = x.shapeRef();
    int ax = Shapes.axis(axis, s.length);
    int n = s[ax];
    int[] ids = indices.asInt().ints();
    int[] pos = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      int id = ids[i] < 0 ? ids[i] + n : ids[i];
      if (id < 0 || id >= n) {
        throw new IndexOutOfBoundsException(
            "take: index " + ids[i] + " is out of range for an axis of size " + n);
      }
      pos[i] = id;
    }
    int outer = 1;
    for (int d = 0; d < ax; d++) {
      outer *= s[d];
    }
    int inner = 1;
    for (int d = ax + 1; d < s.length; d++) {
      inner *= s[d];
    }
    List<Integer> dims = new ArrayList<>();
    for (int d = 0; d < ax; d++) {
      dims.add(s[d]);
    }
    for (int d : indices.shapeRef()) {
      dims.add(d);
    }
    for (int d = ax + 1; d < s.length; d++) {
      dims.add(s[d]);
    }
    int[] outShape = dims.stream().mapToInt(Integer::intValue).toArray();
    float[] src = x.asFloat().floats();
    float[] out = new float[outer * pos.length * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < pos.length; i++) {
        System.arraycopy(src, (o * n + pos[i]) * inner, out, (o * pos.length + i) * inner, inner);
      }
    }
    Tensor result = Tensor.wrap(out, outShape);
    final int outer2 = outer;
    final int inner2 = inner;
    GradientTape.record(
        result,
        new Tensor[] {x, indices},
        g -> {
          float[] gv = g.floats();
          float[] gx = new float[src.length];
          for (int o = 0; o < outer2; o++) {
            for (int i = 0; i < pos.length; i++) {
              int from = (o * pos.length + i) * inner2;
              int to = (o * n + pos[i]) * inner2;
              for (int k = 0; k < inner2; k++) {
                gx[to + k] += gv[from + k];
              }
            }
          }
          return new Tensor[] {Tensor.wrap(gx, s.clone()), null};
        });
    return result;
  }

  /** x where condition is nonzero, else y, broadcasting the three; gradients flow to x and y. */
  static Tensor where(Tensor condition, Tensor x, Tensor y) {
    Tensor c =
        Broadcasting.apply(condition, Tensor.scalar(0f), (a, b) -> a != 0 ? 1f : 0f, Fast.NONE);
    Tensor notC = Broadcasting.apply(c, Tensor.scalar(1f), (a, b) -> b - a, Fast.NONE);
    // x*c + y*(1-c) is exact for finite values: one term is multiplied by 0, the other by 1.
    return Ops.add(Ops.multiply(x, c), Ops.multiply(y, notC));
  }

  static Tensor notEqual(Tensor a, Tensor b) {
    return Broadcasting.apply(a, b, (x, y) -> x != y ? 1f : 0f, Fast.NONE);
  }

  static Tensor greater(Tensor a, Tensor b) {
    return Broadcasting.apply(a, b, (x, y) -> x > y ? 1f : 0f, Fast.NONE);
  }

  /** Limits values to [min, max]; the gradient is 1 inside the closed interval, 0 outside. */
  static Tensor clip(Tensor x, float min, float max) {
    // maximum and minimum send ties to their first argument, so the bounds keep gradient 1.
    return Ops.minimum(Ops.maximum(x, Tensor.scalar(min)), Tensor.scalar(max));
  }
}
