package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hashing: FarmHash Fingerprint64 against the expected values of FarmHash's own self-test
 * (farmhashnaTest, data from its seeded generator), SipHash-2-4 against the reference vectors of
 * the SipHash paper, and the layer against the examples of Keras's Hashing docstring.
 */
class HashingTest {
  private static final long K0 = 0xc3a5c85c97cb3127L;

  /** FarmHash's test data: its Setup() generator. */
  private static byte[] farmData(int n) {
    byte[] d = new byte[n];
    long a = 9;
    long b = 777;
    for (int i = 0; i < n; i++) {
      a += b;
      b += a;
      a = (a ^ (a >>> 41)) * K0;
      b = (b ^ (b >>> 41)) * K0 + i;
      d[i] = (byte) (b >>> 37);
    }
    return d;
  }

  @Test
  void fingerprint64MatchesFarmHashSelfTest() {
    // {i, farmhashna::Hash64(data + i * i, i)} from farmhashnaTest's expected[] (6 i + 4, 6 i + 5)
    long[][] cases = {
      {0, 0x9ae16a3b2f90404fL}, {1, 0x541150e87f415e96L}, {3, 0xef923a7a1af78eabL},
      {4, 0x11df592596f41d88L}, {5, 0x831f448bdc5600b3L}, {7, 0x1b5a063fb4c7f9f1L},
      {8, 0xa0f10149a0e538d6L}, {9, 0xfb8d9c70660b910bL}, {15, 0x44473e03be306c88L},
      {16, 0x03ead5f21d344056L}, {17, 0x6abbfde37ee03b5bL}, {20, 0x4182832b52d63735L},
      {31, 0x55bdb0e71e3edebdL}, {32, 0x0782fa1b08b475e7L}, {33, 0x09deb3da5e16b5b8L},
      {40, 0x01596fbb269fb44eL}, {63, 0xa8edbff858475437L}, {64, 0xdef74bf4c9f1bc1bL},
      {65, 0x3cceab392bc39b3fL}, {100, 0x05ad36f677825ce0L}, {128, 0xf4a9a248b462909dL},
      {200, 0x40f32eb90e5caa01L}, {298, 0x2031c84bc57a1a9fL},
    };
    byte[] data = farmData(298 * 298 + 298);
    for (long[] c : cases) {
      int i = (int) c[0];
      assertEquals(
          Long.toHexString(c[1]),
          Long.toHexString(StringHashes.hash64(data, i * i, i)),
          "Hash64 of length " + i);
    }
  }

  @Test
  void sipHashMatchesTheReferenceVectors() {
    long k0 = 0x0706050403020100L;
    long k1 = 0x0f0e0d0c0b0a0908L;
    assertEquals(0x726fdb47dd0e0e31L, StringHashes.sipHash24(k0, k1, new byte[0]));
    byte[] m = new byte[15];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) i;
    }
    assertEquals(0xa129ca6149be45e5L, StringHashes.sipHash24(k0, k1, m));
    byte[] m8 = new byte[8];
    for (int i = 0; i < 8; i++) {
      m8[i] = (byte) i;
    }
    assertEquals(0x93f5f5799a932462L, StringHashes.sipHash24(k0, k1, m8));
  }

  @Test
  void kerasDocstringExamples() {
    List<String> abcde = List.of("A", "B", "C", "D", "E");
    assertArrayEquals(new int[] {1, 0, 1, 1, 2}, new Hashing(3).call(abcde).toIntArray());
    Tensor masked =
        new Hashing(3).maskValue("").call(new String[][] {{"A"}, {"B"}, {""}, {"C"}, {"D"}});
    assertArrayEquals(new int[] {5, 1}, masked.shape());
    assertArrayEquals(new int[] {1, 1, 0, 2, 2}, masked.toIntArray());
    assertArrayEquals(
        new int[] {1, 2, 1, 0, 2}, new Hashing(3).salt(133, 137).call(abcde).toIntArray());
    assertArrayEquals(new int[] {0, 0, 2, 1, 0}, new Hashing(3).salt(133).call(abcde).toIntArray());
  }

  @Test
  void numbersAreHashedAsTheirDecimalStrings() {
    Hashing h = new Hashing(7);
    Tensor ints = Tensor.ofInts(new int[] {12, -3, 0, 12}, 2, 2);
    Tensor y = h.apply(ints);
    assertEquals(DType.INT32, y.dtype());
    int[] expected = new int[4];
    String[] asText = {"12", "-3", "0", "12"};
    for (int i = 0; i < 4; i++) {
      expected[i] =
          (int)
              Long.remainderUnsigned(
                  StringHashes.fingerprint64(asText[i].getBytes(StandardCharsets.UTF_8)), 7);
    }
    assertArrayEquals(expected, y.toIntArray());
    // floats are truncated to integers first, as Keras casts them to int64
    assertArrayEquals(
        expected, h.apply(Tensor.of(new float[] {12.7f, -3.2f, 0.5f, 12f}, 2, 2)).toIntArray());
    // integer mask values
    Tensor m = new Hashing(4).maskValue(12).apply(ints);
    assertEquals(0, m.toIntArray()[0]);
    assertEquals(0, m.toIntArray()[3]);
    assertTrue(m.toIntArray()[1] >= 1);
  }

  @Test
  void encodedOutputsConfigAndShapes() {
    Tensor ids = Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor bins = new Hashing(5).apply(ids);
    Tensor multi =
        LayerTestCase.of(new Hashing(5).outputMode("multi_hot"))
            .inputs(ids)
            .expectedOutputShape(2, 5)
            .skipGradientCheck()
            .run();
    Tensor count = new Hashing(5).outputMode("count").apply(ids);
    float[] expMulti = new float[10];
    float[] expCount = new float[10];
    int[] b = bins.toIntArray();
    for (int i = 0; i < 6; i++) {
      expMulti[(i / 3) * 5 + b[i]] = 1;
      expCount[(i / 3) * 5 + b[i]] += 1;
    }
    assertArrayEquals(expMulti, multi.toFloatArray());
    assertArrayEquals(expCount, count.toFloatArray());
    LayerTestCase.of(new Hashing(9).salt(1, 2).maskValue("x"))
        .inputs(ids)
        .expectedOutputShape(2, 3)
        .skipGradientCheck()
        .run();
    Tensor oneHot =
        LayerTestCase.of(new Hashing(5).outputMode("one_hot"))
            .inputs(Tensor.ofInts(new int[] {1, 2}, 2, 1))
            .expectedOutputShape(2, 5)
            .skipGradientCheck()
            .run();
    assertEquals(1f, oneHot.toFloatArray()[b[0]]);
  }

  @Test
  void badArgumentsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Hashing(0));
    assertTrue(e.getMessage().contains("num_bins=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Hashing(3).outputMode("tf_idf"));
    assertTrue(e.getMessage().contains("output_mode=tf_idf"), e.getMessage());
  }
}
