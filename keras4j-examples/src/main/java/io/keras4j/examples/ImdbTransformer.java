package io.keras4j.examples;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.datasets.Imdb;
import io.keras4j.datasets.TrainTestData;
import io.keras4j.layers.Add;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.GlobalAveragePooling1D;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerNormalization;
import io.keras4j.layers.MultiHeadAttention;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * keras.io's "Text classification with Transformer" on the IMDB subset: token and position
 * embeddings added, one Transformer block (MultiHeadAttention, Dropout, residual and
 * LayerNormalization, a feed-forward block of two Dense layers, residual and LayerNormalization),
 * GlobalAveragePooling1D, Dropout, Dense, and a softmax over the two classes; Adam, sparse
 * categorical cross-entropy, accuracy on the test reviews.
 *
 * <p>It reads the prepared reviews ({@code imdb_train.txt(.gz)}, {@code imdb_test.txt(.gz)}) from a
 * directory: the first argument, else {@code <keras4j.data.dir>/datasets/imdb_subset} (the 5,000
 * training and 1,000 test reviews of ../shared/data with a 500-word vocabulary), padded or
 * truncated to 200 words.
 */
public final class ImdbTransformer {
  private ImdbTransformer() {}

  static final int VOCAB = 500;
  static final int MAXLEN = 200;
  static final int EMBED_DIM = 32; // embedding size of each token
  static final int NUM_HEADS = 2; // attention heads
  static final int FF_DIM = 32; // hidden size of the feed-forward block

  public static void main(String[] args) {
    Path dir = dataDir(args);
    if (!Files.isDirectory(dir)) {
      System.out.println(
          "ImdbTransformer: no IMDB reviews at "
              + dir.toAbsolutePath().normalize()
              + ". Give their directory as the first argument (bin/main ImdbTransformer DIR) or"
              + " set the system property keras4j.data.dir. Nothing to do.");
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

    KerasTensor inputs = Input.of(DType.INT32, MAXLEN);
    KerasTensor x = new TokenAndPositionEmbedding(MAXLEN, VOCAB, EMBED_DIM).apply(inputs);
    x = transformerBlock(x, 0.1);
    x = new GlobalAveragePooling1D().apply(x);
    x = new Dropout(0.1).apply(x);
    x = new Dense(20, "relu").apply(x);
    x = new Dropout(0.1).apply(x);
    KerasTensor outputs = new Dense(2, "softmax").apply(x);
    var model = new Model(inputs, outputs);
    model.summary();

    model.compile(new Adam(), "sparse_categorical_crossentropy", "accuracy");
    model.fit(
        imdb.train().x(),
        imdb.train().y(),
        new FitOptions().batchSize(32).epochs(epochs).verbose(1));
    Map<String, Double> scores = model.evaluate(imdb.test().x(), imdb.test().y());
    System.out.printf(
        "Test: loss %.4f, accuracy %.4f%n", scores.get("loss"), scores.get("accuracy"));
    return scores;
  }

  /** keras.io's TransformerBlock: self-attention and a feed-forward block, each with a residual. */
  static KerasTensor transformerBlock(KerasTensor inputs, double rate) {
    KerasTensor attn = new MultiHeadAttention(NUM_HEADS, EMBED_DIM).apply(inputs, inputs);
    attn = new Dropout(rate).apply(attn);
    KerasTensor out1 = new LayerNormalization().epsilon(1e-6).apply(new Add().apply(inputs, attn));
    KerasTensor ffn = new Dense(FF_DIM, "relu").apply(out1);
    ffn = new Dense(EMBED_DIM).apply(ffn);
    ffn = new Dropout(rate).apply(ffn);
    return new LayerNormalization().epsilon(1e-6).apply(new Add().apply(out1, ffn));
  }

  /**
   * keras.io's TokenAndPositionEmbedding: a word's embedding plus its position's embedding, from
   * two {@code Embedding} layers (a custom layer: its sublayers' weights are its own).
   */
  static final class TokenAndPositionEmbedding extends Layer {
    private final int maxlen;
    private final Embedding tokenEmb;
    private final Embedding posEmb;

    TokenAndPositionEmbedding(int maxlen, int vocabSize, int embedDim) {
      this.maxlen = maxlen;
      this.tokenEmb = track(new Embedding(vocabSize, embedDim));
      this.posEmb = track(new Embedding(maxlen, embedDim));
    }

    @Override
    protected void onBuild(int[] inputShape) {
      tokenEmb.build(inputShape);
      posEmb.build(maxlen);
    }

    @Override
    protected Tensor call(Tensor inputs, CallContext ctx) {
      int len = inputs.dim(inputs.rank() - 1);
      int[] positions = new int[len];
      for (int i = 0; i < len; i++) {
        positions[i] = i;
      }
      Tensor words = tokenEmb.callEager(List.of(inputs), ctx).get(0); // (batch, len, dim)
      Tensor where = posEmb.callEager(List.of(Tensor.ofInts(positions, len)), ctx).get(0);
      return Ops.add(words, where); // (len, dim) broadcast over the batch
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
      int[] out = java.util.Arrays.copyOf(inputShape, inputShape.length + 1);
      out[inputShape.length] = tokenEmb.outputDim();
      return out;
    }

    @Override
    protected DType computeOutputDtype(List<DType> inputDtypes) {
      return DType.FLOAT32;
    }
  }
}
