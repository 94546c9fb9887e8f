package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.saving.Config;
import java.util.Map;

/** Applies an activation function to its input; the mask, if any, passes through. */
public class Activation extends Layer {
  private final ActivationFunction activation;

  /** An activation by its Keras name, e.g. {@code "relu"}. */
  public Activation(String activation) {
    this(Activations.get(activation));
  }

  public Activation(ActivationFunction activation) {
    if (activation == null) {
      throw new IllegalArgumentException(
          "Argument `activation` of layer Activation must be given. Received: activation=null");
    }
    this.activation = activation;
    this.supportsMasking = true;
  }

  public ActivationFunction activation() {
    return activation;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return activation.apply(inputs);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("activation", Activations.serialize(activation));
    return c;
  }

  public static Activation fromConfig(Config c) {
    Activation a = new Activation(c.activation("activation", "linear"));
    return a.applyBaseConfig(c, a);
  }
}
