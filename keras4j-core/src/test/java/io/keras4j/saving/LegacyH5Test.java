package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.LogCapture;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model file under ../shared/data/keras_models (but the .keras zips, see {@link
 * KerasArchiveTest}, and the TF.js format) loaded with {@link Model#load}, each with its expected
 * outcome: predictions equal to Keras's own ({@code *_inputs_and_outputs.h5}, {@code .npy}) or to
 * TensorFlow.js's ({@code *.reference_io.json}) within 1e-5 (relative above 1); loaded (no
 * reference exists: the model's weights must be the file's values, all of them, in order); or
 * refused with the exact error.
 */
class LegacyH5Test {
  private static final double TOL = 1e-5;

  /** What a file must give. */
  enum Outcome {
    /**
     * Predictions equal {@code predictions/} of the Keras-written {@code *_inputs_and_outputs.h5}.
     */
    KERAS_IO,
    /** Predictions equal the TensorFlow.js outputs of {@code *.reference_io.json}. */
    TFJS_IO,
    /** Predictions equal Keras's {@code *_predictions.npy} for {@code *_input.npy}. */
    KERAS_NPY,
    /** No reference: the model's weights are exactly the file's, all of them, in order. */
    LOADS,
    /**
     * A Theano-saved Conv2D (no reference): the kernel is the file's flipped on both spatial axes,
     * the bias the file's, and predictions are Theano's convolution with the file's kernel.
     */
    THEANO_CONV,
    /** Refused with the given error (after "Cannot load FILE: "). */
    REFUSED
  }

  static Stream<Arguments> files() {
    String kr = "keras_models/dl4j/keras_reference/";
    String tr = "keras_models/dl4j/tfjs_reference/";
    String nr = "keras_models/dl4j/no_reference/";
    List<Arguments> out = new ArrayList<>();
    for (String name :
        List.of(
            "simple_sparse_xent_mlp_keras_2",
            "ELU_0",
            "LeakyReLU_0",
            "ReLU_2",
            "Softmax_0",
            "simple_flatten_lstm_tf_keras_2",
            "simple_rnn_tf_keras_2",
            "simple_flatten_rnn_tf_keras_2",
            "conv1d_k2_s1_d1_cl_same",
            "conv1d_k3_s2_d1_cl_valid",
            "causal_conv1d_k3_s1_d2_cl")) {
      out.add(Arguments.of(kr + name + "_model.h5", Outcome.KERAS_IO, ""));
    }
    // Keras 2's ThresholdedReLU is gone from Keras 3; keras4j keeps it for such files.
    out.add(Arguments.of(kr + "ThresholdReLU_0_model.h5", Outcome.KERAS_IO, ""));
    out.add(Arguments.of(kr + "cnn_batch_norm.h5", Outcome.KERAS_NPY, ""));
    // Keras 1.2.2: configs and per-gate LSTM weights translated (Keras1Configs).
    out.add(Arguments.of(kr + "simple_lstm_tf_keras_1_model.h5", Outcome.KERAS_IO, ""));
    for (String name :
        List.of(
            "12net.h5",
            "batch_to_conv2d_tensorflow_2.h5",
            "bidirectional_lstm_tensorflow_2.h5",
            "conv2d_reshape_tensorflow_2.h5",
            "embedding_conv1d_tensorflow_2.h5",
            "embedding_lstm_tensorflow_2.h5",
            "flatten_3d.hdf5",
            "lstm_tensorflow_2.h5",
            "masking_zero_lstm.h5",
            "rnn_100.h5",
            "simpleconv2d_model.hdf5")) {
      out.add(Arguments.of(tr + name, Outcome.TFJS_IO, ""));
    }
    out.add(Arguments.of(nr + "cnn2d_100.h5", Outcome.LOADS, ""));
    // Keras 2.11 let Attention take rank-2 queries (attention over the batch's rows): loaded as
    // tf.keras 2 ran it; KerasAttentionH5Test checks its predictions.
    out.add(Arguments.of(nr + "keras-attention.h5", Outcome.LOADS, ""));
    out.add(Arguments.of(nr + "lstm_functional_tf_keras_2.h5", Outcome.LOADS, ""));
    out.add(Arguments.of(nr + "lstm_theano_2.h5", Outcome.LOADS, ""));
    // Theano convolves: its kernels load flipped on every spatial axis (Keras's convert_kernel).
    out.add(Arguments.of(nr + "conv2d_theano_2.h5", Outcome.THEANO_CONV, ""));
    out.add(
        Arguments.of(
            nr + "space_to_depth_graph_tensorflow_2.h5",
            Outcome.REFUSED,
            "unusable model config: Cannot load a Keras Lambda layer (name=space_to_depth_x2,"
                + " class_name=Lambda): it holds Python code, which keras4j never runs. Replace it"
                + " with a layer written in Java and registered with LayerRegistry.register."));
    for (String name :
        List.of(
            "model_concat_embedding_sequences_tf_keras_2.json",
            "simple_add_tf_keras_2.json",
            "keras2_mlp_fapi_multiloss_config.json")) {
      out.add(
          Arguments.of(
              nr + name,
              Outcome.REFUSED,
              "a JSON topology holds no weights; build its model with Models.modelFromJson and"
                  + " load weights separately"));
    }
    return out.stream();
  }

  /** Keras 3's legacy .h5 of the MNIST CNN (another commit than the .keras file): 0.9920. */
  @Test
  void keras3LegacyMnistCnnReproducesItsAccuracy() {
    Model model =
        Model.load(KerasArchiveTest.file("keras_models/keras3/mnist_cnn_keras3.13_legacy.h5"));
    Tensor images =
        KerasArchiveTest.mnistImages(
            KerasArchiveTest.file("datasets/mnist/t10k-images-idx3-ubyte.gz"));
    int[] labels =
        io.keras4j.datasets.Mnist.readLabels(
                KerasArchiveTest.file("datasets/mnist/t10k-labels-idx1-ubyte.gz"))
            .toIntArray();
    int[] predicted =
        io.keras4j.ops.Ops.argmax(model.predict(images, Quiet.predict().batchSize(500)), -1)
            .toIntArray();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertEquals(0.9920, correct / 10_000.0, 1e-9); // MANIFEST.md, computed by TensorFlow.js
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("files")
  void loadsAsExpected(String relative, Outcome outcome, String error) throws IOException {
    Path file = KerasArchiveTest.file(relative);
    switch (outcome) {
      case KERAS_IO -> assertMatchesKerasIo(file);
      case TFJS_IO -> assertMatchesTfjsIo(file);
      case KERAS_NPY -> assertMatchesKerasNpy(file);
      case LOADS -> assertLoadsTheFileWeights(file);
      case THEANO_CONV -> assertMatchesTheanoConvolution(file);
      case REFUSED -> {
        KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(file));
        assertEquals("Cannot load " + file + ": " + error, e.getMessage());
      }
    }
  }

  /**
   * Loads a real file; Keras 2 files compile from their training_config, whose optimizers warn as
   * Keras 3's do (RMSprop's decay, Keras 2 slot counts): kept off the console.
   */
  static Model loadQuietly(Path modelFile) {
    try (LogCapture a = LogCapture.of(CompiledState.class);
        LogCapture b = LogCapture.named("io.keras4j.optimizers.BaseConfig")) {
      return Model.load(modelFile);
    }
  }

  private static void assertMatchesKerasIo(Path modelFile) throws IOException {
    Model model = loadQuietly(modelFile);
    String io = modelFile.getFileName().toString().replace("_model.h5", "_inputs_and_outputs.h5");
    Path ioFile = modelFile.resolveSibling(io);
    try (HdfFile h5 = new HdfFile(ioFile)) {
      List<String> inputNames = names(h5, "inputs");
      List<String> outputNames = names(h5, "outputs");
      List<Tensor> inputs = new ArrayList<>();
      for (String n : inputNames) {
        inputs.add(Hdf5.tensor(ioFile, (Dataset) h5.getByPath("inputs/" + n)));
      }
      List<Tensor> got = model.predict(inputs, Quiet.predict());
      assertEquals(outputNames.size(), got.size());
      for (int i = 0; i < outputNames.size(); i++) {
        Tensor expected =
            Hdf5.tensor(ioFile, (Dataset) h5.getByPath("predictions/" + outputNames.get(i)));
        assertClose(modelFile + " output " + outputNames.get(i), expected, got.get(i));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(HdfFile h5, String key) {
    Map<String, Object> m = Json.readObject((String) h5.getAttribute(key).getData());
    return (List<String>) (List<?>) m.get(key);
  }

  @SuppressWarnings("unchecked")
  private static void assertMatchesTfjsIo(Path modelFile) {
    Model model = loadQuietly(modelFile);
    String base = modelFile.getFileName().toString().replaceFirst("\\.(h5|hdf5)$", "");
    Map<String, Object> ref =
        GoldenData.readJson(modelFile.resolveSibling(base + ".reference_io.json"));
    List<Tensor> inputs = new ArrayList<>();
    for (Object o : (List<Object>) ref.get("inputs")) {
      Map<String, Object> in = (Map<String, Object>) o;
      DType dtype = "int32".equals(in.get("dtype")) ? DType.INT32 : DType.FLOAT32;
      inputs.add(GoldenData.tensor(in, dtype));
    }
    List<Tensor> got = model.predict(inputs, Quiet.predict());
    List<Object> outs = (List<Object>) ref.get("outputs");
    assertEquals(outs.size(), got.size());
    for (int i = 0; i < outs.size(); i++) {
      Tensor expected = GoldenData.tensor((Map<String, Object>) outs.get(i), DType.FLOAT32);
      assertClose(modelFile + " output " + i, expected, got.get(i));
    }
  }

  private static void assertMatchesKerasNpy(Path modelFile) throws IOException {
    Model model = loadQuietly(modelFile);
    String base = modelFile.getFileName().toString().replace(".h5", "");
    Tensor x = npy(modelFile.resolveSibling(base + "_input.npy"));
    Tensor expected = npy(modelFile.resolveSibling(base + "_predictions.npy"));
    assertClose(modelFile.toString(), expected, model.predict(x, Quiet.predict()));
  }

  /**
   * Every dataset listed by the file's weight_names is loaded: the model's weights, in Keras's
   * order, are the file's values, bit for bit.
   */
  private static void assertLoadsTheFileWeights(Path modelFile) {
    Model model = loadQuietly(modelFile);
    List<Float> stored = new ArrayList<>();
    try (HdfFile h5 = new HdfFile(modelFile)) {
      Group weights = (Group) h5.getChild("model_weights");
      for (String layer : Hdf5.stringsAttribute(modelFile, weights, "layer_names")) {
        Group g = (Group) weights.getChild(layer);
        for (String w : Hdf5.stringsAttribute(modelFile, g, "weight_names")) {
          Node n = g.getByPath(w);
          for (float f : Hdf5.tensor(modelFile, (Dataset) n).toFloatArray()) {
            stored.add(f);
          }
        }
      }
    }
    List<Float> loaded = new ArrayList<>();
    for (Tensor t : model.getWeights()) {
      for (float f : t.toFloatArray()) {
        loaded.add(f);
      }
    }
    assertTrue(!stored.isEmpty(), modelFile.toString());
    assertEquals(stored, loaded, modelFile.toString());
  }

  /** The single Conv2D of conv2d_theano_2.h5 (3x3, valid, stride 1, channels last). */
  private static void assertMatchesTheanoConvolution(Path modelFile) {
    Model model = loadQuietly(modelFile);
    Tensor stored;
    Tensor bias;
    try (HdfFile h5 = new HdfFile(modelFile)) {
      stored =
          Hdf5.tensor(modelFile, (Dataset) h5.getByPath("model_weights/conv2d_1/conv2d_1/kernel"));
      bias = Hdf5.tensor(modelFile, (Dataset) h5.getByPath("model_weights/conv2d_1/conv2d_1/bias"));
    }
    int[] s = stored.shape(); // (3, 3, 5, 6)
    float[] k = stored.toFloatArray();
    float[] flipped = new float[k.length];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        for (int c = 0; c < s[2] * s[3]; c++) {
          flipped[((i * s[1]) + j) * s[2] * s[3] + c] =
              k[(((s[0] - 1 - i) * s[1]) + (s[1] - 1 - j)) * s[2] * s[3] + c];
        }
      }
    }
    List<Tensor> loaded = model.getWeights();
    assertEquals(2, loaded.size());
    assertArrayEquals(s, loaded.get(0).shape());
    assertArrayEquals(flipped, loaded.get(0).toFloatArray(), 0f, "kernel flipped exactly");
    assertArrayEquals(bias.toFloatArray(), loaded.get(1).toFloatArray(), 0f);
    // Loading by name converts the same way.
    model.setWeights(List.of(Tensor.zeros(s), Tensor.zeros(s[3])));
    model.loadWeights(modelFile, true);
    assertArrayEquals(flipped, model.getWeights().get(0).toFloatArray(), 0f, "by name");
    // Theano's convolution with the stored kernel: y[p,q,f] = b[f] + sum x[p+i,q+j,c]
    // * k[2-i,2-j,c,f].
    int n = 5;
    int out = n - s[0] + 1;
    float[] x = new float[n * n * s[2]];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(0.37 * i + 0.1);
    }
    float[] expected = new float[out * out * s[3]];
    float[] b = bias.toFloatArray();
    for (int p = 0; p < out; p++) {
      for (int q = 0; q < out; q++) {
        for (int f = 0; f < s[3]; f++) {
          double acc = b[f];
          for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
              for (int c = 0; c < s[2]; c++) {
                int ki = ((((s[0] - 1 - i) * s[1]) + (s[1] - 1 - j)) * s[2] + c) * s[3] + f;
                acc += x[((p + i) * n + (q + j)) * s[2] + c] * k[ki];
              }
            }
          }
          expected[(p * out + q) * s[3] + f] = (float) acc;
        }
      }
    }
    Tensor got = model.predict(Tensor.of(x, 1, n, n, s[2]), Quiet.predict());
    assertClose(modelFile.toString(), Tensor.of(expected, 1, out, out, s[3]), got);
  }

  private static void assertClose(String what, Tensor expected, Tensor actual) {
    assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
    float[] e = expected.toFloatArray();
    float[] a = actual.toFloatArray();
    for (int i = 0; i < e.length; i++) {
      // 1e-5, relative above magnitude 1: float32 holds outputs near 36 (the Keras 1 LSTM's) to
      // 4e-6 only, and Keras's own reference is 1 ulp off the float64 value there.
      assertEquals(e[i], a[i], TOL * Math.max(1, Math.abs(e[i])), what + " at " + i);
    }
  }

  /** A little-endian float32 or float64 .npy array in C order (numpy's format, version 1). */
  static Tensor npy(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = b.getShort(8) & 0xffff;
    String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
    assertTrue(header.contains("'fortran_order': False"), header);
    String shapeText = header.replaceAll(".*'shape': \\(([^)]*)\\).*", "$1").trim();
    List<Integer> dims = new ArrayList<>();
    for (String s : shapeText.split(",")) {
      if (!s.isBlank()) {
        dims.add(Integer.parseInt(s.trim()));
      }
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    int n = (int) io.keras4j.Shapes.size(shape);
    float[] values = new float[n];
    b.position(10 + headerLen);
    if (header.contains("'<f4'")) {
      b.asFloatBuffer().get(values);
    } else if (header.contains("'<f8'")) {
      for (int i = 0; i < n; i++) {
        values[i] = (float) b.getDouble(10 + headerLen + 8 * i);
      }
    } else {
      throw new IllegalArgumentException("Unsupported .npy dtype: " + header);
    }
    return Tensor.of(values, shape);
  }
}
