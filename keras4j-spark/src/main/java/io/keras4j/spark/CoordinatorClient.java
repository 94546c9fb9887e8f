package io.keras4j.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

/** A task's connection to the driver's {@link Coordinator}. */
final class CoordinatorClient implements Closeable {
  /** WAIT: every rank asks for the decision after an epoch. */
  private static final int WAIT = 4;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  /**
   * The checkpoint to start from: the last finished epoch and its weights and optimizer state
   * ({@code initialEpoch - 1} and null before the first epoch ends).
   */
  record Start(int lastEpochDone, byte[] weights) {}

  CoordinatorClient(String address, int connectTimeoutMillis) throws IOException {
    int colon = address.lastIndexOf(':');
    socket = new Socket();
    socket.connect(
        new InetSocketAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
        connectTimeoutMillis);
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
  }

  Start hello(int rank) throws IOException {
    out.writeInt(Messages.HELLO);
    out.writeInt(rank);
    out.flush();
    int done = in.readInt();
    return new Start(done, Messages.readBytes(in));
  }

  void step(int epoch, int step, Map<String, Double> logs) throws IOException {
    out.writeInt(Messages.STEP);
    out.writeInt(epoch);
    out.writeInt(step);
    Messages.writeLogs(out, logs);
    out.flush();
  }

  void epoch(int epoch, Map<String, Double> logs, byte[] checkpoint) throws IOException {
    out.writeInt(Messages.EPOCH);
    out.writeInt(epoch);
    Messages.writeLogs(out, logs);
    Messages.writeBytes(out, checkpoint);
    out.flush();
  }

  /** Whether training stops after {@code epoch} (blocks until the driver has handled it). */
  boolean waitEpoch(int epoch) throws IOException {
    out.writeInt(WAIT);
    out.writeInt(epoch);
    out.flush();
    return in.readBoolean();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
