package io.keras4j.saving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads named entries of a zip (a Keras 3 {@code .keras} file) into memory, safely: only the
 * entries asked for, by name; every entry name is checked (no {@code ..}, no absolute paths, no
 * backslashes), the number of entries is bounded and each entry is read with a limit on the bytes
 * actually inflated, whatever sizes the zip declares, and its CRC-32 checked. Nothing is written to
 * disk.
 */
final class SafeZip {
  /** More entries than any Keras archive has (3, plus assets). */
  static final int MAX_ENTRIES = 10_000;

  private SafeZip() {}

  /**
   * The entries named in {@code limits} (name to the most bytes it may inflate to); an entry that
   * is absent maps to null.
   */
  static Map<String, byte[]> read(Path file, Map<String, Long> limits) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int count = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (++count > MAX_ENTRIES) {
          throw new KerasFileException(file, "the zip has more than " + MAX_ENTRIES + " entries");
        }
        checkName(file, e.getName());
      }
      for (Map.Entry<String, Long> want : limits.entrySet()) {
        ZipEntry e = zip.getEntry(want.getKey());
        out.put(want.getKey(), e == null ? null : readEntry(file, zip, e, want.getValue()));
      }
    } catch (ZipException e) {
      throw new KerasFileException(file, "not a readable zip (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the zip (" + e.getMessage() + ")", e);
    }
    return out;
  }

  /**
   * The file entries whose names start with {@code prefix} (Keras's {@code assets/}), each at most
   * {@code limit} bytes and all together at most {@code totalLimit}.
   */
  static Map<String, byte[]> readUnder(Path file, String prefix, long limit, long totalLimit) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      long total = 0;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      for (int count = 0; entries.hasMoreElements(); count++) {
        ZipEntry e = entries.nextElement();
        if (count >= MAX_ENTRIES) {
          throw new KerasFileException(file, "the zip has more than " + MAX_ENTRIES + " entries");
        }
        checkName(file, e.getName());
        if (e.isDirectory() || !e.getName().startsWith(prefix)) {
          continue;
        }
        byte[] bytes = readEntry(file, zip, e, Math.min(limit, totalLimit - total));
        total += bytes.length;
        out.put(e.getName(), bytes);
      }
    } catch (ZipException e) {
      throw new KerasFileException(file, "not a readable zip (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the zip (" + e.getMessage() + ")", e);
    }
    return out;
  }

  static void checkName(Path file, String name) {
    boolean bad =
        name.isEmpty()
            || name.startsWith("/")
            || name.contains("\\")
            || name.indexOf('\0') >= 0
            || (name.length() > 1 && name.charAt(1) == ':');
    for (String part : name.split("/", -1)) {
      bad |= part.equals("..");
    }
    if (bad) {
      throw new KerasFileException(
          file, "the zip has an entry with an unsafe name. Received: '" + name + "'");
    }
  }

  private static byte[] readEntry(Path file, ZipFile zip, ZipEntry e, long limit)
      throws IOException {
    if (e.getSize() > limit) {
      throw tooBig(file, e.getName(), limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    CRC32 crc = new CRC32();
    try (InputStream in = zip.getInputStream(e)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw tooBig(file, e.getName(), limit);
        }
        out.write(buf, 0, n);
        crc.update(buf, 0, n);
      }
    } catch (ZipException ex) {
      throw new KerasFileException(
          file, "the zip entry " + e.getName() + " is corrupt (" + ex.getMessage() + ")", ex);
    }
    // ZipFile checks no CRC itself: a changed byte in a stored entry would load as other weights.
    if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
      throw new KerasFileException(
          file, "the zip entry " + e.getName() + " is corrupt (its CRC-32 does not match)");
    }
    return out.toByteArray();
  }

  private static KerasFileException tooBig(Path file, String entry, long limit) {
    return new KerasFileException(
        file, "the zip entry " + entry + " is larger than the limit of " + limit + " bytes");
  }
}
