package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras's StackedRNNCells: cells run one after the other within each time step, each on the
 * previous one's output; the states are every cell's, in order, and the output is the last cell's.
 */
public class StackedRNNCells extends Layer implements RnnCell {
  private final List<RnnCell> cells;

  public StackedRNNCells(List<? extends RnnCell> cells) {
    if (cells == null || cells.isEmpty()) {
      throw new IllegalArgumentException(
          "Argument `cells` of StackedRNNCells must be a non-empty list. Received: cells=" + cells);
    }
    this.cells = List.copyOf(cells);
    for (RnnCell c : this.cells) {
      if (c instanceof Layer l) {
        track(l);
      }
    }
  }

  public StackedRNNCells(RnnCell... cells) {
    this(List.of(cells));
  }

  public List<RnnCell> cells() {
    return cells;
  }

  @Override
  public int[] stateSize() {
    List<Integer> sizes = new ArrayList<>();
    for (RnnCell c : cells) {
      for (int s : c.stateSize()) {
        sizes.add(s);
      }
    }
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public int outputSize() {
    return cells.get(cells.size() - 1).outputSize();
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int dim = inputShape[inputShape.length - 1];
    for (RnnCell c : cells) {
      if (c instanceof Layer l) {
        l.maybeBuild(List.of(new int[] {inputShape[0], dim}));
      }
      dim = c.outputSize();
    }
  }

  @Override
  public Tensor prepare(Tensor sequence, boolean training) {
    return cells.get(0).prepare(sequence, training);
  }

  @Override
  public List<Tensor> step(Tensor input, List<Tensor> states, boolean training) {
    List<Tensor> newStates = new ArrayList<>();
    Tensor x = input;
    int at = 0;
    for (int i = 0; i < cells.size(); i++) {
      RnnCell c = cells.get(i);
      if (i > 0) {
        // Later cells project their input step by step (their dropout masks hold for the sequence).
        int b = x.shape()[0];
        int d = x.shape()[1];
        Tensor p = c.prepare(Ops.reshape(x, b, 1, d), training);
        x = Ops.reshape(p, b, p.shape()[2]);
      }
      int n = c.stateSize().length;
      List<Tensor> r = c.step(x, states.subList(at, at + n), training);
      at += n;
      x = r.get(0);
      newStates.addAll(r.subList(1, r.size()));
    }
    List<Tensor> out = new ArrayList<>();
    out.add(x);
    out.addAll(newStates);
    return out;
  }

  @Override
  public void finish() {
    for (RnnCell c : cells) {
      c.finish();
    }
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    List<Object> list = new ArrayList<>();
    for (RnnCell cell : cells) {
      list.add(RNN.serializeLayer(cell));
    }
    c.put("cells", list);
    return c;
  }

  public static StackedRNNCells fromConfig(Config c) {
    List<RnnCell> cells = new ArrayList<>();
    for (Object o : c.getList("cells")) {
      cells.add(RNN.deserializeCell(o));
    }
    StackedRNNCells s = new StackedRNNCells(cells);
    return s.applyBaseConfig(c, s);
  }
}
