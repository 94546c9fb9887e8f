package io.keras4j.saving;

import io.keras4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Convolution kernels saved by the Theano backend, read as Keras 2's loader read them: Theano
 * convolves (flipped kernels) where TensorFlow and keras4j correlate, so Keras's {@code
 * convert_kernel} reverses every spatial axis (all but the last two, input and output channels) of
 * the kernels of {@code Conv1D}, {@code Conv2D}, {@code Conv3D}, {@code Conv2DTranspose} and {@code
 * ConvLSTM2D} (its recurrent kernel too) when the file's {@code backend} is {@code theano}.
 */
final class TheanoKernels {
  /** The layer classes whose kernels Keras 2 converted (its {@code conv_layers}). */
  private static final Set<String> CONV_LAYERS =
      Set.of("Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "ConvLSTM2D");

  private TheanoKernels() {}

  /** Whether weights written by {@code backend} for a layer of this class are converted. */
  static boolean converts(String backend, String className) {
    return "theano".equals(backend) && CONV_LAYERS.contains(className);
  }

  /** The weights with their kernels (ConvLSTM2D: and recurrent kernel) flipped. */
  static List<Tensor> convert(String className, List<Tensor> weights) {
    List<Tensor> out = new ArrayList<>(weights);
    out.set(0, flipSpatial(out.get(0)));
    if (className.equals("ConvLSTM2D") && out.size() > 1) {
      out.set(1, flipSpatial(out.get(1)));
    }
    return out;
  }

  /** Keras's {@code convert_kernel}: every axis but the last two reversed. */
  static Tensor flipSpatial(Tensor kernel) {
    int[] shape = kernel.shape();
    if (shape.length < 3) {
      return kernel; // not a kernel: the shape check that follows names the mismatch
    }
    float[] src = kernel.toFloatArray();
    float[] dst = new float[src.length];
    int spatial = shape.length - 2;
    int inner = shape[spatial] * shape[spatial + 1];
    int outer = inner == 0 ? 0 : src.length / inner;
    int[] index = new int[spatial];
    for (int p = 0; p < outer; p++) {
      // p's spatial coordinates (row-major), mirrored.
      int rest = p;
      for (int a = spatial - 1; a >= 0; a--) {
        index[a] = rest % shape[a];
        rest /= shape[a];
      }
      int q = 0;
      for (int a = 0; a < spatial; a++) {
        q = q * shape[a] + (shape[a] - 1 - index[a]);
      }
      System.arraycopy(src, p * inner, dst, q * inner, inner);
    }
    return Tensor.of(dst, shape);
  }
}
