package io.keras4j.optimizers;

/** Optimizers by Keras name, as {@code keras.optimizers.get}. Skeleton. */
public final class Optimizers {
  private Optimizers() {}

  /** A new optimizer with Keras's defaults: "sgd", "adam", "rmsprop", "Adam", ... */
  public static Optimizer get(String name) {
    throw new UnsupportedOperationException("skeleton");
  }
}
