package io.keras4j.backend.jvm;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;

/**
 * One hint to the JIT, given when the Vector API kernels are chosen: never inline an elementwise
 * loop of {@link VectorUnaryLoops} (the methods taking {@code (float[] a, int aOff, float[] out,
 * int oOff, int n)}) or of {@link VectorBinaryLoops} (those taking two inputs) into its caller, so
 * that each loop is a compilation of its own. Measured for the binary loops (16K floats, after
 * every op ran thousands of times first): add 1.3 us fresh, 1.8 polluted without the hint, 1.3 with
 * it.
 *
 * <p>Why: C2 compiles the op dispatcher ({@code JvmMath.unary}, a switch over every unary op) and
 * inlines the hot loops into it, with their vector helpers (erf's polynomials, exp). Once the
 * dispatcher's node budget runs out ({@code NodeCountInliningCutoff}), a helper is called instead
 * of inlined and its vector intrinsics are lost: the Vector API then runs its Java fallback, an
 * object per vector operation. Measured (1M floats, after the same op ran on 8 x 33 tensors first):
 * erf 17.6 ms a call instead of 1.04, tanh 1.8 instead of 0.83. The JDK's own vector code avoids
 * this with {@code @ForceInline}/{@code @DontInline}, which application code cannot use; a compiler
 * directive (JEP 165) is the supported way from outside, added at run time through the JVM's
 * diagnostic command MBean ({@code jcmd PID Compiler.directives_add FILE} does the same).
 *
 * <p>The MBean server costs about 0.2 s to start, so the directive is added on a daemon thread;
 * loops compiled before it lands keep their first compilation. Where the MBean is missing (no
 * {@code jdk.management} module, another JVM) nothing happens but a FINE log line: the kernels are
 * correct either way, only slower in that JIT state. {@code -Dkeras4j.jitHints=false} turns it off.
 */
final class JitHints {
  private static final Logger LOG = Logger.getLogger(JitHints.class.getName());

  /** The directive (JSON, the format of {@code -XX:CompilerDirectivesFile}). */
  static final String DIRECTIVE =
      "[{ match: \"*.*\", inline: [\"-io/keras4j/backend/jvm/VectorUnaryLoops.*([FI[FII)V\","
          + " \"-io/keras4j/backend/jvm/VectorBinaryLoops.*([FI[FI[FII)V\"] }]";

  private static volatile boolean installed;

  private JitHints() {}

  /** Adds the directive on a daemon thread, once. */
  static synchronized void installInBackground() {
    if (installed || !Boolean.parseBoolean(System.getProperty("keras4j.jitHints", "true"))) {
      return;
    }
    installed = true;
    Thread t = new Thread(JitHints::install, "keras4j-jit-hints");
    t.setDaemon(true);
    t.start();
  }

  /** Adds the directive now; returns whether the JVM took it. */
  static boolean install() {
    Path file = null;
    try {
      file = Files.createTempFile("keras4j-jit-hints", ".json");
      Files.writeString(file, DIRECTIVE);
      Object reply =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "compilerDirectivesAdd",
                  new Object[] {new String[] {file.toString()}},
                  new String[] {String[].class.getName()});
      boolean ok = String.valueOf(reply).contains("1 compiler directives added");
      LOG.log(Level.FINE, "JIT hint for the vector loops: {0}", reply);
      return ok;
    } catch (Exception | LinkageError e) {
      LOG.log(Level.FINE, "JIT hint for the vector loops not given: " + e, e);
      return false;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
          // a temporary file left behind; nothing else depends on it
        }
      }
    }
  }
}
