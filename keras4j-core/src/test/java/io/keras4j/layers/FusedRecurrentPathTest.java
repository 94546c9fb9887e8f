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
 * An LSTM or GRU (reset_after) with Keras's default activations runs through the fused recurrent
 * op; the same layer with its sigmoid wrapped as another function runs step by step with ops (the
 * path checked against the golden cases). Both must give the same outputs, states and weight
 * gradients, with and without masks, forwards and backwards, with zero_output_for_mask, with
 * initial states.
 */
class FusedRecurrentPathTest {
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
      RNN layer, Tensor x, List<Tensor> states, boolean masking, List<Tensor> weights) {
    int[] s = x.shape();
    KerasTensor in = Input.of(s[1], s[2]);
    KerasTensor seq = masking ? new Masking(0f).apply(in) : in;
    List<KerasTensor> inputs = new ArrayList<>(List.of(in));
    List<KerasTensor> layerInputs = new ArrayList<>(List.of(seq));
    for (Tensor st : states) {
      KerasTensor si = Input.of(st.shape()[1]);
      inputs.add(si);
      layerInputs.add(si);
    }
    List<KerasTensor> outs = layer.applyAll(layerInputs);
    Model model = new Model(inputs, outs);
    if (weights != null) {
      model.setWeights(weights);
    }
    List<float[]> values = new ArrayList<>();
    List<float[]> grads = new ArrayList<>();
    try (GradientTape tape = new GradientTape()) {
      List<Tensor> values0 = new ArrayList<>(List.of(x));
      values0.addAll(states);
      ModelOutputs y = model.apply(values0, true);
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

  private static void check(
      boolean gru, boolean masking, boolean backwards, boolean sequences, boolean zero) {
    String what =
        (gru ? "GRU" : "LSTM")
            + " mask="
            + masking
            + " goBackwards="
            + backwards
            + " returnSequences="
            + sequences
            + " zeroOutputForMask="
            + zero;
    Tensor x = input(3, 5, 7, 4, masking);
    List<Tensor> states = new ArrayList<>();
    states.add(input(4, 5, 1, 6, false).reshapeView(5, 6));
    if (!gru) {
      states.add(input(5, 5, 1, 6, false).reshapeView(5, 6));
    }
    RNN fused = gru ? new GRU(6) : new LSTM(6);
    RNN byOps =
        gru
            ? new GRU(6).recurrentActivation(WRAPPED_SIGMOID)
            : new LSTM(6).recurrentActivation(WRAPPED_SIGMOID);
    for (RNN l : List.of(fused, byOps)) {
      l.returnSequences(sequences).returnState(true).goBackwards(backwards).zeroOutputForMask(zero);
    }
    Run a = run(fused, x, states, masking, null);
    List<Tensor> weights = new ArrayList<>();
    for (var v : fused.weights()) {
      weights.add(v.value());
    }
    Run b = run(byOps, x, states, masking, weights);
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
    for (boolean gru : new boolean[] {false, true}) {
      check(gru, false, false, true, false);
      check(gru, false, true, false, false);
    }
  }

  @Test
  void fusedAndStepByStepAgreeWithMasks() {
    for (boolean gru : new boolean[] {false, true}) {
      for (boolean backwards : new boolean[] {false, true}) {
        for (boolean sequences : new boolean[] {false, true}) {
          for (boolean zero : new boolean[] {false, true}) {
            check(gru, true, backwards, sequences, zero);
          }
        }
      }
    }
  }
}
