package io.keras4j.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's JSON during and after fits, its files, its address and its errors. */
class TrainingServerTest {
  private TrainingServer server;

  @AfterEach
  void close() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoRunsSideBySideMatchTheirHistories() throws IOException {
    server = new TrainingServer().start();
    Tensor x = TestSupport.features(64, 1);
    Tensor y = TestSupport.labels(x);
    Tensor xv = TestSupport.features(16, 2);
    Tensor yv = TestSupport.labels(xv);
    List<Integer> epochsServedDuringFit = new ArrayList<>();
    List<Long> batchesServedDuringFit = new ArrayList<>();
    Callback look =
        new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            try {
              JsonNode run = TestSupport.runs(server).get("runs").get(0);
              assertEquals("training", run.get("status").asText());
              epochsServedDuringFit.add(run.get("epoch").get("epoch").size());
              batchesServedDuringFit.add(run.get("batches_seen").asLong());
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }
        };
    Sequential a = TestSupport.model("a", 0.05);
    TrainingPage pageA = server.callback("sgd 0.05");
    History ha =
        a.fit(
            x,
            y,
            new FitOptions()
                .epochs(3)
                .batchSize(16)
                .shuffle(false)
                .validationData(xv, yv)
                .callbacks(pageA, look)
                .verbose(0));
    Sequential b = TestSupport.model("b", 0.2);
    History hb =
        b.fit(
            x,
            y,
            new FitOptions()
                .epochs(2)
                .batchSize(10)
                .shuffle(false)
                .callbacks(server.callback("sgd 0.2"))
                .verbose(0));

    // while run a trained, each epoch end saw its epochs so far (the page's callback runs first)
    assertEquals(List.of(1, 2, 3), epochsServedDuringFit);
    assertEquals(List.of(4L, 8L, 12L), batchesServedDuringFit);

    JsonNode runs = TestSupport.runs(server).get("runs");
    assertEquals(2, runs.size());
    check(runs.get(0), "sgd 0.05", ha, 3, 4, 0.05);
    check(runs.get(1), "sgd 0.2", hb, 2, 7, 0.2); // 64 samples in batches of 10: 7 steps
    assertTrue(runs.get(0).get("epoch").has("val_loss"));
    assertFalse(runs.get(1).get("epoch").has("val_loss"));
    assertTrue(runs.get(0).get("summary").asText().contains("Total params: 49"));
    assertEquals(a.summary(0), runs.get(0).get("summary").asText());
  }

  private static void check(
      JsonNode run, String name, History h, int epochs, int steps, double rate) {
    assertEquals(name, run.get("name").asText());
    assertEquals("finished", run.get("status").asText());
    assertEquals(epochs, run.get("epochs").asInt());
    assertEquals(steps, run.get("steps_per_epoch").asInt());
    assertEquals((long) epochs * steps, run.get("batches_seen").asLong());
    assertEquals(1, run.get("batch_stride").asInt());
    JsonNode epoch = run.get("epoch");
    for (Map.Entry<String, List<Double>> e : h.history().entrySet()) {
      assertArrayEquals(
          e.getValue().stream().mapToDouble(Double::doubleValue).toArray(),
          doubles(epoch.get(e.getKey())),
          0.0,
          "epoch column " + e.getKey());
    }
    assertArrayEquals(ints(epochs), doubles(epoch.get("epoch")), 0.0);
    double f32 = (float) rate; // the optimizer keeps its rate as float32
    assertArrayEquals(filled(epochs, f32), doubles(epoch.get("learning_rate")), 0.0);

    JsonNode batch = run.get("batch");
    assertArrayEquals(ints(epochs * steps), doubles(batch.get("step")), 0.0);
    double[] batchEpoch = doubles(batch.get("epoch"));
    for (int i = 0; i < batchEpoch.length; i++) {
      assertEquals(i / steps, batchEpoch[i], 0.0, "epoch of batch " + i);
    }
    assertArrayEquals(filled(epochs * steps, f32), doubles(batch.get("learning_rate")), 0.0);
    // the last batch of each epoch logs the epoch's running means: the epoch's training values
    double[] loss = doubles(batch.get("loss"));
    double[] accuracy = doubles(batch.get("accuracy"));
    for (int e = 0; e < epochs; e++) {
      assertEquals(h.get("loss").get(e), loss[e * steps + steps - 1], 1e-6, "loss " + e);
      assertEquals(h.get("accuracy").get(e), accuracy[e * steps + steps - 1], 1e-6);
    }
  }

  static double[] doubles(JsonNode array) {
    assertNotNull(array);
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static double[] ints(int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static double[] filled(int n, double v) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  @Test
  void servesThePageAndUplotWithTheirTypes() throws IOException {
    server = new TrainingServer().start();
    String[][] files = {
      {"", "text/html; charset=utf-8", "index.html"},
      {"training.js", "text/javascript; charset=utf-8", "training.js"},
      {"training.css", "text/css; charset=utf-8", "training.css"},
      {
        "uplot/uPlot.iife.min.js",
        "text/javascript; charset=utf-8",
        "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"
      },
      {
        "uplot/uPlot.min.css",
        "text/css; charset=utf-8",
        "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css"
      },
    };
    for (String[] f : files) {
      TestSupport.Response r = TestSupport.get(server.url() + f[0]);
      assertEquals(200, r.status(), f[0]);
      assertEquals(f[1], r.contentType(), f[0]);
      byte[] expected;
      try (InputStream in =
          f[2].startsWith("META-INF/")
              ? TrainingServer.class.getClassLoader().getResourceAsStream(f[2])
              : TrainingServer.class.getResourceAsStream(f[2])) {
        assertNotNull(in, f[2]);
        expected = in.readAllBytes();
      }
      assertArrayEquals(expected, r.body(), f[0]);
    }
    // the page loads uPlot from this server, nothing from the internet
    String html = TestSupport.get(server.url()).text();
    assertTrue(html.contains("src=\"uplot/uPlot.iife.min.js\""));
    assertFalse(html.contains("http://") || html.contains("https://"), html);

    TestSupport.Response json = TestSupport.get(server.url() + "api/runs");
    assertEquals("application/json; charset=utf-8", json.contentType());
    assertEquals("{\"refresh_ms\":1000,\"max_batch_points\":2000,\"runs\":[]}", json.text());
    assertEquals(404, TestSupport.get(server.url() + "nothing.js").status());
    assertEquals(404, TestSupport.get(server.url() + "uplot/package.json").status());
    assertEquals(405, TestSupport.request("POST", server.url() + "api/runs").status());
    TestSupport.Response head = TestSupport.request("HEAD", server.url() + "training.js");
    assertEquals(200, head.status());
    assertEquals(0, head.body().length);
  }

  @Test
  void listensOnLoopbackOnly() throws IOException {
    server = new TrainingServer().start();
    assertTrue(server.url().startsWith("http://127.0.0.1:" + server.boundPort() + "/"));
    assertTrue(server.boundPort() > 0);
    // nothing answers on the same port at this machine's other addresses
    for (InetAddress a : InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
      if (!a.isLoopbackAddress()) {
        try (java.net.Socket s = new java.net.Socket()) {
          assertThrows(
              IOException.class,
              () -> s.connect(new InetSocketAddress(a, server.boundPort()), 2000),
              "connected through " + a);
        }
      }
    }
  }

  @Test
  void portInUseIsNamed() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> new TrainingServer().port(port).start());
      assertTrue(
          e.getMessage().contains("port " + port + " on 127.0.0.1 is in use"), e.getMessage());
      assertTrue(e.getMessage().endsWith("Received: port=" + port), e.getMessage());
    }
  }

  @Test
  void badOptionsNameTheValue() {
    TrainingServer s = new TrainingServer();
    assertMessage("Received: port=-1", () -> s.port(-1));
    assertMessage("Received: port=65536", () -> s.port(65536));
    assertMessage("Received: host=\"\"", () -> s.host(""));
    assertMessage("Received: maxBatchPoints=1", () -> s.maxBatchPoints(1));
    assertMessage("Received: refreshMillis=10", () -> s.refreshMillis(10));
    assertMessage("Received: runName=\" \"", () -> s.callback(" "));
    assertMessage("Received: runName=null", () -> new TrainingPage((String) null));
    IllegalStateException e = assertThrows(IllegalStateException.class, s::url);
    assertTrue(e.getMessage().contains("call start() first"), e.getMessage());
    server = s.start();
    e = assertThrows(IllegalStateException.class, () -> s.port(1234));
    assertTrue(e.getMessage().contains("port must come before start()"), e.getMessage());
  }

  private static void assertMessage(String end, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().endsWith(end), e.getMessage());
  }

  @Test
  void threadsAreDaemonsAndCloseStopsTheServer() throws IOException {
    server = new TrainingServer().start();
    String url = server.url();
    assertEquals(200, TestSupport.get(url + "api/runs").status());
    List<Thread> http =
        Thread.getAllStackTraces().keySet().stream()
            .filter(
                t ->
                    t.getName().startsWith("HTTP-Dispatcher")
                        || t.getName().startsWith("keras4j-ui-http-"))
            .toList();
    assertFalse(http.isEmpty());
    for (Thread t : http) {
      assertTrue(t.isDaemon(), t.getName() + " is not a daemon");
    }
    server.close();
    assertFalse(server.isRunning());
    assertThrows(IOException.class, () -> TestSupport.get(url + "api/runs"));
  }

  @Test
  void defaultServerIsSharedByTheOneLiner() throws IOException {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    TrainingPage first;
    TrainingPage second;
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      first = new TrainingPage();
      second = new TrainingPage("second");
    } finally {
      System.setOut(out);
    }
    try {
      // the address is printed once, when the default server starts
      assertEquals(
          "Training page: " + first.url() + System.lineSeparator(),
          printed.toString(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(first.server() == second.server());
      int port = first.server().boundPort();
      assertTrue(port >= TrainingServer.DEFAULT_PORT && port < TrainingServer.DEFAULT_PORT + 20);
      JsonNode runs = TestSupport.runs(first.server()).get("runs");
      assertEquals("second", runs.get(runs.size() - 1).get("name").asText());
      assertEquals("run " + (runs.size() - 1), first.runName());
    } finally {
      first.server().close();
    }
  }
}
