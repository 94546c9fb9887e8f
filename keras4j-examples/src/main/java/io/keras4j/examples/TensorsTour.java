package io.keras4j.examples;

import io.keras4j.Tensor;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.List;

/** The "Tensors" section of the API contract, as written there, then a gradient through ops. */
public final class TensorsTour {
  private TensorsTour() {}

  public static void main(String[] args) {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3); // data (row-major) + shape
    Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}}); // shape [2, 2]
    Tensor ids = Tensor.ofInts(new int[] {4, 0, 7}, 3, 1); // int32
    Tensor z = Tensor.zeros(32, 10);
    Tensor o = Tensor.ones(3);
    int[] shape = x.shape();
    int rank = x.rank();
    long n = x.size();
    float[] flat = x.toFloatArray();
    int[] flatInts = ids.toIntArray();
    float v = x.getFloat(1, 2);

    System.out.println(
        "x: shape "
            + Arrays.toString(shape)
            + ", rank "
            + rank
            + ", size "
            + n
            + ", values "
            + Arrays.toString(flat)
            + ", x[1,2] = "
            + v);
    System.out.println(
        "m: " + m + "; ids: " + Arrays.toString(flatInts) + "; z: " + z + "; o: " + o);

    // d/dw sum((x w)^2) for w = ones(3, 1): 2 x^T (x w)
    Tensor w = Tensor.ones(3, 1);
    try (var tape = new GradientTape()) {
      tape.watch(w);
      Tensor loss = Ops.sum(Ops.square(Ops.matmul(x, w)));
      List<Tensor> grads = tape.gradient(loss, List.of(w));
      System.out.println(
          "loss " + loss.item() + ", gradient " + Arrays.toString(grads.get(0).toFloatArray()));
    }
  }
}
