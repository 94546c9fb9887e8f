package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PoolLoops} with the Vector API: channels_last keeps the channels of a position contiguous,
 * so one vector holds a block of channels and walks the window in registers; the channels after the
 * last whole vector go through the scalar loops. Each lane does exactly the scalar loop's
 * operations in the same order, so both give the same bits.
 */
final class VectorPoolLoops extends ScalarPoolLoops {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  void maxAt(
      float[] x,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      float[] y,
      int yOff) {
    int ch = 0;
    for (; ch + L <= c; ch += L) {
      FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            m = m.max(FloatVector.fromArray(S, x, p));
          }
        }
      }
      m.intoArray(y, yOff + ch);
    }
    if (ch < c) {
      maxChannels(x, base, nd, nh, nw, strideD, strideH, c, y, yOff, ch, c);
    }
  }

  @Override
  void averageAt(
      float[] x,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      float[] y,
      int yOff) {
    float count = nd * nh * nw;
    int ch = 0;
    for (; ch + L <= c; ch += L) {
      FloatVector s = FloatVector.zero(S);
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            s = s.add(FloatVector.fromArray(S, x, p));
          }
        }
      }
      (count == 0 ? FloatVector.zero(S) : s.div(count)).intoArray(y, yOff + ch);
    }
    if (ch < c) {
      averageChannels(x, base, nd, nh, nw, strideD, strideH, c, y, yOff, ch, c);
    }
  }

  @Override
  void maxBackwardAt(
      float[] x,
      float[] y,
      float[] dy,
      float[] dx,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      int yOff) {
    int ch = 0;
    FloatVector none = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    for (; ch + L <= c; ch += L) {
      FloatVector m = FloatVector.fromArray(S, y, yOff + ch);
      FloatVector g = FloatVector.fromArray(S, dy, yOff + ch);
      // Pass 1: per lane, the first window position (row-major, as a float) holding the maximum.
      // A vector carried through the loop, not a mask: loop-carried masks were boxed (allocation
      // per window).
      FloatVector first = none;
      int k = 0;
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c, k++) {
            VectorMask<Float> eq = FloatVector.fromArray(S, x, p).compare(VectorOperators.EQ, m);
            first = first.min(none.blend(k, eq));
          }
        }
      }
      // Pass 2: that position takes the window's dy.
      k = 0;
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c, k++) {
            VectorMask<Float> hit = first.compare(VectorOperators.EQ, k);
            FloatVector.fromArray(S, dx, p).add(g, hit).intoArray(dx, p);
          }
        }
      }
    }
    if (ch < c) {
      maxBackwardChannels(x, y, dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff, ch, c);
    }
  }

  @Override
  void averageBackwardAt(
      float[] dy,
      float[] dx,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      int yOff) {
    float count = nd * nh * nw;
    if (count == 0) {
      return;
    }
    int ch = 0;
    for (; ch + L <= c; ch += L) {
      FloatVector g = FloatVector.fromArray(S, dy, yOff + ch).div(count);
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            FloatVector.fromArray(S, dx, p).add(g).intoArray(dx, p);
          }
        }
      }
    }
    if (ch < c) {
      averageBackwardChannels(dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff, ch, c);
    }
  }
}
