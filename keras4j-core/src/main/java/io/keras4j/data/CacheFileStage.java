package io.keras4j.data;

import io.keras4j.internal.AtomicWrite;
import io.keras4j.models.StepData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * tf.data's {@code cache(filename)}: the first complete pass reads the upstream and writes its
 * elements to a file; every later pass, and every pipeline of a later run naming the same file,
 * reads them back (same values, same order) without running the upstream. The file is written under
 * a temporary name next to it and renamed when the pass ends, so it exists only complete; a pass
 * closed before its end deletes what it wrote, as tf.data discards a partial cache. Each element
 * carries a CRC-32 checked before it is used ({@link CacheFileFormat}): a damaged file is refused
 * with its path, never read as other numbers.
 */
final class CacheFileStage extends Stage {
  private final Path file;

  CacheFileStage(Stage upstream, Path file) {
    super(upstream);
    this.file = file.toAbsolutePath().normalize();
  }

  @Override
  long cardinality() {
    if (Files.isRegularFile(file)) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        return CacheFileFormat.readHeader(ch, file);
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
    return upstream.cardinality();
  }

  @Override
  String name() {
    return "cache(" + file + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    if (Files.isRegularFile(file)) {
      return reader();
    }
    return writer(pass);
  }

  private DatasetIterator reader() {
    FileChannel ch;
    long count;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw unreadable(e);
    }
    try {
      count = CacheFileFormat.readHeader(ch, file);
    } catch (IOException e) {
      close(ch);
      throw unreadable(e);
    } catch (RuntimeException e) {
      close(ch);
      throw e;
    }
    return new Pull() {
      @Override
      StepData produce() {
        try {
          StepData e = CacheFileFormat.readElement(ch, file, delivered);
          if ((e == null) != (delivered == count)) {
            throw CacheFileFormat.damaged(
                file,
                "its header counts "
                    + count
                    + " elements, but "
                    + (e == null ? "it ends after " + delivered : "it holds more"));
          }
          return e;
        } catch (IOException e) {
          throw unreadable(e);
        }
      }

      @Override
      public void close() {
        CacheFileStage.close(ch);
      }
    };
  }

  private DatasetIterator writer(long pass) {
    Path dir = file.getParent();
    Path tmp;
    FileChannel out;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      out = FileChannel.open(tmp, StandardOpenOption.WRITE);
      CacheFileFormat.writeHeader(out);
    } catch (IOException e) {
      throw new DatasetException(
          "Dataset.cache: cannot write the cache file next to " + file + ": " + e, e);
    }
    DatasetIterator in;
    try {
      in = upstream.open(pass);
    } catch (RuntimeException e) {
      discard(out, tmp);
      throw e;
    }
    return new Pull.Over(in) {
      private boolean finished;

      @Override
      StepData produce() {
        if (finished) {
          return null;
        }
        if (!in.hasNext()) {
          finished = true;
          complete(out, tmp, delivered);
          return null;
        }
        StepData e = in.next();
        try {
          CacheFileFormat.writeElement(out, e);
        } catch (IOException x) {
          finished = true;
          discard(out, tmp);
          throw new DatasetException("Dataset.cache: writing " + tmp + " failed: " + x, x);
        }
        return e;
      }

      /**
       * A pass closed once the upstream has nothing left is complete ({@link #upstreamExhausted});
       * otherwise it was stopped early and leaves no cache.
       */
      @Override
      public void close() {
        try {
          if (!finished) {
            finished = true;
            if (upstreamExhausted()) {
              complete(out, tmp, delivered);
            } else {
              discard(out, tmp);
            }
          }
        } finally {
          in.close();
        }
      }
    };
  }

  /** Ends the file, syncs it and gives it its name. */
  private void complete(FileChannel out, Path tmp, long count) {
    try {
      CacheFileFormat.writeEnd(out, count);
      out.force(true);
      out.close();
      AtomicWrite.move(tmp, file);
    } catch (IOException e) {
      discard(out, tmp);
      throw new DatasetException("Dataset.cache: cannot complete the cache file " + file, e);
    }
  }

  private static void discard(FileChannel out, Path tmp) {
    close(out);
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // best effort: a leftover temporary file is never read (it has no cache's name)
    }
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing was being written, or it is being discarded
    }
  }

  private DatasetException unreadable(IOException e) {
    return new DatasetException(
        "Dataset.cache: cannot read the cache file " + file + ": " + e,
        new UncheckedIOException(e));
  }
}
