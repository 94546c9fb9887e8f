package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.random.RandomOps;
import io.keras4j.saving.Config;
import java.util.Locale;
import java.util.Map;

/**
 * Flips images at random during training, as Keras's {@code RandomFlip}: each image of the batch is
 * flipped left-right ({@code "horizontal"}), upside-down ({@code "vertical"}) or each of the two
 * independently ({@code "horizontal_and_vertical"}, the default), with probability 1/2; the
 * identity at inference. Takes a batch {@code (batch, height, width, channels)} or one image {@code
 * (height, width, channels)} ({@code channels_first} moves the channel axis first). Seeded like
 * {@link Dropout}: a fixed seed or {@code Keras.setRandomSeed} repeats the same flips.
 */
public class RandomFlip extends RandomLayer {
  private final String mode;
  private String dataFormat = "channels_last";

  public RandomFlip() {
    this("horizontal_and_vertical");
  }

  /** {@code "horizontal"}, {@code "vertical"} or {@code "horizontal_and_vertical"}. */
  public RandomFlip(String mode) {
    String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
    if (!m.equals("horizontal") && !m.equals("vertical") && !m.equals("horizontal_and_vertical")) {
      throw new IllegalArgumentException(
          "RandomFlip layer mode must be one of 'horizontal', 'vertical' or"
              + " 'horizontal_and_vertical'. Received: mode="
              + mode);
    }
    this.mode = m;
  }

  public RandomFlip dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = Flatten.standardizeDataFormat(dataFormat);
    return this;
  }

  @Override
  public RandomFlip seed(long seed) {
    super.seed(seed);
    return this;
  }

  public String mode() {
    return mode;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages("RandomFlip", name(), inputs);
    if (!ctx.training()) {
      return inputs;
    }
    boolean batched = s.length == 4;
    Tensor x = batched ? inputs : Ops.expandDims(inputs, 0);
    int first = dataFormat.equals("channels_first") ? 2 : 1; // the height axis
    Tensor y = x;
    if (!mode.equals("vertical")) {
      y = flipSome(y, first + 1);
    }
    if (!mode.equals("horizontal")) {
      y = flipSome(y, first);
    }
    return batched ? y : Ops.squeeze(y, 0);
  }

  /** Each image flipped along {@code axis} with probability 1/2. */
  private Tensor flipSome(Tensor x, int axis) {
    int[] s = ShapeRefs.of(x);
    int n = s[axis];
    int[] reversed = new int[n];
    for (int i = 0; i < n; i++) {
      reversed[i] = n - 1 - i;
    }
    Tensor flipped = Ops.take(x, Tensor.ofInts(reversed, n), axis);
    int[] coin = {s[0], 1, 1, 1};
    Tensor flip = Ops.lessEqual(RandomOps.uniform(coin, 0, 1, nextSeed()), Tensor.scalar(0.5f));
    return Ops.where(flip, flipped, x);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mode", mode);
    c.put("data_format", dataFormat);
    return c;
  }

  public static RandomFlip fromConfig(Config c) {
    RandomFlip f = new RandomFlip(c.getString("mode", "horizontal_and_vertical"));
    f.dataFormat(c.getString("data_format", "channels_last"));
    return withSeedAndBase(c, f);
  }
}
