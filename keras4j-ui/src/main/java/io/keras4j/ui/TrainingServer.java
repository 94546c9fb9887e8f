package io.keras4j.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the live training page of one or more runs, with the JDK's own HTTP server
 * (com.sun.net.httpserver). Bound to the loopback address 127.0.0.1 by default; port 0 takes any
 * free port. Its threads are daemons; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (TrainingServer server = new TrainingServer().port(8080).start()) {
 *   System.out.println(server.url());
 *   modelA.fit(x, y, new FitOptions().callbacks(server.callback("adam")));
 *   modelB.fit(x, y, new FitOptions().callbacks(server.callback("sgd")));
 * }
 * }</pre>
 *
 * <p>Served: {@code /} (the page), {@code /training.js}, {@code /training.css}, {@code /uplot/...}
 * (uPlot from its webjar) and {@code /api/runs}, the JSON of every run that the page polls (see
 * {@link RunLog} for its content and how the batch points are capped).
 */
public final class TrainingServer implements AutoCloseable {
  /** The port the default server tries first. */
  public static final int DEFAULT_PORT = 9000;

  private static final int DEFAULT_PORT_TRIES = 20;
  private static TrainingServer shared;

  private String host = "127.0.0.1";
  private int port;
  private int maxBatchPoints = 2000;
  private int refreshMillis = 1000;
  private final List<RunLog> runs = new ArrayList<>();
  private final StaticFiles files = new StaticFiles();
  private HttpServer http;
  private ExecutorService executor;

  /** A server on 127.0.0.1, any free port; set options, then {@link #start()}. */
  public TrainingServer() {}

  /** The port to listen on (0, the default: any free port). */
  public TrainingServer port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "TrainingServer: port must be between 0 and 65535. Received: port=" + port);
    }
    checkNotStarted("port");
    this.port = port;
    return this;
  }

  /**
   * The address to listen on (default "127.0.0.1", only this machine). "0.0.0.0" opens the page to
   * the network: it has no authentication.
   */
  public TrainingServer host(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException(
          "TrainingServer: host must be an address or host name. Received: host="
              + (host == null ? "null" : "\"" + host + "\""));
    }
    checkNotStarted("host");
    this.host = host;
    return this;
  }

  /**
   * The most batch points kept per run (default 2000, at least 2); beyond it the points are thinned
   * to every other one and only every 2nd, 4th, ... batch is kept (see {@link RunLog}).
   */
  public TrainingServer maxBatchPoints(int maxBatchPoints) {
    if (maxBatchPoints < 2) {
      throw new IllegalArgumentException(
          "TrainingServer: maxBatchPoints must be at least 2. Received: maxBatchPoints="
              + maxBatchPoints);
    }
    this.maxBatchPoints = maxBatchPoints;
    return this;
  }

  /** How often the page asks for new values, in milliseconds (default 1000, at least 50). */
  public TrainingServer refreshMillis(int refreshMillis) {
    if (refreshMillis < 50) {
      throw new IllegalArgumentException(
          "TrainingServer: refreshMillis must be at least 50. Received: refreshMillis="
              + refreshMillis);
    }
    this.refreshMillis = refreshMillis;
    return this;
  }

  /**
   * Starts listening. Throws {@link IllegalStateException} naming the address when the port is in
   * use.
   */
  public synchronized TrainingServer start() {
    checkNotStarted("start");
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "TrainingServer: unknown host. Received: host=\"" + host + "\"", e);
    }
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new IllegalStateException(
          "TrainingServer: port "
              + port
              + " on "
              + host
              + " is in use (or not allowed): pick another with port(int), or port(0) for any"
              + " free one. Received: port="
              + port,
          e);
    } catch (IOException e) {
      throw new IllegalStateException(
          "TrainingServer: cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    executor =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().daemon(true).name("keras4j-ui-http-", 0).factory());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    // The HTTP server's dispatcher thread takes the daemon status of the thread that starts it.
    Thread starter = Thread.ofPlatform().daemon(true).unstarted(server::start);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http = server;
    return this;
  }

  /** Whether {@link #start()} was called and {@link #close()} not yet. */
  public synchronized boolean isRunning() {
    return http != null;
  }

  /** The port listened on (the chosen one when port 0 was asked for). */
  public synchronized int boundPort() {
    return started("boundPort").getAddress().getPort();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:9000/}. */
  public synchronized String url() {
    InetSocketAddress a = started("url").getAddress();
    String h = a.getAddress().getHostAddress();
    if (h.contains(":")) {
      h = "[" + h + "]";
    }
    return "http://" + h + ":" + a.getPort() + "/";
  }

  /** A callback that adds a run with the given name to this server's page. */
  public TrainingPage callback(String runName) {
    return new TrainingPage(TrainingPage.checkedName(runName), this);
  }

  /** A callback that adds a run named "run N" to this server's page. */
  public TrainingPage callback() {
    return new TrainingPage(null, this);
  }

  /** Stops the server; the runs' values are kept but no longer served. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.stop(0);
      executor.shutdownNow();
      http = null;
      executor = null;
    }
  }

  /**
   * The process's default server, started on first use: 127.0.0.1, port {@value #DEFAULT_PORT} or
   * the next free one; its address is printed once.
   */
  public static synchronized TrainingServer shared() {
    if (shared == null || !shared.isRunning()) {
      TrainingServer s = null;
      IllegalStateException last = null;
      for (int p = DEFAULT_PORT; p < DEFAULT_PORT + DEFAULT_PORT_TRIES && s == null; p++) {
        try {
          s = new TrainingServer().port(p).start();
        } catch (IllegalStateException e) {
          last = e;
        }
      }
      if (s == null) {
        throw new IllegalStateException(
            "TrainingServer: ports "
                + DEFAULT_PORT
                + " to "
                + (DEFAULT_PORT + DEFAULT_PORT_TRIES - 1)
                + " are all in use; start a server of your own with new TrainingServer().port(0)"
                + ".start() and use its callback(name).",
            last);
      }
      shared = s;
      System.out.println("Training page: " + s.url());
    }
    return shared;
  }

  // ---- runs and requests -----------------------------------------------------------------

  synchronized RunLog newRun(String name) {
    int id = runs.size() + 1;
    RunLog run = new RunLog(id, name != null ? name : "run " + id, maxBatchPoints);
    runs.add(run);
    return run;
  }

  synchronized List<RunLog> runs() {
    return List.copyOf(runs);
  }

  /** The JSON that /api/runs serves. */
  String runsJson() {
    List<RunLog> snapshot = runs();
    StringBuilder out = new StringBuilder();
    out.append("{\"refresh_ms\":").append(refreshMillis);
    out.append(",\"max_batch_points\":").append(maxBatchPoints).append(",\"runs\":[");
    for (int i = 0; i < snapshot.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      snapshot.get(i).toJson(out);
    }
    return out.append("]}").toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", bytes("Method not allowed\n"), false);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.substring(1).equals("api/runs")) { // the path starts with "/"
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json; charset=utf-8", bytes(runsJson()), head);
        return;
      }
      StaticFiles.File file;
      try {
        file = files.get(path);
      } catch (RuntimeException e) {
        send(exchange, 500, "text/plain; charset=utf-8", bytes(e.getMessage() + "\n"), head);
        return;
      }
      if (file == null) {
        send(exchange, 404, "text/plain; charset=utf-8", bytes("Not found: " + path + "\n"), head);
        return;
      }
      send(exchange, 200, file.contentType(), file.bytes(), head);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body, boolean head)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (head) {
      ex.sendResponseHeaders(code, -1);
      return;
    }
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private void checkNotStarted(String what) {
    if (http != null) {
      throw new IllegalStateException(
          "TrainingServer: "
              + what
              + " must come before start(); the server is running at "
              + url());
    }
  }

  private HttpServer started(String what) {
    if (http == null) {
      throw new IllegalStateException(
          "TrainingServer: " + what + "() needs a running server; call start() first.");
    }
    return http;
  }
}
