package io.keras4j.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Random;

/** A small model and data, and plain HTTP requests, for the tests. */
final class TestSupport {
  private TestSupport() {}

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, Content-Type and body. */
  record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  static Response get(String url) throws IOException {
    return request("GET", url);
  }

  static Response request(String method, String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(5000);
    c.setReadTimeout(10000);
    int status = c.getResponseCode();
    InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
    byte[] body = in == null ? new byte[0] : in.readAllBytes();
    if (in != null) {
      in.close();
    }
    c.disconnect();
    return new Response(status, c.getContentType(), body);
  }

  static JsonNode runs(TrainingServer server) throws IOException {
    Response r = get(server.url() + "api/runs");
    if (r.status() != 200) {
      throw new IOException("api/runs answered " + r.status() + ": " + r.text());
    }
    return JSON.readTree(r.body());
  }

  /** Inputs (n, 4) with values in [-1, 1) from a seeded generator. */
  static Tensor features(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[n * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return Tensor.of(v, n, 4);
  }

  /** Labels (n, 1): 1 where the first two features sum above 0. */
  static Tensor labels(Tensor x) {
    float[] v = x.toFloatArray();
    int n = v.length / 4;
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = v[4 * i] + v[4 * i + 1] > 0 ? 1f : 0f;
    }
    return Tensor.of(y, n, 1);
  }

  /** Dense(8, relu) then Dense(1, sigmoid) on 4 inputs, SGD, binary cross-entropy, accuracy. */
  static Sequential model(String name, double learningRate) {
    Keras.setRandomSeed(7);
    Sequential m = new Sequential(new Dense(8, "relu").inputShape(4), new Dense(1, "sigmoid"));
    m.compile(new SGD(learningRate), "binary_crossentropy", "accuracy");
    return m;
  }
}
