package io.keras4j.examples;

/** Placeholder main; replaced below. */
public final class SeedMlp {
  private SeedMlp() {}

  public static void main(String[] args) {
    System.out.println(io.keras4j.backend.Backend.kernels().name());
  }
}
