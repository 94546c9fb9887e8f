package io.keras4j.backend.jvm;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * Finds the kernels once per process, the way Lucene finds its vectorization provider: the Vector
 * API implementation only when the incubating module is readable and the JIT can compile it (C2),
 * otherwise the scalar one, with the reason logged.
 *
 * <p>System property {@code keras4j.vector=false} forces the scalar kernels.
 */
public final class KernelsProvider {
  private static final Logger LOG = Logger.getLogger(KernelsProvider.class.getName());

  private KernelsProvider() {}

  public static Kernels lookup() {
    String reason = vectorUnavailableReason();
    if (reason == null) {
      try {
        Kernels k = VectorKernelsFactory.create();
        LOG.fine(() -> "keras4j: using " + k.name() + " kernels");
        return k;
      } catch (LinkageError | RuntimeException e) {
        reason = "the Vector API failed to initialize: " + e;
      }
    }
    LOG.info("keras4j: using scalar kernels because " + reason);
    return new ScalarKernels();
  }

  /** Null when the Vector API kernels can be used, else why not. */
  public static String vectorUnavailableReason() {
    if ("false".equalsIgnoreCase(System.getProperty("keras4j.vector", "true"))) {
      return "the system property keras4j.vector=false asks for them";
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return "the module jdk.incubator.vector is not enabled (start java with"
          + " --add-modules jdk.incubator.vector)";
    }
    String vmName = System.getProperty("java.vm.name", "");
    if (vmName.contains("Client") || vmName.contains("Zero")) {
      return "the JVM '" + vmName + "' has no C2 compiler for vector code";
    }
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("4") || arg.equals("-Xint")) {
        return "the JIT is limited by " + arg + " (the Vector API needs C2)";
      }
    }
    return null;
  }
}
