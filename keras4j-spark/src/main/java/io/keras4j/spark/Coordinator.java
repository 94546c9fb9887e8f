package io.keras4j.spark;

import io.keras4j.callbacks.CallbackList;
import io.keras4j.data.Dataset;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.Model;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The small server the driver runs for one {@code fit}: it hands the tasks the checkpoint to start
 * from (none, or the last epoch's weights and optimizer state after a stage restart), receives rank
 * 0's logs after every step (for the progress bar and the callbacks, called on the driver's model)
 * and its checkpoint after every epoch (loaded into the driver's model, which then runs the
 * validation data), and tells every task whether a callback stopped training.
 */
final class Coordinator implements Closeable {
  private final ServerSocket server;
  private final Model model;
  private final CallbackList callbacks;
  private final Dataset validation;
  private final int validationBatchSize;
  private final int validationFreq;
  private final Thread acceptor;
  private final List<Socket> sockets = new ArrayList<>();
  private final Map<Integer, CompletableFuture<Boolean>> stops = new ConcurrentHashMap<>();
  private int lastEpochDone;
  private byte[] checkpoint;
  private int epochBegun;
  private Map<String, Double> lastLogs = new TreeMap<>();
  private volatile Throwable failure;
  private volatile boolean closed;

  Coordinator(
      String host,
      Model model,
      CallbackList callbacks,
      int initialEpoch,
      Dataset validation,
      int validationBatchSize,
      int validationFreq)
      throws IOException {
    this.model = model;
    this.callbacks = callbacks;
    this.validation = validation;
    this.validationBatchSize = validationBatchSize;
    this.validationFreq = validationFreq;
    this.lastEpochDone = initialEpoch - 1;
    this.epochBegun = initialEpoch - 1;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
    this.acceptor = new Thread(this::acceptLoop, "keras4j-spark-coordinator");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code host:port} the tasks connect to. */
  String address() {
    return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** The logs of the last epoch (for {@code onTrainEnd}). */
  synchronized Map<String, Double> lastLogs() {
    return lastLogs;
  }

  /** Throws what a callback or the validation threw on the driver, if anything. */
  void rethrowFailure() {
    Throwable t = failure;
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("keras4j-spark: the driver failed during fit: " + t, t);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = server.accept();
        synchronized (sockets) {
          sockets.add(s);
        }
        Thread t = new Thread(() -> serve(s), "keras4j-spark-coordinator-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          failure = e;
        }
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(s.getOutputStream()))) {
      while (true) {
        int type;
        try {
          type = in.readInt();
        } catch (EOFException e) {
          return;
        }
        switch (type) {
          case Messages.HELLO -> {
            in.readInt(); // rank
            int done;
            byte[] cp;
            synchronized (this) {
              done = lastEpochDone;
              cp = checkpoint;
            }
            out.writeInt(done);
            Messages.writeBytes(out, cp);
            out.flush();
          }
          case Messages.STEP -> {
            int epoch = in.readInt();
            int step = in.readInt();
            Map<String, Double> logs = Messages.readLogs(in);
            onStep(epoch, step, logs);
          }
          case Messages.EPOCH -> {
            int epoch = in.readInt();
            Map<String, Double> logs = Messages.readLogs(in);
            byte[] cp = Messages.readBytes(in);
            onEpoch(epoch, logs, cp);
          }
          default -> {
            int epoch = in.readInt(); // WAIT: any rank, for the decision after an epoch
            boolean stop = stopFuture(epoch).get();
            out.writeBoolean(stop);
            out.flush();
          }
        }
      }
    } catch (SocketException e) {
      // a task's connection ends when the task ends or is killed; the stage restart reconnects
    } catch (IOException | ExecutionException e) {
      if (!closed) {
        failure = e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<Boolean> stopFuture(int epoch) {
    return stops.computeIfAbsent(epoch, e -> new CompletableFuture<>());
  }

  private synchronized void onStep(int epoch, int step, Map<String, Double> logs) {
    if (failure != null) {
      return;
    }
    try {
      beginEpoch(epoch);
      callbacks.onTrainBatchBegin(step, Map.of());
      callbacks.onTrainBatchEnd(step, logs);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private void beginEpoch(int epoch) {
    if (epoch > epochBegun) {
      callbacks.onEpochBegin(epoch, Map.of());
      epochBegun = epoch;
    }
  }

  private synchronized void onEpoch(int epoch, Map<String, Double> logs, byte[] cp) {
    boolean stop = true;
    try {
      if (failure == null) {
        beginEpoch(epoch);
        ModelBytes.loadWeights(model, cp);
        Map<String, Double> epochLogs = new TreeMap<>(logs);
        if (validation != null && (epoch + 1) % validationFreq == 0) {
          Map<String, Double> v =
              model.evaluate(
                  validation, new EvaluateOptions().batchSize(validationBatchSize).verbose(0));
          v.forEach((k, x) -> epochLogs.put("val_" + k, x));
        }
        model.stopTraining(false);
        callbacks.onEpochEnd(epoch, epochLogs);
        checkpoint = cp;
        lastEpochDone = epoch;
        lastLogs = epochLogs;
        stop = model.stopTraining();
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    stopFuture(epoch).complete(stop);
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    stops.values().forEach(f -> f.complete(true));
  }
}
