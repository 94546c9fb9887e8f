package io.keras4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md ("Modules and layering") as rules on the compiled classes of
 * keras4j-core: backend, then ops, then layers and models, then the trainer.
 *
 * <p>Every rule is a plain rule: a new dependency against one fails the build. (The storage rule
 * was frozen with its known offenders while the backend seam was built; none is left.)
 */
class LayeringTest {
  /** keras4j-core's main classes (tests left out), imported once for every rule. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.keras4j");

  /** Evaluates a rule on the main classes; the failure message lists every violation. */
  private static void assertHolds(ArchRule rule) {
    EvaluationResult result = rule.evaluate(MAIN);
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }

  /** The backend computes on arrays: it knows nothing of the ops, layers, models or training. */
  static final ArchRule backendIsTheBottomLayer =
      noClasses()
          .that()
          .resideInAPackage("io.keras4j.backend..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.keras4j.ops..",
              "io.keras4j.layers..",
              "io.keras4j.models..",
              "io.keras4j.trainers..");

  /** Ops are keras.ops: tensors in, tensors out; nothing of layers, models or training. */
  static final ArchRule opsKnowNothingAbove =
      noClasses()
          .that()
          .resideInAPackage("io.keras4j.ops..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.keras4j.layers..",
              "io.keras4j.models..",
              "io.keras4j.trainers..",
              "io.keras4j.callbacks..",
              "io.keras4j.losses..",
              "io.keras4j.metrics..",
              "io.keras4j.optimizers..");

  /**
   * The value types under everything ({@code Tensor}, {@code Variable}, {@code DType}, {@code
   * Shapes}) know the backend's interface, not the ops, layers, models or training that use them.
   */
  static final ArchRule valueTypesKnowNothingAbove =
      noClasses()
          .that()
          .belongToAnyOf(Tensor.class, Variable.class, DType.class, Shapes.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.keras4j.ops..",
              "io.keras4j.layers..",
              "io.keras4j.models..",
              "io.keras4j.trainers..",
              "io.keras4j.backend.jvm..");

  /** A layer computes with ops; how it is trained is the trainer's business. */
  static final ArchRule layersKnowNothingOfTraining =
      noClasses()
          .that()
          .resideInAPackage("io.keras4j.layers..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.keras4j.trainers..");

  /**
   * Only the Java backend reads a tensor's storage: its arrays are reached through {@code
   * JvmTensors} and {@code JvmStorage} (io.keras4j.backend.jvm) and lent by the step buffers
   * ({@code io.keras4j.backend.pool.Buffers}). Everything else, {@code Tensor} and {@code Variable}
   * included, sees an opaque {@code io.keras4j.backend.Storage}.
   */
  static final ArchRule onlyTheBackendReadsTensorStorage =
      classes()
          .that()
          .resideOutsideOfPackages("io.keras4j.backend.jvm..", "io.keras4j.backend.pool..")
          .should(perTopLevelClass("read a tensor's storage", LayeringTest::storageReads))
          .as("only the Java backend reads a tensor's storage");

  /**
   * The backend interface package names no implementation: backends are found through {@code
   * ServiceLoader}, not imported.
   */
  static final ArchRule backendInterfaceNamesNoImplementation =
      noClasses()
          .that()
          .resideInAPackage("io.keras4j.backend")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.keras4j.backend.jvm")
          .as("io.keras4j.backend does not depend on io.keras4j.backend.jvm");

  @Test
  void backendIsTheBottomLayer() {
    assertHolds(backendIsTheBottomLayer);
  }

  @Test
  void opsKnowNothingAbove() {
    assertHolds(opsKnowNothingAbove);
  }

  @Test
  void valueTypesKnowNothingAbove() {
    assertHolds(valueTypesKnowNothingAbove);
  }

  @Test
  void layersKnowNothingOfTraining() {
    assertHolds(layersKnowNothingOfTraining);
  }

  @Test
  void onlyTheBackendReadsTensorStorage() {
    assertHolds(onlyTheBackendReadsTensorStorage);
  }

  @Test
  void backendInterfaceNamesNoImplementation() {
    assertHolds(backendInterfaceNamesNoImplementation);
  }

  private static final Set<String> STORAGE_CLASSES =
      Set.of(
          "io.keras4j.backend.jvm.JvmTensors",
          "io.keras4j.backend.jvm.JvmStorage",
          "io.keras4j.backend.pool.Buffers");

  /** The storage classes a class uses, as {@code JvmTensors} or {@code Buffers.Lease}. */
  private static Stream<String> storageReads(JavaClass c) {
    return c.getDirectDependenciesFromSelf().stream()
        .map(Dependency::getTargetClass)
        .filter(t -> STORAGE_CLASSES.stream().anyMatch(s -> isOrIsNestedIn(t, s)))
        .map(t -> t.getName().substring(t.getPackageName().length() + 1).replace('$', '.'));
  }

  private static boolean isOrIsNestedIn(JavaClass c, String outer) {
    return c.getName().equals(outer) || c.getName().startsWith(outer + "$");
  }

  private static String topLevelName(JavaClass c) {
    String name = c.getName();
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }

  /**
   * A condition that reports one violation per top-level class (its nested classes and lambdas
   * included), listing what it uses: a line such as {@code Class <io.keras4j.ops.MatMul> may not
   * read a tensor's storage; uses: Buffers, Tensor.floats}. Stored per class, the frozen lines do
   * not change when a call moves, is added to a known offender or changes line.
   */
  private static ArchCondition<JavaClass> perTopLevelClass(
      String what, Function<JavaClass, Stream<String>> offences) {
    return new ArchCondition<>("not " + what) {
      private final Map<String, SortedSet<String>> found = new TreeMap<>();

      @Override
      public void init(Collection<JavaClass> all) {
        found.clear();
      }

      @Override
      public void check(JavaClass c, ConditionEvents events) {
        offences
            .apply(c)
            .forEach(o -> found.computeIfAbsent(topLevelName(c), k -> new TreeSet<>()).add(o));
      }

      @Override
      public void finish(ConditionEvents events) {
        found.forEach(
            (name, uses) ->
                events.add(
                    SimpleConditionEvent.violated(
                        name,
                        "Class <"
                            + name
                            + "> may not "
                            + what
                            + "; uses: "
                            + String.join(", ", uses))));
      }
    };
  }

  /** Frozen, matching the stored lines by class only (the part before "; uses:"). */
  private static String offender(String line) {
    int end = line.indexOf("; uses:");
    return end < 0 ? line : line.substring(0, end);
  }
}
