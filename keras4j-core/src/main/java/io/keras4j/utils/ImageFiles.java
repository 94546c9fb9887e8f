package io.keras4j.utils;

import java.nio.file.Path;
import java.util.List;

/**
 * The image files of a directory as Keras's {@code index_directory} lists them (what its datasets
 * expose as {@code file_paths} and {@code class_names}): the files in their order (shuffled when
 * asked), the label of each (the index of its class folder; empty without labels), and the class
 * names in label order.
 *
 * @param paths the files, in the dataset's order
 * @param labels the class index of each file (empty when the labels are not read)
 * @param classNames the class folders, label 0 first (empty without labels)
 */
public record ImageFiles(List<Path> paths, int[] labels, List<String> classNames) {
  public ImageFiles {
    paths = List.copyOf(paths);
    labels = labels.clone();
    classNames = List.copyOf(classNames);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The number of files. */
  public int size() {
    return paths.size();
  }
}
