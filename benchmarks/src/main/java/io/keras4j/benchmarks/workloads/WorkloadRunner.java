package io.keras4j.benchmarks.workloads;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.RMSprop;
import io.keras4j.optimizers.SGD;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
  private WorkloadRunner() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println(
          "usage: WorkloadRunner WORKLOAD   (mlp_b32, mlp_b256, wide_deep_b32, ...)");
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
    List<Tensor> x = inputs(s, rows);
    Tensor y = targets(s, rows);
    r.put("setup_s", Measure.secondsSince(tSetup));

    FitOptions warm = new FitOptions().batchSize(s.batch()).shuffle(false).verbose(0).epochs(1);
    if (s.warmupSteps() > 0) {
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
    Measure.Usage usage = m.stop();
    r.put("train_steps", s.timedSteps()).put("train_s", trainS);
    r.put("train_sps", s.timedSteps() * (double) s.batch() / trainS);

    List<List<Tensor>> batches = new ArrayList<>();
    for (int b = 0; b < s.predictBatches(); b++) {
      int pb = b % s.poolBatches();
      List<Tensor> xb = new ArrayList<>();
      for (Tensor t : x) {
        xb.add(rowsOf(t, pb * s.batch(), (pb + 1) * s.batch()));
      }
      batches.add(xb);
    }
    double sink = 0;
    for (List<Tensor> xb : batches) {
      sink += model.predictOnBatch(xb).get(0).toFloatArray()[0]; // warm-up pass
    }
    int passes = 0;
    t0 = System.nanoTime();
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
    List<Double> losses = h.get("loss");
    r.put("final_loss", losses.get(losses.size() - 1));
    r.put("alloc_kb_per_step", usage.allocatedBytes() / 1024.0 / s.timedSteps());
    r.put("gc_share", usage.gcSeconds() / trainS);
    r.put("notes", notes(s.model()));
    r.print();
  }

  /**
   * The peers' start-up probe: build workload A's MLP, predict one batch of 32, print the time from
   * JVM start to that prediction (the harness's {@code bin/startup.sh} times the whole process).
   */
  private static void startup() {
    Keras.setRandomSeed(42);
    Model model = build("mlp");
    int rows = 32;
    Tensor x = Tensor.of(SynthData.uniform(42, SynthData.FEATURES, 0, rows * 784), rows, 784);
    float first = model.predictOnBatch(List.of(x)).get(0).getFloat(0, 0);
    double sinceStart =
        (System.currentTimeMillis()
                - ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli())
            / 1000.0;
    new JsonLine()
        .put("peer", "keras4j")
        .put("peer_version", version())
        .put("workload", "startup_mlp")
        .put("params", model.countParams())
        .put("first_predict_s_since_jvm_start", sinceStart)
        .put("checksum", first)
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
      default ->
          throw new IllegalArgumentException(
              "workload model '"
                  + kind
                  + "' is not available in keras4j yet (Conv2D and LSTM arrive with later"
                  + " issues). Available: mlp, mlp_seed, wide_deep");
    }
  }

  private static List<Tensor> inputs(WorkloadSpec s, int rows) {
    if (s.model().equals("wide_deep")) {
      return List.of(
          Tensor.of(SynthData.uniform(s.seed(), SynthData.FEATURES, 0, rows * 5), rows, 5),
          Tensor.of(SynthData.uniform(s.seed(), SynthData.FEATURES2, 0, rows * 6), rows, 6));
    }
    return List.of(
        Tensor.of(SynthData.uniform(s.seed(), SynthData.FEATURES, 0, rows * 784), rows, 784));
  }

  private static Tensor targets(WorkloadSpec s, int rows) {
    if (s.model().equals("wide_deep")) {
      return Tensor.of(SynthData.uniform(s.seed(), SynthData.LABELS, 0, rows), rows, 1);
    }
    int[] labels = SynthData.ints(s.seed(), SynthData.LABELS, 0, rows, 10);
    return Tensor.of(SynthData.oneHot(labels, 10), rows, 10);
  }

  private static Tensor rowsOf(Tensor t, int from, int to) {
    int width = t.dim(1);
    float[] d = java.util.Arrays.copyOfRange(t.toFloatArray(), from * width, to * width);
    return Tensor.of(d, to - from, width);
  }

  private static String notes(String model) {
    return switch (model) {
      case "wide_deep" ->
          "Functional model, Concatenate; fit(shuffle=false, stepsPerEpoch); final_loss = mean of"
              + " the timed run";
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
