package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ConvKernels;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.MetricKernels;
import io.keras4j.backend.NnKernels;
import io.keras4j.backend.OptimizerKernels;
import io.keras4j.backend.PoolKernels;
import io.keras4j.backend.RandomKernels;
import io.keras4j.backend.StepPool;
import io.keras4j.backend.Storage;
import io.keras4j.backend.pool.Buffers;

/**
 * The pure Java backend: heap arrays, Vector API loops where the module is readable and C2 runs,
 * scalar loops otherwise (chosen once, see {@link KernelsProvider}).
 */
public final class JvmBackend implements Backend {
  private final Kernels kernels;
  private final JvmMath math;
  private final JvmNn nn;
  private final JvmArray array;
  private final JvmRandom random;
  private final JvmOptimizers optimizers;
  private final JvmMetrics metrics = new JvmMetrics();
  private final JvmPool pooling;
  private final JvmConv conv;
  private final JvmNorm normalization;
  private final JvmImage image = new JvmImage();
  private final JvmRecurrent recurrent;

  JvmBackend(Kernels kernels) {
    this.kernels = kernels;
    this.math = new JvmMath(kernels);
    this.nn = new JvmNn(kernels);
    this.array = new JvmArray(kernels);
    this.random = new JvmRandom();
    this.optimizers = new JvmOptimizers(kernels);
    this.pooling = new JvmPool(kernels);
    this.conv = new JvmConv(kernels);
    this.normalization = new JvmNorm(kernels);
    this.recurrent = new JvmRecurrent(kernels);
  }

  @Override
  public String name() {
    return "jvm";
  }

  @Override
  public String description() {
    return "jvm: " + kernels.name() + ", " + Parallel.threads() + " threads";
  }

  @Override
  public int threads() {
    return Parallel.threads();
  }

  @Override
  public void setThreads(int threads) {
    Parallel.setThreads(threads);
  }

  /** The low-level loops (GEMM, vectorized runs) behind this backend's families. */
  Kernels kernels() {
    return kernels;
  }

  @Override
  public StepPool newStepPool() {
    Buffers.Pool pool = new Buffers.Pool();
    return new StepPool() {
      @Override
      public StepScope open(long step) {
        return pool.activate(step)::close;
      }

      @Override
      public long floatsOfLastStep() {
        return pool.floatsOfLastStep();
      }
    };
  }

  @Override
  public MathKernels math() {
    return math;
  }

  @Override
  public NnKernels nn() {
    return nn;
  }

  @Override
  public ArrayKernels array() {
    return array;
  }

  @Override
  public RandomKernels random() {
    return random;
  }

  @Override
  public OptimizerKernels optimizers() {
    return optimizers;
  }

  @Override
  public MetricKernels metrics() {
    return metrics;
  }

  @Override
  public Storage storage(float[] data) {
    return JvmStorage.ofFloats(data, null);
  }

  @Override
  public Storage storage(int[] data) {
    return JvmStorage.ofInts(data, null);
  }

  @Override
  public void assign(Tensor target, Tensor value) {
    VariableUpdates.assign(target, value);
  }

  @Override
  public void assignAdd(Tensor target, Tensor delta, boolean subtract) {
    VariableUpdates.assignAdd(target, delta, subtract);
  }

  @Override
  public PoolKernels pooling() {
    return pooling;
  }

  @Override
  public ConvKernels conv() {
    return conv;
  }

  @Override
  public io.keras4j.backend.NormKernels normalization() {
    return normalization;
  }

  @Override
  public io.keras4j.backend.ImageKernels image() {
    return image;
  }

  @Override
  public io.keras4j.backend.RecurrentKernels recurrent() {
    return recurrent;
  }
}
