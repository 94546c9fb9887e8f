package io.keras4j.saving;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.LSTM;
import io.keras4j.layers.Layer;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The models the TF.js tests save and load, with random weights and inputs (seeded). */
final class TfJsTestModels {
  private TfJsTestModels() {}

  /** A model and inputs for it. */
  record Case(String name, Model model, List<Tensor> inputs) {}

  static List<Case> all() {
    return List.of(mlp(), cnn(), embeddingLstm(), twoInputs(), recurrentAndNested());
  }

  /** More layer kinds: Bidirectional GRU, SimpleRNN, Dropout, a nested model, a regularizer. */
  static Case recurrentAndNested() {
    Model nested = new Sequential(Input.of(4), new io.keras4j.layers.Dense(3, "relu"));
    KerasTensor x = Input.of(5, 4);
    KerasTensor h =
        new io.keras4j.layers.Bidirectional(
                new io.keras4j.layers.GRU(3)
                    .resetAfter(false)
                    .recurrentActivation("sigmoid")
                    .returnSequences(true))
            .apply(x);
    KerasTensor s = new io.keras4j.layers.SimpleRNN(4).apply(h);
    KerasTensor d = new io.keras4j.layers.Dropout(0.3).apply(s);
    KerasTensor y =
        new Dense(2)
            .kernelRegularizer(io.keras4j.regularizers.Regularizers.l2(0.01))
            .apply(nested.apply(d));
    Model m = new Model(List.of(x), List.of(y));
    return new Case("recurrent_nested", randomized(m, 21), List.of(uniform(22, 2, 5, 4)));
  }

  static Case mlp() {
    Model m = new Sequential(Input.of(6), new Dense(8, "relu"), new Dense(3, "softmax"));
    return new Case("mlp", randomized(m, 1), List.of(uniform(2, 4, 6)));
  }

  static Case cnn() {
    Model m =
        new Sequential(
            Input.of(7, 7, 2),
            new Conv2D(4, 3).padding("same"),
            new BatchNormalization(),
            new MaxPooling2D(),
            new Conv2D(3, 2).activation("relu"),
            new Flatten(),
            new Dense(2));
    return new Case("cnn", randomized(m, 3), List.of(uniform(4, 3, 7, 7, 2)));
  }

  static Case embeddingLstm() {
    Model m =
        new Sequential(
            Input.of(DType.INT32, 5),
            new Embedding(11, 4),
            new LSTM(3).returnSequences(true),
            new LSTM(2));
    Random r = new Random(5);
    int[] ids = new int[3 * 5];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = r.nextInt(11);
    }
    return new Case("embedding_lstm", randomized(m, 6), List.of(Tensor.ofInts(ids, 3, 5)));
  }

  static Case twoInputs() {
    KerasTensor a = Input.of(4);
    KerasTensor b = Input.of(3);
    KerasTensor ha = new Dense(5, "tanh").apply(a);
    KerasTensor hb = new Dense(2).apply(b);
    KerasTensor y = new Dense(3).apply(new Concatenate().apply(ha, hb));
    Model m = new Model(List.of(a, b), List.of(y));
    return new Case("two_inputs", randomized(m, 7), List.of(uniform(8, 2, 4), uniform(9, 2, 3)));
  }

  /** Random weights in [-1, 1) (variances in [0.5, 1.5)), so that every weight matters. */
  static Model randomized(Model model, long seed) {
    Random r = new Random(seed);
    for (Layer l : model.layers()) {
      List<Tensor> values = new ArrayList<>();
      for (Variable v : l.weights()) {
        float[] x = new float[(int) io.keras4j.Shapes.size(v.shape())];
        boolean positive = v.name().contains("variance");
        for (int i = 0; i < x.length; i++) {
          x[i] = positive ? 0.5f + r.nextFloat() : 2 * r.nextFloat() - 1;
        }
        values.add(Tensor.of(x, v.shape()));
      }
      if (!values.isEmpty()) {
        l.setWeights(values);
      }
    }
    return model;
  }

  static Tensor uniform(long seed, int... shape) {
    Random r = new Random(seed);
    float[] x = new float[(int) io.keras4j.Shapes.size(shape)];
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * r.nextFloat() - 1;
    }
    return Tensor.of(x, shape);
  }
}
