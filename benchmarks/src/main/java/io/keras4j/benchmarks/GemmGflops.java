package io.keras4j.benchmarks;

import io.keras4j.backend.Backend;
import io.keras4j.backend.jvm.Kernels;
import java.util.Locale;

/**
 * Prints the GFLOP/s of keras4j's GEMM, one JSON line per shape and thread count: {@code
 * {"shape":"256x784x64","threads":1,"gflops":71.3}}. Each figure is the best of several timed
 * rounds after a warm-up, each round long enough (~10 ms) for the clock to be exact.
 *
 * <p>Arguments: {@code --threads 1,2 --rounds 15 SHAPE...} (shapes as in {@link GemmShape}); the
 * shapes of the notes' table when none is given.
 */
public final class GemmGflops {
  static final String[] DEFAULT_SHAPES = {
    "512x512x512",
    "1024x1024x1024",
    "2048x2048x2048",
    "256x784x64",
    "32x784x64",
    "784x32x64:tA",
    "784x256x64:tA"
  };

  private GemmGflops() {}

  public static void main(String[] args) {
    String threadList = "1," + Runtime.getRuntime().availableProcessors();
    int rounds = 20;
    java.util.List<String> shapes = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threadList = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> shapes.add(args[i]);
      }
    }
    if (shapes.isEmpty()) {
      shapes.addAll(java.util.List.of(DEFAULT_SHAPES));
    }
    Kernels kernels = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    System.err.println("keras4j kernels: " + kernels.name());
    for (String t : threadList.split(",")) {
      int threads = Integer.parseInt(t.trim());
      Backend.current().setThreads(threads);
      for (String spec : shapes) {
        GemmShape shape = GemmShape.parse(spec);
        double seconds = bestSeconds(shape, kernels, rounds);
        System.out.printf(
            Locale.ROOT,
            "{\"shape\":\"%s\",\"threads\":%d,\"gflops\":%.1f}%n",
            spec,
            threads,
            shape.flops() / seconds / 1e9);
      }
    }
  }

  /** Best time of one product over the rounds, after a warm-up of about a second. */
  static double bestSeconds(GemmShape shape, Kernels kernels, int rounds) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    int calls = 0;
    while (System.nanoTime() < deadline || calls < 3) {
      shape.run(kernels);
      calls++;
    }
    // Calls per round so that a round lasts ~10 ms.
    int perRound = Math.max(1, (int) (calls * 10e6 / 1e9));
    double best = Double.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        shape.run(kernels);
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e9 / perRound);
    }
    return best;
  }
}
