package io.keras4j.saving;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for {@link Hdf5Writer}, with writes at given offsets. */
final class Hdf5Bytes {
  private byte[] buf = new byte[256];
  private int size;

  int size() {
    return size;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(long extra) {
    long need = size + extra;
    if (need > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("the HDF5 file would exceed 2 GB");
    }
    if (need > buf.length) {
      buf =
          Arrays.copyOf(
              buf, (int) Math.min(Integer.MAX_VALUE - 64, Math.max(need, 2L * buf.length)));
    }
  }

  /** Pads with zeros to a multiple of 8; returns the new size. */
  long align8() {
    zeros((8 - (size & 7)) & 7);
    return size;
  }

  Hdf5Bytes zeros(int n) {
    ensure(n);
    size += n; // the buffer is zero beyond size: it only grows
    return this;
  }

  Hdf5Bytes bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
    return this;
  }

  Hdf5Bytes ascii(String s) {
    return bytes(s.getBytes(StandardCharsets.US_ASCII));
  }

  Hdf5Bytes u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  Hdf5Bytes u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  Hdf5Bytes u32(long v) {
    return u16((int) v & 0xffff).u16((int) (v >>> 16) & 0xffff);
  }

  Hdf5Bytes u64(long v) {
    return u32(v & 0xffffffffL).u32(v >>> 32);
  }

  void put(long at, byte[] b) {
    System.arraycopy(b, 0, buf, (int) at, b.length);
  }

  void putByte(long at, int v) {
    buf[(int) at] = (byte) v;
  }

  void putShort(long at, int v) {
    putByte(at, v);
    putByte(at + 1, v >>> 8);
  }

  void putInt(long at, long v) {
    putShort(at, (int) v & 0xffff);
    putShort(at + 2, (int) (v >>> 16) & 0xffff);
  }

  void putLong(long at, long v) {
    putInt(at, v & 0xffffffffL);
    putInt(at + 4, v >>> 32);
  }
}
