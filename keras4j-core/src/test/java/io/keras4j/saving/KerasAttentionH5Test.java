package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.testing.Quiet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * keras-attention.h5 (Keras 2.11; no reference outputs ship with it): Dense(32, relu), then
 * Attention on [dense, dense] of rank 2, Concatenate, Dense(32, relu), Dense(1, relu). tf.keras 2
 * computed rank-2 attention as {@code softmax(q k^T) v} over the rows of the batch; the predictions
 * are checked against that formula written out in double precision with the file's weights.
 */
class KerasAttentionH5Test {
  @Test
  void predictsAsTfKeras2ComputedRank2Attention() {
    Model model = LegacyH5Test.loadQuietly(KerasArchiveTest.file(FILE));
    int batch = 7;
    float[] x = new float[batch * 22];
    Random r = new Random(11);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    float[] got = model.predict(Tensor.of(x, batch, 22), Quiet.predict()).toFloatArray();

    double[][] h = dense(rows(x, batch, 22), model, "dense");
    double[][] attended = new double[batch][32];
    for (int i = 0; i < batch; i++) {
      double[] s = new double[batch];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < batch; j++) {
        for (int k = 0; k < 32; k++) {
          s[j] += h[i][k] * h[j][k];
        }
        max = Math.max(max, s[j]);
      }
      double sum = 0;
      for (int j = 0; j < batch; j++) {
        s[j] = Math.exp(s[j] - max);
        sum += s[j];
      }
      for (int j = 0; j < batch; j++) {
        for (int k = 0; k < 32; k++) {
          attended[i][k] += s[j] / sum * h[j][k];
        }
      }
    }
    double[][] joined = new double[batch][64];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(h[i], 0, joined[i], 0, 32);
      System.arraycopy(attended[i], 0, joined[i], 32, 32);
    }
    double[][] out = dense(dense(joined, model, "dense_1"), model, "outputs");
    assertEquals(batch, got.length);
    float[] expected = new float[batch];
    for (int i = 0; i < batch; i++) {
      expected[i] = (float) out[i][0];
    }
    assertArrayEquals(expected, got, 1e-5f);
    int positive = 0;
    for (float e : expected) {
      positive += e > 0 ? 1 : 0;
    }
    assertTrue(
        positive >= 2, "the relu output is not all zeros: " + java.util.Arrays.toString(expected));
  }

  private static final String FILE = "keras_models/dl4j/no_reference/keras-attention.h5";

  /** relu(x W + b) with the named Dense layer's weights. */
  private static double[][] dense(double[][] x, Model model, String layer) {
    List<Tensor> w = model.getLayer(layer).getWeights();
    int[] ks = w.get(0).shape();
    float[] kernel = w.get(0).toFloatArray();
    float[] bias = w.get(1).toFloatArray();
    double[][] y = new double[x.length][ks[1]];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < ks[1]; o++) {
        double acc = bias[o];
        for (int k = 0; k < ks[0]; k++) {
          acc += x[i][k] * kernel[k * ks[1] + o];
        }
        y[i][o] = Math.max(0, acc);
      }
    }
    return y;
  }

  private static double[][] rows(float[] x, int n, int d) {
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        out[i][k] = x[i * d + k];
      }
    }
    return out;
  }
}
