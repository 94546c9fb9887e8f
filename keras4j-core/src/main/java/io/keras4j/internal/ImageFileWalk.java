package io.keras4j.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Python's {@code os.walk} order over a folder of images, as Keras's directory loaders list them:
 * the folders by path, the files sorted by name within each, kept when their name ends
 * (case-insensitively) in one of the given extensions; linked folders are not entered.
 */
public final class ImageFileWalk {
  private ImageFileWalk() {}

  /**
   * The image files under {@code root} in that order.
   *
   * @param extensions lower-case endings, e.g. {@code ".png"}
   * @param who the caller named in an I/O error
   */
  public static List<Path> walk(Path root, List<String> extensions, String who) {
    List<Path> dirs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> p.equals(root) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot list " + root, e);
    }
    dirs.sort(Comparator.comparing(Path::toString));
    List<Path> files = new ArrayList<>();
    for (Path d : dirs) {
      List<String> names = new ArrayList<>();
      for (Path p : list(d, who)) {
        if (!Files.isDirectory(p) && endsWithAny(p.getFileName().toString(), extensions)) {
          names.add(p.getFileName().toString());
        }
      }
      names.sort(Comparator.naturalOrder());
      for (String name : names) {
        files.add(d.resolve(name));
      }
    }
    return files;
  }

  /** Whether the name ends, ignoring case, in one of the lower-case endings. */
  public static boolean endsWithAny(String name, List<String> extensions) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String f : extensions) {
      if (lower.endsWith(f)) {
        return true;
      }
    }
    return false;
  }

  /** The entries of a folder, in no particular order. */
  public static List<Path> list(Path dir, String who) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(who + ": cannot list " + dir, e);
    }
  }
}
