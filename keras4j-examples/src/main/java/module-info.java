/** The runnable examples: each is an application of keras4j's public API and nothing more. */
module io.keras4j.examples {
  requires io.keras4j;
  requires io.keras4j.ui; // TrainingPageDemo
  requires jdk.management;
  requires io.keras4j.tensorboard; // DigitsTensorBoard: TensorBoard's event files

  exports io.keras4j.examples;
}
