package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The compiler directive that keeps each vector loop its own compilation reaches the JIT. */
class JitHintsTest {

  @Test
  void theDirectiveIsAddedAndListedByTheJvm() throws Exception {
    assertTrue(JitHints.install(), "the JVM refused the directive " + JitHints.DIRECTIVE);
    Object listed =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesPrint",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
    assertTrue(
        String.valueOf(listed).contains("inline: -io/keras4j/backend/jvm/VectorUnaryLoops.*"),
        String.valueOf(listed));
  }
}
