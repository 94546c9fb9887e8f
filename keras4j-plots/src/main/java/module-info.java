/**
 * keras4j-plots: charts of training with JFreeChart. {@code History.plot(Path)} in keras4j-core
 * finds this module's {@link io.keras4j.plots.JFreeHistoryPlotter} through {@link
 * java.util.ServiceLoader}; {@link io.keras4j.plots.Plots} draws confusion matrices too.
 */
module io.keras4j.plots {
  requires transitive io.keras4j;
  requires transitive java.desktop;
  requires transitive org.jfree.jfreechart; // an automatic module: JFreeChart 1.5.6's jar

  exports io.keras4j.plots;

  provides io.keras4j.callbacks.HistoryPlotter with
      io.keras4j.plots.JFreeHistoryPlotter;
}
