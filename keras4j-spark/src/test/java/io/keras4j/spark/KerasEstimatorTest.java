package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.PredictOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KerasEstimator in a Spark ML Pipeline (VectorAssembler, then keras4j) on {@code local[2]}: the
 * trained weights are those of single-machine training, and the prediction column is the class the
 * trained model predicts for each row.
 */
class KerasEstimatorTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .config(SparkTests.conf("local[2]", "KerasEstimatorTest"))
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void pipelineTrainsAsSingleMachineFitAndPredictsTheModelsClasses() {
    int n = SparkTrainerTest.N;
    int f = SparkTrainerTest.FEATURES;
    List<Row> rows = new ArrayList<>();
    StructType schema = new StructType();
    for (int j = 0; j < f; j++) {
      schema = schema.add("f" + j, DataTypes.DoubleType, false);
    }
    schema = schema.add("label", DataTypes.DoubleType, false);
    for (int i = 0; i < n; i++) {
      Object[] v = new Object[f + 1];
      for (int j = 0; j < f; j++) {
        v[j] = (double) SparkTrainerTest.x[i * f + j];
      }
      v[f] = (double) SparkTrainerTest.y[i];
      rows.add(RowFactory.create(v));
    }
    Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(1).cache();
    String[] inputs = new String[f];
    for (int j = 0; j < f; j++) {
      inputs[j] = "f" + j;
    }
    KerasEstimator keras =
        new KerasEstimator(SparkTrainerTest.model())
            .setEpochs(3)
            .setBatchSize(32)
            .setShuffle(false)
            .setNumWorkers(2);
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new VectorAssembler().setInputCols(inputs).setOutputCol("features"), keras
                });
    PipelineModel fitted = pipeline.fit(df);
    KerasSparkModel km = (KerasSparkModel) fitted.stages()[1];
    Model trained = km.kerasModel();

    Model single = SparkTrainerTest.model();
    single.fit(
        Tensor.of(SparkTrainerTest.x, n, f),
        Tensor.of(SparkTrainerTest.y, n),
        new FitOptions().epochs(3).batchSize(32).shuffle(false).verbose(0));
    float[] a = SparkTrainerTest.flatWeights(single);
    float[] b = SparkTrainerTest.flatWeights(trained);
    double maxDiff = 0;
    for (int i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
    }
    assertTrue(maxDiff < 2e-5, "max |single - pipeline| weight difference " + maxDiff);

    List<Row> out = fitted.transform(df).select("f0", "prediction").collectAsList();
    assertEquals(n, out.size());
    float[] probs =
        trained
            .predict(List.of(Tensor.of(SparkTrainerTest.x, n, f)), new PredictOptions().verbose(0))
            .get(0)
            .toFloatArray();
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < SparkTrainerTest.CLASSES; c++) {
        if (probs[i * 3 + c] > probs[i * 3 + best]) {
          best = c;
        }
      }
      assertEquals((double) SparkTrainerTest.x[i * f], out.get(i).getDouble(0), 0.0, "row " + i);
      assertEquals(best, out.get(i).getDouble(1), 0.0, "prediction of row " + i);
    }
  }
}
