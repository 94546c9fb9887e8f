package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.backend.Backend;
import io.keras4j.backend.OptimizerKernels;
import io.keras4j.internal.Naming;
import io.keras4j.internal.NewVariables;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.optimizers.schedules.LearningRateSchedules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates variables from their gradients, as Keras 3's {@code keras.optimizers.Optimizer}. Each
 * step: the learning rate is read (a schedule at the current iteration, or the constant), the
 * gradients are clipped ({@code clipnorm}, {@code clipvalue} or {@code globalClipnorm}), weight
 * decay is applied ({@code w -= w * weightDecay * lr}), each variable is updated by the subclass's
 * {@link #updateStep}, then the iteration count grows by one.
 *
 * <p>State ("slots": momentums, velocities, ...) is created once per variable when the optimizer is
 * built (on the first update or by {@link #build}) and updated in place with float32 arithmetic, so
 * a step allocates nothing.
 */
public abstract class Optimizer {
  private static final System.Logger LOG = System.getLogger(Optimizer.class.getName());

  /** The index of a scalar's only value (reads without allocating). */
  private static final int[] SCALAR = {};

  private String name;
  private LearningRateSchedule schedule;
  private Variable learningRateVariable;
  private final Variable iterations;
  private final List<Variable> ownVariables = new ArrayList<>();
  private final Clipping clipping;

  private final Targets targets;
  private Double weightDecay;
  private boolean built;

  /**
   * @param learningRate a constant rate, kept as float32 as in Keras
   * @param name the optimizer's name, or null for an automatic one ({@code "adam"}, {@code
   *     "adam_1"}, ...)
   */
  protected Optimizer(double learningRate, String name) {
    this(name);
    checkRate(learningRate);
    learningRateVariable =
        track(new Variable("learning_rate", Tensor.scalar((float) learningRate), false));
  }

  /**
   * @param learningRate a schedule evaluated at each step's iteration count
   * @param name the optimizer's name, or null for an automatic one
   */
  protected Optimizer(LearningRateSchedule learningRate, String name) {
    this(name);
    if (learningRate == null) {
      throw new IllegalArgumentException(
          className() + ": learningRate must be a number or a schedule. Received: null");
    }
    schedule = learningRate;
  }

  private Optimizer(String name) {
    if (name != null) {
      this.name = checkName(name);
    }
    clipping = new Clipping(className());
    targets = new Targets(className());
    iterations = track(new Variable("iteration", Tensor.ofInts(new int[] {0}), false));
  }

  /**
   * The Keras class name, e.g. {@code "Adam"}; the built-in optimizers return their Keras name, the
   * default (the Java class's simple name) serves user subclasses.
   */
  public String className() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? "Optimizer" : simple;
  }

  /**
   * The name a Keras optimizer of this class takes by default: the class name in snake_case ({@code
   * "adam"}), except where Keras gives another ({@code "SGD"}, {@code "adamw"}, {@code "rmsprop"}).
   */
  protected String defaultName() {
    return switch (className()) {
      case "SGD" -> "SGD";
      case "AdamW" -> "adamw";
      case "RMSprop" -> "rmsprop";
      default -> Naming.toSnakeCase(className());
    };
  }

  /**
   * The name given, or an automatic one from {@link #defaultName} ({@code "adam"}, {@code
   * "adam_1"}).
   */
  public String name() {
    if (name == null) {
      name = Naming.uniqueName(defaultName());
      for (Variable v : ownVariables) {
        v.setPath(name + "/" + v.name());
      }
    }
    return name;
  }

  /** Renames the optimizer and the paths of its variables. */
  public Optimizer name(String name) {
    this.name = checkName(name);
    for (Variable v : ownVariables) {
      v.setPath(name + "/" + v.name());
    }
    return this;
  }

  /**
   * The current learning rate: the schedule at {@link #iterations()}, or the constant; a float32
   * value, as Keras keeps it (0.001 reads as 0.0010000000474974513).
   */
  public double learningRate() {
    if (schedule != null) {
      return (float) schedule.apply(iterations());
    }
    return learningRateVariable.value().item();
  }

  /** The schedule driving the learning rate, or null for a constant rate. */
  public LearningRateSchedule learningRateSchedule() {
    return schedule;
  }

  /**
   * Sets a constant learning rate while training (callbacks use this). An optimizer built with a
   * schedule refuses, as Keras does.
   */
  public void setLearningRate(double learningRate) {
    if (schedule != null) {
      throw new IllegalArgumentException(
          className()
              + ": this optimizer was created with a LearningRateSchedule as its learningRate,"
              + " hence its learning rate is not settable. If you need the learning rate to be"
              + " settable, create the optimizer with a number as learningRate. Received:"
              + " learningRate="
              + learningRate);
    }
    checkRate(learningRate);
    kernels().fill(learningRateVariable.value(), (float) learningRate);
  }

  /** Replaces the learning rate by a schedule; the constant rate's variable is dropped. */
  public void setLearningRate(LearningRateSchedule learningRate) {
    if (learningRate == null) {
      throw new IllegalArgumentException(
          className() + ": learningRate must be a number or a schedule. Received: null");
    }
    if (learningRateVariable != null) {
      ownVariables.remove(learningRateVariable);
      learningRateVariable = null;
    }
    schedule = learningRate;
  }

  /** Number of updates applied so far. */
  public long iterations() {
    return iterations.value().getInt(SCALAR);
  }

  /** The decoupled weight decay factor, or null when none is applied. */
  public Double weightDecay() {
    return weightDecay;
  }

  /** Applies {@code w -= w * weightDecay * lr} to each variable before its update. */
  public Optimizer weightDecay(double weightDecay) {
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException(
          className()
              + ": weightDecay must be a finite number >= 0. Received: weightDecay="
              + weightDecay);
    }
    this.weightDecay = weightDecay;
    return this;
  }

  /** The per-variable gradient norm limit, or null. */
  public Double clipnorm() {
    return clipping.clipnorm;
  }

  /** Rescales each variable's gradient so its L2 norm is at most {@code clipnorm}. */
  public Optimizer clipnorm(double clipnorm) {
    clipping.set("clipnorm", clipnorm);
    return this;
  }

  /** The gradient value limit, or null. */
  public Double clipvalue() {
    return clipping.clipvalue;
  }

  /** Clips every gradient value to {@code [-clipvalue, clipvalue]}. */
  public Optimizer clipvalue(double clipvalue) {
    clipping.set("clipvalue", clipvalue);
    return this;
  }

  /** The global gradient norm limit, or null. */
  public Double globalClipnorm() {
    return clipping.globalClipnorm;
  }

  /** Rescales all gradients together so their global L2 norm is at most {@code globalClipnorm}. */
  public Optimizer globalClipnorm(double globalClipnorm) {
    clipping.set("globalClipnorm", globalClipnorm);
    return this;
  }

  /**
   * Exempts from weight decay the variables whose name contains a match of one of {@code names}
   * (regular expressions, as Keras's {@code var_names}), e.g. {@code "bias"}. Only before build.
   */
  public Optimizer excludeFromWeightDecay(String... names) {
    checkNotBuilt("excludeFromWeightDecay");
    targets.excludeNames(names);
    return this;
  }

  /** Exempts these variables from weight decay (Keras's {@code var_list}). Only before build. */
  public Optimizer excludeFromWeightDecay(Variable... variables) {
    checkNotBuilt("excludeFromWeightDecay");
    targets.excludeVariables(variables);
    return this;
  }

  /** Whether the slots exist (after {@link #build} or the first update). */
  public boolean built() {
    return built;
  }

  /**
   * Creates the slots for {@code variables}, the only variables this optimizer then updates. Does
   * nothing when already built.
   */
  public void build(List<Variable> variables) {
    if (built) {
      return;
    }
    name();
    targets.set(variables);
    createSlots(targets.list());
    built = true;
  }

  /** Applies one update: {@code grads.get(i)} is the gradient of {@code variables.get(i)}. */
  public void applyGradients(List<Tensor> grads, List<Variable> variables) {
    if (grads.size() != variables.size()) {
      throw new IllegalArgumentException(
          className()
              + ": applyGradients needs one gradient per variable. Received: "
              + grads.size()
              + " gradients and "
              + variables.size()
              + " variables");
    }
    if (grads.isEmpty()) {
      return;
    }
    build(variables);
    update(grads, variables);
  }

  /** Applies one update to the variables the optimizer was built with, in their order. */
  public void apply(List<Tensor> grads) {
    if (!built) {
      throw new IllegalArgumentException(
          className()
              + ": when passing gradients without variables, the optimizer must already be built"
              + " on a list of variables. Call build(variables) first.");
    }
    applyGradients(grads, targets.list());
  }

  private void update(List<Tensor> grads, List<Variable> variables) {
    int n = grads.size();
    int present = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      Variable v = variables.get(i);
      targets.indexOf(v, i);
      Tensor g = grads.get(i);
      if (g != null) {
        targets.checkGradient(g, v);
        present++;
        squares += clipping.squaresForGlobalNorm(Targets.data(g));
      }
    }
    if (present == 0) {
      throw new IllegalArgumentException(className() + ": no gradients provided for any variable.");
    }
    if (present < n) {
      warnMissing(grads, variables);
    }
    float lr = (float) learningRate();
    float globalScale = clipping.globalScale(squares);
    float decay = weightDecay == null ? 0f : (float) (double) weightDecay;
    prepareStep(lr);
    for (int i = 0; i < n; i++) {
      Tensor g = grads.get(i);
      if (g == null) {
        continue;
      }
      Variable v = variables.get(i);
      int index = targets.indexOf(v, i);
      if (weightDecay != null && targets.decays(index)) {
        kernels().weightDecay(v.value(), decay, lr);
      }
      updateStep(index, v, clipping.clip(Targets.data(g), globalScale), lr);
    }
    kernels().fill(iterations.value(), iterations() + 1);
  }

  /** Keras's config (snake_case keys), the subclass's hyperparameters after the common ones. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name());
    c.put(
        "learning_rate",
        schedule != null
            ? LearningRateSchedules.serialize(schedule)
            : (Object) (double) learningRateVariable.value().item());
    c.put("weight_decay", weightDecay);
    c.put("clipnorm", clipping.clipnorm);
    c.put("global_clipnorm", clipping.globalClipnorm);
    c.put("clipvalue", clipping.clipvalue);
    c.put("use_ema", false);
    c.put("ema_momentum", 0.99);
    c.put("ema_overwrite_frequency", null);
    c.put("loss_scale_factor", null);
    c.put("gradient_accumulation_steps", null);
    return c;
  }

  /**
   * The optimizer's own state in Keras 3's order: the iteration count, the learning rate (when
   * constant), then the slots as the subclass creates them, e.g. {@code
   * adam/dense_kernel_momentum}.
   */
  public List<Variable> variables() {
    name();
    return List.copyOf(ownVariables);
  }

  // ---- for subclasses --------------------------------------------------------------------

  /** Creates the slots of {@code variables}, in Keras's order, with {@link #addSlot}. */
  protected void createSlots(List<Variable> variables) {}

  /** Called once per step before the updates, e.g. to compute bias corrections. */
  protected void prepareStep(float learningRate) {}

  /**
   * Updates one variable in place, as Keras's {@code update_step(gradient, variable,
   * learning_rate)}: the built-in optimizers call one fused update of the backend ({@code
   * Backend.current().optimizers()}) on the variable's value and their slots (from {@link
   * #addVariableFromReference}). The default runs the array form below, for optimizers written on
   * Java arrays.
   *
   * @param index the variable's position in the list the optimizer was built with (for its slots)
   * @param variable the variable, whose value the update writes
   * @param gradient its gradient (clipped), read-only, with the variable's size
   */
  protected void updateStep(int index, Variable variable, Tensor gradient, float learningRate) {
    OptimizerKernels k = kernels();
    updateStep(index, k.hostFloats(variable.value()), k.hostFloats(gradient), learningRate);
  }

  /**
   * Updates one variable in place, on Java arrays: an optimizer written this way needs a backend
   * whose tensors are Java arrays (the default one); see {@link #updateStep(int, Variable, Tensor,
   * float)}.
   *
   * @param index the variable's position in the list the optimizer was built with (for its slots)
   * @param variable the variable's live values
   * @param gradient its gradient (clipped), read-only
   */
  protected void updateStep(int index, float[] variable, float[] gradient, float learningRate) {
    throw new UnsupportedOperationException(className() + " must override updateStep");
  }

  /**
   * Adds a slot shaped like {@code reference}, named as Keras names it ({@code
   * <optimizer>/<reference path with _>_<slot>}), and returns its live values as a Java array (for
   * the array form of {@code updateStep}).
   */
  protected final float[] addSlot(Variable reference, String slot, float initialValue) {
    return kernels().hostFloats(addVariableFromReference(reference, slot, initialValue).value());
  }

  /**
   * Adds a slot shaped like {@code reference} and filled with {@code initialValue}, named as Keras
   * names it ({@code <optimizer>/<reference path with _>_<slot>}), as Keras's {@code
   * add_variable_from_reference}. Its value is the tensor an update writes in place.
   */
  protected final Variable addVariableFromReference(
      Variable reference, String slot, float initialValue) {
    String slotName = reference.path().replace('/', '_') + "_" + slot;
    // A new tensor nobody else holds: the slot adopts it rather than copying it.
    Tensor fresh = Tensor.full(initialValue, ShapeRefs.of(reference));
    return track(NewVariables.adopt(slotName, fresh, false));
  }

  /** The backend's optimizer updates. */
  protected static OptimizerKernels kernels() {
    return Backend.current().optimizers();
  }

  /** Adds a non-trainable variable to the optimizer's state. */
  protected final Variable addVariable(String variableName, Tensor initialValue) {
    return track(new Variable(variableName, initialValue, false));
  }

  /** Throws if the optimizer is built: for options its slots depend on. */
  protected final void checkNotBuilt(String option) {
    if (built) {
      throw new IllegalArgumentException(
          className()
              + ": "
              + option
              + " can only be configured before the optimizer is built. Received: a call after"
              + " build");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private Variable track(Variable v) {
    if (name != null) {
      v.setPath(name + "/" + v.name());
    }
    ownVariables.add(v);
    return v;
  }

  private void warnMissing(List<Tensor> grads, List<Variable> variables) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < grads.size(); i++) {
      if (grads.get(i) == null) {
        missing.add(variables.get(i).path());
      }
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "Gradients do not exist for variables " + missing + " when minimizing the loss.");
  }

  private void checkRate(double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          className()
              + ": learningRate must be a finite number >= 0 or a schedule. Received:"
              + " learningRate="
              + learningRate);
    }
  }

  private String checkName(String name) {
    if (name == null || name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException(
          className() + ": name must be a non-empty string without '/'. Received: name=" + name);
    }
    return name;
  }
}
