package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.MaxNorm;
import io.keras4j.constraints.NonNeg;
import io.keras4j.constraints.UnitNorm;
import io.keras4j.initializers.Initializer;
import io.keras4j.regularizers.L1L2;
import io.keras4j.regularizers.L2;
import io.keras4j.regularizers.Regularizer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Options Keras takes as a string take one here too, with Keras's defaults: {@code "l2"} is {@code
 * L2(0.01)}, {@code "max_norm"} is {@code MaxNorm(2.0)}, ... on every layer that has the option.
 */
class StringOptionsTest {

  private static double sum(List<Tensor> losses) {
    return losses.stream().mapToDouble(Tensor::item).sum();
  }

  @Test
  void regularizerNamesGiveKerasDefaults() {
    // All-ones weights: l2 = 0.01 * count, l1 = 0.01 * count.
    Dense dense =
        new Dense(3)
            .kernelInitializer("ones")
            .biasInitializer("ones")
            .kernelRegularizer("l2")
            .biasRegularizer("l1");
    dense.build(-1, 2);
    assertEquals(0.01 * 6 + 0.01 * 3, sum(dense.losses()), 1e-7);

    // Keras documents "l1_l2" as l1=0.01 and l2=0.01.
    Embedding emb =
        new Embedding(4, 2).embeddingsInitializer("ones").embeddingsRegularizer("l1_l2");
    emb.build(-1, 3);
    assertEquals(0.01 * 8 + 0.01 * 8, sum(emb.losses()), 1e-7);

    PReLU prelu = new PReLU().alphaInitializer("ones").alphaRegularizer("l2");
    prelu.build(-1, 5);
    assertEquals(0.01 * 5, sum(prelu.losses()), 1e-7);

    // On the outputs: Dense(2) of ones on [[1, 2]] gives [3, 3]; l2 = 0.01 * 18 / batch 1.
    Dense act = new Dense(2).kernelInitializer("ones").activityRegularizer("l2");
    act.apply(Tensor.of(new float[] {1, 2}, 1, 2));
    assertEquals(0.01 * 18, sum(act.losses()), 1e-6);
  }

  @Test
  void constraintNamesGiveKerasDefaults() {
    Dense dense = new Dense(2).kernelConstraint("max_norm").biasConstraint("non_neg");
    dense.build(-1, 2);
    // MaxNorm(2) along axis 0: the column [3, 4] (norm 5) becomes [1.2, 1.6]; [0.6, 0.8] stays.
    Tensor w = Tensor.of(new float[] {3, 0.6f, 4, 0.8f}, 2, 2);
    assertArrayEquals(
        new float[] {1.2f, 0.6f, 1.6f, 0.8f},
        dense.constraintOf(dense.kernel()).apply(w).toFloatArray(),
        1e-4f);
    assertArrayEquals(
        new float[] {0, 2},
        dense.constraintOf(dense.bias()).apply(Tensor.of(-1, 2)).toFloatArray());

    Embedding emb = new Embedding(2, 2).embeddingsConstraint("unit_norm");
    emb.build(-1, 1);
    assertArrayEquals(
        new float[] {0.6f, 0, 0.8f, 1},
        emb.constraintOf(emb.embeddings())
            .apply(Tensor.of(new float[] {3, 0, 4, 2}, 2, 2))
            .toFloatArray(),
        1e-5f);

    PReLU prelu = new PReLU().alphaConstraint("non_neg");
    prelu.build(-1, 2);
    assertArrayEquals(
        new float[] {0, 0.5f},
        prelu.constraintOf(prelu.alpha()).apply(Tensor.of(-3, 0.5f)).toFloatArray());
  }

  @Test
  void aNameAndItsObjectWriteTheSameConfig() {
    Map<String, Object> byName =
        withoutName(
            new Dense(2)
                .kernelRegularizer("l2")
                .biasRegularizer("l1_l2")
                .activityRegularizer("l2")
                .kernelConstraint("max_norm")
                .biasConstraint("non_neg")
                .getConfig());
    Map<String, Object> byObject =
        withoutName(
            new Dense(2)
                .kernelRegularizer(new L2(0.01))
                .biasRegularizer(new L1L2(0.01, 0.01))
                .activityRegularizer(new L2(0.01))
                .kernelConstraint(new MaxNorm(2.0))
                .biasConstraint(new NonNeg())
                .getConfig());
    assertEquals(byObject, byName);
    assertEquals(
        withoutName(new Embedding(3, 2).embeddingsConstraint(new UnitNorm()).getConfig()),
        withoutName(new Embedding(3, 2).embeddingsConstraint("unit_norm").getConfig()));
    assertEquals(DType.INT32, new Flatten().dtype("int32").dtype());
  }

  private static Map<String, Object> withoutName(Map<String, Object> config) {
    Map<String, Object> c = new java.util.LinkedHashMap<>(config);
    c.remove("name");
    return c;
  }

  @Test
  void anUnknownNameSuggestsTheClosest() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new Dense(2).kernelRegularizer("l3"));
    assertTrue(e.getMessage().contains("Unknown regularizer: 'l3'. Did you mean"), e.getMessage());
    var c =
        assertThrows(
            IllegalArgumentException.class, () -> new Dense(2).kernelConstraint("maxnrom"));
    assertTrue(c.getMessage().contains("Did you mean 'maxnorm'?"), c.getMessage());
  }

  /** The option types Keras also takes by name. */
  private static final Set<Class<?>> BY_NAME_IN_KERAS =
      Set.of(
          Regularizer.class,
          Constraint.class,
          Initializer.class,
          ActivationFunction.class,
          DType.class);

  /**
   * Every public option of every layer in {@code io.keras4j.layers} that takes a regularizer,
   * constraint, initializer, activation or dtype object has a String overload of the same name.
   */
  @Test
  void everyLayerOptionTakingAnObjectAlsoTakesItsName() throws IOException, URISyntaxException {
    Path dir = Path.of(Layer.class.getResource("Layer.class").toURI()).getParent();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.contains("$")) {
          continue;
        }
        Class<?> cls;
        try {
          cls = Class.forName("io.keras4j.layers." + file.replace(".class", ""));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
        if (!Layer.class.isAssignableFrom(cls) || !Modifier.isPublic(cls.getModifiers())) {
          continue;
        }
        for (Method m : cls.getMethods()) {
          if (!Modifier.isStatic(m.getModifiers())
              && m.getParameterCount() == 1
              && BY_NAME_IN_KERAS.contains(m.getParameterTypes()[0])) {
            checked++;
            try {
              cls.getMethod(m.getName(), String.class);
            } catch (NoSuchMethodException e) {
              missing.add(cls.getSimpleName() + "." + m.getName());
            }
          }
        }
      }
    }
    assertEquals(List.of(), missing);
    assertTrue(checked >= 10, "options checked: " + checked);
  }
}
