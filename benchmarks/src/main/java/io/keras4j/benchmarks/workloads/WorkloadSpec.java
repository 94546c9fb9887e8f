package io.keras4j.benchmarks.workloads;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One workload of the peers' {@code workloads.properties} (the single spec all peers read). */
record WorkloadSpec(
    String name,
    String model,
    int batch,
    int pool,
    int warmupSteps,
    int timedSteps,
    int predictBatches,
    long seed,
    double predictMinSeconds) {

  /** Full batches in the data pool. */
  int poolBatches() {
    return Math.max(1, pool / batch);
  }

  /**
   * Reads {@code name} from the spec file: {@code -Dpeers.spec}, else {@code
   * ./workloads.properties} (the peer harness runs us from its directory), else {@code
   * ../shared/peers/workloads.properties} next to the project.
   */
  static WorkloadSpec load(String name, Path projectRoot) {
    String explicit = System.getProperty("peers.spec");
    Path path = explicit != null ? Path.of(explicit) : Path.of("workloads.properties");
    if (!Files.exists(path)) {
      path = projectRoot.resolve("../shared/peers/workloads.properties").normalize();
    }
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          "No workload spec found: give -Dpeers.spec=/path/to/workloads.properties (looked in"
              + " ./workloads.properties and "
              + path
              + ")");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(path)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read workload spec " + path, e);
    }
    if (p.getProperty(name + ".model") == null) {
      throw new IllegalArgumentException(
          "Unknown workload '"
              + name
              + "' in "
              + path
              + ". Known: "
              + p.getProperty("default_workloads"));
    }
    return new WorkloadSpec(
        name,
        req(p, name + ".model"),
        Integer.parseInt(req(p, name + ".batch")),
        Integer.parseInt(req(p, name + ".pool")),
        Integer.parseInt(req(p, name + ".warmup_steps")),
        Integer.parseInt(req(p, name + ".timed_steps")),
        Integer.parseInt(req(p, name + ".predict_batches")),
        Long.parseLong(req(p, "seed")),
        Double.parseDouble(
            p.getProperty(name + ".predict_min_s", p.getProperty("predict_min_s", "0")).trim()));
  }

  private static String req(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("workloads.properties has no key " + key);
    }
    return v.trim();
  }
}
