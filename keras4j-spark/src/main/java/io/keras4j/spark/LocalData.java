package io.keras4j.spark;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.List;
import java.util.Random;
import scala.Tuple2;

/**
 * A task's samples, in the order of their global index, as two flat arrays; cuts the local batch of
 * each step (in order, or shuffled once per epoch with a seed of the epoch and the rank).
 */
final class LocalData {
  private final int featureLength;
  private final int labelLength;
  private final int[] featureShape;
  private final float[] x;
  private final float[] y;
  private final int size;
  private int[] order;
  private int cursor;

  LocalData(List<Tuple2<Long, Sample>> rows, int[] featureShape, int labelLength) {
    rows.sort((a, b) -> Long.compare(a._1(), b._1()));
    this.featureShape = featureShape.clone();
    int f = (int) Shapes.size(featureShape);
    this.featureLength = f;
    this.labelLength = labelLength;
    this.size = rows.size();
    this.x = new float[size * f];
    this.y = new float[size * labelLength];
    for (int i = 0; i < size; i++) {
      Sample s = rows.get(i)._2();
      if (s.features().length != f || s.label().length != labelLength) {
        throw new IllegalArgumentException(
            "SparkTrainer: every sample needs "
                + f
                + " feature values and "
                + labelLength
                + " label values (as the first one). Received: sample "
                + rows.get(i)._1()
                + " with "
                + s.features().length
                + " and "
                + s.label().length);
      }
      System.arraycopy(s.features(), 0, x, i * f, f);
      System.arraycopy(s.label(), 0, y, i * labelLength, labelLength);
    }
  }

  /** Starts an epoch: the samples in order, or shuffled with the epoch's and rank's seed. */
  void newEpoch(boolean shuffle, long seed, int epoch, int rank) {
    order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    if (shuffle) {
      Random r = new Random(seed * 1_000_003L + epoch * 8191L + rank);
      for (int i = size - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    cursor = 0;
  }

  /** The next {@code n} samples: features (n, shape...) and labels (n) or (n, labelLength). */
  Tensor[] next(int n) {
    float[] bx = new float[n * featureLength];
    float[] by = new float[n * labelLength];
    for (int i = 0; i < n; i++) {
      int k = order[cursor + i];
      System.arraycopy(x, k * featureLength, bx, i * featureLength, featureLength);
      System.arraycopy(y, k * labelLength, by, i * labelLength, labelLength);
    }
    cursor += n;
    int[] shape = new int[featureShape.length + 1];
    shape[0] = n;
    System.arraycopy(featureShape, 0, shape, 1, featureShape.length);
    Tensor labels = labelLength == 1 ? Tensor.of(by, n) : Tensor.of(by, n, labelLength);
    return new Tensor[] {Tensor.of(bx, shape), labels};
  }
}
