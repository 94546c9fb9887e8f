package io.keras4j.layers;

import java.nio.charset.StandardCharsets;

/**
 * The string hashes of TensorFlow's {@code to_hash_bucket_fast} (FarmHash's {@code Fingerprint64},
 * which is {@code farmhashna::Hash64}) and {@code to_hash_bucket_strong} (SipHash-2-4 keyed by two
 * 64-bit words), which Keras's {@code Hashing} uses. Written from the algorithms' descriptions;
 * strings are hashed as their UTF-8 bytes, and a bucket is the hash modulo the bucket count, as an
 * unsigned 64-bit number.
 */
final class StringHashes {
  private static final long K0 = 0xc3a5c85c97cb3127L;
  private static final long K1 = 0xb492b66fbe98f273L;
  private static final long K2 = 0x9ae16a3b2f90404fL;

  private StringHashes() {}

  static int fastBucket(String s, int buckets) {
    return (int) Long.remainderUnsigned(fingerprint64(s.getBytes(StandardCharsets.UTF_8)), buckets);
  }

  static int strongBucket(String s, int buckets, long key0, long key1) {
    return (int)
        Long.remainderUnsigned(sipHash24(key0, key1, s.getBytes(StandardCharsets.UTF_8)), buckets);
  }

  /** FarmHash {@code Fingerprint64} of bytes {@code s}. */
  static long fingerprint64(byte[] s) {
    return hash64(s, 0, s.length);
  }

  static long hash64(byte[] s, int off, int len) {
    if (len <= 16) {
      return hashLen0to16(s, off, len);
    } else if (len <= 32) {
      return hashLen17to32(s, off, len);
    } else if (len <= 64) {
      return hashLen33to64(s, off, len);
    }
    long seed = 81;
    long x = seed;
    long y = seed * K1 + 113;
    long z = shiftMix(y * K2 + 113) * K2;
    long v0 = 0;
    long v1 = 0;
    long w0 = 0;
    long w1 = 0;
    x = x * K2 + fetch64(s, off);
    int p = off;
    int end = off + ((len - 1) / 64) * 64;
    int last64 = end + ((len - 1) & 63) - 63;
    long[] pair = new long[2];
    do {
      x = Long.rotateRight(x + y + v0 + fetch64(s, p + 8), 37) * K1;
      y = Long.rotateRight(y + v1 + fetch64(s, p + 48), 42) * K1;
      x ^= w1;
      y += v0 + fetch64(s, p + 40);
      z = Long.rotateRight(z + w0, 33) * K1;
      weakHashLen32WithSeeds(s, p, v1 * K1, x + w0, pair);
      v0 = pair[0];
      v1 = pair[1];
      weakHashLen32WithSeeds(s, p + 32, z + w1, y + fetch64(s, p + 16), pair);
      w0 = pair[0];
      w1 = pair[1];
      long t = z;
      z = x;
      x = t;
      p += 64;
    } while (p != end);
    long mul = K1 + ((z & 0xff) << 1);
    p = last64;
    w0 += ((len - 1) & 63);
    v0 += w0;
    w0 += v0;
    x = Long.rotateRight(x + y + v0 + fetch64(s, p + 8), 37) * mul;
    y = Long.rotateRight(y + v1 + fetch64(s, p + 48), 42) * mul;
    x ^= w1 * 9;
    y += v0 * 9 + fetch64(s, p + 40);
    z = Long.rotateRight(z + w0, 33) * mul;
    weakHashLen32WithSeeds(s, p, v1 * mul, x + w0, pair);
    v0 = pair[0];
    v1 = pair[1];
    weakHashLen32WithSeeds(s, p + 32, z + w1, y + fetch64(s, p + 16), pair);
    w0 = pair[0];
    w1 = pair[1];
    long t = z;
    z = x;
    x = t;
    return hashLen16(
        hashLen16(v0, w0, mul) + shiftMix(y) * K0 + z, hashLen16(v1, w1, mul) + x, mul);
  }

  private static long hashLen0to16(byte[] s, int off, int len) {
    if (len >= 8) {
      long mul = K2 + len * 2L;
      long a = fetch64(s, off) + K2;
      long b = fetch64(s, off + len - 8);
      long c = Long.rotateRight(b, 37) * mul + a;
      long d = (Long.rotateRight(a, 25) + b) * mul;
      return hashLen16(c, d, mul);
    }
    if (len >= 4) {
      long mul = K2 + len * 2L;
      long a = fetch32(s, off);
      return hashLen16(len + (a << 3), fetch32(s, off + len - 4), mul);
    }
    if (len > 0) {
      int a = s[off] & 0xff;
      int b = s[off + (len >> 1)] & 0xff;
      int c = s[off + len - 1] & 0xff;
      long y = (a + (b << 8)) & 0xffffffffL;
      long z = (len + (c << 2)) & 0xffffffffL;
      return shiftMix(y * K2 ^ z * K0) * K2;
    }
    return K2;
  }

  private static long hashLen17to32(byte[] s, int off, int len) {
    long mul = K2 + len * 2L;
    long a = fetch64(s, off) * K1;
    long b = fetch64(s, off + 8);
    long c = fetch64(s, off + len - 8) * mul;
    long d = fetch64(s, off + len - 16) * K2;
    return hashLen16(
        Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d,
        a + Long.rotateRight(b + K2, 18) + c,
        mul);
  }

  private static long hashLen33to64(byte[] s, int off, int len) {
    long mul = K2 + len * 2L;
    long a = fetch64(s, off) * K2;
    long b = fetch64(s, off + 8);
    long c = fetch64(s, off + len - 8) * mul;
    long d = fetch64(s, off + len - 16) * K2;
    long y = Long.rotateRight(a + b, 43) + Long.rotateRight(c, 30) + d;
    long z = hashLen16(y, a + Long.rotateRight(b + K2, 18) + c, mul);
    long e = fetch64(s, off + 16) * mul;
    long f = fetch64(s, off + 24);
    long g = (y + fetch64(s, off + len - 32)) * mul;
    long h = (z + fetch64(s, off + len - 24)) * mul;
    return hashLen16(
        Long.rotateRight(e + f, 43) + Long.rotateRight(g, 30) + h,
        e + Long.rotateRight(f + a, 18) + g,
        mul);
  }

  private static void weakHashLen32WithSeeds(byte[] s, int p, long a, long b, long[] out) {
    long w = fetch64(s, p);
    long x = fetch64(s, p + 8);
    long y = fetch64(s, p + 16);
    long z = fetch64(s, p + 24);
    a += w;
    b = Long.rotateRight(b + a + z, 21);
    long c = a;
    a += x;
    a += y;
    b += Long.rotateRight(a, 44);
    out[0] = a + z;
    out[1] = b + c;
  }

  private static long shiftMix(long v) {
    return v ^ (v >>> 47);
  }

  private static long hashLen16(long u, long v, long mul) {
    long a = (u ^ v) * mul;
    a ^= (a >>> 47);
    long b = (v ^ a) * mul;
    b ^= (b >>> 47);
    return b * mul;
  }

  private static long fetch64(byte[] s, int p) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (s[p + i] & 0xff);
    }
    return v;
  }

  private static long fetch32(byte[] s, int p) {
    return (s[p] & 0xffL)
        | (s[p + 1] & 0xffL) << 8
        | (s[p + 2] & 0xffL) << 16
        | (s[p + 3] & 0xffL) << 24;
  }

  /** SipHash-2-4 with the 128-bit key {@code (k0, k1)}. */
  static long sipHash24(long k0, long k1, byte[] m) {
    long v0 = k0 ^ 0x736f6d6570736575L;
    long v1 = k1 ^ 0x646f72616e646f6dL;
    long v2 = k0 ^ 0x6c7967656e657261L;
    long v3 = k1 ^ 0x7465646279746573L;
    int n = m.length;
    int blocks = n / 8 * 8;
    long[] v = {v0, v1, v2, v3};
    for (int i = 0; i < blocks; i += 8) {
      long mi = fetch64(m, i);
      v[3] ^= mi;
      sipRound(v);
      sipRound(v);
      v[0] ^= mi;
    }
    long last = ((long) n & 0xff) << 56;
    for (int i = 0; i < n - blocks; i++) {
      last |= (m[blocks + i] & 0xffL) << (8 * i);
    }
    v[3] ^= last;
    sipRound(v);
    sipRound(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int i = 0; i < 4; i++) {
      sipRound(v);
    }
    return v[0] ^ v[1] ^ v[2] ^ v[3];
  }

  private static void sipRound(long[] v) {
    v[0] += v[1];
    v[1] = Long.rotateLeft(v[1], 13);
    v[1] ^= v[0];
    v[0] = Long.rotateLeft(v[0], 32);
    v[2] += v[3];
    v[3] = Long.rotateLeft(v[3], 16);
    v[3] ^= v[2];
    v[0] += v[3];
    v[3] = Long.rotateLeft(v[3], 21);
    v[3] ^= v[0];
    v[2] += v[1];
    v[1] = Long.rotateLeft(v[1], 17);
    v[1] ^= v[2];
    v[2] = Long.rotateLeft(v[2], 32);
  }
}
