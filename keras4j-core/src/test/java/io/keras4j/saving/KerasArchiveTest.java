package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.datasets.Mnist;
import io.keras4j.layers.GRU;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keras 3 {@code .keras} files written by real Keras (../shared/data/keras_models/keras3, property
 * {@code keras4j.data.dir}) loaded with {@link Model#load}: their predictions against the
 * references made from the same files (numpy for the GRU, TensorFlow.js on the MNIST test set for
 * the CNN).
 */
class KerasArchiveTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  static Path file(String relative) {
    Path p = DATA.resolve(relative);
    assumeTrue(Files.exists(p), "not found: " + p.toAbsolutePath() + " (set -Dkeras4j.data.dir)");
    return p;
  }

  /** Issue 11's check of GRU(reset_after=True) with Keras 3's weights: a numpy forward pass. */
  @Test
  @SuppressWarnings("unchecked")
  void gruForecastMatchesTheNumpyReference() {
    Model model = Model.load(file("keras_models/keras3/gru_forecast_keras3.15.keras"));
    assertInstanceOf(Sequential.class, model);
    GRU first = (GRU) model.getLayer("gru_2");
    assertTrue(((io.keras4j.layers.GRUCell) first.cell()).resetAfter(), "reset_after");
    // GRU(64) on 3 features: (3 + 64 + 2) * 192; GRU(32) on 64: (64 + 32 + 2) * 96; Dense 32 + 1
    assertEquals(69 * 192 + 98 * 96 + 33, model.countParams());
    Map<String, Object> ref =
        GoldenData.readJson(file("keras_models/keras3/gru_forecast.numpy_reference.json"));
    Tensor x = GoldenData.tensor((Map<String, Object>) ref.get("input"), io.keras4j.DType.FLOAT32);
    Map<String, Object> out = (Map<String, Object>) ref.get("output");
    double[] expected = GoldenData.doubles(out.get("data"));
    Tensor y = model.predict(x, Quiet.predict());
    assertEquals(List.of(2, 1), List.of(y.dim(0), y.dim(1)));
    float[] got = y.toFloatArray();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-5, "row " + i);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void mnistCnnReproducesAccuracyAndFirstRows() {
    Model model =
        KerasSaveStructureTest.loadMnistKeras(
            file("keras_models/keras3/mnist_cnn_keras3.13.keras"));
    Map<String, Object> ref =
        GoldenData.readJson(file("keras_models/keras3/mnist_cnn.mnist_reference.json"));
    Tensor images = mnistImages(file("datasets/mnist/t10k-images-idx3-ubyte.gz"));
    int[] labels = Mnist.readLabels(file("datasets/mnist/t10k-labels-idx1-ubyte.gz")).toIntArray();
    Tensor probabilities = model.predict(images, Quiet.predict().batchSize(500));
    int[] predicted = Ops.argmax(probabilities, -1).toIntArray();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertEquals(((Number) ref.get("accuracy")).doubleValue(), correct / 10_000.0, 1e-9);
    List<Object> first = (List<Object>) ref.get("first20_outputs");
    float[] p = probabilities.toFloatArray();
    for (int r = 0; r < first.size(); r++) {
      float[] expected = GoldenData.floats(first.get(r));
      for (int c = 0; c < 10; c++) {
        assertEquals(expected[c], p[r * 10 + c], 1e-5, "row " + r + " class " + c);
      }
    }
  }

  @Test
  void aZipGivenToLoadWeightsIsRefusedAsNotHdf5() {
    Path gru = file("keras_models/keras3/gru_forecast_keras3.15.keras");
    Model model = Model.load(gru);
    KerasFileException e = assertThrows(KerasFileException.class, () -> model.loadWeights(gru));
    assertTrue(e.getMessage().startsWith("Cannot load " + gru), e.getMessage());
    assertTrue(e.getMessage().contains("not an HDF5 weights file"), e.getMessage());
  }

  /** MNIST images as [n, 28, 28, 1] floats in [0, 1] (pixels / 255, as the reference). */
  static Tensor mnistImages(Path file) {
    Tensor raw = Mnist.readImages(file);
    float[] x = raw.toFloatArray();
    for (int i = 0; i < x.length; i++) {
      x[i] /= 255f;
    }
    return Tensor.of(x, raw.dim(0), raw.dim(1), raw.dim(2), 1);
  }
}
