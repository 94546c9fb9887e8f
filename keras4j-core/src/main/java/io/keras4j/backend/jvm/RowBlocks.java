package io.keras4j.backend.jvm;

/**
 * How the fused recurrent kernels cut a batch into blocks of rows, one per thread, each run from
 * the first step to the last: {@code per} rows a block (whole micro-kernel tiles where possible),
 * {@code count} blocks.
 */
record RowBlocks(int per, int count) {
  /** Multiply-adds of a sequence below which one thread runs it all. */
  private static final long PARALLEL_WORK = 1 << 16;

  static RowBlocks of(int batch, long work, int mr) {
    int threads = work < PARALLEL_WORK ? 1 : Math.min(Parallel.threads(), batch);
    if (threads <= 1 || batch == 0) {
      return new RowBlocks(Math.max(batch, 1), batch == 0 ? 0 : 1);
    }
    int per = GemmDriver.ceilDiv(batch, threads);
    if (per >= mr) {
      per = GemmDriver.roundUp(per, mr);
    }
    return new RowBlocks(per, GemmDriver.ceilDiv(batch, per));
  }
}
