package io.keras4j.layers;

import io.keras4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds a layer's output shapes by running it on zeros, as Keras infers an output spec for layers
 * that give no formula. Unknown sizes are tried twice with different values; an output dimension
 * that changes with them is unknown too.
 */
final class ShapeInference {
  private ShapeInference() {}

  static List<int[]> outputShapes(
      List<int[]> inputShapes, Function<List<Tensor>, List<Tensor>> call) {
    List<Tensor> a = call.apply(zeros(inputShapes, 7));
    List<Tensor> b = call.apply(zeros(inputShapes, 11));
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      int[] sa = a.get(i).shape();
      int[] sb = b.get(i).shape();
      for (int d = 0; d < sa.length && d < sb.length; d++) {
        if (sa[d] != sb[d]) {
          sa[d] = -1;
        }
      }
      out.add(sa);
    }
    return out;
  }

  private static List<Tensor> zeros(List<int[]> inputShapes, int unknownSize) {
    List<Tensor> zeros = new ArrayList<>();
    for (int[] s : inputShapes) {
      int[] concrete = s.clone();
      for (int d = 0; d < concrete.length; d++) {
        if (concrete[d] < 0) {
          concrete[d] = unknownSize;
        }
      }
      zeros.add(Tensor.zeros(concrete));
    }
    return zeros;
  }
}
