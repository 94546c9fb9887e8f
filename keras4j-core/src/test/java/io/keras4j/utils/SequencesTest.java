package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code keras.utils.pad_sequences}: the examples of Keras's docstring and the edge cases. */
class SequencesTest {
  private static final List<int[]> SEQS =
      List.of(new int[] {1}, new int[] {2, 3}, new int[] {4, 5, 6});

  @Test
  void kerasDocstringExamples() {
    Tensor t = Sequences.padSequences(SEQS);
    assertEquals(DType.INT32, t.dtype());
    assertArrayEquals(new int[] {3, 3}, t.shape());
    assertArrayEquals(new int[] {0, 0, 1, 0, 2, 3, 4, 5, 6}, t.toIntArray());
    assertArrayEquals(
        new int[] {-1, -1, 1, -1, 2, 3, 4, 5, 6},
        Sequences.padSequences(SEQS, new PadSequencesOptions().value(-1)).toIntArray());
    assertArrayEquals(
        new int[] {1, 0, 0, 2, 3, 0, 4, 5, 6},
        Sequences.padSequences(SEQS, new PadSequencesOptions().padding("post")).toIntArray());
    Tensor two = Sequences.padSequences(SEQS, 2);
    assertArrayEquals(new int[] {3, 2}, two.shape());
    assertArrayEquals(new int[] {0, 1, 2, 3, 5, 6}, two.toIntArray());
  }

  @Test
  void truncatingPostAndPaddingPostTogether() {
    var opts = new PadSequencesOptions().maxlen(2).padding("post").truncating("post").value(9);
    assertArrayEquals(
        new int[] {1, 9, 2, 3, 4, 5}, Sequences.padSequences(SEQS, opts).toIntArray());
    // truncating "pre" with padding "post": the last values are kept, padding goes after
    var mixed = new PadSequencesOptions().maxlen(2).padding("post");
    assertArrayEquals(
        new int[] {1, 0, 2, 3, 5, 6}, Sequences.padSequences(SEQS, mixed).toIntArray());
  }

  @Test
  void longerMaxlenEmptySequencesAndNoSequences() {
    List<int[]> seqs = List.of(new int[] {}, new int[] {7, 8});
    assertArrayEquals(
        new int[] {0, 0, 0, 0, 0, 0, 7, 8}, Sequences.padSequences(seqs, 4).toIntArray());
    assertArrayEquals(new int[] {0, 4}, Sequences.padSequences(List.of(), 4).shape());
    assertArrayEquals(new int[] {0, 0}, Sequences.padSequences(List.of()).shape());
  }

  @Test
  void doesNotChangeTheInput() {
    int[] s = {4, 5, 6};
    Sequences.padSequences(List.of(s), 2);
    assertArrayEquals(new int[] {4, 5, 6}, s);
  }

  @Test
  void badArgumentsAreNamed() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new PadSequencesOptions().padding("middle"));
    assertTrue(e.getMessage().contains("Received: padding=middle"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new PadSequencesOptions().truncating("x"));
    assertTrue(e.getMessage().contains("Received: truncating=x"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, -1));
    assertTrue(e.getMessage().contains("maxlen=-1"), e.getMessage());
    java.util.ArrayList<int[]> withNull = new java.util.ArrayList<>(SEQS);
    withNull.add(null);
    e = assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(withNull));
    assertTrue(e.getMessage().contains("sequences[3]=null"), e.getMessage());
  }
}
