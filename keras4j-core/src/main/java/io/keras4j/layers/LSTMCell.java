package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.initializers.Initializer;
import io.keras4j.ops.Ops;
import io.keras4j.ops.RecurrentOps;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Keras's LSTMCell, gates in Keras's order i, f, c, o along the kernels' columns: {@code z = x @
 * kernel + bias + h @ recurrent_kernel}, {@code c = f * c_prev + i * activation(z_c)}, {@code h = o
 * * activation(c)}, with {@code i, f, o = recurrent_activation(z_i, z_f, z_o)}. States {@code [h,
 * c]}.
 */
public class LSTMCell extends RecurrentCell<LSTMCell> {
  private ActivationFunction recurrentActivation = Activations.get("sigmoid");
  private boolean unitForgetBias = true;

  public LSTMCell(int units) {
    super("LSTMCell", units, 4);
  }

  public LSTMCell recurrentActivation(String name) {
    return recurrentActivation(Activations.get(name));
  }

  public LSTMCell recurrentActivation(ActivationFunction f) {
    checkNotBuilt("recurrentActivation");
    this.recurrentActivation = f == null ? Activations.get("linear") : f;
    return this;
  }

  /** Whether the forget gate's bias starts at 1 (the rest from the bias initializer). */
  public LSTMCell unitForgetBias(boolean unitForgetBias) {
    checkNotBuilt("unitForgetBias");
    this.unitForgetBias = unitForgetBias;
    return this;
  }

  @Override
  public int[] stateSize() {
    return new int[] {units, units};
  }

  @Override
  protected Initializer effectiveBiasInitializer() {
    if (!unitForgetBias) {
      return biasInitializer;
    }
    Initializer base = biasInitializer;
    int u = units;
    return new Initializer() {
      @Override
      public Tensor apply(int... shape) {
        return Ops.concatenate(List.of(base.apply(u), Tensor.ones(u), base.apply(2 * u)), 0);
      }

      @Override
      public Map<String, Object> getConfig() {
        return base.getConfig();
      }

      @Override
      public String className() {
        return base.className();
      }
    };
  }

  @Override
  public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
    Tensor h = dropRecurrent(states.get(0));
    Tensor cPrev = states.get(1);
    Tensor z = Ops.add(input, Ops.matmul(h, recurrentKernel.value()));
    Tensor i = recurrentActivation.apply(columns(z, 0, units));
    Tensor f = recurrentActivation.apply(columns(z, units, units));
    Tensor g = activation.apply(columns(z, 2 * units, units));
    Tensor o = recurrentActivation.apply(columns(z, 3 * units, units));
    Tensor c = Ops.add(Ops.multiply(f, cPrev), Ops.multiply(i, g));
    Tensor out = Ops.multiply(o, activation.apply(c));
    return List.of(out, out, c);
  }

  @Override
  boolean fusable(boolean training) {
    return getClass() == LSTMCell.class && defaultActivations(training);
  }

  @Override
  RnnLoop.Result fusedSequence(
      Tensor projected,
      List<Tensor> states,
      Tensor mask,
      boolean goBackwards,
      boolean returnSequences,
      boolean zeroOutputForMask) {
    RecurrentOps.LstmResult r =
        RecurrentOps.lstm(
            projected,
            recurrentKernel.value(),
            states.get(0),
            states.get(1),
            mask,
            goBackwards,
            returnSequences,
            zeroOutputForMask);
    return new RnnLoop.Result(r.lastOutput(), r.sequence(), List.of(r.h(), r.c()));
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
  void putBeforeInitializers(Map<String, Object> c) {
    c.put("unit_forget_bias", unitForgetBias);
  }

  void readLstmOptions(Config c) {
    readCellOptions(c);
    recurrentActivation(RnnActivations.read(c, "recurrent_activation", "sigmoid"));
    unitForgetBias(c.getBoolean("unit_forget_bias", true));
  }

  public static LSTMCell fromConfig(Config c) {
    LSTMCell cell = new LSTMCell(c.getInt("units"));
    cell.readLstmOptions(c);
    return cell.applyBaseConfig(c, cell);
  }
}
