package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.ops.Ops;
import io.keras4j.ops.RecurrentOps;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Keras's GRUCell, gates in Keras's order z, r, h along the kernels' columns. With {@code
 * resetAfter} (the default, Keras 3's) the reset gate multiplies the recurrent product, and the
 * bias is {@code [2, 3*units]} (input bias, recurrent bias); without it the reset gate multiplies
 * the state before its product with the h columns of the recurrent kernel, and the bias is {@code
 * [3*units]}. {@code h = z * h_prev + (1 - z) * hh}.
 */
public class GRUCell extends RecurrentCell<GRUCell> {
  private ActivationFunction recurrentActivation = Activations.get("sigmoid");
  private boolean resetAfter = true;

  public GRUCell(int units) {
    super("GRUCell", units, 3);
  }

  public GRUCell recurrentActivation(String name) {
    return recurrentActivation(Activations.get(name));
  }

  public GRUCell recurrentActivation(ActivationFunction f) {
    checkNotBuilt("recurrentActivation");
    this.recurrentActivation = f == null ? Activations.get("linear") : f;
    return this;
  }

  /** Whether the reset gate applies after the recurrent product (Keras 3's default, true). */
  public GRUCell resetAfter(boolean resetAfter) {
    checkNotBuilt("resetAfter");
    this.resetAfter = resetAfter;
    return this;
  }

  public boolean resetAfter() {
    return resetAfter;
  }

  @Override
  public int[] stateSize() {
    return new int[] {units};
  }

  @Override
  protected int[] biasShape() {
    return resetAfter ? new int[] {2, 3 * units} : new int[] {3 * units};
  }

  @Override
  protected Tensor inputBias() {
    if (bias == null) {
      return null;
    }
    Tensor b = bias.value();
    return resetAfter
        ? Ops.reshape(Ops.slice(b, new int[] {0, 0}, new int[] {1, 3 * units}), 3 * units)
        : b;
  }

  @Override
  public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
    // As Keras 3, the recurrent dropout mask applies to h_prev everywhere in the step.
    Tensor h = dropRecurrent(states.get(0));
    Tensor rk = recurrentKernel.value();
    Tensor z;
    Tensor hh;
    int u = units;
    if (resetAfter) {
      Tensor inner = Ops.matmul(h, rk);
      if (bias != null) {
        Tensor rb =
            Ops.reshape(Ops.slice(bias.value(), new int[] {1, 0}, new int[] {1, 3 * u}), 3 * u);
        inner = Ops.add(inner, rb);
      }
      z = recurrentActivation.apply(Ops.add(columns(input, 0, u), columns(inner, 0, u)));
      Tensor r = recurrentActivation.apply(Ops.add(columns(input, u, u), columns(inner, u, u)));
      hh =
          activation.apply(
              Ops.add(columns(input, 2 * u, u), Ops.multiply(r, columns(inner, 2 * u, u))));
    } else {
      Tensor zr = Ops.matmul(h, Ops.slice(rk, new int[] {0, 0}, new int[] {u, 2 * u}));
      z = recurrentActivation.apply(Ops.add(columns(input, 0, u), columns(zr, 0, u)));
      Tensor r = recurrentActivation.apply(Ops.add(columns(input, u, u), columns(zr, u, u)));
      Tensor rh =
          Ops.matmul(Ops.multiply(r, h), Ops.slice(rk, new int[] {0, 2 * u}, new int[] {u, u}));
      hh = activation.apply(Ops.add(columns(input, 2 * u, u), rh));
    }
    Tensor out = Ops.add(Ops.multiply(z, h), Ops.multiply(Ops.subtract(Tensor.scalar(1f), z), hh));
    return List.of(out, out);
  }

  @Override
  boolean fusable(boolean training) {
    return getClass() == GRUCell.class && resetAfter && defaultActivations(training);
  }

  @Override
  RnnLoop.Result fusedSequence(
      Tensor projected,
      List<Tensor> states,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask) {
    Tensor rb =
        bias == null
            ? null
            : Ops.reshape(
                Ops.slice(bias.value(), new int[] {1, 0}, new int[] {1, 3 * units}), 3 * units);
    RecurrentOps.GruResult r =
        RecurrentOps.gru(
            projected,
            recurrentKernel.value(),
            rb,
            states.get(0),
            mask,
            goBackwards,
            returnSequences,
            zeroOutputForMask);
    return new RnnLoop.Result(r.lastOutput(), r.sequence(), List.of(r.h()));
  }

  @Override
  ActivationFunction gateActivation() {
    return recurrentActivation;
  }

  @Override
  void putGateActivation(Map<String, Object> c) {
    c.put("recurrent_activation", RnnActivations.serialize(recurrentActivation));
  }

  @Override
  void putAfterDropout(Map<String, Object> c) {
    c.put("reset_after", resetAfter);
  }

  /** Reads GRU's options; a Keras 2 config without {@code reset_after} means false (Keras 2.1). */
  void readGruOptions(Config c) {
    readCellOptions(c);
    recurrentActivation(RnnActivations.read(c, "recurrent_activation", "sigmoid"));
    resetAfter(c.getBoolean("reset_after", !RnnActivations.isLegacy(c)));
  }

  public static GRUCell fromConfig(Config c) {
    GRUCell cell = new GRUCell(c.getInt("units"));
    cell.readGruOptions(c);
    return cell.applyBaseConfig(c, cell);
  }
}
