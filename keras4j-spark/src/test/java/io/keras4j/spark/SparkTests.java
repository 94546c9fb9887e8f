package io.keras4j.spark;

import org.apache.spark.SparkConf;

/** The Spark configuration of the tests: loopback only, no UI, few shuffle partitions. */
final class SparkTests {
  private SparkTests() {}

  static SparkConf conf(String master, String name) {
    return new SparkConf()
        .setMaster(master)
        .setAppName(name)
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.ui.showConsoleProgress", "false");
  }
}
