package io.keras4j.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ModelPlotTest {
  @TempDir Path dir;

  static Sequential mlp() {
    return new Sequential(
        new Dense(128, "relu").inputShape(100).name("d1"),
        new Dense(256, "relu").name("d2"),
        new Dense(10, "softmax").name("d3"));
  }

  /** The wide-and-deep model of API.md: two inputs, two outputs, a skip connection. */
  static Model multi() {
    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(30, "relu").name("h1").apply(deep);
    h = new Dense(30, "relu").name("h2").apply(h);
    KerasTensor concat = new Concatenate().name("concat").apply(wide, h);
    KerasTensor out1 = new Dense(1).name("output_1").apply(concat);
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    return new Model(List.of(wide, deep), List.of(out1, out2), "wide_deep");
  }

  /** A Functional model using a Sequential and a Functional model as layers. */
  static Model nested() {
    KerasTensor innerIn = Input.of("inner_in", 8);
    KerasTensor innerOut = new Dense(4, "tanh").name("inner_dense").apply(innerIn);
    Model inner = new Model(innerIn, innerOut, "inner");
    Sequential block = new Sequential();
    block.name("block");
    block.add(Input.of(6));
    block.add(new Dense(8, "relu").name("block_a"));
    block.add(new Dense(8).name("block_b"));
    KerasTensor x = Input.of("x", 6);
    KerasTensor y = block.apply(x);
    KerasTensor z = inner.apply(y);
    KerasTensor out = new Dense(1, "sigmoid").name("head").apply(z);
    return new Model(x, out, "outer");
  }

  private static final Pattern NODE = Pattern.compile("(?m)^\\s*(\\d+) \\[label=<(.*)>, fontname");
  private static final Pattern EDGE =
      Pattern.compile("(?m)^\\s*(\\d+) -> (\\d+) \\[penwidth=2\\];");

  /** Node id to label, in order. */
  private static List<String[]> nodes(String dot) {
    List<String[]> out = new ArrayList<>();
    Matcher m = NODE.matcher(dot);
    while (m.find()) {
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  /** Edges as "fromTitle -> toTitle", titles being the bold layer names. */
  private static Set<String> edges(String dot) {
    List<String[]> nodes = nodes(dot);
    Set<String> out = new HashSet<>();
    Matcher m = EDGE.matcher(dot);
    while (m.find()) {
      out.add(name(nodes, m.group(1)) + " -> " + name(nodes, m.group(2)));
    }
    return out;
  }

  private static String name(List<String[]> nodes, String id) {
    for (String[] n : nodes) {
      if (n[0].equals(id)) {
        Matcher b = Pattern.compile("<b>([^<]*)</b>").matcher(n[1]);
        assertTrue(b.find(), n[1]);
        return b.group(1);
      }
    }
    throw new AssertionError("no node " + id);
  }

  private static PlotModelOptions all() {
    return new PlotModelOptions().showShapes(true).showLayerNames(true);
  }

  @Test
  void dotOfTheSeedMlpHasKerasLabelsAndAChain() {
    String dot = ModelPlot.toDot(mlp(), all().showLayerActivations(true).showDtype(true));
    assertTrue(dot.startsWith("digraph G {\nrankdir=TB;\n"), dot);
    assertTrue(dot.contains("dpi=200;"), dot);
    List<String[]> nodes = nodes(dot);
    // As Keras for a Sequential: no input box, the three Dense layers.
    assertEquals(3, nodes.size(), dot);
    String d1 = nodes.get(0)[1];
    assertTrue(
        d1.startsWith(
            "<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">"
                + "<tr><td colspan=\"3\" bgcolor=\"black\"><font point-size=\"16\" color=\"white\">"
                + "<b>d1</b> (Dense)</font></td></tr>"),
        d1);
    assertTrue(d1.contains("Activation: <b>relu</b>"), d1);
    assertTrue(d1.contains("Input shape: <b>(None, 100)</b>"), d1);
    assertTrue(d1.contains("Output shape: <b>(None, 128)</b>"), d1);
    assertTrue(d1.contains("Output dtype: <b>float32</b>"), d1);
    assertTrue(nodes.get(1)[1].contains("Input shape: <b>(None, 128)</b>"));
    assertTrue(nodes.get(1)[1].contains("Output shape: <b>(None, 256)</b>"));
    assertTrue(nodes.get(2)[1].contains("Activation: <b>softmax</b>"));
    assertTrue(nodes.get(2)[1].contains("Output shape: <b>(None, 10)</b>"));
    assertEquals(Set.of("d1 -> d2", "d2 -> d3"), edges(dot));
  }

  @Test
  void dotWithKerasDefaultsShowsClassNamesOnly() {
    String dot = ModelPlot.toDot(mlp());
    List<String[]> nodes = nodes(dot);
    assertEquals(3, nodes.size());
    for (String[] n : nodes) {
      assertEquals(
          "<table border=\"0\" cellborder=\"1\" bgcolor=\"black\" cellpadding=\"10\">"
              + "<tr><td bgcolor=\"black\"><font point-size=\"16\" color=\"white\"><b>Dense</b>"
              + "</font></td></tr></table>",
          n[1]);
    }
  }

  @Test
  void dotOfAMultiInputMultiOutputModel() {
    String dot = ModelPlot.toDot(multi(), all().showTrainable(true).rankdir("LR"));
    assertTrue(dot.contains("rankdir=LR;"));
    List<String[]> nodes = nodes(dot);
    // A Functional model has its input boxes: 2 inputs + 5 layers.
    assertEquals(7, nodes.size(), dot);
    assertEquals(
        Set.of(
            "deep -> h1",
            "h1 -> h2",
            "wide -> concat",
            "h2 -> concat",
            "concat -> output_1",
            "h2 -> output_2"),
        edges(dot));
    String concat = label(nodes, "concat");
    assertTrue(concat.contains("Input shape: <b>[(None, 5), (None, 30)]</b>"), concat);
    assertTrue(concat.contains("Output shape: <b>(None, 35)</b>"), concat);
    String wide = label(nodes, "wide");
    // An input box has no "Input shape" cell and no weights, so no trainable cell.
    assertFalse(wide.contains("Input shape"), wide);
    assertTrue(wide.contains("Output shape: <b>(None, 5)</b>"), wide);
    assertFalse(wide.contains("Trainable"), wide);
    String h1 = label(nodes, "h1");
    assertTrue(h1.contains("<td bgcolor=\"forestgreen\">"), h1);
    assertTrue(h1.contains("<b>Trainable</b>"), h1);
  }

  @Test
  void nonTrainableLayersAreMarkedRed() {
    Model m = multi();
    m.getLayer("h1").trainable(false);
    String h1 = label(nodes(ModelPlot.toDot(m, all().showTrainable(true))), "h1");
    assertTrue(h1.contains("<td bgcolor=\"firebrick\">"), h1);
    assertTrue(h1.contains("<b>Non-trainable</b>"), h1);
  }

  private static String label(List<String[]> nodes, String layer) {
    for (String[] n : nodes) {
      if (n[1].contains("<b>" + layer + "</b>")) {
        return n[1];
      }
    }
    throw new AssertionError("no box for " + layer);
  }

  @Test
  void nestedModelsAreOneBoxOrAClusterWithEdgesIntoIt() {
    Model outer = nested();
    String collapsed = ModelPlot.toDot(outer, all());
    List<String[]> nodes = nodes(collapsed);
    assertEquals(4, nodes.size(), collapsed); // x, block, inner, head
    assertFalse(collapsed.contains("subgraph"));
    assertEquals(Set.of("x -> block", "block -> inner", "inner -> head"), edges(collapsed));
    String block = label(nodes, "block");
    assertTrue(block.contains("(Sequential)"), block);
    assertTrue(block.contains("Input shape: <b>(None, 6)</b>"), block);
    assertTrue(block.contains("Output shape: <b>(None, 8)</b>"), block);

    String expanded = ModelPlot.toDot(outer, all().expandNested(true));
    List<String[]> all = nodes(expanded);
    // x, block_a, block_b (no input box for a Sequential), inner_in, inner_dense, head
    assertEquals(6, all.size(), expanded);
    assertTrue(expanded.contains("subgraph cluster_0 {\n  style=dashed;\n  label=\"block\";"));
    assertTrue(expanded.contains("subgraph cluster_1 {\n  style=dashed;\n  label=\"inner\";"));
    assertEquals(
        Set.of(
            "x -> block_a",
            "block_a -> block_b",
            "block_b -> inner_in",
            "inner_in -> inner_dense",
            "inner_dense -> head"),
        edges(expanded));
    // The nested models' own edges sit inside their clusters.
    int cluster = expanded.indexOf("subgraph cluster_1 {");
    int end = expanded.indexOf("}\n", cluster);
    String inner = expanded.substring(cluster, end);
    assertEquals(1, count(inner, "->"), inner);
    assertEquals(2, count(inner, "[label=<"), inner);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void pngGrowsWithTheLayersAndShowsTheText() throws Exception {
    Path small = dir.resolve("small.png");
    Path big = dir.resolve("big.png");
    Sequential two = new Sequential(new Dense(4).inputShape(3), new Dense(2));
    Sequential six =
        new Sequential(
            new Dense(4).inputShape(3),
            new Dense(4),
            new Dense(4),
            new Dense(4),
            new Dense(4),
            new Dense(2));
    ModelPlot.plotModel(two, small);
    ModelPlot.plotModel(six, big);
    BufferedImage a = ImageIO.read(small.toFile());
    BufferedImage b = ImageIO.read(big.toFile());
    assertTrue(b.getHeight() > 2.5 * a.getHeight(), a.getHeight() + " vs " + b.getHeight());
    assertEquals(a.getWidth(), b.getWidth()); // same boxes, one column
    // LR lays the same model out sideways.
    BufferedImage lr = ModelPlot.toImage(six, new PlotModelOptions().rankdir("LR"));
    assertTrue(lr.getWidth() > lr.getHeight(), lr.getWidth() + "x" + lr.getHeight());
    // dpi scales the picture.
    BufferedImage low = ModelPlot.toImage(two, new PlotModelOptions().dpi(100));
    assertEquals(a.getWidth() / 2.0, low.getWidth(), 2.0);

    Path plain = dir.resolve("plain.png");
    Path shapes = dir.resolve("shapes.png");
    ModelPlot.plotModel(mlp(), plain);
    ModelPlot.plotModel(mlp(), shapes, all().showLayerActivations(true));
    BufferedImage p = ImageIO.read(plain.toFile());
    BufferedImage s = ImageIO.read(shapes.toFile());
    assertTrue(distinctColors(p) > 20, "anti-aliased text and boxes, not a blank image");
    assertTrue(darkFraction(p) > 0.05, "boxes are drawn: " + darkFraction(p));
    // The shape cells: wider and taller boxes with black text on white cells.
    assertTrue(s.getWidth() > p.getWidth() && s.getHeight() > p.getHeight());
    assertTrue(whiteCellTextPixels(s) > 500, "text in the white cells: " + whiteCellTextPixels(s));
    // The title text is white on black: a box without text would have no light pixels inside.
    assertTrue(lightPixelsInBlack(p) > 200, "title text drawn: " + lightPixelsInBlack(p));
    Files.copy(
        shapes,
        Path.of("target", "plot-mlp-shapes.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void pngOfNestedAndMultiModels() throws Exception {
    BufferedImage collapsed = ModelPlot.toImage(nested(), all());
    BufferedImage expanded = ModelPlot.toImage(nested(), all().expandNested(true));
    assertTrue(expanded.getHeight() > collapsed.getHeight());
    ModelPlot.plotModel(nested(), Path.of("target", "plot-nested.png"), all().expandNested(true));
    ModelPlot.plotModel(
        multi(), Path.of("target", "plot-multi.png"), all().showTrainable(true).showDtype(true));
    ModelPlot.plotModel(
        nested(), Path.of("target", "plot-nested-lr.png"), all().expandNested(true).rankdir("LR"));
    BufferedImage lr = ImageIO.read(Path.of("target", "plot-nested-lr.png").toFile());
    assertTrue(lr.getWidth() > 2 * lr.getHeight(), lr.getWidth() + "x" + lr.getHeight());
    BufferedImage multi = ImageIO.read(Path.of("target", "plot-multi.png").toFile());
    assertTrue(distinctColors(multi) > 20);
  }

  @Test
  void svgIsXmlWithOneBoxPerLayer() throws Exception {
    Path file = dir.resolve("m.svg");
    ModelPlot.plotModel(multi(), file, all());
    String svg = Files.readString(file);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", doc.getDocumentElement().getTagName());
    NodeList groups = doc.getElementsByTagName("g");
    List<String> boxTitles = new ArrayList<>();
    int edges = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if ("node".equals(g.getAttribute("class"))) {
        boxTitles.add(g.getElementsByTagName("title").item(0).getTextContent());
        String text = g.getElementsByTagName("text").item(0).getTextContent();
        assertTrue(text.startsWith(boxTitles.get(boxTitles.size() - 1) + " ("), text);
      } else if ("edge".equals(g.getAttribute("class"))) {
        edges++;
      }
    }
    assertEquals(
        Set.of("wide", "deep", "h1", "h2", "concat", "output_1", "output_2"),
        new HashSet<>(boxTitles));
    assertEquals(7, boxTitles.size());
    assertEquals(6, edges);
    assertTrue(svg.contains("Output shape: </tspan><tspan font-weight=\"bold\">(None, 35)"), svg);
  }

  @Test
  void formatComesFromTheSuffix() throws Exception {
    Path dot = dir.resolve("M.DOT");
    ModelPlot.plotModel(mlp(), dot);
    assertTrue(Files.readString(dot).startsWith("digraph G {"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModelPlot.plotModel(mlp(), dir.resolve("model.jpg")));
    assertTrue(
        e.getMessage().contains("expected a name ending in .png, .svg or .dot"), e.getMessage());
    assertTrue(e.getMessage().contains("model.jpg"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new PlotModelOptions().rankdir("BT"));
    IllegalStateException unbuilt =
        assertThrows(
            IllegalStateException.class, () -> ModelPlot.toDot(new Sequential(new Dense(3))));
    assertTrue(unbuilt.getMessage().contains("has not yet been built"), unbuilt.getMessage());
  }

  @Test
  void layoutOrdersRanksToAvoidCrossings() {
    // Two chains whose second ranks start in crossed order: a->d, b->c.
    int[][] edges = {{0, 3}, {1, 2}};
    double[] ones = {10, 10, 10, 10};
    PlotRanks r = PlotRanks.of(ones, ones, edges, 5, 5);
    assertTrue(r.breadthCenter(0) < r.breadthCenter(1));
    assertTrue(r.breadthCenter(3) < r.breadthCenter(2), "reordered to uncross");
    assertEquals(r.breadthCenter(0), r.breadthCenter(3), 1e-9);
    assertArrayEqualsInts(
        new int[] {0, 1, 2, 1},
        PlotRanks.longestPathRanks(4, new int[][] {{0, 1}, {1, 2}, {0, 3}, {0, 2}}));
    assertNotEquals(r.depthCenter(0), r.depthCenter(3));
  }

  private static void assertArrayEqualsInts(int[] expected, int[] actual) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
  }

  private static int distinctColors(BufferedImage img) {
    Set<Integer> colors = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colors.add(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colors.size();
  }

  private static double darkFraction(BufferedImage img) {
    long dark = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (luma(img.getRGB(x, y)) < 64) {
          dark++;
        }
      }
    }
    return (double) dark / ((long) img.getWidth() * img.getHeight());
  }

  private static int luma(int rgb) {
    return (((rgb >> 16) & 0xFF) * 3 + ((rgb >> 8) & 0xFF) * 6 + (rgb & 0xFF)) / 10;
  }

  /** Dark pixels with white on both sides horizontally within 12 px: text in a white cell. */
  private static int whiteCellTextPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 12; x < img.getWidth() - 12; x++) {
        if (luma(img.getRGB(x, y)) < 100
            && luma(img.getRGB(x - 12, y)) > 240
            && luma(img.getRGB(x + 12, y)) > 240) {
          n++;
        }
      }
    }
    return n;
  }

  /** Light pixels with black 12 px to both sides: white text on the black title bar. */
  private static int lightPixelsInBlack(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 12; x < img.getWidth() - 12; x++) {
        if (luma(img.getRGB(x, y)) > 160
            && luma(img.getRGB(x - 12, y)) < 20
            && luma(img.getRGB(x + 12, y)) < 20) {
          n++;
        }
      }
    }
    return n;
  }
}
