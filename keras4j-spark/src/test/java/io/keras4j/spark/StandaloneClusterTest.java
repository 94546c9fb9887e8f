package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SparkTrainer on a Spark standalone cluster on loopback: a Master and two Workers (one core each),
 * separate JVMs started from the test class path, stopped afterwards. The executors are JVMs of
 * their own, so the ring all-reduce crosses processes; a lost executor (its JVM ends in the middle
 * of an epoch) restarts the stage from the last checkpoint with the same final weights.
 */
class StandaloneClusterTest {
  static final List<Process> processes = new ArrayList<>();
  static JavaSparkContext sc;
  static Path home;

  @BeforeAll
  static void startCluster() throws Exception {
    String cp = System.getProperty("java.class.path");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    home = Files.createTempDirectory("keras4j-spark-home");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    processes.add(
        start(
            java,
            cp,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "" + port,
            "--webui-port",
            "0"));
    waitForPort(port);
    for (int i = 0; i < 2; i++) {
      processes.add(
          start(
              java,
              cp,
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--cores",
              "1",
              "--memory",
              "1g",
              "--webui-port",
              "0",
              "--work-dir",
              home.resolve("work" + i).toString(),
              master));
    }
    sc =
        new JavaSparkContext(
            SparkTests.conf(master, "StandaloneClusterTest")
                .set("spark.executor.extraClassPath", cp)
                .set("spark.executor.extraJavaOptions", jvmFlags())
                .set("spark.executor.memory", "768m")
                .set("spark.task.maxFailures", "4")
                .set("spark.barrier.maxConcurrentTasksCheck.interval", "1s")
                .set("spark.barrier.maxConcurrentTasksCheck.maxFailures", "60"));
    sc.setLogLevel("ERROR");
    long until = System.nanoTime() + 180_000_000_000L;
    while (sc.sc().getExecutorIds().size() < 2) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the two executors did not register within 180 s");
      }
      Thread.sleep(200);
    }
  }

  /** The flags of this JVM that the executors need too (Vector API, Spark's openings). */
  static String jvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("--enable-native-access")
          || a.startsWith("--sun-misc")
          || a.startsWith("-Dio.netty")) {
        flags.add(a);
      }
    }
    flags.add("--add-modules=jdk.incubator.vector");
    return String.join(" ", flags);
  }

  static Process start(String java, String cp, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", cp));
    cmd.addAll(List.of(jvmFlags().split(" ")));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_TESTING", "1");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    File log = home.resolve("process" + processes.size() + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    return pb.start();
  }

  static void waitForPort(int port) throws InterruptedException {
    long until = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < until) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the Master did not open port " + port + " within 30 s");
  }

  @AfterAll
  static void stopCluster() {
    if (sc != null) {
      sc.stop();
    }
    for (Process p : processes.reversed()) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (home != null) { // the processes' logs and the executors' work directories
      try (var paths = Files.walk(home)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("StandaloneClusterTest: could not delete " + home + ": " + e);
      }
    }
  }

  static FitOptions options(boolean shuffle) {
    return new FitOptions().epochs(3).batchSize(32).shuffle(shuffle).verbose(0);
  }

  @Test
  void twoExecutorsEndWithTheWeightsOfSingleMachineTraining() {
    Model single = SparkTrainerTest.model();
    single.fit(
        Tensor.of(SparkTrainerTest.x, SparkTrainerTest.N, SparkTrainerTest.FEATURES),
        Tensor.of(SparkTrainerTest.y, SparkTrainerTest.N),
        options(false));
    Model spark = SparkTrainerTest.model();
    new SparkTrainer(spark).numWorkers(2).fit(samples(), options(false));
    float[] a = SparkTrainerTest.flatWeights(single);
    float[] b = SparkTrainerTest.flatWeights(spark);
    double maxDiff = 0;
    for (int i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    }
    assertTrue(maxDiff < 2e-5, "max |single - cluster| weight difference " + maxDiff);
  }

  @Test
  void aLostExecutorAndAHungPeerEndWithTheWeightsOfACleanRun() {
    Model clean = SparkTrainerTest.model();
    new SparkTrainer(clean).numWorkers(2).seed(3).fit(samples(), options(true));
    Model lost = SparkTrainerTest.model();
    new SparkTrainer(lost)
        .numWorkers(2)
        .seed(3)
        .fault(new Fault(0, 1, 1, 2, Fault.Kind.EXIT))
        .fit(samples(), options(true));
    assertArrayEquals(SparkTrainerTest.flatWeights(clean), SparkTrainerTest.flatWeights(lost));
    Model hung = SparkTrainerTest.model();
    long t0 = System.nanoTime();
    new SparkTrainer(hung)
        .numWorkers(2)
        .seed(3)
        .allReduceTimeout(Duration.ofSeconds(2))
        .fault(new Fault(0, 0, 2, 1, Fault.Kind.HANG))
        .fit(samples(), options(true));
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertArrayEquals(SparkTrainerTest.flatWeights(clean), SparkTrainerTest.flatWeights(hung));
    assertTrue(seconds < 120, "fit with a hung peer took " + seconds + " s (a hang never ends)");
  }

  static org.apache.spark.api.java.JavaRDD<Sample> samples() {
    List<Sample> list = new ArrayList<>();
    int f = SparkTrainerTest.FEATURES;
    for (int i = 0; i < SparkTrainerTest.N; i++) {
      float[] v = new float[f];
      System.arraycopy(SparkTrainerTest.x, i * f, v, 0, f);
      list.add(Sample.of(v, SparkTrainerTest.y[i]));
    }
    return sc.parallelize(list, 2);
  }
}
