package io.keras4j;

import java.util.Locale;

/** The element types of a {@link Tensor}, named as Keras names them. */
public enum DType {
  FLOAT32("float32"),
  INT32("int32");

  private final String kerasName;

  DType(String kerasName) {
    this.kerasName = kerasName;
  }

  /** The Keras name, e.g. {@code "float32"}. */
  public String kerasName() {
    return kerasName;
  }

  public boolean isFloating() {
    return this == FLOAT32;
  }

  /**
   * Resolves a Keras dtype name. Integer types other than int32 (int64, uint8, ...) are read as
   * int32, the one integer type of the JVM backend, because Keras files store token ids as int64.
   */
  public static DType fromKeras(String name) {
    if (name == null) {
      return FLOAT32;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "float32", "float", "float64", "float16", "bfloat16" -> FLOAT32;
      case "int32", "int64", "int16", "int8", "uint8", "uint16", "uint32", "int", "bool" -> INT32;
      default ->
          throw new IllegalArgumentException(
              "Unknown dtype: expected one of float32, int32 (or another Keras float/int type). Received: dtype="
                  + name);
    };
  }

  @Override
  public String toString() {
    return kerasName;
  }
}
