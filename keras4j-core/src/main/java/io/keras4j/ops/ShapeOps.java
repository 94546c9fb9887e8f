package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/** Ops that move values without computing: reshape, transpose, broadcast, expand and squeeze. */
final class ShapeOps {
  private ShapeOps() {}

  /** Resolves one {@code -1} in a target shape against a size. */
  static int[] resolveShape(int[] target, long size, int[] from) {
    int[] s = target.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "reshape: at most one dimension can be -1. Received: shape="
                  + Arrays.toString(target));
        }
        unknown = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException(
            "reshape: dimensions must be >= 0 or -1. Received: shape=" + Arrays.toString(target));
      } else {
        known *= s[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(
            "reshape: cannot reshape a tensor of shape "
                + Shapes.toString(from)
                + " ("
                + size
                + " values) into "
                + Arrays.toString(target));
      }
      s[unknown] = (int) (size / known);
    } else if (known != size) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape a tensor of shape "
              + Shapes.toString(from)
              + " ("
              + size
              + " values) into "
              + Arrays.toString(target));
    }
    return s;
  }

  static Tensor reshape(Tensor x, int[] shape) {
    int[] from = ShapeRefs.of(x);
    int[] to = resolveShape(shape, x.size(), from);
    Tensor out = x.reshapeView(to);
    GradientTape.record(out, new Tensor[] {x}, g -> new Tensor[] {g.reshapeView(from)});
    return out;
  }

  static Tensor transpose(Tensor x, int[] perm) {
    int[] s = ShapeRefs.of(x);
    int rank = s.length;
    if (perm == null) {
      perm = new int[rank];
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
    }
    if (perm.length != rank) {
      throw new IllegalArgumentException(
          "transpose: axes must name every axis of a rank-"
              + rank
              + " tensor. Received: axes="
              + Arrays.toString(perm));
    }
    boolean[] seen = new boolean[rank];
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = Shapes.axis(perm[i], rank);
      if (seen[p[i]]) {
        throw new IllegalArgumentException(
            "transpose: repeated axis. Received: axes=" + Arrays.toString(perm));
      }
      seen[p[i]] = true;
    }
    Tensor out = Backend.current().array().transpose(x, p);
    int[] inverse = new int[rank];
    for (int i = 0; i < rank; i++) {
      inverse[p[i]] = i;
    }
    GradientTape.record(out, new Tensor[] {x}, g -> new Tensor[] {transpose(g, inverse)});
    return out;
  }

  static Tensor broadcastTo(Tensor x, int[] shape) {
    int[] s = ShapeRefs.of(x);
    int[] b = Shapes.broadcast(s, shape);
    if (!Arrays.equals(b, shape)) {
      throw new IllegalArgumentException(
          "broadcast_to: cannot broadcast " + Shapes.toString(s) + " to " + Shapes.toString(shape));
    }
    if (Arrays.equals(s, shape)) {
      return x;
    }
    Tensor out = Backend.current().array().broadcastTo(x, shape.clone());
    GradientTape.record(out, new Tensor[] {x}, g -> new Tensor[] {Broadcasting.sumToShape(g, s)});
    return out;
  }

  static Tensor expandDims(Tensor x, int axis) {
    int rank = x.rank() + 1;
    int a = Shapes.axis(axis, rank);
    int[] s = ShapeRefs.of(x);
    int[] out = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      out[i] = i == a ? 1 : s[j++];
    }
    return reshape(x, out);
  }

  static Tensor squeeze(Tensor x, int[] axes) {
    int[] s = ShapeRefs.of(x);
    boolean[] drop = new boolean[s.length];
    if (axes == null || axes.length == 0) {
      for (int i = 0; i < s.length; i++) {
        drop[i] = s[i] == 1;
      }
    } else {
      for (int a : axes) {
        int ax = Shapes.axis(a, s.length);
        if (s[ax] != 1) {
          throw new IllegalArgumentException(
              "squeeze: axis "
                  + a
                  + " has size "
                  + s[ax]
                  + ", expected 1. Received: shape="
                  + Shapes.toString(s));
        }
        drop[ax] = true;
      }
    }
    int n = 0;
    for (boolean d : drop) {
      n += d ? 0 : 1;
    }
    int[] out = new int[n];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (!drop[i]) {
        out[j++] = s[i];
      }
    }
    return reshape(x, out);
  }
}
