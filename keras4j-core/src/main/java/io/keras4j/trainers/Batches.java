package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.data.Rows;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts data into batches in order or shuffled per epoch (Keras's epoch iterator over arrays). With
 * a number of steps larger than one pass, it goes on with a new pass.
 */
final class Batches implements BatchSource {
  private final TrainingData data;
  private final int batchSize;
  private final boolean shuffle;
  private final SplittableRandom random;
  private final int[] order;
  private int position;

  Batches(TrainingData data, int batchSize, boolean shuffle, long seed) {
    this.data = data;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.random = new SplittableRandom(seed);
    this.order = new int[data.size];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.position = data.size; // the first batch starts a pass
  }

  @Override
  public int stepsPerPass() {
    return (data.size + batchSize - 1) / batchSize;
  }

  @Override
  public void newPass() {
    position = 0;
    if (shuffle) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
  }

  @Override
  public Batch next() {
    if (position >= data.size) {
      newPass();
    }
    int from = position;
    int to = Math.min(data.size, from + batchSize);
    position = to;
    boolean whole = from == 0 && to == data.size && !shuffle;
    List<Tensor> x = new ArrayList<>(data.x.size());
    for (Tensor t : data.x) {
      x.add(whole ? t : Rows.take(t, order, from, to));
    }
    List<Tensor> y = new ArrayList<>(data.y.size());
    for (Tensor t : data.y) {
      y.add(whole ? t : Rows.take(t, order, from, to));
    }
    Tensor sw =
        data.sampleWeight == null
            ? null
            : whole ? data.sampleWeight : Rows.take(data.sampleWeight, order, from, to);
    return new Batch(new StepData(x, y, sw), order, from, data.firstRow);
  }

  @Override
  public List<Tensor> firstInputs() {
    int n = Math.min(data.size, Math.max(batchSize, 1));
    List<Tensor> first = new ArrayList<>(data.x.size());
    for (Tensor t : data.x) {
      first.add(Rows.slice(t, 0, n));
    }
    return first;
  }

  /**
   * A batch: its data, and which rows of the user's data it holds ({@code order[from + i]} from
   * {@code firstRow} on), read before the next batch reshuffles {@code order}. A batch of a
   * Sequence has no {@code order} (its rows are the sequence's business) and {@code from} is its
   * index.
   */
  record Batch(StepData data, int[] order, int from, int firstRow) {
    /** The row of the user's data that is row {@code i} of this batch. */
    int dataRow(int i) {
      return firstRow + order[from + i];
    }

    /** A bad target of this batch, renamed by its row in the data given to {@code call}. */
    RuntimeException inData(InvalidTargetException e, String call) {
      int[] at = e.position();
      if (order == null || at.length == 0 || at[0] < 0 || at[0] >= data.batchSize()) {
        return e;
      }
      return e.atDataRow(dataRow(at[0]), call);
    }
  }
}
