/**
 * keras4j's benchmarks: JMH kernel benchmarks and the whole-workload runner. Open, because JMH
 * reaches the benchmark classes, and the classes its annotation processor generates (package {@code
 * io.keras4j.benchmarks.jmh_generated}), by reflection; nothing is exported, nothing here is a
 * library. The bin/ scripts run it on the class path, where this descriptor is ignored.
 */
open module io.keras4j.benchmarks {
  requires io.keras4j;
  // jmh-core 1.37 has no module descriptor nor Automatic-Module-Name: "jmh.core" is the name the
  // module path derives from its file name (jmh-core-1.37.jar).
  requires jmh.core;
  requires jdk.management; // the workload runner reads allocated bytes (com.sun.management)
  requires java.logging; // and quiets a notice in its start-up probe
}
