package io.keras4j.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (headless chromium): while a fit runs, held batch by batch by a gate
 * callback, two looks at the page show its charts filled with exactly the points trained so far,
 * more at the second look; a screenshot of the finished page goes to target/training-page.png.
 */
class TrainingPageBrowserTest {
  private static final Pattern CHART = Pattern.compile("<div class=\"chart\"([^>]*)>");
  private static final Pattern ATTR = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"");

  private TrainingServer server;
  private Thread fit;
  private final Semaphore permits = new Semaphore(0);

  @AfterEach
  void close() throws InterruptedException {
    permits.release(10_000);
    if (fit != null) {
      fit.join(60_000);
    }
    if (server != null) {
      server.close();
    }
  }

  /** Holds each training batch until the test hands out a permit. */
  private Callback gate() {
    return new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        try {
          if (!permits.tryAcquire(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate: no permit within 120 s");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  @Test
  void chartsFillWhileFitRuns() throws Exception {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Chromium chromium = Chromium.find(target);
    assumeTrue(
        chromium != null,
        "no chromium on the PATH (apt-get install chromium, or -Dkeras4j.chromium=/path/to/it)");

    server = new TrainingServer().refreshMillis(200).start();
    Tensor x = TestSupport.features(64, 1);
    Tensor y = TestSupport.labels(x);
    Tensor xv = TestSupport.features(16, 2);
    Tensor yv = TestSupport.labels(xv);
    // A first run, finished before the page is opened: 3 epochs of 7 batches.
    TestSupport.model("first", 0.2)
        .fit(
            x,
            y,
            new FitOptions()
                .epochs(3)
                .batchSize(10)
                .validationData(xv, yv)
                .callbacks(server.callback("sgd 0.2"))
                .verbose(0));
    // The second, held by the gate: 4 epochs of 4 batches.
    Sequential model = TestSupport.model("second", 0.05);
    TrainingPage page = server.callback("sgd 0.05");
    AtomicReference<Throwable> failed = new AtomicReference<>();
    fit =
        Thread.ofPlatform()
            .daemon(true)
            .start(
                () -> {
                  try {
                    model.fit(
                        x,
                        y,
                        new FitOptions()
                            .epochs(4)
                            .batchSize(16)
                            .validationData(xv, yv)
                            .callbacks(page, gate())
                            .verbose(0));
                  } catch (Throwable t) {
                    failed.set(t);
                  }
                });
    RunLog held = runNamed("sgd 0.05");

    // Batches 0..2 pass; batch 3 is recorded and held: 4 batches, no epoch finished yet.
    permits.release(3);
    awaitBatches(held, 4);
    Map<String, Integer> first = points(chromium.dumpDom(server.url(), 3000));
    assertEquals(21 + 4, first.get("batch/loss"), first.toString());
    assertEquals(21 + 4, first.get("batch/learning_rate"), first.toString());
    assertEquals(3 + 3, first.get("epoch/loss"), first.toString()); // the first run: loss, val

    // Batches 3..9 pass; batch 10 is held: 11 batches, 2 epochs with loss and val_loss.
    permits.release(7);
    awaitBatches(held, 11);
    String dom = chromium.dumpDom(server.url(), 3000);
    Map<String, Integer> second = points(dom);
    assertEquals(21 + 11, second.get("batch/loss"), second.toString());
    assertEquals(6 + 2 * 2, second.get("epoch/loss"), second.toString());
    assertEquals(6 + 2 * 2, second.get("epoch/accuracy"), second.toString());
    assertTrue(second.get("batch/loss") > first.get("batch/loss"));
    assertTrue(dom.contains("data-runs=\"2\""), "two runs on the page");
    assertTrue(dom.contains("Total params: 49"), "the model summary is on the page");

    permits.release(10_000);
    fit.join(60_000);
    assertEquals(null, failed.get());
    assertEquals("finished", held.status());
    Path png = target.resolve("training-page.png");
    chromium.screenshot(server.url(), 3000, png, 1280, 1400);
    assertEquals(16, held.batchesSeen());
    assertEquals(4, held.epochsSeen());
    assertTrue(Files.size(png) > 10_000, "screenshot " + png + " is " + Files.size(png) + " bytes");
  }

  private RunLog runNamed(String name) {
    return server.runs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static void awaitBatches(RunLog run, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (run.batchesSeen() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the fit did not reach " + n + " batches: " + run.batchesSeen());
      }
      Thread.sleep(10);
    }
    assertEquals(n, run.batchesSeen());
  }

  /** "view/metric" → data-points of each chart in the dumped DOM. */
  static Map<String, Integer> points(String dom) {
    Map<String, Integer> out = new HashMap<>();
    Matcher chart = CHART.matcher(dom);
    while (chart.find()) {
      Map<String, String> attrs = new HashMap<>();
      Matcher a = ATTR.matcher(chart.group(1));
      while (a.find()) {
        attrs.put(a.group(1), a.group(2));
      }
      out.put(attrs.get("view") + "/" + attrs.get("metric"), Integer.parseInt(attrs.get("points")));
    }
    return out;
  }
}
