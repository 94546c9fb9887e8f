package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.models.Sequential;
import java.util.Arrays;

/**
 * The seed model of the API contract: Dense(128, relu) on 100 features, Dense(256, relu), Dense(10,
 * softmax). Prints its summary (48,522 parameters) and a prediction.
 */
public final class SeedMlp {
  private SeedMlp() {}

  public static void main(String[] args) {
    Keras.setRandomSeed(42);
    var model =
        new Sequential(
            new Dense(128, "relu").inputShape(100),
            new Dense(256, "relu"),
            new Dense(10, "softmax"));
    model.summary();
    System.out.println("Parameters: " + model.countParams());

    float[] features = new float[2 * 100];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) Math.sin(i * 0.37);
    }
    Tensor x = Tensor.of(features, 2, 100);
    Tensor probabilities = model.predict(x);
    for (int row = 0; row < 2; row++) {
      float[] p = Arrays.copyOfRange(probabilities.toFloatArray(), row * 10, row * 10 + 10);
      float sum = 0;
      for (float v : p) {
        sum += v;
      }
      System.out.printf(
          "sample %d: class probabilities %s (sum %.4f)%n", row, Arrays.toString(p), sum);
    }
    System.out.println("Backend: " + Backend.current().description());
  }
}
