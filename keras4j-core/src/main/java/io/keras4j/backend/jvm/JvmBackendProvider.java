package io.keras4j.backend.jvm;

import io.keras4j.backend.Backend;
import io.keras4j.backend.BackendProvider;

/** Registers the pure Java backend under the name {@code "jvm"}. */
public final class JvmBackendProvider implements BackendProvider {

  @Override
  public String name() {
    return "jvm";
  }

  @Override
  public Backend create() {
    return new JvmBackend(JvmKernelsHolder.kernels());
  }
}
