package io.keras4j.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ring all-reduce between the tasks of one barrier stage: rank {@code r} sends to rank {@code
 * r+1} and receives from rank {@code r-1} over direct TCP connections. A buffer is reduced in
 * buckets; each bucket in {@code n} chunks, first a reduce-scatter ({@code n-1} rounds, each rank
 * adding what it receives), then an all-gather ({@code n-1} rounds, each rank copying). Every rank
 * sends and receives {@code 2(n-1)/n} times the buffer.
 *
 * <p>The sum of chunk {@code c} is always formed in the same order (rank {@code c} first, then
 * {@code c+1}, ... around the ring), and every rank ends with the same bits, so two runs with the
 * same inputs agree bit for bit. A peer that sends nothing for {@code timeoutMillis} fails the call
 * with a {@link PeerTimeoutException}; nothing waits forever.
 */
final class RingAllReduce implements Closeable {
  private final int rank;
  private final int size;
  private final int bucketFloats;
  private final long timeoutMillis;
  private final ServerSocket server;
  private Socket toNext;
  private Socket fromPrev;
  private DataOutputStream out;
  private DataInputStream in;
  private final ExecutorService sender;
  private byte[] sendBytes = new byte[0];
  private byte[] recvBytes = new byte[0];
  private float[] recvFloats = new float[0];
  private String where = "";

  /**
   * Opens this rank's listening socket on {@code host} (any free port); {@link #address()} is what
   * the other ranks connect to, {@link #connect} makes the ring.
   */
  RingAllReduce(int rank, int size, String host, int bucketFloats, long timeoutMillis)
      throws IOException {
    if (size < 1 || rank < 0 || rank >= size) {
      throw new IllegalArgumentException(
          "RingAllReduce: rank must be in [0, size). Received: rank=" + rank + ", size=" + size);
    }
    if (bucketFloats < 1) {
      throw new IllegalArgumentException(
          "RingAllReduce: bucketFloats must be positive. Received: bucketFloats=" + bucketFloats);
    }
    this.rank = rank;
    this.size = size;
    this.bucketFloats = bucketFloats;
    this.timeoutMillis = timeoutMillis;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
    server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    this.sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "keras4j-ring-send-" + rank);
              t.setDaemon(true);
              return t;
            });
  }

  /** {@code host:port} of this rank's listening socket. */
  String address() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /**
   * Connects to the next rank and accepts the previous one, given every rank's {@link #address()}
   * in rank order (from the barrier's allGather).
   */
  void connect(String[] addresses) throws IOException {
    if (addresses.length != size) {
      throw new IllegalArgumentException(
          "RingAllReduce: one address per rank expected. Received: "
              + addresses.length
              + " addresses for "
              + size
              + " ranks");
    }
    if (size == 1) {
      return;
    }
    String next = addresses[(rank + 1) % size];
    int colon = next.lastIndexOf(':');
    toNext = new Socket();
    toNext.setTcpNoDelay(true);
    toNext.connect(
        new InetSocketAddress(
            next.substring(0, colon), Integer.parseInt(next.substring(colon + 1))),
        (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    out = new DataOutputStream(new BufferedOutputStream(toNext.getOutputStream(), 1 << 16));
    out.writeInt(rank);
    out.flush();
    try {
      fromPrev = server.accept();
    } catch (SocketTimeoutException e) {
      throw new PeerTimeoutException(
          "keras4j-spark: rank "
              + rank
              + " was not reached by rank "
              + ((rank + size - 1) % size)
              + " within "
              + timeoutMillis
              + " ms while the ring was formed",
          e);
    }
    fromPrev.setTcpNoDelay(true);
    fromPrev.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    in = new DataInputStream(new BufferedInputStream(fromPrev.getInputStream(), 1 << 16));
    int prev = in.readInt();
    if (prev != (rank + size - 1) % size) {
      throw new IOException(
          "keras4j-spark: rank "
              + rank
              + " expected rank "
              + (rank + size - 1) % size
              + " before it in the ring. Received: rank "
              + prev);
    }
  }

  /** Names the step for error messages ("epoch 2, step 17"). */
  void where(String where) {
    this.where = where;
  }

  /** Replaces {@code buffer} with the element-wise sum of every rank's buffer (same length). */
  void allReduce(float[] buffer) throws IOException {
    if (size == 1) {
      return;
    }
    for (int off = 0; off < buffer.length; off += bucketFloats) {
      reduceBucket(buffer, off, Math.min(bucketFloats, buffer.length - off));
    }
  }

  private void reduceBucket(float[] buf, int off, int len) throws IOException {
    int n = size;
    for (int s = 0; s < n - 1; s++) { // reduce-scatter
      int sendChunk = Math.floorMod(rank - s, n);
      int recvChunk = Math.floorMod(rank - s - 1, n);
      exchange(buf, off, len, sendChunk, recvChunk, true);
    }
    for (int s = 0; s < n - 1; s++) { // all-gather
      int sendChunk = Math.floorMod(rank + 1 - s, n);
      int recvChunk = Math.floorMod(rank - s, n);
      exchange(buf, off, len, sendChunk, recvChunk, false);
    }
  }

  /** Where chunk {@code c} of the bucket {@code [off, off + len)} starts (chunk n: the end). */
  private int chunkStart(int off, int len, int c) {
    return off + (int) ((long) len * c / size);
  }

  /** Sends chunk {@code sendChunk} to the next rank while receiving {@code recvChunk}. */
  private void exchange(float[] buf, int off, int len, int sendChunk, int recvChunk, boolean add)
      throws IOException {
    int sFrom = chunkStart(off, len, sendChunk);
    int sLen = chunkStart(off, len, sendChunk + 1) - sFrom;
    if (sendBytes.length < sLen * 4) {
      sendBytes = new byte[sLen * 4];
    }
    ByteBuffer.wrap(sendBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(buf, sFrom, sLen);
    byte[] bytes = sendBytes;
    Future<?> sent =
        sender.submit(
            () -> {
              out.writeInt(sLen);
              out.write(bytes, 0, sLen * 4);
              out.flush();
              return null;
            });
    int rFrom = chunkStart(off, len, recvChunk);
    int rLen = chunkStart(off, len, recvChunk + 1) - rFrom;
    try {
      int got = in.readInt();
      if (got != rLen) {
        throw new IOException(
            "keras4j-spark: rank "
                + rank
                + " expected a chunk of "
                + rLen
                + " floats from rank "
                + Math.floorMod(rank - 1, size)
                + ". Received: "
                + got
                + " floats (the ranks disagree on the buffer; "
                + where
                + ")");
      }
      if (recvBytes.length < rLen * 4) {
        recvBytes = new byte[rLen * 4];
        recvFloats = new float[rLen];
      }
      in.readFully(recvBytes, 0, rLen * 4);
    } catch (SocketTimeoutException e) {
      sent.cancel(true);
      throw timeout(e);
    }
    ByteBuffer.wrap(recvBytes)
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(recvFloats, 0, rLen);
    if (add) {
      for (int i = 0; i < rLen; i++) {
        buf[rFrom + i] = recvFloats[i] + buf[rFrom + i];
      }
    } else {
      System.arraycopy(recvFloats, 0, buf, rFrom, rLen);
    }
    try {
      sent.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw timeout(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("keras4j-spark: interrupted in the all-reduce (" + where + ")", e);
    } catch (ExecutionException e) {
      throw new IOException(
          "keras4j-spark: rank "
              + rank
              + " could not send to rank "
              + (rank + 1) % size
              + " ("
              + where
              + "): "
              + e.getCause(),
          e.getCause());
    }
  }

  private PeerTimeoutException timeout(Exception cause) {
    return new PeerTimeoutException(
        "keras4j-spark: rank "
            + rank
            + " got no answer in the all-reduce for "
            + timeoutMillis
            + " ms ("
            + where
            + "): a peer stopped answering; the stage fails so that Spark can restart it",
        cause);
  }

  @Override
  public void close() {
    sender.shutdownNow();
    closeQuietly(toNext);
    closeQuietly(fromPrev);
    closeQuietly(server);
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
