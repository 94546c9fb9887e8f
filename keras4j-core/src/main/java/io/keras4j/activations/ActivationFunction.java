package io.keras4j.activations;

import io.keras4j.Tensor;
import java.util.Objects;

/**
 * An elementwise (or per-axis) function applied to a layer's output, such as {@code relu}. Built-in
 * ones come from {@link Activations#get(String)} and carry their Keras name; a lambda works too,
 * but only a named, registered function can be saved with a model (see {@link
 * Activations#register}).
 */
@FunctionalInterface
public interface ActivationFunction {
  /** Applies the function; the result records gradients like any op. */
  Tensor apply(Tensor x);

  /** The Keras name ({@code "relu"}); {@code "custom"} for an unnamed lambda. */
  default String name() {
    return "custom";
  }

  /** A function with a name, e.g. to register a custom activation. */
  static ActivationFunction of(String name, ActivationFunction fn) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fn, "fn");
    return new Named(name, fn);
  }

  /** A function and its name; {@code toString} is the name, as Keras prints functions. */
  record Named(String name, ActivationFunction fn) implements ActivationFunction {
    @Override
    public Tensor apply(Tensor x) {
      return fn.apply(x);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
