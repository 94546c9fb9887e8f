package io.keras4j.spark;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained keras4j model as a Spark ML {@link org.apache.spark.ml.Model}: {@code transform} adds
 * the prediction column, computed in batches on the executors: the class index (the largest output)
 * for a model with several outputs per sample, otherwise the output value.
 */
public final class KerasSparkModel extends org.apache.spark.ml.Model<KerasSparkModel> {
  private static final int BATCH = 256;
  private final String uid;
  private final byte[] model;
  private final String featuresCol;
  private final String predictionCol;

  KerasSparkModel(String uid, byte[] model, String featuresCol, String predictionCol) {
    this.uid = uid;
    this.model = model;
    this.featuresCol = featuresCol;
    this.predictionCol = predictionCol;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The trained keras4j model (a new copy at each call). */
  public Model kerasModel() {
    return ModelBytes.loadModel(model);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema());
    int featureIndex = Arrays.asList(dataset.schema().fieldNames()).indexOf(featuresCol);
    byte[] bytes = model;
    String col = featuresCol;
    JavaRDD<Row> rows =
        dataset.toDF().javaRDD().mapPartitions(new Predict(bytes, featureIndex, col));
    return dataset.sparkSession().createDataFrame(rows, out);
  }

  /** Predicts a partition's rows in batches, appending the prediction to each. */
  private record Predict(byte[] model, int featureIndex, String featuresCol)
      implements FlatMapFunction<Iterator<Row>, Row> {
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      Model m = ModelBytes.loadModel(model);
      int[] inShape = m.inputs().get(0).shape();
      List<Row> out = new ArrayList<>();
      List<Row> batch = new ArrayList<>(BATCH);
      while (rows.hasNext()) {
        batch.add(rows.next());
        if (batch.size() == BATCH || !rows.hasNext()) {
          predict(m, inShape, batch, out);
          batch.clear();
        }
      }
      return out.iterator();
    }

    private void predict(Model m, int[] inShape, List<Row> batch, List<Row> out) {
      int n = batch.size();
      int f = 1;
      for (int i = 1; i < inShape.length; i++) {
        f *= inShape[i];
      }
      float[] x = new float[n * f];
      for (int i = 0; i < n; i++) {
        float[] v = RowSamples.values(batch.get(i), featureIndex, featuresCol);
        if (v.length != f) {
          throw new IllegalArgumentException(
              "KerasSparkModel: the model takes "
                  + f
                  + " feature values per row. Received: "
                  + v.length
                  + " in column '"
                  + featuresCol
                  + "'");
        }
        System.arraycopy(v, 0, x, i * f, f);
      }
      int[] shape = inShape.clone();
      shape[0] = n;
      Tensor y = m.predictOnBatch(Tensor.of(x, shape));
      float[] p = y.toFloatArray();
      int k = p.length / n;
      for (int i = 0; i < n; i++) {
        double prediction;
        if (k == 1) {
          prediction = p[i];
        } else {
          int best = 0;
          for (int j = 1; j < k; j++) {
            if (p[i * k + j] > p[i * k + best]) {
              best = j;
            }
          }
          prediction = best;
        }
        Row r = batch.get(i);
        Object[] values = new Object[r.size() + 1];
        for (int j = 0; j < r.size(); j++) {
          values[j] = r.get(j);
        }
        values[r.size()] = prediction;
        out.add(RowFactory.create(values));
      }
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (!Arrays.asList(schema.fieldNames()).contains(featuresCol)) {
      throw new IllegalArgumentException(
          "KerasSparkModel: no column '"
              + featuresCol
              + "' in the DataFrame. Columns: "
              + Arrays.toString(schema.fieldNames())
              + ". Received: "
              + featuresCol);
    }
    return withPrediction(schema, predictionCol);
  }

  static StructType withPrediction(StructType schema, String predictionCol) {
    if (Arrays.asList(schema.fieldNames()).contains(predictionCol)) {
      throw new IllegalArgumentException(
          "keras4j-spark: the output column '"
              + predictionCol
              + "' already exists. Received: predictionCol="
              + predictionCol);
    }
    return schema.add(predictionCol, DataTypes.DoubleType, false);
  }

  @Override
  public KerasSparkModel copy(ParamMap extra) {
    return new KerasSparkModel(uid, model, featuresCol, predictionCol).setParent(parent());
  }
}
