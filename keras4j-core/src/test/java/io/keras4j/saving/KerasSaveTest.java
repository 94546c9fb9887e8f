package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.GRU;
import io.keras4j.layers.LSTM;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.save} then {@code Model.load}: the same predictions, and atomic replacement. */
class KerasSaveTest {
  private static final PredictOptions QUIET = new PredictOptions().verbose(0);

  @TempDir Path dir;

  static Tensor uniform(long seed, int... shape) {
    Random r = new Random(seed);
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    return Tensor.of(v, shape);
  }

  static Tensor ids(long seed, int vocab, int... shape) {
    Random r = new Random(seed);
    int n = shape[0] * shape[1];
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(vocab);
    }
    return Tensor.ofInts(v, shape);
  }

  /** Trains a little (so weights, BatchNorm statistics and optimizer slots move), saves, loads. */
  private Model assertRoundTrip(Model model, List<Tensor> x, List<Tensor> y, String name) {
    model.compile(new Adam(0.01), "mean_squared_error");
    model.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0));
    Path file = dir.resolve(name + ".keras");
    model.save(file);
    Model back = Model.load(file);
    List<Tensor> expected = model.predict(x, QUIET);
    List<Tensor> actual = back.predict(x, QUIET);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).shape(), actual.get(i).shape());
      assertArrayEquals(expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), name);
    }
    List<Tensor> w0 = model.getWeights();
    List<Tensor> w1 = back.getWeights();
    assertEquals(w0.size(), w1.size());
    for (int i = 0; i < w0.size(); i++) {
      assertArrayEquals(w0.get(i).toFloatArray(), w1.get(i).toFloatArray(), name + " weight " + i);
    }
    return back;
  }

  @Test
  void denseMlp() {
    Keras.setRandomSeed(1);
    var m = new Sequential(Input.of(6), new Dense(8, "relu"), new Dropout(0.3), new Dense(2));
    assertRoundTrip(m, List.of(uniform(1, 12, 6)), List.of(uniform(2, 12, 2)), "mlp");
  }

  @Test
  void cnnWithBatchNormAndPooling() {
    Keras.setRandomSeed(2);
    var m =
        new Sequential(
            Input.of(8, 8, 1),
            new Conv2D(4, 3).activation("relu"),
            new BatchNormalization(),
            new MaxPooling2D(),
            new Flatten(),
            new Dense(1));
    assertRoundTrip(m, List.of(uniform(3, 8, 8, 8, 1)), List.of(uniform(4, 8, 1)), "cnn");
  }

  @Test
  void embeddingBidirectionalLstm() {
    Keras.setRandomSeed(3);
    var m =
        new Sequential(
            Input.of(5), new Embedding(20, 4), new Bidirectional(new LSTM(3)), new Dense(1));
    assertRoundTrip(m, List.of(ids(5, 20, 8, 5)), List.of(uniform(6, 8, 1)), "bilstm");
  }

  @Test
  void stackedGru() {
    Keras.setRandomSeed(4);
    var m =
        new Sequential(Input.of(6, 3), new GRU(4).returnSequences(true), new GRU(2), new Dense(1));
    assertRoundTrip(m, List.of(uniform(7, 8, 6, 3)), List.of(uniform(8, 8, 1)), "gru");
  }

  @Test
  void functionalMultiInputMultiOutput() {
    Keras.setRandomSeed(5);
    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(7, "relu").apply(deep);
    h = new Dense(7, "relu").apply(h);
    KerasTensor concat = new Concatenate().apply(wide, h);
    KerasTensor out1 = new Dense(1).name("output_1").apply(concat);
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    var m = new Model(List.of(wide, deep), List.of(out1, out2));
    assertRoundTrip(
        m,
        List.of(uniform(9, 8, 5), uniform(10, 8, 6)),
        List.of(uniform(11, 8, 1), uniform(12, 8, 1)),
        "functional");
  }

  @Test
  void aSaveThatFailsMidwayLeavesThePreviousFileByteIdentical() throws IOException {
    Keras.setRandomSeed(6);
    var first = new Sequential(Input.of(3), new Dense(2));
    Path file = dir.resolve("m.keras");
    first.save(file);
    byte[] before = Files.readAllBytes(file);
    var second = new Sequential(Input.of(3), new Dense(5));
    for (String failAfter : List.of("metadata.json", "config.json", "model.weights.h5")) {
      IOException boom = new IOException("disk full (injected after " + failAfter + ")");
      KerasFileException e =
          assertThrows(
              KerasFileException.class,
              () ->
                  KerasArchiveWriter.saveModel(
                      second,
                      file,
                      entry -> {
                        if (entry.equals(failAfter)) {
                          throw boom;
                        }
                      }));
      assertTrue(e.getMessage().startsWith("Cannot save " + file), e.getMessage());
      assertArrayEquals(before, Files.readAllBytes(file), "after a failure at " + failAfter);
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
      }
    }
    Path weights = dir.resolve("m.weights.h5");
    first.saveWeights(weights);
    byte[] weightsBefore = Files.readAllBytes(weights);
    assertThrows(
        KerasFileException.class,
        () ->
            KerasArchiveWriter.saveWeights(
                second,
                weights,
                entry -> {
                  throw new IOException("injected");
                }));
    assertArrayEquals(weightsBefore, Files.readAllBytes(weights));
    second.save(file); // and a save that succeeds replaces it
    assertEquals(5, Model.load(file).layers().get(0).getWeights().get(1).shape()[0]);
  }

  /**
   * A compiled model saved after some training, loaded, trained one more epoch: the same weights as
   * one more epoch without the save (the optimizer's slots and iteration count come back).
   */
  @Test
  void trainingContinuesExactlyAfterLoad() {
    Keras.setRandomSeed(8);
    var m =
        new Sequential(
            Input.of(6, 3), new GRU(4).returnSequences(true), new GRU(3), new Dense(2, "relu"));
    m.compile(new Adam(0.01), "mean_squared_error", "mae");
    List<Tensor> x = List.of(uniform(14, 12, 6, 3));
    List<Tensor> y = List.of(uniform(15, 12, 2));
    FitOptions once = new FitOptions().epochs(1).batchSize(4).verbose(0).shuffle(false);
    m.fit(x, y, once);
    m.fit(x, y, once);
    Path file = dir.resolve("resume.keras");
    m.save(file);
    Model back = Model.load(file);
    assertTrue(back.isCompiled());
    assertEquals(m.optimizer().iterations(), back.optimizer().iterations());
    assertEquals("Adam", back.optimizer().className());
    m.fit(x, y, once);
    back.fit(x, y, once);
    List<Tensor> w0 = m.getWeights();
    List<Tensor> w1 = back.getWeights();
    for (int i = 0; i < w0.size(); i++) {
      assertArrayEquals(w0.get(i).toFloatArray(), w1.get(i).toFloatArray(), "weight " + i);
    }
    assertEquals(9, back.optimizer().iterations()); // 3 epochs of 3 batches
    assertEquals(
        m.evaluate(x.get(0), y.get(0), new EvaluateOptions().verbose(0)),
        back.evaluate(x.get(0), y.get(0), new EvaluateOptions().verbose(0)));
  }

  /** Compiled but never trained: the optimizer's iteration count and rate only, as Keras saves. */
  @Test
  void compiledUntrainedAndUnbuiltModelsSave() {
    var m = new Sequential(Input.of(3), new Dense(2));
    m.compile(new Adam(0.05), "mean_squared_error");
    Path file = dir.resolve("fresh.keras");
    m.save(file);
    Model back = Model.load(file);
    assertTrue(back.isCompiled());
    assertEquals(0, back.optimizer().iterations());
    assertEquals(0.05, back.optimizer().learningRate(), 1e-7);
    Tensor x = uniform(16, 4, 3);
    assertArrayEquals(m.predict(x, QUIET).toFloatArray(), back.predict(x, QUIET).toFloatArray());
    back.fit(x, uniform(17, 4, 2), new FitOptions().epochs(1).batchSize(4).verbose(0));
    assertEquals(1, back.optimizer().iterations());

    var unbuilt = new Sequential(new Dense(2));
    Path other = dir.resolve("unbuilt.keras");
    unbuilt.save(other);
    assertTrue(Model.load(other).weights().isEmpty());
  }

  /** saveWeights after training, loadWeights into a compiled twin: training continues the same. */
  @Test
  void weightsFileCarriesTheOptimizerStateToACompiledModel() {
    Keras.setRandomSeed(9);
    var a = new Sequential(Input.of(4), new Dense(3, "tanh"), new Dense(2));
    var b = new Sequential(Input.of(4), new Dense(3, "tanh"), new Dense(2));
    a.compile(new Adam(0.02), "mean_squared_error");
    b.compile(new Adam(0.02), "mean_squared_error");
    Tensor x = uniform(18, 8, 4);
    Tensor y = uniform(19, 8, 2);
    FitOptions once = new FitOptions().epochs(1).batchSize(4).verbose(0).shuffle(false);
    a.fit(x, y, once);
    Path file = dir.resolve("trained.weights.h5");
    a.saveWeights(file);
    b.loadWeights(file);
    assertEquals(2, b.optimizer().iterations());
    a.fit(x, y, once);
    b.fit(x, y, once);
    List<Tensor> wa = a.getWeights();
    List<Tensor> wb = b.getWeights();
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i).toFloatArray(), wb.get(i).toFloatArray(), "weight " + i);
    }
  }

  @Test
  void wrongExtensionsAreRefused() {
    var m = new Sequential(Input.of(3), new Dense(2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.save(dir.resolve("m.zip")));
    assertTrue(e.getMessage().contains("Received: filepath="), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.saveWeights(dir.resolve("m.h5")));
  }

  @Test
  void saveWeightsThenLoadWeights() {
    Keras.setRandomSeed(7);
    var a = new Sequential(Input.of(4), new Dense(3, "relu"), new Dense(2));
    var b = new Sequential(Input.of(4), new Dense(3, "relu"), new Dense(2));
    Path file = dir.resolve("w.weights.h5");
    a.saveWeights(file);
    b.loadWeights(file);
    Tensor x = uniform(13, 5, 4);
    assertArrayEquals(a.predict(x, QUIET).toFloatArray(), b.predict(x, QUIET).toFloatArray());
  }
}
