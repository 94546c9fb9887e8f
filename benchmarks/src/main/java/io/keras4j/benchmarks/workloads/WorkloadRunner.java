package io.keras4j.benchmarks.workloads;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.JvmTensors;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.LSTM;
import io.keras4j.layers.ReLU;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.RMSprop;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * keras4j as a peer of ../shared/peers: builds a workload's model with the public API, generates
 * the shared synthetic data, trains one warm-up run and one timed run with {@code fit}, times
 * prediction batch by batch, and prints one JSON line in the peers' format (plus the allocation per
 * training step and the share of the timed run spent in garbage collection).
 *
 * <p>Usage: {@code WorkloadRunner WORKLOAD} (e.g. {@code mlp_b32}); the thread count comes from
 * {@code PEERS_THREADS} (the harness sets it), default 2.
 */
public final class WorkloadRunner {
  private static Logger quietKernelsLog;

  /** The text workload's vocabulary and sequence length (../shared/peers/README.md). */
  private static final int BILSTM_VOCAB = 8000;

  private static final int BILSTM_LEN = 100;

  private WorkloadRunner() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println(
          "usage: WorkloadRunner WORKLOAD   (mlp_b32, mlp_b256, cnn_b64, bilstm_b32, ...)");
      System.exit(2);
    }
    String name = args[0];
    if (name.equals("startup")) {
      startup();
      return;
    }
    Path root = Path.of(System.getProperty("keras4j.root", ".")).toAbsolutePath();
    JsonLine line = new JsonLine().put("peer", "keras4j").put("peer_version", version());
    try {
      WorkloadSpec spec = WorkloadSpec.load(name, root);
      run(spec, line);
    } catch (RuntimeException e) {
      line.put("workload", name).put("error", String.valueOf(e.getMessage()));
      line.print();
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(WorkloadSpec s, JsonLine r) {
    int threads = threads();
    Keras.setThreads(threads);
    Keras.setRandomSeed(s.seed());
    r.put("workload", s.name()).put("model", s.model()).put("batch", s.batch());
    r.put("runtime", "java " + System.getProperty("java.version"));
    r.put("loadavg_start", Measure.loadAvg());
    long tSetup = System.nanoTime();
    Model model = build(s.model());
    r.put("params", model.countParams()).put("threads", String.valueOf(threads));
    if (s.model().equals("mlp_seed")) {
      r.put("notes", "parameter count only");
      r.print();
      return;
    }
    int rows = s.poolBatches() * s.batch();
    double buildS = Measure.secondsSince(tSetup);
    Trained t = train(model, s, rows);
    r.put("setup_s", buildS + t.dataSeconds());
    r.put("train_steps", s.timedSteps()).put("train_s", t.seconds());
    r.put("train_sps", s.timedSteps() * (double) s.batch() / t.seconds());
    // The training data is garbage from here on: the prediction batches are generated afresh (the
    // same numbers, the generator is counter-based) rather than copied out of it, so the process
    // never holds the data pool twice (the peers' peak RSS includes the data).
    System.gc();
    List<List<Tensor>> pool = new ArrayList<>();
    for (int pb = 0; pb < Math.min(s.poolBatches(), s.predictBatches()); pb++) {
      pool.add(inputs(s, pb * s.batch(), s.batch()));
    }
    List<List<Tensor>> batches = new ArrayList<>();
    for (int b = 0; b < s.predictBatches(); b++) {
      batches.add(pool.get(b % s.poolBatches()));
    }
    double sink = 0;
    for (List<Tensor> xb : batches) {
      sink += model.predictOnBatch(xb).get(0).toFloatArray()[0]; // warm-up pass
    }
    int passes = 0;
    long t0 = System.nanoTime();
    do {
      for (List<Tensor> xb : batches) {
        sink += model.predictOnBatch(xb).get(0).toFloatArray()[0];
      }
      passes++;
    } while (Measure.secondsSince(t0) < s.predictMinSeconds());
    double predictS = Measure.secondsSince(t0);
    r.put("checksum", sink);
    r.put("predict_samples", passes * s.predictBatches() * s.batch()).put("predict_s", predictS);
    r.put("predict_sps", passes * s.predictBatches() * (double) s.batch() / predictS);
    List<Double> losses = t.history().get("loss");
    r.put("final_loss", losses.get(losses.size() - 1));
    r.put("alloc_kb_per_step", t.usage().allocatedBytes() / 1024.0 / s.timedSteps());
    r.put("gc_share", t.usage().gcSeconds() / t.seconds());
    r.put("notes", notes(s.model()));
    r.print();
  }

  /** The timed fit: its History, seconds and allocation; the seconds spent generating the data. */
  private record Trained(
      History history, double seconds, Measure.Usage usage, double dataSeconds) {}

  /**
   * Generates the data pool and runs the warm-up and the timed {@code fit}. The data lives only in
   * this frame: the caller can collect it afterwards.
   */
  private static Trained train(Model model, WorkloadSpec s, int rows) {
    long tData = System.nanoTime();
    List<Tensor> x = inputs(s, 0, rows);
    Tensor y = targets(s, rows);
    double dataS = Measure.secondsSince(tData);
    if (s.warmupSteps() > 0) {
      FitOptions warm = new FitOptions().batchSize(s.batch()).shuffle(false).verbose(0).epochs(1);
      model.fit(x, List.of(y), warm.stepsPerEpoch(s.warmupSteps()));
    }
    FitOptions timed =
        new FitOptions()
            .batchSize(s.batch())
            .shuffle(false)
            .verbose(0)
            .epochs(1)
            .stepsPerEpoch(s.timedSteps());
    Measure m = Measure.start();
    long t0 = System.nanoTime();
    History h = model.fit(x, List.of(y), timed);
    double trainS = Measure.secondsSince(t0);
    return new Trained(h, trainS, m.stop(), dataS);
  }

  /**
   * The peers' start-up probe: build workload A's MLP, predict one batch of 32, print the time from
   * the start of the process (bin/workload's, which execs the JVM) to that prediction; the
   * harness's {@code bin/startup.sh} times the whole process from outside.
   */
  private static void startup() {
    boolean scalar = ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty();
    if (scalar) {
      // bin/workload leaves the Vector API out of the probe on purpose (the notes say so): the
      // kernels' INFO line about it would cost more than the prediction (~0.1 s of CPU formatting
      // its date on first use). A field, because the log manager holds loggers weakly.
      quietKernelsLog = Logger.getLogger("io.keras4j.backend.jvm.KernelsProvider");
      quietKernelsLog.setLevel(Level.WARNING);
    }
    Keras.setRandomSeed(42);
    Model model = build("mlp");
    int rows = 32;
    Tensor x = Tensor.of(SynthData.uniform(42, SynthData.FEATURES, 0, rows * 784), rows, 784);
    float first = model.predictOnBatch(List.of(x)).get(0).getFloat(0, 0);
    double sinceStart = Measure.secondsSinceProcessStart();
    new JsonLine()
        .put("peer", "keras4j")
        .put("peer_version", version())
        .put("workload", "startup_mlp")
        .put("params", model.countParams())
        .put("first_predict_s_since_jvm_start", sinceStart)
        .put("checksum", first)
        .put(
            "notes",
            scalar
                ? "scalar kernels: started without jdk.incubator.vector (the Vector API needs C2)"
                : "Vector API kernels")
        .print();
  }

  static Model build(String kind) {
    switch (kind) {
      case "mlp" -> {
        var model =
            new Sequential(
                Input.of(784),
                new Dense(64, "relu"),
                new Dense(64, "relu"),
                new Dense(10, "softmax"));
        model.compile(new RMSprop(1e-3).rho(0.9).epsilon(1e-7), "categorical_crossentropy");
        return model;
      }
      case "mlp_seed" -> {
        return new Sequential(
            new Dense(128, "relu").inputShape(100),
            new Dense(256, "relu"),
            new Dense(10, "softmax"));
      }
      case "wide_deep" -> {
        KerasTensor wide = Input.of("wide", 5);
        KerasTensor deep = Input.of("deep", 6);
        KerasTensor h = new Dense(30, "relu").apply(deep);
        h = new Dense(30, "relu").apply(h);
        KerasTensor out = new Dense(1).apply(new Concatenate().apply(wide, h));
        var model = new Model(List.of(wide, deep), List.of(out));
        model.compile(new SGD(0.01), "mean_squared_error");
        return model;
      }
      case "cnn" -> {
        var model =
            new Sequential(
                Input.of(32, 32, 3),
                new Conv2D(64, 3).padding("same"),
                new ReLU(),
                new Flatten(),
                new Dense(512, "relu"),
                new Dropout(0.5),
                new Dense(10, "softmax"));
        model.compile(new Adam(1e-3).epsilon(1e-7), "categorical_crossentropy");
        return model;
      }
      case "bilstm" -> {
        // The sigmoid stays in the model (the peers' predictions include it); Keras's binary
        // cross-entropy on it.
        var model =
            new Sequential(
                Input.of(DType.INT32, BILSTM_LEN),
                new Embedding(BILSTM_VOCAB, 64),
                new Bidirectional(new LSTM(64)),
                new Dense(64, "relu"),
                new Dense(1, "sigmoid"));
        model.compile(new Adam(1e-3).epsilon(1e-7), "binary_crossentropy");
        return model;
      }
      default ->
          throw new IllegalArgumentException(
              "workload model '"
                  + kind
                  + "' is not available in keras4j. Available: mlp, mlp_seed, wide_deep, cnn,"
                  + " bilstm");
    }
  }

  /**
   * Rows {@code [from, from + rows)} of the workload's inputs, generated straight into the arrays
   * the tensors keep (wrapped, not copied: the MLP's pool is 188 MB).
   */
  private static List<Tensor> inputs(WorkloadSpec s, int from, int rows) {
    if (s.model().equals("wide_deep")) {
      return List.of(
          features(s.seed(), SynthData.FEATURES, from, rows, 5),
          features(s.seed(), SynthData.FEATURES2, from, rows, 6));
    }
    if (s.model().equals("bilstm")) { // word ids in [0, 8000), as the peers draw them
      int[] ids =
          SynthData.ints(
              s.seed(),
              SynthData.FEATURES,
              (long) from * BILSTM_LEN,
              rows * BILSTM_LEN,
              BILSTM_VOCAB);
      return List.of(JvmTensors.wrapInts(ids, rows, BILSTM_LEN));
    }
    if (s.model().equals("cnn")) { // the peers' numbers, in keras4j's layout (channels last)
      return List.of(features(s.seed(), SynthData.FEATURES, from, rows, 32, 32, 3));
    }
    return List.of(features(s.seed(), SynthData.FEATURES, from, rows, 784));
  }

  /**
   * Rows of one input, each of shape {@code row} (a width, or an image's height, width, channels).
   */
  private static Tensor features(long seed, int stream, int from, int rows, int... row) {
    int width = 1;
    for (int d : row) {
      width *= d;
    }
    int[] shape = new int[row.length + 1];
    shape[0] = rows;
    System.arraycopy(row, 0, shape, 1, row.length);
    return JvmTensors.wrap(
        SynthData.uniform(seed, stream, (long) from * width, rows * width), shape);
  }

  private static Tensor targets(WorkloadSpec s, int rows) {
    if (s.model().equals("wide_deep")) {
      return JvmTensors.wrap(SynthData.uniform(s.seed(), SynthData.LABELS, 0, rows), rows, 1);
    }
    if (s.model().equals("bilstm")) { // labels 0 or 1, one a row
      int[] labels = SynthData.ints(s.seed(), SynthData.LABELS, 0, rows, 2);
      float[] y = new float[rows];
      for (int i = 0; i < rows; i++) {
        y[i] = labels[i];
      }
      return JvmTensors.wrap(y, rows, 1);
    }
    int[] labels = SynthData.ints(s.seed(), SynthData.LABELS, 0, rows, 10);
    return JvmTensors.wrap(SynthData.oneHot(labels, 10), rows, 10);
  }

  private static String notes(String model) {
    return switch (model) {
      case "wide_deep" ->
          "Functional model, Concatenate; fit(shuffle=false, stepsPerEpoch); final_loss = mean of"
              + " the timed run";
      case "bilstm" ->
          "Sequential: Embedding, Bidirectional(LSTM), Dense(relu), Dense(sigmoid);"
              + " binary_crossentropy on the sigmoid; fit(shuffle=false, stepsPerEpoch);"
              + " final_loss = mean of the timed run";
      default ->
          "Sequential; fit(shuffle=false, stepsPerEpoch); final_loss = mean of the timed run";
    };
  }

  private static int threads() {
    String t = System.getenv("PEERS_THREADS");
    return t == null || t.isBlank() ? 2 : Integer.parseInt(t.trim());
  }

  private static String version() {
    String v = WorkloadRunner.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT";
  }
}
