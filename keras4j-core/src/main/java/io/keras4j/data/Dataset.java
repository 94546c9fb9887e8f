package io.keras4j.data;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import io.keras4j.random.SeedGenerator;
import io.keras4j.utils.ImageDatasetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An in-memory dataset: input tensors, optional target tensors and optional per-row sample weights,
 * all with the same number of rows (first dimension). {@code fit}, {@code evaluate} and {@code
 * predict} accept it in place of {@code x} and {@code y}; {@link #batch} sets the batch size they
 * use.
 *
 * <p>A dataset is immutable: {@link #take}, {@link #slice}, {@link #batch} and the {@code with...}
 * methods return new datasets. The tensors are kept as given (tensors never change).
 *
 * <pre>{@code
 * Dataset d = Dataset.of(x, y).batch(32);
 * Dataset firstHundred = d.slice(0, 100);
 * }</pre>
 */
public final class Dataset {
  private final List<Tensor> inputs;
  private final List<Tensor> targets;
  private final Tensor sampleWeights;
  private final Integer batchSize;
  private final List<String> featureNames;
  private final int size;

  /** The last stage of a streaming dataset; null for an in-memory one. */
  private final Stage stage;

  /** An in-memory dataset's elements as a pipeline source, made on first use. */
  private volatile TensorSource source;

  /** Passes started by {@link #iterator()}: pass k of a seeded shuffle is the same every run. */
  private final AtomicLong passes = new AtomicLong();

  private Dataset(
      List<Tensor> inputs,
      List<Tensor> targets,
      Tensor sampleWeights,
      Integer batchSize,
      List<String> featureNames) {
    this.inputs = inputs;
    this.targets = targets;
    this.sampleWeights = sampleWeights;
    this.batchSize = batchSize;
    this.featureNames = featureNames;
    this.size = DatasetRows.check(inputs, targets, sampleWeights);
    this.stage = null;
  }

  /** A streaming dataset ending with {@code stage}. */
  private Dataset(Stage stage) {
    this.inputs = null;
    this.targets = null;
    this.sampleWeights = null;
    this.batchSize = null;
    this.featureNames = null;
    this.size = -1;
    this.stage = stage;
  }

  /** Inputs {@code x} and targets {@code y} (both with one row per sample). */
  public static Dataset of(Tensor x, Tensor y) {
    return of(List.of(nonNull(x, "x")), List.of(nonNull(y, "y")));
  }

  /** Several inputs and several targets (a model with several inputs or outputs). */
  public static Dataset of(List<Tensor> x, List<Tensor> y) {
    if (x == null || x.isEmpty()) {
      throw new IllegalArgumentException(
          "Dataset: at least one input tensor is needed. Received: x=" + x);
    }
    if (y == null) {
      throw new IllegalArgumentException(
          "Dataset: targets must be a list (empty for inputs only). Received: y=null");
    }
    return new Dataset(copy(x, "x"), copy(y, "y"), null, null, null);
  }

  /** Inputs only, e.g. for {@code predict}. */
  public static Dataset of(Tensor x) {
    return of(List.of(nonNull(x, "x")), List.of());
  }

  private static Tensor nonNull(Tensor t, String name) {
    if (t == null) {
      throw new IllegalArgumentException(
          "Dataset: " + name + " must not be null. Received: " + name + "=null");
    }
    return t;
  }

  private static List<Tensor> copy(List<Tensor> ts, String name) {
    for (int i = 0; i < ts.size(); i++) {
      nonNull(ts.get(i), name + "[" + i + "]");
    }
    return List.copyOf(ts);
  }

  /** The input tensors (at least one). */
  public List<Tensor> inputs() {
    requireInMemory("inputs()");
    return inputs;
  }

  /** The target tensors; empty for a dataset of inputs only. */
  public List<Tensor> targets() {
    requireInMemory("targets()");
    return targets;
  }

  /** The single input tensor; throws when there are several. */
  public Tensor x() {
    requireInMemory("x()");
    if (inputs.size() != 1) {
      throw new IllegalStateException(
          "Dataset.x() needs exactly one input tensor; use inputs(). Received: "
              + inputs.size()
              + " inputs");
    }
    return inputs.get(0);
  }

  /** The single target tensor; throws when there are none or several. */
  public Tensor y() {
    requireInMemory("y()");
    if (targets.size() != 1) {
      throw new IllegalStateException(
          "Dataset.y() needs exactly one target tensor; use targets(). Received: "
              + targets.size()
              + " targets");
    }
    return targets.get(0);
  }

  /** Per-row sample weights, or null. */
  public Tensor sampleWeights() {
    requireInMemory("sampleWeights()");
    return sampleWeights;
  }

  /** This dataset with per-row sample weights ({@code [n]} or {@code [n, ...]}); null removes. */
  public Dataset withSampleWeights(Tensor weights) {
    requireInMemory("withSampleWeights(...)");
    return new Dataset(inputs, targets, weights, batchSize, featureNames);
  }

  /** The number of rows (samples). */
  public int size() {
    requireInMemory("size()");
    return size;
  }

  /** The batch size {@code fit} should use, or null when not batched. */
  public Integer batchSize() {
    requireInMemory("batchSize()");
    return batchSize;
  }

  /** This dataset, to be fed in batches of {@code batchSize} rows (the last may be smaller). */
  public Dataset batch(int batchSize) {
    checkBatchSize(batchSize);
    if (stage != null) {
      return new Dataset(new BatchStage(stage, batchSize, false));
    }
    return new Dataset(inputs, targets, sampleWeights, batchSize, featureNames);
  }

  /** The number of batches of {@link #batchSize} (1 when not batched, 0 when empty). */
  public int numBatches() {
    requireInMemory("numBatches()");
    if (size == 0) {
      return 0;
    }
    return batchSize == null ? 1 : (size + batchSize - 1) / batchSize;
  }

  /** The names of the input features (e.g. CSV column names), or null. */
  public List<String> featureNames() {
    requireInMemory("featureNames()");
    return featureNames;
  }

  /** This dataset with feature names (one per column of a single 2-D input); null removes. */
  public Dataset withFeatureNames(List<String> names) {
    requireInMemory("withFeatureNames(...)");
    if (names != null && inputs.size() == 1 && inputs.get(0).rank() == 2) {
      int cols = inputs.get(0).dim(1);
      if (names.size() != cols) {
        throw new IllegalArgumentException(
            "Dataset: featureNames must name each of the "
                + cols
                + " input columns. Received: "
                + names.size()
                + " names "
                + names);
      }
    }
    return new Dataset(
        inputs, targets, sampleWeights, batchSize, names == null ? null : List.copyOf(names));
  }

  /**
   * The rows {@code rowIndices} of every tensor, in that order (repeats allowed). The batch size
   * and feature names are kept.
   */
  public Dataset take(int[] rowIndices) {
    requireInMemory("take(int[])");
    for (int i = 0; i < rowIndices.length; i++) {
      if (rowIndices[i] < 0 || rowIndices[i] >= size) {
        throw new IllegalArgumentException(
            "Dataset.take: row indices must be in [0, "
                + size
                + "). Received: rowIndices["
                + i
                + "]="
                + rowIndices[i]);
      }
    }
    return new Dataset(
        takeAll(inputs, rowIndices),
        takeAll(targets, rowIndices),
        sampleWeights == null ? null : Rows.take(sampleWeights, rowIndices),
        batchSize,
        featureNames);
  }

  private static List<Tensor> takeAll(List<Tensor> ts, int[] rows) {
    List<Tensor> out = new ArrayList<>(ts.size());
    for (Tensor t : ts) {
      out.add(Rows.take(t, rows));
    }
    return List.copyOf(out);
  }

  /** Rows {@code [from, to)} of every tensor. */
  public Dataset slice(int from, int to) {
    requireInMemory("slice(...)");
    if (from < 0 || to < from || to > size) {
      throw new IllegalArgumentException(
          "Dataset.slice: expected 0 <= from <= to <= size ("
              + size
              + "). Received: from="
              + from
              + ", to="
              + to);
    }
    List<Tensor> xs = new ArrayList<>(inputs.size());
    for (Tensor t : inputs) {
      xs.add(Rows.slice(t, from, to));
    }
    List<Tensor> ys = new ArrayList<>(targets.size());
    for (Tensor t : targets) {
      ys.add(Rows.slice(t, from, to));
    }
    return new Dataset(
        List.copyOf(xs),
        List.copyOf(ys),
        sampleWeights == null ? null : Rows.slice(sampleWeights, from, to),
        batchSize,
        featureNames);
  }

  // ---- sources (tf.data's from_tensor_slices, from_generator; CSV files, image folders) ----

  /** tf.data's {@code from_tensor_slices}: the rows of x and y (an alias of {@link #of}). */
  public static Dataset fromTensorSlices(Tensor x, Tensor y) {
    return of(x, y);
  }

  /** The rows of x (inputs only). */
  public static Dataset fromTensorSlices(Tensor x) {
    return of(x);
  }

  /** The rows of several inputs and targets. */
  public static Dataset fromTensorSlices(List<Tensor> x, List<Tensor> y) {
    return of(x, y);
  }

  /**
   * tf.data's {@code from_generator}: each pass calls {@code generator} for a new iterator and
   * pulls its elements one at a time, so the data need not fit in memory. Elements are taken as
   * given, batches or samples (as Keras takes a generator's elements as batches).
   */
  public static Dataset fromGenerator(Supplier<? extends Iterator<StepData>> generator) {
    if (generator == null) {
      throw new IllegalArgumentException(
          "Dataset.fromGenerator: the generator must not be null. Received: generator=null");
    }
    return new Dataset(new GeneratorSource(generator));
  }

  /**
   * The rows of a CSV file (plain or gzip), read lazily with the reader's settings: one line at a
   * time, never the whole file. Each element is one sample: input {@code (features,)}, target
   * {@code ()} or {@code (labels,)}; batch it before {@code fit}.
   */
  public static Dataset fromCsv(Path path, CsvReader reader) {
    if (path == null || reader == null) {
      throw new IllegalArgumentException(
          "Dataset.fromCsv: path and reader must not be null. Received: path="
              + path
              + ", reader="
              + reader);
    }
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException(
          "Dataset.fromCsv: the file does not exist or cannot be read. Received: path=" + path);
    }
    return new Dataset(new CsvSource(path, reader));
  }

  /**
   * The images of a directory's class folders (as {@code imageDatasetFromDirectory} lists them,
   * with its options), decoded one at a time as the pipeline asks, batched by the options' batch
   * size.
   */
  public static Dataset fromImageDirectory(Path directory, ImageDatasetOptions options) {
    return new Dataset(
        new BatchStage(new ImageSource(directory, options), options.batchSize(), false));
  }

  /** {@link #fromImageDirectory(Path, ImageDatasetOptions)} with Keras's defaults. */
  public static Dataset fromImageDirectory(Path directory) {
    return fromImageDirectory(directory, new ImageDatasetOptions());
  }

  // ---- stages (tf.data's transformations) ----------------------------------------------

  /** tf.data's {@code map}: each element through {@code fn} (a streaming dataset). */
  public Dataset map(Function<StepData, StepData> fn) {
    if (fn == null) {
      throw new IllegalArgumentException("Dataset.map: fn must not be null. Received: fn=null");
    }
    return new Dataset(new MapStage(asStage(), fn));
  }

  /**
   * tf.data's {@code batch(batchSize, drop_remainder)}: consecutive elements stacked; the last,
   * smaller batch is dropped when {@code dropRemainder}. On an in-memory dataset, it sets the batch
   * size as {@link #batch(int)} does, keeping only whole batches when {@code dropRemainder}.
   */
  public Dataset batch(int batchSize, boolean dropRemainder) {
    if (!dropRemainder) {
      return batch(batchSize);
    }
    if (stage != null) {
      checkBatchSize(batchSize);
      return new Dataset(new BatchStage(stage, batchSize, true));
    }
    return batch(batchSize).slice(0, size - size % batchSize);
  }

  /** tf.data's {@code unbatch}: each element split into its rows. */
  public Dataset unbatch() {
    if (stage == null && batchSize != null) {
      return new Dataset(inputs, targets, sampleWeights, null, featureNames);
    }
    return new Dataset(new UnbatchStage(asStage()));
  }

  /**
   * tf.data's {@code shuffle(buffer_size, seed)}: elements drawn at random from a buffer of {@code
   * bufferSize}, reshuffled on each pass; the orders are the same run after run for a seed.
   */
  public Dataset shuffle(int bufferSize, long seed) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException(
          "Dataset.shuffle: bufferSize must be a positive integer. Received: bufferSize="
              + bufferSize);
    }
    return new Dataset(new ShuffleStage(asStage(), bufferSize, seed));
  }

  /** {@link #shuffle(int, long)} with a seed from the global seed generator. */
  public Dataset shuffle(int bufferSize) {
    return shuffle(bufferSize, SeedGenerator.nextGlobal());
  }

  /** tf.data's {@code repeat()}: the elements forever ({@code fit} then needs stepsPerEpoch). */
  public Dataset repeat() {
    return new Dataset(new RepeatStage(asStage(), -1));
  }

  /** tf.data's {@code repeat(count)}: the elements {@code count} times. */
  public Dataset repeat(int count) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "Dataset.repeat: count must be >= 0 (repeat() repeats forever). Received: count="
              + count);
    }
    return new Dataset(new RepeatStage(asStage(), count));
  }

  /**
   * tf.data's {@code take(count)}: the first {@code count} elements (rows, or batches of a batched
   * dataset). An in-memory dataset stays in memory.
   */
  public Dataset take(int count) {
    if (count < 0) {
      throw new IllegalArgumentException(
          "Dataset.take: count must be >= 0. Received: count=" + count);
    }
    if (stage == null) {
      long rows = batchSize == null ? count : (long) count * batchSize;
      return slice(0, (int) Math.min(rows, size));
    }
    return new Dataset(new TakeStage(stage, count));
  }

  /**
   * tf.data's {@code cache()}: the first complete pass keeps the elements in memory, later passes
   * replay them without running the stages before. An in-memory dataset is returned as is.
   */
  public Dataset cache() {
    return stage == null ? this : new Dataset(new CacheStage(stage));
  }

  /**
   * tf.data's {@code cache(filename)}: the first complete pass writes the elements to {@code file}
   * (under a temporary name, renamed at the end of the pass; a pass stopped early leaves nothing);
   * later passes, and pipelines of later runs naming the same file, read them from it without
   * running the stages before. Every element is checked against its CRC-32 when read: a damaged or
   * foreign file is refused with its path. Delete the file to rebuild it. An in-memory dataset is
   * returned as is.
   */
  public Dataset cache(Path file) {
    if (file == null) {
      throw new IllegalArgumentException(
          "Dataset.cache: file must not be null (cache() caches in memory). Received: file=null");
    }
    return stage == null ? this : new Dataset(new CacheFileStage(stage, file));
  }

  /**
   * {@link #cache(Path)} by file name, as tf.data's {@code cache(filename)}: "" caches in memory.
   */
  public Dataset cache(String filename) {
    if (filename == null) {
      throw new IllegalArgumentException(
          "Dataset.cache: filename must not be null. Received: filename=null");
    }
    return filename.isEmpty() ? cache() : cache(Path.of(filename));
  }

  /**
   * tf.data's {@code prefetch(buffer_size)}: a background thread produces up to {@code bufferSize}
   * elements ahead, overlapping with the training step. The thread lives as long as a pass (fit,
   * evaluate and predict close it when they end or throw).
   */
  public Dataset prefetch(int bufferSize) {
    if (bufferSize < 1) {
      throw new IllegalArgumentException(
          "Dataset.prefetch: bufferSize must be a positive integer. Received: bufferSize="
              + bufferSize);
    }
    return new Dataset(new PrefetchStage(asStage(), bufferSize));
  }

  /** tf.data's {@code INFINITE_CARDINALITY}. */
  public static final long INFINITE_CARDINALITY = Stage.INFINITE;

  /** tf.data's {@code UNKNOWN_CARDINALITY}. */
  public static final long UNKNOWN_CARDINALITY = Stage.UNKNOWN;

  /**
   * tf.data's {@code cardinality()}: the number of elements (rows, or batches of a batched
   * dataset), {@link #INFINITE_CARDINALITY} or {@link #UNKNOWN_CARDINALITY} (a generator, a CSV
   * file).
   */
  public long cardinality() {
    return asStage().cardinality();
  }

  /** The number of elements, counted by one pass when not known; throws when infinite. */
  public long count() {
    long n = cardinality();
    if (n == INFINITE_CARDINALITY) {
      throw new IllegalStateException(
          "Dataset.count: the dataset is infinite (" + asStage().describe() + ")");
    }
    if (n >= 0) {
      return n;
    }
    long c = 0;
    try (DatasetIterator it = asStage().open(0)) {
      while (it.hasNext()) {
        it.next();
        c++;
      }
    }
    return c;
  }

  /**
   * Whether the elements are known to be single samples (fromTensorSlices, fromCsv or unbatch()
   * without a batch after): {@code fit} refuses them, as Keras uses a dataset as given.
   */
  public boolean isUnbatched() {
    return Boolean.FALSE.equals(asStage().batched());
  }

  /**
   * A new pass over the elements (rows or batches of an in-memory dataset, the pipeline's output of
   * a streaming one); each pass reshuffles. Close it when leaving before its end.
   */
  public DatasetIterator iterator() {
    return asStage().open(passes.getAndIncrement());
  }

  private static void checkBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "Dataset: batchSize must be a positive integer. Received: batchSize=" + batchSize);
    }
  }

  private void requireInMemory(String accessor) {
    if (stage != null) {
      throw new IllegalStateException(
          "Dataset."
              + accessor
              + " needs an in-memory dataset, but this one streams its elements ("
              + stage.describe()
              + "). Iterate it (iterator()), give it to fit/evaluate/predict, or build an in-memory"
              + " one with Dataset.of(...).");
    }
  }

  // ---- the streaming pipeline: helpers ----

  /** Whether this dataset holds its tensors in memory (else it streams through stages). */
  public boolean isInMemory() {
    return stage == null;
  }

  /**
   * This dataset's elements as a pipeline source (the stage of a streaming one). An in-memory
   * dataset makes its source once, so that the source reads the tensors' values once.
   */
  Stage asStage() {
    if (stage != null) {
      return stage;
    }
    TensorSource s = source;
    if (s == null) {
      s = new TensorSource(inputs, targets, sampleWeights, batchSize, size);
      source = s; // a race makes a second, equal source: harmless
    }
    return s;
  }

  @Override
  public String toString() {
    if (stage != null) {
      return "Dataset(" + stage.describe() + ")";
    }
    StringBuilder sb = new StringBuilder("Dataset(size=").append(size).append(", x=");
    appendShapes(sb, inputs);
    sb.append(", y=");
    appendShapes(sb, targets);
    if (sampleWeights != null) {
      sb.append(", sampleWeights=").append(Shapes.toString(ShapeRefs.of(sampleWeights)));
    }
    if (batchSize != null) {
      sb.append(", batchSize=").append(batchSize);
    }
    return sb.append(')').toString();
  }

  private static void appendShapes(StringBuilder sb, List<Tensor> ts) {
    sb.append('[');
    for (int i = 0; i < ts.size(); i++) {
      sb.append(i > 0 ? ", " : "")
          .append(Shapes.toString(ShapeRefs.of(ts.get(i))))
          .append(' ')
          .append(ts.get(i).dtype().kerasName());
    }
    sb.append(']');
  }
}
