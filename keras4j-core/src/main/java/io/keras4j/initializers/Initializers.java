package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Placeholder registry (replaced by the full catalogue). */
public final class Initializers {
  private Initializers() {}

  public static Initializer get(String name) {
    return switch (name) {
      case "zeros", "Zeros" -> simple("Zeros", 0f);
      case "ones", "Ones" -> simple("Ones", 1f);
      case "glorot_uniform", "GlorotUniform" -> glorot();
      default -> throw new IllegalArgumentException("Unknown initializer. Received: initializer=" + name);
    };
  }

  public static Initializer deserialize(Map<String, Object> config) {
    return get((String) config.get("class_name"));
  }

  public static Map<String, Object> serialize(Initializer init) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", "keras.initializers");
    m.put("class_name", init.className());
    m.put("config", init.getConfig());
    m.put("registered_name", null);
    return m;
  }

  private static Initializer simple(String cls, float v) {
    return new Initializer() {
      public Tensor apply(int[] shape) {
        return Tensor.full(v, shape);
      }

      public Map<String, Object> getConfig() {
        return new LinkedHashMap<>();
      }

      public String className() {
        return cls;
      }
    };
  }

  private static Initializer glorot() {
    return new Initializer() {
      public Tensor apply(int[] shape) {
        int fanIn = shape.length >= 2 ? shape[shape.length - 2] : shape[0];
        int fanOut = shape[shape.length - 1];
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        java.util.SplittableRandom r =
            new java.util.SplittableRandom(io.keras4j.random.SeedGenerator.nextGlobal());
        float[] d = new float[(int) io.keras4j.Shapes.size(shape)];
        for (int i = 0; i < d.length; i++) {
          d[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
        }
        return Tensor.wrap(d, shape.clone());
      }

      public Map<String, Object> getConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", null);
        return m;
      }

      public String className() {
        return "GlorotUniform";
      }
    };
  }
}
