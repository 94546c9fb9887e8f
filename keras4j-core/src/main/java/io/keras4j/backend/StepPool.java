package io.keras4j.backend;

/**
 * Memory recycled from one training step to the next: inside a step opened with {@link #open}, the
 * backend may hand op outputs from this pool and take them back when the step's scope closes. A
 * tensor of a closed step refuses to be read (it names the step and the cure, {@code copy()}), so
 * it never shows another step's numbers. One pool per training loop; made by {@link
 * Backend#newStepPool()}.
 */
public interface StepPool {

  /**
   * Makes this pool the source of op outputs on this thread until the returned scope closes. {@code
   * step} numbers the step in the error a stale tensor gives. Inside an open step, opening another
   * scope changes nothing (the outer one recycles).
   */
  StepScope open(long step);

  /**
   * Floats the last closed step took from this pool (recycled or new), or -1 when the backend does
   * not count them; tells whether pooling a kind of step is worth its bookkeeping.
   */
  default long floatsOfLastStep() {
    return -1;
  }

  /** The end of a step: what was lent during it goes back to the pool. */
  @FunctionalInterface
  interface StepScope extends AutoCloseable {
    @Override
    void close();
  }
}
