package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every example runs unchanged and prints what the API contract promises. */
class ExamplesTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  private static String run(Runnable main) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    old.print(out);
    return out;
  }

  @Test
  void seedMlp() {
    String out = run(() -> SeedMlp.main(new String[0]));
    assertTrue(out.contains("Total params: 48,522 (189.54 KB)"), out);
    assertTrue(out.contains("Parameters: 48522"), out);
    assertTrue(out.contains("(sum 1.0000)"), out);
  }

  @Test
  void buildingModels() {
    String out = run(() -> BuildingModels.main(new String[0]));
    assertTrue(out.contains("seed MLP parameters: 48522"), out);
    // 784*64+64 + 64*10+10 = 50,890 for the Sequential with Dropout
    assertTrue(out.contains("Total params: 50,890"), out);
    // 784*64+64 + 64*64+64 + 64*10+10 = 55,050 for the Functional MLP
    assertTrue(out.contains("Total params: 55,050"), out);
    // 6*30+30 + 30*30+30 + 35*1+1 + 30*1+1 = 1,207 for the multi-output model
    assertTrue(out.contains("Total params: 1,207"), out);
    assertTrue(out.contains("multi-output prediction shapes: [4, 1] and [4, 1]"), out);
    assertTrue(out.contains("output names: [output_1, output_2]"), out);
  }

  @Test
  void tensorsTour() {
    String out = run(() -> TensorsTour.main(new String[0]));
    assertTrue(out.contains("x[1,2] = 6.0"), out);
    // x w = [6, 15]; loss = 36 + 225; gradient 2 x^T [6, 15] = [2*(6+60), 2*(12+75), 2*(18+90)]
    assertTrue(out.contains("loss 261.0, gradient [132.0, 174.0, 216.0]"), out);
  }
}
