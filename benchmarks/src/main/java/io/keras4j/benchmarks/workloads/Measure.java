package io.keras4j.benchmarks.workloads;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Wall time, heap allocation (all threads) and garbage-collection time of a timed run. */
final class Measure {
  record Usage(long allocatedBytes, double gcSeconds) {}

  private final long allocated0;
  private final long gcMillis0;

  private Measure() {
    allocated0 = allocatedBytes();
    gcMillis0 = gcMillis();
  }

  static Measure start() {
    return new Measure();
  }

  Usage stop() {
    return new Usage(allocatedBytes() - allocated0, (gcMillis() - gcMillis0) / 1000.0);
  }

  private static long allocatedBytes() {
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return bean.getTotalThreadAllocatedBytes();
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double loadAvg() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Seconds since this process started: on Linux from {@code /proc} (clock ticks of 10 ms since
   * boot, like {@code /proc/uptime}), which counts from the launcher script that exec'd the JVM;
   * elsewhere from {@link ProcessHandle}, whose start instant may be off by up to a second.
   */
  static double secondsSinceProcessStart() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // Fields after the command name in parentheses: state is field 3, starttime field 22.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      double started = Long.parseLong(f[22 - 3]) / 100.0; // USER_HZ is 100 on Linux
      double now = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      return now - started;
    } catch (IOException | RuntimeException e) {
      return (System.currentTimeMillis()
              - ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli())
          / 1000.0;
    }
  }

  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux
    }
    return Double.NaN;
  }
}
