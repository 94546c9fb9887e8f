package io.keras4j.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The few messages between the tasks and the driver's {@link Coordinator}. */
final class Messages {
  private Messages() {}

  /** A task joins: its rank; the answer is the checkpoint to start from. */
  static final int HELLO = 1;

  /** Rank 0 after a step: epoch, step, the merged logs. No answer. */
  static final int STEP = 2;

  /** Rank 0 after an epoch: epoch, logs, checkpoint. The answer: whether to stop. */
  static final int EPOCH = 3;

  static void writeLogs(DataOutputStream out, Map<String, Double> logs) throws IOException {
    out.writeInt(logs.size());
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeDouble(e.getValue());
    }
  }

  static Map<String, Double> readLogs(DataInputStream in) throws IOException {
    int n = in.readInt();
    Map<String, Double> logs = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      logs.put(in.readUTF(), in.readDouble());
    }
    return logs;
  }

  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      out.write(bytes);
    }
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
