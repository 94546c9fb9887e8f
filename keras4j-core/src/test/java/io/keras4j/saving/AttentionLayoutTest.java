package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GroupedQueryAttention;
import io.keras4j.layers.Layer;
import io.keras4j.layers.MultiHeadAttention;
import io.keras4j.models.Model;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attention layers' weights in a {@code .keras} file sit where Keras 3 puts them: in the groups
 * of their EinsumDense sublayers ({@code _query_dense}, {@code _key_dense}, {@code _value_dense},
 * {@code _output_dense}), beside the empty groups of {@code _softmax} and {@code _dropout_layer};
 * the file loads back with the same weights and predictions.
 */
class AttentionLayoutTest {
  @TempDir Path dir;

  @Test
  void multiHeadAttentionWeightsAreInTheirSublayerGroups() throws IOException {
    assertLayout(new MultiHeadAttention(2, 3), "multi_head_attention");
  }

  @Test
  void groupedQueryAttentionWeightsAreInTheirSublayerGroups() throws IOException {
    assertLayout(new GroupedQueryAttention(3, 4, 2), "grouped_query_attention");
  }

  private void assertLayout(Layer attention, String key) throws IOException {
    KerasTensor in = Input.of(5, 8);
    KerasTensor x = attention.apply(List.of(in, in));
    Model model = new Model(in, new Dense(2).apply(x));
    Path file = dir.resolve(key + ".keras");
    model.save(file);

    Map<String, byte[]> entries = KerasSaveStructureTest.entries(file);
    List<String> lines = new ArrayList<>();
    try (HdfFile h5 = Hdf5.open(file, entries.get("model.weights.h5"))) {
      for (String line : KerasSaveStructureTest.describe(h5)) {
        if (line.startsWith("layers/" + key)) {
          String[] words = line.split(" ");
          lines.add(words[0].replaceAll("/$", "") + " " + words[1]);
        }
      }
    }
    String p = "layers/" + key;
    List<String> expected = new ArrayList<>(List.of(p + " group", p + "/vars group"));
    for (String sub : List.of("_dropout_layer", "_key_dense", "_output_dense")) {
      expected.add(p + "/" + sub + " group");
      if (!sub.equals("_dropout_layer")) {
        expected.add(p + "/" + sub + "/vars group");
        expected.add(p + "/" + sub + "/vars/0 dataset");
        expected.add(p + "/" + sub + "/vars/1 dataset");
      } else {
        expected.add(p + "/" + sub + "/vars group");
      }
    }
    for (String sub : List.of("_query_dense", "_softmax", "_value_dense")) {
      expected.add(p + "/" + sub + " group");
      expected.add(p + "/" + sub + "/vars group");
      if (!sub.equals("_softmax")) {
        expected.add(p + "/" + sub + "/vars/0 dataset");
        expected.add(p + "/" + sub + "/vars/1 dataset");
      }
    }
    expected.sort(null);
    assertEquals(expected, lines);

    Model back = Model.load(file);
    List<Tensor> w = model.getWeights();
    List<Tensor> wb = back.getWeights();
    assertEquals(w.size(), wb.size());
    for (int i = 0; i < w.size(); i++) {
      assertArrayEquals(w.get(i).shape(), wb.get(i).shape());
      assertArrayEquals(w.get(i).toFloatArray(), wb.get(i).toFloatArray(), 0f);
    }
    float[] probe = new float[2 * 5 * 8];
    Random r = new Random(3);
    for (int i = 0; i < probe.length; i++) {
      probe[i] = (float) r.nextGaussian();
    }
    Tensor t = Tensor.of(probe, 2, 5, 8);
    assertArrayEquals(
        model.predict(t, Quiet.predict()).toFloatArray(),
        back.predict(t, Quiet.predict()).toFloatArray(),
        0f);
  }
}
