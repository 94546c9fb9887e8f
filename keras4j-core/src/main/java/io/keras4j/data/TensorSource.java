package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of in-memory tensors (tf.data's {@code from_tensor_slices}), or their batches of {@code
 * batchSize} rows when the in-memory dataset was batched. The tensors' values are read once, on the
 * first pass.
 */
final class TensorSource extends Stage {
  private final List<Tensor> inputs;
  private final List<Tensor> targets;
  private final Tensor sampleWeights;
  private final Integer batchSize;
  private final int size;
  private volatile Object[] values; // per tensor: float[] or int[]

  TensorSource(
      List<Tensor> inputs,
      List<Tensor> targets,
      Tensor sampleWeights,
      Integer batchSize,
      int size) {
    super(null);
    this.inputs = inputs;
    this.targets = targets;
    this.sampleWeights = sampleWeights;
    this.batchSize = batchSize;
    this.size = size;
  }

  @Override
  long cardinality() {
    return batchSize == null ? size : (size + batchSize - 1) / batchSize;
  }

  @Override
  Boolean batched() {
    return batchSize != null;
  }

  @Override
  String name() {
    return "fromTensorSlices" + (batchSize == null ? "" : " -> batch(" + batchSize + ")");
  }

  private Object[] values() {
    Object[] v = values;
    if (v == null) {
      List<Tensor> all = all();
      v = new Object[all.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ElementTensors.values(all.get(i));
      }
      values = v;
    }
    return v;
  }

  private List<Tensor> all() {
    List<Tensor> all = new ArrayList<>(inputs);
    all.addAll(targets);
    if (sampleWeights != null) {
      all.add(sampleWeights);
    }
    return all;
  }

  @Override
  DatasetIterator open(long pass) {
    Object[] v = values();
    List<Tensor> all = all();
    return new Pull() {
      int row;

      @Override
      StepData produce() {
        if (row >= size) {
          return null;
        }
        int to = batchSize == null ? row + 1 : Math.min(size, row + batchSize);
        List<Tensor> parts = new ArrayList<>(v.length);
        for (int i = 0; i < v.length; i++) {
          int[] s = ShapeRefs.of(all.get(i));
          parts.add(
              batchSize == null
                  ? ElementTensors.row(v[i], s, row)
                  : ElementTensors.rows(v[i], s, row, to, true));
        }
        row = to;
        int nx = inputs.size();
        int ny = targets.size();
        return new StepData(
            parts.subList(0, nx),
            parts.subList(nx, nx + ny),
            sampleWeights == null ? null : parts.get(nx + ny));
      }
    };
  }
}
