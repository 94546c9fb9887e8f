package io.keras4j.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorFlow's event files: each record is its length (uint64,
 * little-endian), the masked CRC32C of those 8 bytes, the payload, and the masked CRC32C of the
 * payload (both checksums uint32, little-endian).
 */
public final class Records {
  private static final int MASK_DELTA = 0xa282ead8;

  private Records() {}

  /** The masked CRC32C of {@code length} bytes of {@code data} from {@code offset}. */
  public static int maskedCrc32c(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return mask((int) crc.getValue());
  }

  /** TensorFlow's checksum mask: rotated right by 15 bits, plus a constant. */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** Writes one framed record holding {@code payload}. */
  public static void write(OutputStream out, byte[] payload) throws IOException {
    byte[] header = new byte[12];
    long length = payload.length;
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (length >>> (8 * i));
    }
    putInt(header, 8, maskedCrc32c(header, 0, 8));
    byte[] footer = new byte[4];
    putInt(footer, 0, maskedCrc32c(payload, 0, payload.length));
    out.write(header);
    out.write(payload);
    out.write(footer);
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }
}
