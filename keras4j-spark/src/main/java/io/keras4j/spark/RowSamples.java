package io.keras4j.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** DataFrame rows to {@link Sample}s: a feature column and a label column. */
final class RowSamples {
  private RowSamples() {}

  static JavaRDD<Sample> of(Dataset<Row> data, String featuresCol, String labelCol) {
    List<String> columns = Arrays.asList(data.columns());
    for (String c : new String[] {featuresCol, labelCol}) {
      if (!columns.contains(c)) {
        throw new IllegalArgumentException(
            "SparkTrainer: no column '"
                + c
                + "' in the DataFrame. Columns: "
                + columns
                + ". Received: "
                + c);
      }
    }
    return data.select(featuresCol, labelCol)
        .javaRDD()
        .map(r -> new Sample(values(r, 0, featuresCol), values(r, 1, labelCol)));
  }

  /** The values of column {@code i}: a number, an ML Vector or an array of numbers. */
  static float[] values(Row row, int i, String column) {
    Object v = row.get(i);
    if (v instanceof Number n) {
      return new float[] {n.floatValue()};
    }
    if (v instanceof Vector vec) {
      double[] d = vec.toArray();
      float[] f = new float[d.length];
      for (int k = 0; k < d.length; k++) {
        f[k] = (float) d[k];
      }
      return f;
    }
    if (v instanceof scala.collection.Seq<?>) {
      List<Object> list = row.getList(i);
      float[] f = new float[list.size()];
      for (int k = 0; k < f.length; k++) {
        f[k] = ((Number) list.get(k)).floatValue();
      }
      return f;
    }
    throw new IllegalArgumentException(
        "SparkTrainer: column '"
            + column
            + "' must hold numbers, ML Vectors or arrays of numbers. Received: "
            + (v == null ? "null" : v.getClass().getName()));
  }
}
