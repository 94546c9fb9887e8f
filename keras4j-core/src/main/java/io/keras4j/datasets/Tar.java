package io.keras4j.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks the regular files of a gzip-compressed tar archive (POSIX ustar or GNU: 512-byte headers
 * with the name, the octal size and the type, each file's bytes padded to 512) that the loaders
 * need, by their base name, into a directory: into a temporary directory first, renamed when every
 * file is there, so that a directory in the cache is always complete.
 */
final class Tar {
  private Tar() {}

  /**
   * Extracts the files of {@code archive} whose base name is in {@code wanted} (every regular file
   * when null) to {@code dest}, which must not exist; fails, leaving nothing, when one of {@code
   * required} is absent.
   */
  static void extract(Path archive, Path dest, Set<String> wanted, Set<String> required)
      throws IOException {
    Path tmp = Files.createTempDirectory(dest.getParent(), dest.getFileName() + ".part");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512) {
        String name = field(header, 0, 100);
        if (name.isEmpty()) {
          break; // the two zero blocks that end the archive
        }
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty() && header[257] == 'u' && header[262] == 0) {
          name = prefix + "/" + name; // ustar's prefix (GNU tar keeps other fields there)
        }
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        String base = name.substring(name.lastIndexOf('/') + 1);
        boolean regular = type == '0' || type == 0;
        if (regular && !base.isEmpty() && (wanted == null || wanted.contains(base))) {
          byte[] bytes = in.readNBytes(Math.toIntExact(size));
          if (bytes.length != size) {
            throw new IOException(archive + " is truncated inside " + name);
          }
          Files.write(tmp.resolve(base), bytes);
        } else {
          in.skipNBytes(size);
        }
        in.skipNBytes((512 - size % 512) % 512);
      }
      for (String r : required) {
        if (!Files.isRegularFile(tmp.resolve(r))) {
          throw new IOException(archive + " holds no " + r);
        }
      }
      Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.isDirectory(tmp)) {
        try (var files = Files.list(tmp)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            Files.deleteIfExists(f);
          }
        }
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static String field(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.US_ASCII);
  }
}
