package io.keras4j.activations;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.function.UnaryOperator;

/** Placeholder registry (replaced by the full catalogue). */
public final class Activations {
  private Activations() {}

  public static ActivationFunction get(String name) {
    return switch (name) {
      case "linear" -> of("linear", x -> x);
      case "relu" -> of("relu", Ops::relu);
      case "sigmoid" -> of("sigmoid", Ops::sigmoid);
      case "tanh" -> of("tanh", Ops::tanh);
      case "softmax" -> of("softmax", Ops::softmax);
      default -> throw new IllegalArgumentException("Unknown activation. Received: activation=" + name);
    };
  }

  public static String serialize(ActivationFunction f) {
    return f.name();
  }

  private static ActivationFunction of(String name, UnaryOperator<Tensor> f) {
    return new ActivationFunction() {
      public Tensor apply(Tensor x) {
        return f.apply(x);
      }

      public String name() {
        return name;
      }
    };
  }
}
