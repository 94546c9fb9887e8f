package io.keras4j.spark;

import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import java.util.Arrays;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A Spark ML {@link Estimator} that trains a compiled keras4j model with {@link SparkTrainer} on a
 * DataFrame's feature and label columns, so keras4j drops into a Spark ML {@code Pipeline}: {@code
 * fit} returns a {@link KerasSparkModel}, whose {@code transform} adds the prediction column.
 *
 * <p>The model is copied at construction (as a {@code .keras} file's bytes: architecture, compile
 * config, weights); every {@code fit} starts from those weights.
 */
public final class KerasEstimator extends Estimator<KerasSparkModel> {
  private final String uid;
  private final byte[] model;
  private String featuresCol = "features";
  private String labelCol = "label";
  private String predictionCol = "prediction";
  private int epochs = 1;
  private int batchSize = 32;
  private boolean shuffle = true;
  private int numWorkers;
  private int verbose;

  /** An estimator for a built, compiled model (one input, one output). */
  public KerasEstimator(Model model) {
    this(Identifiable$.MODULE$.randomUID("keras4j"), ModelBytes.model(model));
  }

  private KerasEstimator(String uid, byte[] model) {
    this.uid = uid;
    this.model = model;
  }

  @Override
  public String uid() {
    return uid;
  }

  public KerasEstimator setFeaturesCol(String col) {
    this.featuresCol = col;
    return this;
  }

  public KerasEstimator setLabelCol(String col) {
    this.labelCol = col;
    return this;
  }

  public KerasEstimator setPredictionCol(String col) {
    this.predictionCol = col;
    return this;
  }

  public KerasEstimator setEpochs(int epochs) {
    new FitOptions().epochs(epochs); // the same checks and messages as fit's
    this.epochs = epochs;
    return this;
  }

  /** The global batch size. */
  public KerasEstimator setBatchSize(int batchSize) {
    new FitOptions().batchSize(batchSize);
    this.batchSize = batchSize;
    return this;
  }

  public KerasEstimator setShuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** Tasks of the training stage; 0 (the default) takes the context's default parallelism. */
  public KerasEstimator setNumWorkers(int numWorkers) {
    if (numWorkers < 0) {
      throw new IllegalArgumentException(
          "KerasEstimator: numWorkers must be >= 0. Received: numWorkers=" + numWorkers);
    }
    this.numWorkers = numWorkers;
    return this;
  }

  /** The progress output on the driver, as fit's (default 0, silent). */
  public KerasEstimator setVerbose(int verbose) {
    new FitOptions().verbose(verbose);
    this.verbose = verbose;
    return this;
  }

  @Override
  public KerasSparkModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Model m = ModelBytes.loadModel(model);
    SparkTrainer trainer = new SparkTrainer(m);
    if (numWorkers > 0) {
      trainer.numWorkers(numWorkers);
    }
    @SuppressWarnings("unchecked")
    Dataset<Row> rows = (Dataset<Row>) dataset.toDF();
    trainer.fit(
        rows,
        featuresCol,
        labelCol,
        new FitOptions().epochs(epochs).batchSize(batchSize).shuffle(shuffle).verbose(verbose));
    KerasSparkModel fitted =
        new KerasSparkModel(uid, ModelBytes.model(m), featuresCol, predictionCol);
    return fitted.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    for (String c : new String[] {featuresCol, labelCol}) {
      if (!Arrays.asList(schema.fieldNames()).contains(c)) {
        throw new IllegalArgumentException(
            "KerasEstimator: no column '"
                + c
                + "' in the DataFrame. Columns: "
                + Arrays.toString(schema.fieldNames())
                + ". Received: "
                + c);
      }
    }
    return KerasSparkModel.withPrediction(schema, predictionCol);
  }

  @Override
  public KerasEstimator copy(ParamMap extra) {
    KerasEstimator c = new KerasEstimator(uid, model);
    c.featuresCol = featuresCol;
    c.labelCol = labelCol;
    c.predictionCol = predictionCol;
    c.epochs = epochs;
    c.batchSize = batchSize;
    c.shuffle = shuffle;
    c.numWorkers = numWorkers;
    c.verbose = verbose;
    return c;
  }
}
