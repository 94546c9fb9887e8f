package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.datasets.Imdb;
import io.keras4j.datasets.TrainTestData;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.LSTM;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.metrics.BinaryAccuracy;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seed text model sized for the IMDB subset: {@code Embedding(500, 64)}, {@code
 * Bidirectional(LSTM(64))}, {@code Dense(64, relu)} and {@code Dense(1)} giving a logit; binary
 * cross-entropy from logits, Adam, accuracy on the test reviews.
 *
 * <p>It reads the prepared reviews ({@code imdb_train.txt(.gz)}, {@code imdb_test.txt(.gz)}) from a
 * directory: the first argument, else {@code <keras4j.data.dir>/datasets/imdb_subset} (the 5,000
 * training and 1,000 test reviews of ../shared/data with a 500-word vocabulary), padded or
 * truncated to 200 words.
 */
public final class ImdbBiLstm {
  private ImdbBiLstm() {}

  static final int VOCAB = 500;
  static final int MAXLEN = 200;

  public static void main(String[] args) {
    Path dir = dataDir(args);
    if (!Files.isDirectory(dir)) {
      System.out.println(
          "ImdbBiLstm: no IMDB reviews at "
              + dir.toAbsolutePath().normalize()
              + ". Give their directory as the first argument (bin/main ImdbBiLstm DIR) or set"
              + " the system property keras4j.data.dir. Nothing to do.");
      return;
    }
    run(dir, 3);
  }

  /** The reviews' directory: {@code args[0]} when given, else under keras4j.data.dir. */
  public static Path dataDir(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    return Path.of(
        System.getProperty("keras4j.data.dir", "../shared/data"), "datasets", "imdb_subset");
  }

  /** Trains for {@code epochs} epochs; returns the test scores by Keras metric name. */
  public static Map<String, Double> run(Path dir, int epochs) {
    Keras.setRandomSeed(7);
    TrainTestData imdb = Imdb.load(dir, VOCAB, MAXLEN); // int32 (n, 200) word indices, labels (n,)
    System.out.printf(
        "IMDB: %d training and %d test reviews of %d words%n",
        imdb.train().x().dim(0), imdb.test().x().dim(0), imdb.train().x().dim(1));
    var model =
        new Sequential(
            new Embedding(VOCAB, 64),
            new Bidirectional(new LSTM(64)),
            new Dense(64, "relu"),
            new Dense(1));
    model.build(-1, -1); // batch and sequence length unknown, as Keras's model.build((None, None))
    model.summary();
    // The model gives logits: a review is positive when its logit is above 0 (probability 0.5).
    model.compile(
        new CompileOptions()
            .optimizer(new Adam(1e-3))
            .loss(new BinaryCrossentropy().fromLogits(true))
            .metrics(new BinaryAccuracy("accuracy").threshold(0.0)));
    model.fit(
        imdb.train().x(),
        imdb.train().y(),
        new FitOptions().batchSize(32).epochs(epochs).verbose(1));
    Map<String, Double> scores = model.evaluate(imdb.test().x(), imdb.test().y());
    System.out.printf(
        "Test: loss %.4f, accuracy %.4f%n", scores.get("loss"), scores.get("accuracy"));
    return scores;
  }
}
