package io.keras4j.examples;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.List;

/** The "Building models" section of the API contract, as written there, then run. */
public final class BuildingModels {
  private BuildingModels() {}

  public static void main(String[] args) {
    // Sequential, as in the seed texts (first layer carries the input shape) ...
    var model =
        new Sequential(
            new Dense(128, "relu").inputShape(100),
            new Dense(256, "relu"),
            new Dense(10, "softmax"));
    model.summary(); // prints the Keras table; also returns it as a String
    long params = model.countParams(); // 48_522

    // ... or Keras 3 style, with an Input first; layers can also be added one by one
    var seq = new Sequential(Input.of(784));
    seq.add(new Dense(64, "relu"));
    seq.add(new Dropout(0.5));
    seq.add(new Dense(10, "softmax"));

    // Functional
    KerasTensor inputs = Input.of(784);
    KerasTensor x = new Dense(64, "relu").apply(inputs);
    x = new Dense(64, "relu").apply(x);
    KerasTensor predictions = new Dense(10, "softmax").apply(x);
    var functional = new Model(inputs, predictions);

    // Multiple inputs and outputs, named; layers are shared by applying one instance twice
    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(30, "relu").apply(deep);
    h = new Dense(30, "relu").apply(h);
    KerasTensor concat = new Concatenate().apply(wide, h);
    KerasTensor out1 = new Dense(1).name("output_1").apply(concat);
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    var multi = new Model(List.of(wide, deep), List.of(out1, out2));

    System.out.println("seed MLP parameters: " + params);
    seq.summary();
    functional.summary();
    multi.summary();
    List<Tensor> outs = multi.predict(List.of(Tensor.ones(4, 5), Tensor.ones(4, 6)));
    System.out.println(
        "multi-output prediction shapes: "
            + java.util.Arrays.toString(outs.get(0).shape())
            + " and "
            + java.util.Arrays.toString(outs.get(1).shape()));
    System.out.println(
        "layers of the multi-output model: "
            + multi.layers().size()
            + ", output names: "
            + multi.outputNames());
  }
}
