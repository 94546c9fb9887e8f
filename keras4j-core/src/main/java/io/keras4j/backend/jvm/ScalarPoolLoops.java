package io.keras4j.backend.jvm;

/**
 * {@link PoolLoops} in plain Java, one channel at a time; the Vector API loops use its per-channel
 * methods for the channels left over after the last whole vector.
 */
class ScalarPoolLoops implements PoolLoops {

  @Override
  public void max(PoolGeometry g, float[] x, float[] y, int row) {
    forward(g, x, y, row, true);
  }

  @Override
  public void average(PoolGeometry g, float[] x, float[] y, int row) {
    forward(g, x, y, row, false);
  }

  private void forward(PoolGeometry g, float[] x, float[] y, int row, boolean max) {
    int c = g.c();
    int oh = row % g.outH();
    int od = row / g.outH() % g.outD();
    int b = row / (g.outH() * g.outD());
    int d0 = PoolGeometry.lo(od, g.sD(), g.pD());
    int nd = PoolGeometry.hi(od, g.sD(), g.pD(), g.kD(), g.inD()) - d0;
    int h0 = PoolGeometry.lo(oh, g.sH(), g.pH());
    int nh = PoolGeometry.hi(oh, g.sH(), g.pH(), g.kH(), g.inH()) - h0;
    int strideH = g.inW() * c;
    int strideD = g.inH() * strideH;
    int yOff = row * g.outW() * c;
    for (int ow = 0; ow < g.outW(); ow++, yOff += c) {
      int w0 = PoolGeometry.lo(ow, g.sW(), g.pW());
      int nw = PoolGeometry.hi(ow, g.sW(), g.pW(), g.kW(), g.inW()) - w0;
      int base = g.inputOffset(b, d0, h0, w0);
      if (max) {
        maxAt(x, base, nd, nh, nw, strideD, strideH, c, y, yOff);
      } else {
        averageAt(x, base, nd, nh, nw, strideD, strideH, c, y, yOff);
      }
    }
  }

  /** Every channel of one max-pooled output (see {@link #maxChannels}). */
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
    maxChannels(x, base, nd, nh, nw, strideD, strideH, c, y, yOff, 0, c);
  }

  /** Every channel of one average-pooled output. */
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
    averageChannels(x, base, nd, nh, nw, strideD, strideH, c, y, yOff, 0, c);
  }

  /** Every channel of one window's max-pooling gradient. */
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
    maxBackwardChannels(x, y, dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff, 0, c);
  }

  /** Every channel of one window's average-pooling gradient. */
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
    averageBackwardChannels(dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff, 0, c);
  }

  /**
   * Channels {@code [c0, c1)} of one max-pooled output: the window starts at {@code base} and spans
   * {@code nd * nh * nw} input positions.
   */
  static void maxChannels(
      float[] x,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      float[] y,
      int yOff,
      int c0,
      int c1) {
    for (int ch = c0; ch < c1; ch++) {
      float m = Float.NEGATIVE_INFINITY;
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            m = Math.max(m, x[p]);
          }
        }
      }
      y[yOff + ch] = m;
    }
  }

  /** As {@link #maxChannels} for the mean (0 for a window without input positions). */
  static void averageChannels(
      float[] x,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      float[] y,
      int yOff,
      int c0,
      int c1) {
    float count = nd * nh * nw;
    for (int ch = c0; ch < c1; ch++) {
      float s = 0;
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            s += x[p];
          }
        }
      }
      y[yOff + ch] = count == 0 ? 0f : s / count;
    }
  }

  @Override
  public void maxBackward(PoolGeometry g, float[] x, float[] y, float[] dy, float[] dx, int b) {
    backward(g, x, y, dy, dx, b, true);
  }

  @Override
  public void averageBackward(PoolGeometry g, float[] dy, float[] dx, int b) {
    backward(g, null, null, dy, dx, b, false);
  }

  private void backward(
      PoolGeometry g, float[] x, float[] y, float[] dy, float[] dx, int b, boolean max) {
    int c = g.c();
    int strideH = g.inW() * c;
    int strideD = g.inH() * strideH;
    int yOff = b * g.outD() * g.outH() * g.outW() * c;
    for (int od = 0; od < g.outD(); od++) {
      int d0 = PoolGeometry.lo(od, g.sD(), g.pD());
      int nd = PoolGeometry.hi(od, g.sD(), g.pD(), g.kD(), g.inD()) - d0;
      for (int oh = 0; oh < g.outH(); oh++) {
        int h0 = PoolGeometry.lo(oh, g.sH(), g.pH());
        int nh = PoolGeometry.hi(oh, g.sH(), g.pH(), g.kH(), g.inH()) - h0;
        for (int ow = 0; ow < g.outW(); ow++, yOff += c) {
          int w0 = PoolGeometry.lo(ow, g.sW(), g.pW());
          int nw = PoolGeometry.hi(ow, g.sW(), g.pW(), g.kW(), g.inW()) - w0;
          int base = g.inputOffset(b, d0, h0, w0);
          if (max) {
            maxBackwardAt(x, y, dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff);
          } else {
            averageBackwardAt(dy, dx, base, nd, nh, nw, strideD, strideH, c, yOff);
          }
        }
      }
    }
  }

  /**
   * Channels {@code [c0, c1)} of one window's max-pooling gradient: dy goes to the first position
   * (row-major in the window) whose value equals the output, the maximum.
   */
  static void maxBackwardChannels(
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
      int yOff,
      int c0,
      int c1) {
    for (int ch = c0; ch < c1; ch++) {
      float m = y[yOff + ch];
      float g = dy[yOff + ch];
      search:
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            if (x[p] == m) {
              dx[p] += g;
              break search;
            }
          }
        }
      }
    }
  }

  /** Channels {@code [c0, c1)} of one window's average-pooling gradient. */
  static void averageBackwardChannels(
      float[] dy,
      float[] dx,
      int base,
      int nd,
      int nh,
      int nw,
      int strideD,
      int strideH,
      int c,
      int yOff,
      int c0,
      int c1) {
    float count = nd * nh * nw;
    if (count == 0) {
      return;
    }
    for (int ch = c0; ch < c1; ch++) {
      float g = dy[yOff + ch] / count;
      for (int d = 0; d < nd; d++) {
        for (int h = 0; h < nh; h++) {
          int p = base + d * strideD + h * strideH + ch;
          for (int w = 0; w < nw; w++, p += c) {
            dx[p] += g;
          }
        }
      }
    }
  }
}
