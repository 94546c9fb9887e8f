package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.layers.Dense;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  @Test
  void seedModelMatchesKeras3Table() {
    var model =
        new Sequential(
            new Dense(128, "relu").inputShape(100),
            new Dense(256, "relu"),
            new Dense(10, "softmax"));
    assertEquals(48_522, model.countParams());
    // Keras 3's output for this model on an 80-column console (line length 76).
    String expected =
        String.join(
            "\n",
            "Model: \"sequential\"",
            "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
            "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
            "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
            "│ dense (Dense)                   │ (None, 128)            │        12,928 │",
            "├─────────────────────────────────┼────────────────────────┼───────────────┤",
            "│ dense_1 (Dense)                 │ (None, 256)            │        33,024 │",
            "├─────────────────────────────────┼────────────────────────┼───────────────┤",
            "│ dense_2 (Dense)                 │ (None, 10)             │         2,570 │",
            "└─────────────────────────────────┴────────────────────────┴───────────────┘",
            " Total params: 48,522 (189.54 KB)",
            " Trainable params: 48,522 (189.54 KB)",
            " Non-trainable params: 0 (0.00 B)",
            "");
    assertEquals(expected, model.summary(76));
  }

  @Test
  void functionalSummaryHasConnectedToAndFrozenCounts() {
    KerasTensor a = Input.of("a", 4);
    KerasTensor b = Input.of("b", 3);
    KerasTensor ha = new Dense(2).name("da").apply(a);
    KerasTensor hb = new Dense(2).name("db").apply(b);
    Dense head = new Dense(1);
    head.name("head");
    KerasTensor out = head.apply(ha);
    KerasTensor out2 = new Dense(1).name("head_b").apply(hb);
    Model model = new Model(List.of(a, b), List.of(out, out2), "towers");
    head.trainable(false);
    String s = model.summary(108);
    assertTrue(s.contains("Connected to"), s);
    assertTrue(s.contains("│ a (InputLayer)"), s);
    assertTrue(s.contains("da[0][0]"), s);
    assertTrue(s.contains("a[0][0]"), s);
    // da 10 + db 8 + head 3 + head_b 3 = 24; head (3) is frozen.
    assertTrue(s.contains(" Total params: 24 (96.00 B)"), s);
    assertTrue(s.contains(" Trainable params: 21 (84.00 B)"), s);
    assertTrue(s.contains(" Non-trainable params: 3 (12.00 B)"), s);
    assertEquals(
        3,
        s.lines()
                .filter(l -> l.contains("┃"))
                .findFirst()
                .orElseThrow()
                .chars()
                .filter(c -> c == '┃')
                .count()
            - 2);
  }

  @Test
  void readableSizesAsKeras() {
    assertEquals("0.00 B", Summary.readableSize(0));
    assertEquals("189.54 KB", Summary.readableSize(48_522 * 4.0));
    assertEquals("637.59 MB", Summary.readableSize(167_141_409 * 4.0));
  }
}
