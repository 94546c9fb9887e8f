package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;
import java.util.function.IntConsumer;

/**
 * The blocked, packed, multi-threaded GEMM around a {@link GemmKernel}, for products large enough
 * to repay it ({@link Gemm} sends small ones to {@link GemmKernel#small}).
 *
 * <p>C is cut into chunks that threads claim from {@link Parallel}. Two plans:
 *
 * <ul>
 *   <li><b>Few rows</b> (m <= {@link #MC}, e.g. a batch of 32): a chunk is a group of columns over
 *       all rows; it packs its own B columns into a per-thread buffer, so the packing is spread
 *       over the threads and no thread waits for another's.
 *   <li><b>Many rows</b>: B is packed once per block of columns into one buffer that all threads
 *       read, and a chunk is a block of rows.
 *   <li><b>Few rows, long K</b> (the Dense on a flattened conv map, 64 x 65,536 x 512; a conv's
 *       kernel gradient, 27 x 65,536 x 64): K is cut into slices, a chunk is one slice over all of
 *       C, written to a partial C of its own; the partials are then summed in slice order. A and B
 *       are each read from memory once; with chunks of columns every chunk read all of A (16 MB,
 *       once per chunk).
 * </ul>
 *
 * <p>K is cut into even pieces of at most {@link #KC} (1100 becomes 3 x 367, not 512 + 512 + 76). A
 * is read in place, transposed or not, when a chunk spans few B panels: a copy used a few times
 * costs more than the strided reads (a transposed A in place: 50 -> 105 GFLOP/s at 784 x 256 x 64).
 * A chunk spanning many panels packs its block of A once per K piece.
 */
final class GemmDriver {
  /** Most rows of C a chunk holds; with more rows than this B is packed once and shared. */
  static final int MC = 128;

  /** Most floats of B packed into the shared buffer at once (4 MB: stays in L3). */
  static final int SHARED_B_FLOATS = 1 << 20;

  /** Most floats of B a chunk packs for itself. */
  static final int PRIVATE_B_FLOATS = 1 << 17;

  /** A chunk that spans more B panels than this packs its block of A. */
  static final int IN_PLACE_A_PANELS = 4;

  /**
   * Longest piece of K. Measured on Zen 4 with 256- and 512-bit vectors: 512 beat 128 and 256 by
   * 10-20% (fewer passes over C), though a B panel slice then outgrows L1 and streams from L2.
   */
  static final int KC = 512;

  /**
   * Longest piece of K in a slice of the few-rows, long-K plan. All columns of B over a piece are
   * packed in one sweep; 1024 rows measured best (64 x 65,536 x 512: 256 -> 180, 512 -> 175, 1024
   * -> 215, 2048 -> 213, 4096 -> 203 GFLOP/s; the column plan 130-158).
   */
  static final int SPLIT_KC = 1024;

  /** K per slice aimed at: two pieces. */
  static final int SPLIT_K_SLICE = 2 * SPLIT_KC;

  /** Fewest slices worth the plan (two per thread on two cores), and most. */
  static final int SPLIT_MIN_SLICES = 4;

  static final int SPLIT_MAX_SLICES = 16;

  /** Widest C for the plan: a packed piece of B (n x SPLIT_KC floats) should stay near L2. */
  static final int SPLIT_MAX_N = 1024;

  /** Most floats of all partial Cs together (8 MB). */
  static final int SPLIT_PARTIAL_FLOATS = 1 << 21;

  /** Chunks per thread aimed at, so that a slow thread holds up little. */
  static final int CHUNKS_PER_THREAD = 4;

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private final GemmKernel kern;
  private final boolean transA;
  private final boolean transB;
  private final int m;
  private final int n;
  private final int k;
  private final float[] a;
  private final int aOff;
  private final int lda;
  private final float[] b;
  private final int bOff;
  private final int ldb;
  private final float[] c;
  private final int cOff;
  private final int ldc;
  private final boolean accumulate;
  private final int threads;
  private final int kBlocks;
  private final float[] bias;
  private final FusedActivation act; // null: no epilogue

  // The plan of the current pass: chunks are mChunks x nChunks over columns [j0, j0 + cols).
  private int j0;
  private int cols;
  private int mc;
  private int mChunks;
  private int nc;
  private int nChunks;
  private float[] sharedB; // null when each chunk packs its own B

  GemmDriver(
      GemmKernel kern,
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      int threads) {
    this(
        kern,
        transA,
        transB,
        m,
        n,
        k,
        a,
        aOff,
        lda,
        b,
        bOff,
        ldb,
        c,
        cOff,
        ldc,
        accumulate,
        threads,
        null,
        null);
  }

  GemmDriver(
      GemmKernel kern,
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      int threads,
      float[] bias,
      FusedActivation act) {
    this.kern = kern;
    this.transA = transA;
    this.transB = transB;
    this.m = m;
    this.n = n;
    this.k = k;
    this.a = a;
    this.aOff = aOff;
    this.lda = lda;
    this.b = b;
    this.bOff = bOff;
    this.ldb = ldb;
    this.c = c;
    this.cOff = cOff;
    this.ldc = ldc;
    this.accumulate = accumulate;
    this.threads = threads;
    this.kBlocks = ceilDiv(k, KC);
    this.bias = bias;
    this.act = act;
  }

  void run() {
    int nr = kern.nr;
    int panels = ceilDiv(n, nr);
    int target = threads * CHUNKS_PER_THREAD;
    int slices = splitSlices(m, n, k);
    if (slices > 1) {
      runSplit(slices);
      return;
    }
    if (m <= MC) {
      mc = m;
      mChunks = 1;
      int group = Math.min(ceilDiv(panels, Math.min(panels, target)), maxPanels(PRIVATE_B_FLOATS));
      nc = group * nr;
      j0 = 0;
      cols = n;
      nChunks = ceilDiv(n, nc);
      sharedB = null;
      forEach(mChunks * nChunks, this::computeChunk);
      return;
    }
    mc = Math.min(MC, roundUp(ceilDiv(m, target), kern.mr));
    mChunks = ceilDiv(m, mc);
    int blockPanels = maxPanels(SHARED_B_FLOATS);
    for (j0 = 0; j0 < n; j0 += blockPanels * nr) {
      cols = Math.min(blockPanels * nr, n - j0);
      nc = cols;
      nChunks = 1;
      Buffers buf = BUFFERS.get();
      sharedB = buf.shared = Buffers.ensure(buf.shared, ceilDiv(cols, nr) * nr * k);
      forEach(ceilDiv(cols, nr), this::packSharedPanel);
      forEach(mChunks, this::computeChunk);
    }
  }

  /**
   * Slices of K for the few-rows, long-K plan, or 1 for the other plans. Depends on the shape only,
   * not on the thread count, so the sums are the same on any number of threads.
   */
  static int splitSlices(int m, int n, int k) {
    if (m > MC || n > SPLIT_MAX_N) {
      return 1;
    }
    int slices = Math.min(SPLIT_MAX_SLICES, k / SPLIT_K_SLICE);
    while (slices >= SPLIT_MIN_SLICES && (long) slices * m * n > SPLIT_PARTIAL_FLOATS) {
      slices--;
    }
    return slices >= SPLIT_MIN_SLICES ? slices : 1;
  }

  private void runSplit(int slices) {
    Buffers buf = BUFFERS.get();
    float[] partials = buf.partials = Buffers.ensure(buf.partials, slices * m * n);
    forEach(
        slices,
        s -> computeSlice(partStart(k, slices, s), part(k, slices, s), partials, s * m * n));
    int mr = kern.mr;
    forEach(
        ceilDiv(m, mr),
        g -> {
          int i0 = g * mr;
          int rows = Math.min(mr, m - i0);
          for (int i = i0; i < i0 + rows; i++) {
            int row = cOff + i * ldc;
            if (!accumulate) {
              System.arraycopy(partials, i * n, c, row, n);
            } else {
              addRow(partials, i * n, c, row, n);
            }
            for (int s = 1; s < slices; s++) {
              addRow(partials, s * m * n + i * n, c, row, n);
            }
          }
          if (act != null) {
            kern.epilogue(c, cOff + i0 * ldc, ldc, rows, n, bias, 0, act);
          }
        });
  }

  private static void addRow(float[] src, int from, float[] dst, int to, int len) {
    for (int j = 0; j < len; j++) {
      dst[to + j] += src[from + j];
    }
  }

  /**
   * One slice [p0, p0 + len) of K over all of C, into the m x n partial at pOff (row stride n). Per
   * piece of K, B's rows are packed in one sweep (contiguous reads that the hardware prefetcher
   * follows, where a panel at a time read 128 bytes every 2 KB) and A is packed once (or read in
   * place when transposed); then every panel meets every row.
   */
  private void computeSlice(int p0, int len, float[] partials, int pOff) {
    int nr = kern.nr;
    int mr = kern.mr;
    int panels = ceilDiv(n, nr);
    Buffers buf = BUFFERS.get();
    float[] ap = buf.a = Buffers.ensure(buf.a, m * SPLIT_KC);
    float[] bp = buf.b = Buffers.ensure(buf.b, panels * nr * SPLIT_KC);
    float[] scratch = buf.tile = Buffers.ensure(buf.tile, mr * nr);
    int fullRows = m - m % mr;
    int pieces = ceilDiv(len, SPLIT_KC);
    for (int kb = 0, p = p0; kb < pieces; kb++) {
      int kc = part(len, pieces, kb);
      boolean load = kb > 0;
      if (transA) {
        if (fullRows < m) {
          GemmPacking.packA(true, m - fullRows, kc, fullRows, p, a, aOff, lda, ap);
        }
      } else {
        GemmPacking.packA(false, m, kc, 0, p, a, aOff, lda, ap);
      }
      if (transB) {
        kern.packB(true, kc, 0, n, b, bOff + p, ldb, bp, 0);
      } else {
        GemmPacking.packBRows(kc, n, nr, b, bOff + p * ldb, ldb, bp);
      }
      for (int q = 0; q < panels; q++) {
        int jr = q * nr;
        int w = Math.min(nr, n - jr);
        int bAt = q * kc * nr;
        for (int ir = 0; ir < m; ir += mr) {
          int h = Math.min(mr, m - ir);
          int outAt = pOff + ir * n + jr;
          if (!transA) {
            tile(false, kc, ap, ir * kc, kc, h, bp, bAt, w, partials, outAt, n, load, scratch);
          } else if (ir < fullRows) {
            int aAt = aOff + p * lda + ir;
            tile(true, kc, a, aAt, lda, h, bp, bAt, w, partials, outAt, n, load, scratch);
          } else {
            tile(false, kc, ap, 0, kc, h, bp, bAt, w, partials, outAt, n, load, scratch);
          }
        }
      }
      p += kc;
    }
  }

  private int maxPanels(int floats) {
    return Math.max(1, floats / (k * kern.nr));
  }

  private void forEach(int count, IntConsumer body) {
    if (threads > 1) {
      Parallel.forEach(count, body);
    } else {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
    }
  }

  private void packSharedPanel(int q) {
    int nr = kern.nr;
    int w = Math.min(nr, cols - q * nr);
    kern.packB(transB, k, j0 + q * nr, w, b, bOff, ldb, sharedB, q * k * nr);
  }

  private void computeChunk(int chunk) {
    int nr = kern.nr;
    int mr = kern.mr;
    int i0 = (chunk / nChunks) * mc;
    int rows = Math.min(mc, m - i0);
    int jStart = (chunk % nChunks) * nc; // relative to j0
    int width = Math.min(nc, cols - jStart);
    Buffers buf = BUFFERS.get();
    float[] bp = sharedB;
    int bBase = (jStart / nr) * k * nr;
    // A chunk whose B columns over all of K outgrow its budget (few rows, long K: a 64 x 65,536
    // by 65,536 x 512 Dense packed 8 MB a chunk and ran at a third of the GEMM's speed) packs one
    // K piece at a time, which stays in L2 while every row of the chunk uses it.
    boolean perPiece = bp == null && (long) ceilDiv(width, nr) * nr * k > PRIVATE_B_FLOATS;
    if (bp == null) {
      bBase = 0;
      if (!perPiece) {
        bp = buf.b = Buffers.ensure(buf.b, ceilDiv(width, nr) * nr * k);
        kern.packB(transB, k, j0 + jStart, width, b, bOff, ldb, bp, 0);
      } else {
        bp = buf.b = Buffers.ensure(buf.b, ceilDiv(width, nr) * nr * KC);
      }
    }
    float[] scratch = buf.tile = Buffers.ensure(buf.tile, mr * nr);
    boolean inPlace = ceilDiv(width, nr) <= IN_PLACE_A_PANELS;
    int fullRows = rows - rows % mr;
    for (int kb = 0, p0 = 0; kb < kBlocks; kb++) {
      int kc = part(k, kBlocks, kb);
      boolean load = accumulate || kb > 0;
      boolean last = kb == kBlocks - 1;
      // Where the kernel reads this block of A: in place (transposed or not) or packed by rows.
      float[] as = a;
      int asOff;
      int asLd = lda;
      boolean transposed = inPlace && transA;
      if (!inPlace) {
        as = buf.a = Buffers.ensure(buf.a, mc * KC);
        asOff = 0;
        asLd = kc;
        GemmPacking.packA(transA, rows, kc, i0, p0, a, aOff, lda, as);
      } else if (transA) {
        asOff = aOff + p0 * lda + i0;
        if (fullRows < rows) {
          // tileT reads mr adjacent rows: the last, partial group goes through a packed copy.
          buf.edge = Buffers.ensure(buf.edge, mr * KC);
          GemmPacking.packA(true, rows - fullRows, kc, i0 + fullRows, p0, a, aOff, lda, buf.edge);
        }
      } else {
        asOff = aOff + i0 * lda + p0;
      }
      int panelStride = k * nr; // floats from one packed panel to the next
      int pieceAt = p0 * nr; // where this K piece starts in a panel
      if (perPiece) {
        int from = transB ? bOff + p0 : bOff + p0 * ldb;
        kern.packB(transB, kc, j0 + jStart, width, b, from, ldb, bp, 0);
        panelStride = kc * nr;
        pieceAt = 0;
      }
      for (int jr = 0; jr < width; jr += nr) {
        int bAt = bBase + (jr / nr) * panelStride + pieceAt;
        int w = Math.min(nr, width - jr);
        int cCol = cOff + j0 + jStart + jr;
        for (int ir = 0; ir < rows; ir += mr) {
          int h = Math.min(mr, rows - ir);
          int cAt = cCol + (i0 + ir) * ldc;
          if (transposed && ir >= fullRows) {
            tile(false, kc, buf.edge, 0, kc, h, bp, bAt, w, c, cAt, ldc, load, scratch);
          } else if (transposed) {
            tile(true, kc, as, asOff + ir, asLd, h, bp, bAt, w, c, cAt, ldc, load, scratch);
          } else {
            tile(false, kc, as, asOff + ir * asLd, asLd, h, bp, bAt, w, c, cAt, ldc, load, scratch);
          }
          if (last && act != null) {
            // The tile is complete and still in L1: finish it (bias, activation) now.
            kern.epilogue(c, cAt, ldc, h, w, bias, cCol - cOff, act);
          }
        }
      }
      p0 += kc;
    }
  }

  /**
   * One h x w tile of out at outAt (row stride ld). A partial tile is computed into the scratch
   * buffer and then merged, since the kernel always writes mr x nr values.
   */
  private void tile(
      boolean transposed,
      int kc,
      float[] as,
      int aAt,
      int asLd,
      int h,
      float[] bp,
      int bAt,
      int w,
      float[] out,
      int outAt,
      int ld,
      boolean load,
      float[] scratch) {
    boolean full = h == kern.mr && w == kern.nr;
    float[] dst = full ? out : scratch;
    int dAt = full ? outAt : 0;
    int dLd = full ? ld : kern.nr;
    if (transposed) {
      kern.tileT(kc, as, aAt, asLd, bp, bAt, dst, dAt, dLd, full && load);
    } else {
      kern.tile(kc, as, aAt, asLd, h, bp, bAt, dst, dAt, dLd, full && load);
    }
    if (!full) {
      mergeTile(scratch, h, w, out, outAt, ld, load);
    }
  }

  /** Writes the valid h x w corner of a tile computed into the scratch buffer. */
  private void mergeTile(float[] tile, int h, int w, float[] out, int outAt, int ld, boolean load) {
    int nr = kern.nr;
    for (int i = 0; i < h; i++) {
      int row = outAt + i * ld;
      for (int j = 0; j < w; j++) {
        out[row + j] = load ? out[row + j] + tile[i * nr + j] : tile[i * nr + j];
      }
    }
  }

  /** The length of part i when total is cut into parts even parts (the first ones 1 longer). */
  static int part(int total, int parts, int i) {
    return total / parts + (i < total % parts ? 1 : 0);
  }

  /** Where part i of {@link #part} starts. */
  static int partStart(int total, int parts, int i) {
    return i * (total / parts) + Math.min(i, total % parts);
  }

  static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  static int roundUp(int x, int multiple) {
    return ceilDiv(x, multiple) * multiple;
  }

  /** Packing buffers of one thread, grown on demand and kept: no allocation in steady state. */
  private static final class Buffers {
    float[] a = new float[0];
    float[] b = new float[0];
    float[] shared = new float[0];
    float[] tile = new float[0];
    float[] edge = new float[0];
    float[] partials = new float[0];

    static float[] ensure(float[] buf, int size) {
      return buf.length >= size ? buf : new float[size];
    }
  }
}
