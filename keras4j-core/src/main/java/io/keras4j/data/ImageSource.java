package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import io.keras4j.utils.ImageDatasetOptions;
import io.keras4j.utils.ImageFiles;
import io.keras4j.utils.Images;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The images of a directory's class folders, decoded one at a time as the pipeline asks (the files
 * and labels listed once, as {@code imageDatasetFromDirectory} lists them): each element is one
 * image with its label in the options' label mode. A file that cannot be decoded is skipped with a
 * warning on stderr naming it, as {@code imageDatasetFromDirectory} does.
 */
final class ImageSource extends Stage {
  private final Path directory;
  private final ImageDatasetOptions options;
  private final ImageFiles files;

  ImageSource(Path directory, ImageDatasetOptions options) {
    super(null);
    this.directory = directory;
    this.options = options;
    this.files = Images.indexDirectory(directory, options);
    if (files.size() == 0) {
      throw new IllegalArgumentException(
          "Dataset.fromImageDirectory: no images found in directory " + directory);
    }
  }

  @Override
  long cardinality() {
    return files.size();
  }

  @Override
  Boolean batched() {
    return false;
  }

  @Override
  String name() {
    return "fromImageDirectory(" + directory.getFileName() + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    int[] labels = files.labels();
    int classes = files.classNames().size();
    return new Pull() {
      int next;

      @Override
      StepData produce() {
        while (next < files.size()) {
          int i = next++;
          Tensor image;
          try {
            image = Images.readImage(files.paths().get(i), options);
          } catch (UncheckedIOException e) {
            System.err.println("Warning: Dataset.fromImageDirectory skips " + e.getMessage());
            continue;
          } catch (RuntimeException e) {
            throw failure(delivered, e);
          }
          if (options.labelMode() == null) {
            return new StepData(List.of(image), List.of(), null);
          }
          return new StepData(List.of(image), List.of(label(labels[i], classes)), null);
        }
        return null;
      }
    };
  }

  private Tensor label(int y, int classes) {
    return switch (options.labelMode()) {
      case "int" -> Tensor.ofInts(new int[] {y});
      case "binary" -> Tensor.of(new float[] {y}, 1);
      default -> {
        float[] f = new float[classes];
        f[y] = 1f;
        yield Tensor.of(f, classes);
      }
    };
  }
}
