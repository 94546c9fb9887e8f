package io.keras4j.backend.jvm;

/**
 * The sizes of one pooling call, with 1 or 2 spatial axes widened to 3 (leading axes of size 1,
 * window 1, stride 1, no padding), so that one loop nest serves 1-D, 2-D and 3-D pooling. The
 * tensors are channels_last: input {@code (n, inD, inH, inW, c)}, output {@code (n, outD, outH,
 * outW, c)}. A row is one {@code (sample, od, oh)} line of outputs.
 */
record PoolGeometry(
    int n,
    int c,
    int inD,
    int inH,
    int inW,
    int outD,
    int outH,
    int outW,
    int kD,
    int kH,
    int kW,
    int sD,
    int sH,
    int sW,
    int pD,
    int pH,
    int pW) {

  /**
   * The geometry of an input of shape {@code (n, s_1..s_k, c)} pooled into {@code outSpatial} with
   * k-entry windows, strides and leading pads.
   */
  static PoolGeometry of(
      int[] inShape, int[] outSpatial, int[] pool, int[] strides, int[] padBefore) {
    int k = inShape.length - 2;
    int[] in = widen(inShape, 1, k);
    int[] out = widen(outSpatial, 0, k);
    int[] kk = widen(pool, 0, k);
    int[] ss = widen(strides, 0, k);
    int[] pp = new int[3];
    System.arraycopy(padBefore, 0, pp, 3 - k, k);
    return new PoolGeometry(
        inShape[0],
        inShape[inShape.length - 1],
        in[0],
        in[1],
        in[2],
        out[0],
        out[1],
        out[2],
        kk[0],
        kk[1],
        kk[2],
        ss[0],
        ss[1],
        ss[2],
        pp[0],
        pp[1],
        pp[2]);
  }

  /** {@code k} values from {@code from} placed last in 3, the leading ones 1. */
  private static int[] widen(int[] values, int from, int k) {
    int[] w = {1, 1, 1};
    System.arraycopy(values, from, w, 3 - k, k);
    return w;
  }

  /** Output rows: {@code n * outD * outH}. */
  int rows() {
    return n * outD * outH;
  }

  int inputSize() {
    return n * inD * inH * inW * c;
  }

  int outputSize() {
    return n * outD * outH * outW * c;
  }

  /** Elements read by the forward pass (outputs times window), for the parallel threshold. */
  long work() {
    return (long) outputSize() * kD * kH * kW;
  }

  /** Offset of input element {@code (b, d, h, w, 0)}. */
  int inputOffset(int b, int d, int h, int w) {
    return (((b * inD + d) * inH + h) * inW + w) * c;
  }

  /** First input position of window {@code o} on an axis of size {@code size}, clipped at 0. */
  static int lo(int o, int stride, int pad) {
    return Math.max(o * stride - pad, 0);
  }

  /** One past the last input position of window {@code o}, clipped at {@code size}. */
  static int hi(int o, int stride, int pad, int window, int size) {
    return Math.min(o * stride - pad + window, size);
  }
}
