package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.models.Model;
import io.keras4j.models.ModelOutputs;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An LSTM with Keras's default activations runs through the fused recurrent op; the same LSTM with
 * its sigmoid wrapped as another function runs step by step with ops (the path checked against the
 * golden cases). Both must give the same outputs, states and weight gradients, with and without
 * masks, forwards and backwards, with zero_output_for_mask, with initial states.
 */
class LstmFusedPathTest {
  private static final ActivationFunction WRAPPED_SIGMOID =
      ActivationFunction.of("sigmoid_by_ops", Activations::sigmoid);

  private static Tensor input(
      long seed, int batch, int time, int features, boolean withMaskedSteps) {
    Random r = new Random(seed);
    float[] v = new float[batch * time * features];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextDouble() * 2 - 1);
    }
    if (withMaskedSteps) {
      // Row b masks steps where (b + t) % 3 == 0: first, middle and last steps of different rows.
      for (int b = 0; b < batch; b++) {
        for (int t = 0; t < time; t++) {
          if ((b + t) % 3 == 0) {
            java.util.Arrays.fill(v, (b * time + t) * features, (b * time + t + 1) * features, 0f);
          }
        }
      }
    }
    return Tensor.of(v, batch, time, features);
  }

  private record Run(List<float[]> outputs, List<float[]> gradients) {}

  private static Run run(
      LSTM lstm, Tensor x, Tensor h0, Tensor c0, boolean masking, List<Tensor> weights) {
    int[] s = x.shape();
    KerasTensor in = Input.of(s[1], s[2]);
    KerasTensor hIn = Input.of(h0.shape()[1]);
    KerasTensor cIn = Input.of(c0.shape()[1]);
    KerasTensor seq = masking ? new Masking(0f).apply(in) : in;
    List<KerasTensor> outs = lstm.applyAll(List.of(seq, hIn, cIn));
    Model model = new Model(List.of(in, hIn, cIn), outs);
    if (weights != null) {
      model.setWeights(weights);
    }
    List<float[]> values = new ArrayList<>();
    List<float[]> grads = new ArrayList<>();
    try (GradientTape tape = new GradientTape()) {
      ModelOutputs y = model.apply(List.of(x, h0, c0), true);
      Tensor loss = null;
      for (int i = 0; i < y.size(); i++) {
        Tensor yi = y.get(i);
        values.add(yi.toFloatArray());
        // A different weighting per output and element, so that no gradient path is ignored.
        float[] wv = new float[(int) yi.size()];
        for (int k = 0; k < wv.length; k++) {
          wv[k] = (float) Math.sin(0.37 * (i + 1) * k);
        }
        Tensor w = Tensor.of(wv, wv.length);
        Tensor term = Ops.sum(Ops.multiply(Ops.reshape(yi, wv.length), w));
        loss = loss == null ? term : Ops.add(loss, term);
      }
      for (Tensor g : tape.gradient(loss, model.trainableWeights())) {
        grads.add(g.toFloatArray());
      }
    }
    return new Run(values, grads);
  }

  private static void check(boolean masking, boolean backwards, boolean sequences, boolean zero) {
    String what =
        "mask="
            + masking
            + " goBackwards="
            + backwards
            + " returnSequences="
            + sequences
            + " zeroOutputForMask="
            + zero;
    Tensor x = input(3, 5, 7, 4, masking);
    Tensor h0 = input(4, 5, 1, 6, false).reshapeView(5, 6);
    Tensor c0 = input(5, 5, 1, 6, false).reshapeView(5, 6);
    LSTM fused =
        new LSTM(6)
            .returnSequences(sequences)
            .returnState(true)
            .goBackwards(backwards)
            .zeroOutputForMask(zero);
    LSTM byOps =
        new LSTM(6)
            .recurrentActivation(WRAPPED_SIGMOID)
            .returnSequences(sequences)
            .returnState(true)
            .goBackwards(backwards)
            .zeroOutputForMask(zero);
    Run a = run(fused, x, h0, c0, masking, null);
    List<Tensor> weights = new ArrayList<>();
    for (var v : fused.weights()) {
      weights.add(v.value());
    }
    Run b = run(byOps, x, h0, c0, masking, weights);
    assertEquals(a.outputs().size(), b.outputs().size(), what);
    for (int i = 0; i < a.outputs().size(); i++) {
      assertArrayEquals(b.outputs().get(i), a.outputs().get(i), 1e-5f, what + ": output " + i);
    }
    assertEquals(3, a.gradients().size(), what);
    for (int i = 0; i < a.gradients().size(); i++) {
      assertArrayEquals(
          b.gradients().get(i), a.gradients().get(i), 1e-4f, what + ": gradient " + i);
    }
  }

  @Test
  void fusedAndStepByStepAgreeWithoutMask() {
    check(false, false, true, false);
    check(false, true, false, false);
  }

  @Test
  void fusedAndStepByStepAgreeWithMasks() {
    for (boolean backwards : new boolean[] {false, true}) {
      for (boolean sequences : new boolean[] {false, true}) {
        for (boolean zero : new boolean[] {false, true}) {
          check(true, backwards, sequences, zero);
        }
      }
    }
  }
}
