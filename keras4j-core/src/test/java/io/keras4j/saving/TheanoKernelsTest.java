package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras's convert_kernel for Theano-saved convolution kernels. */
class TheanoKernelsTest {
  @Test
  void flipsEverySpatialAxisButNotTheChannels() {
    // Conv1D kernel (3, in 1, out 2): rows reversed, each row's channels kept.
    Tensor k1 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 1, 2);
    assertArrayEquals(new float[] {5, 6, 3, 4, 1, 2}, TheanoKernels.flipSpatial(k1).toFloatArray());
    // Conv2D kernel (2, 2, 1, 1): k[i][j] -> k[1-i][1-j].
    Tensor k2 = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2, 1, 1);
    Tensor f2 = TheanoKernels.flipSpatial(k2);
    assertArrayEquals(new float[] {4, 3, 2, 1}, f2.toFloatArray());
    assertArrayEquals(new int[] {2, 2, 1, 1}, f2.shape());
    // Conv3D kernel (2, 1, 2, 1, 2): axes 0 and 2 reversed.
    Tensor k3 = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 1, 2, 1, 2);
    assertArrayEquals(
        new float[] {7, 8, 5, 6, 3, 4, 1, 2}, TheanoKernels.flipSpatial(k3).toFloatArray());
  }

  @Test
  void convertsOnlyTheanoConvolutionKernels() {
    assertTrue(TheanoKernels.converts("theano", "Conv2D"));
    assertFalse(TheanoKernels.converts("tensorflow", "Conv2D"));
    assertFalse(TheanoKernels.converts("theano", "LSTM"));
    assertFalse(TheanoKernels.converts(null, "Conv1D"));
    Tensor kernel = Tensor.of(new float[] {1, 2}, 2, 1, 1);
    Tensor recurrent = Tensor.of(new float[] {3, 4}, 2, 1, 1);
    Tensor bias = Tensor.of(new float[] {9}, 1);
    List<Tensor> conv = TheanoKernels.convert("Conv1D", List.of(kernel, bias));
    assertArrayEquals(new float[] {2, 1}, conv.get(0).toFloatArray());
    assertSame(bias, conv.get(1));
    List<Tensor> convLstm = TheanoKernels.convert("ConvLSTM2D", List.of(kernel, recurrent, bias));
    assertArrayEquals(new float[] {4, 3}, convLstm.get(1).toFloatArray());
    assertEquals(3, convLstm.size());
  }
}
