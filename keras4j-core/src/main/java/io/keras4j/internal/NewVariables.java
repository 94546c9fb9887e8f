package io.keras4j.internal;

import io.keras4j.Tensor;
import io.keras4j.Variable;

/**
 * Makes a variable that adopts a freshly made initial value instead of copying it, for the
 * library's own weights (a layer's initializer makes a tensor nobody else holds; copying a 670 MB
 * kernel would allocate it twice). {@code new Variable(...)} keeps copying for users, whose tensor
 * may be held elsewhere. {@code Variable} installs the factory when it loads (the shared-secrets
 * pattern of the JDK, as {@link ShapeRefs}).
 */
public final class NewVariables {
  private NewVariables() {}

  /** Makes a variable over a tensor's storage. */
  @FunctionalInterface
  public interface Factory {
    Variable adopt(String name, Tensor fresh, boolean trainable);
  }

  private static Factory factory;

  /** Called once by {@code Variable}'s static initializer. */
  public static void install(Factory f) {
    if (factory != null) {
      throw new IllegalStateException("The variable factory is installed already");
    }
    factory = f;
  }

  /**
   * A variable whose value is {@code fresh}'s memory itself when that memory is its own for good
   * (else a copy). Only for a tensor nobody else holds or will write.
   */
  public static Variable adopt(String name, Tensor fresh, boolean trainable) {
    if (factory == null) {
      // Loading Variable runs its static initializer, which installs the factory.
      new Variable(name, Tensor.scalar(0f), false);
    }
    return factory.adopt(name, fresh, trainable);
  }
}
