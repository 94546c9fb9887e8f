package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * TEMPORARY (from the layers branch): Embedding's default initializer, "uniform" (Keras's
 * RandomUniform(-0.05, 0.05)), which the placeholder initializer catalogue lacks. Each method asks
 * {@link Initializers} first, so once the full catalogue is merged the fallback is never used: then
 * delete this file and call {@code Initializers.get} / {@code Config.initializer} directly.
 */
final class PendingCatalogue {
  private PendingCatalogue() {}

  static Initializer initializer(String name) {
    try {
      return Initializers.get(name);
    } catch (IllegalArgumentException e) {
      if (name.equals("uniform") || name.equals("random_uniform") || name.equals("RandomUniform")) {
        return randomUniform(-0.05, 0.05);
      }
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  static Initializer initializer(Config c, String key, String dflt) {
    try {
      return c.initializer(key, dflt);
    } catch (IllegalArgumentException e) {
      Object v = c.has(key) ? c.get(key) : dflt;
      if (v instanceof Map<?, ?> m && "RandomUniform".equals(m.get("class_name"))) {
        Map<String, Object> inner = (Map<String, Object>) m.get("config");
        double lo =
            inner == null ? -0.05 : ((Number) inner.getOrDefault("minval", -0.05)).doubleValue();
        double hi =
            inner == null ? 0.05 : ((Number) inner.getOrDefault("maxval", 0.05)).doubleValue();
        return randomUniform(lo, hi);
      }
      if (v instanceof String s) {
        return initializer(s);
      }
      throw e;
    }
  }

  private static Initializer randomUniform(double minval, double maxval) {
    return new Initializer() {
      @Override
      public Tensor apply(int[] shape) {
        SplittableRandom r = new SplittableRandom(SeedGenerator.nextGlobal());
        float[] d = new float[(int) io.keras4j.Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
          d[i] = (float) (minval + r.nextDouble() * (maxval - minval));
        }
        return Tensor.wrap(d, shape.clone());
      }

      @Override
      public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minval", minval);
        m.put("maxval", maxval);
        m.put("seed", null);
        return m;
      }

      @Override
      public String className() {
        return "RandomUniform";
      }
    };
  }
}
