package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import io.keras4j.utils.Sequence;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The batches of a {@link Sequence} (Keras's {@code PyDatasetAdapter}): each pass asks for the
 * batch indices {@code 0 .. length()-1}, in a shuffled order when {@code shuffle} is set, produced
 * ahead on background threads by a {@link Prefetcher}. {@link #epochEnd()} calls the sequence's
 * {@code onEpochEnd} with no {@code get} running, then plans the rest of the pass again (a {@code
 * stepsPerEpoch} shorter than the sequence continues it in the next epoch).
 */
final class SequenceBatches implements BatchSource {
  private final Sequence sequence;
  private final boolean shuffle;
  private final SplittableRandom random;
  private final Map<Integer, Double> classWeight;
  private final String call;
  private final boolean needsTargets;
  private final Prefetcher prefetcher;
  private final int length;
  private int[] order;
  private int position;

  /**
   * @param classWeight Keras's {@code class_weight}, turned into each batch's sample weights; or
   *     null
   * @param call what the sequence was given to ("fit", "evaluate", ...), for errors
   * @param needsTargets whether each batch must have targets (fit and evaluate)
   */
  SequenceBatches(
      Sequence sequence,
      boolean shuffle,
      long seed,
      Map<Integer, Double> classWeight,
      String call,
      boolean needsTargets) {
    if (sequence == null) {
      throw new IllegalArgumentException(call + ": the Sequence must not be null.");
    }
    this.sequence = sequence;
    this.shuffle = shuffle;
    this.random = new SplittableRandom(seed);
    this.classWeight = classWeight;
    this.call = call;
    this.needsTargets = needsTargets;
    this.length = checkedLength();
    this.prefetcher = new Prefetcher(sequence, call);
    this.order = new int[0];
  }

  private int checkedLength() {
    int n = sequence.length();
    if (n <= 0) {
      throw new IllegalArgumentException(
          "The "
              + sequence.getClass().getSimpleName()
              + " given to "
              + call
              + " has no batch: length() must be positive. Received: length()="
              + n);
    }
    return n;
  }

  @Override
  public int stepsPerPass() {
    return length;
  }

  @Override
  public void newPass() {
    int[] o = new int[length];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    if (shuffle) {
      for (int i = o.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = o[i];
        o[i] = o[j];
        o[j] = t;
      }
    }
    order = o;
    position = 0;
    prefetcher.plan(order, 0);
  }

  @Override
  public Batches.Batch next() {
    if (position >= order.length) {
      newPass();
    }
    int index = order[position++];
    StepData d = prefetcher.next();
    if (needsTargets && d.targets().isEmpty()) {
      throw new IllegalArgumentException(
          call
              + " needs targets: "
              + sequence.getClass().getSimpleName()
              + ".get("
              + index
              + ") returned a batch without y. Received: "
              + d);
    }
    if (classWeight != null) {
      d = TrainingData.withClassWeights(d, classWeight);
    }
    return new Batches.Batch(d, null, index, 0);
  }

  @Override
  public List<Tensor> firstInputs() {
    return prefetcher.produceNow(0).inputs();
  }

  @Override
  public void epochEnd() {
    prefetcher.discard();
    sequence.onEpochEnd();
    prefetcher.plan(order, position);
  }

  @Override
  public void close() {
    prefetcher.close();
  }
}
