package io.keras4j.utils;

/**
 * The keyword arguments of Keras's {@code keras.utils.plot_model}, with its defaults: no shapes, no
 * dtypes, no layer names, {@code rankdir="TB"}, nested models as one box, {@code dpi=200}, no
 * activations, no trainable flags.
 */
public final class PlotModelOptions {
  private boolean showShapes;
  private boolean showDtype;
  private boolean showLayerNames;
  private String rankdir = "TB";
  private boolean expandNested;
  private int dpi = 200;
  private boolean showLayerActivations;
  private boolean showTrainable;

  /** Each box shows the layer's "Input shape" and "Output shape". */
  public PlotModelOptions showShapes(boolean show) {
    this.showShapes = show;
    return this;
  }

  /** Each box shows the layer's "Output dtype". */
  public PlotModelOptions showDtype(boolean show) {
    this.showDtype = show;
    return this;
  }

  /** Each box's title is "name (ClassName)" instead of the class name alone. */
  public PlotModelOptions showLayerNames(boolean show) {
    this.showLayerNames = show;
    return this;
  }

  /** "TB" lays the graph out top to bottom, "LR" left to right. */
  public PlotModelOptions rankdir(String rankdir) {
    if (!"TB".equals(rankdir) && !"LR".equals(rankdir)) {
      throw new IllegalArgumentException(
          "plotModel: rankdir must be \"TB\" (top to bottom) or \"LR\" (left to right). Received: rankdir="
              + rankdir);
    }
    this.rankdir = rankdir;
    return this;
  }

  /** Nested models (a Model used as a layer) are drawn as a dashed cluster of their layers. */
  public PlotModelOptions expandNested(boolean expand) {
    this.expandNested = expand;
    return this;
  }

  /** Resolution of a PNG in dots per inch (72 draws one pixel per point). */
  public PlotModelOptions dpi(int dpi) {
    if (dpi < 10 || dpi > 1200) {
      throw new IllegalArgumentException(
          "plotModel: dpi must be between 10 and 1200. Received: dpi=" + dpi);
    }
    this.dpi = dpi;
    return this;
  }

  /** Boxes of layers with an activation show "Activation: name". */
  public PlotModelOptions showLayerActivations(boolean show) {
    this.showLayerActivations = show;
    return this;
  }

  /** Boxes of layers with weights show "Trainable" or "Non-trainable". */
  public PlotModelOptions showTrainable(boolean show) {
    this.showTrainable = show;
    return this;
  }

  public boolean showShapes() {
    return showShapes;
  }

  public boolean showDtype() {
    return showDtype;
  }

  public boolean showLayerNames() {
    return showLayerNames;
  }

  public String rankdir() {
    return rankdir;
  }

  public boolean expandNested() {
    return expandNested;
  }

  public int dpi() {
    return dpi;
  }

  public boolean showLayerActivations() {
    return showLayerActivations;
  }

  public boolean showTrainable() {
    return showTrainable;
  }
}
