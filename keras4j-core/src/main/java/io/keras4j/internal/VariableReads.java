package io.keras4j.internal;

import io.keras4j.Tensor;
import java.util.function.Consumer;

/**
 * Tells the gradient tapes that a trainable variable was read ({@code Variable.value()}), without
 * {@code Variable} depending on the ops package: {@code GradientTape} installs its listener when it
 * loads, which is before any tape can be open; until then a read tells nobody.
 */
public final class VariableReads {
  private VariableReads() {}

  private static volatile Consumer<Tensor> listener;

  /** Called once by {@code GradientTape}'s static initializer. */
  public static void setListener(Consumer<Tensor> l) {
    listener = l;
  }

  /** A trainable variable's value was read. */
  public static void read(Tensor value) {
    Consumer<Tensor> l = listener;
    if (l != null) {
      l.accept(value);
    }
  }
}
