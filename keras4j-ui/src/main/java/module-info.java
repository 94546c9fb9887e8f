/**
 * keras4j-ui: the live training page. {@link io.keras4j.ui.TrainingPage} is a callback that shows a
 * run's loss, metrics and learning rate, per batch and per epoch, on a local web page served by
 * {@link io.keras4j.ui.TrainingServer} (the JDK's own HTTP server); the charts are drawn by uPlot,
 * served from its webjar on the class path.
 */
module io.keras4j.ui {
  requires transitive io.keras4j; // TrainingPage is a Callback
  requires jdk.httpserver; // com.sun.net.httpserver

  exports io.keras4j.ui;
}
