package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  private static Dataset read(CsvReader r, String text) {
    return r.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
  }

  private static String error(CsvReader r, String text) {
    return assertThrows(IllegalArgumentException.class, () -> read(r, text)).getMessage();
  }

  @Test
  void headerAndALabelColumnByName() {
    Dataset d = read(new CsvReader().header(true).labelColumns("y"), "a,y,b\n1,10,2\n3,20,4.5\n");
    assertEquals(2, d.size());
    assertArrayEquals(new int[] {2, 2}, d.x().shape());
    assertArrayEquals(new float[] {1, 2, 3, 4.5f}, d.x().toFloatArray());
    assertEquals(DType.FLOAT32, d.y().dtype());
    assertArrayEquals(new int[] {2}, d.y().shape());
    assertArrayEquals(new float[] {10, 20}, d.y().toFloatArray());
    assertEquals(List.of("a", "b"), d.featureNames());
  }

  @Test
  void skipRowsBeforeTheHeaderAsScikitLearnsBostonFile() {
    String text =
        "2,3,,,\n\"CRIM\",\"ZN\",\"INDUS\",\"MEDV\"\n0.00632,18,2.31,24\n0.02731,0,7.07,21.6\n";
    Dataset d = read(new CsvReader().skipRows(1).header(true).labelColumn("MEDV"), text);
    assertEquals(List.of("CRIM", "ZN", "INDUS"), d.featureNames());
    assertArrayEquals(new float[] {0.00632f, 18, 2.31f, 0.02731f, 0, 7.07f}, d.x().toFloatArray());
    assertArrayEquals(new float[] {24, 21.6f}, d.y().toFloatArray());
  }

  @Test
  void lastColumnAsIntLabelsWithoutHeader() {
    Dataset d = read(new CsvReader().labelColumn(-1).intLabels(true), "0,1,7\n2,3,8.0\n");
    assertNull(d.featureNames());
    assertArrayEquals(new float[] {0, 1, 2, 3}, d.x().toFloatArray());
    assertEquals(DType.INT32, d.y().dtype());
    assertArrayEquals(new int[] {7, 8}, d.y().toIntArray());
  }

  @Test
  void severalLabelColumnsMakeA2dTarget() {
    Dataset d = read(new CsvReader().labelColumns(0, 2), "1,2,3,4\n5,6,7,8\n");
    assertArrayEquals(new int[] {2, 2}, d.y().shape());
    assertArrayEquals(new float[] {1, 3, 5, 7}, d.y().toFloatArray());
    assertArrayEquals(new float[] {2, 4, 6, 8}, d.x().toFloatArray());
  }

  @Test
  void noLabelColumnsGiveInputsOnly() {
    Dataset d = read(new CsvReader(), "1,2\n3,4\n");
    assertTrue(d.targets().isEmpty());
    assertArrayEquals(new int[] {2, 2}, d.x().shape());
  }

  @Test
  void quotedFieldsDelimitersSpacesBomAndSpecialValues() {
    String text =
        "\uFEFF\"a\";\"b;c\";\"say \"\"hi\"\"\"\n"
            + " \"1.5\" ; 2 ;3\n"
            + "\n"
            + "nan;-Infinity;+1e3\n";
    Dataset d = read(new CsvReader().header(true).delimiter(';'), text);
    assertEquals(List.of("a", "b;c", "say \"hi\""), d.featureNames());
    float[] x = d.x().toFloatArray();
    assertArrayEquals(new float[] {1.5f, 2, 3}, new float[] {x[0], x[1], x[2]});
    assertTrue(Float.isNaN(x[3]));
    assertEquals(Float.NEGATIVE_INFINITY, x[4]);
    assertEquals(1000f, x[5]);
  }

  @Test
  void readsGzipFilesAndStreams(@TempDir Path dir) throws IOException {
    byte[] gz = gzip("a,b,label\n1,2,0\n3,4,1\n");
    Path file = dir.resolve("small.csv.gz");
    Files.write(file, gz);
    CsvReader r = new CsvReader().header(true).labelColumn("label").intLabels(true);
    Dataset d = r.read(file);
    assertArrayEquals(new float[] {1, 2, 3, 4}, d.x().toFloatArray());
    assertArrayEquals(new int[] {0, 1}, d.y().toIntArray());
    Dataset s = r.read(new ByteArrayInputStream(gz), "stream");
    assertArrayEquals(new int[] {0, 1}, s.y().toIntArray());
    // The name does not matter: a plain file named .gz and a gzip file named .csv both work.
    Path plain = dir.resolve("plain.gz");
    Files.writeString(plain, "a,b,label\n5,6,2\n");
    assertArrayEquals(new int[] {2}, r.read(plain).y().toIntArray());
  }

  @Test
  void malformedLinesNameSourceLineColumnAndValue() {
    CsvReader r = new CsvReader().header(true).labelColumn("y");
    // Line 3 is blank, still counted.
    assertEquals(
        "CsvReader: t.csv line 4, column 2 ('b'): expected a number. Received: 'x'",
        error(r, "a,b,y\n1,2,0\n\n3,x,1\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 3 ('y'): empty field. Received: ''",
        error(r, "a,b,y\n1,2,\n"));
    assertEquals(
        "CsvReader: t.csv line 3, column 3 ('y') is missing: expected 3 fields, found 2."
            + " Received: '5,6'",
        error(r, "a,b,y\n1,2,3\n5,6\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 4 is one too many: expected 3 fields, found 4."
            + " Received: '1,2,3,4'",
        error(r, "a,b,y\n1,2,3,4\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 1 ('a'): expected a number. Received: '1.5f'",
        error(r, "a,b,y\n1.5f,2,3\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 2 ('b'): expected a number. Received: '1..2'",
        error(r, "a,b,y\n1,1..2,3\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 2 ('b'): unterminated quoted field. Received: '\"2,3'",
        error(r, "a,b,y\n1,\"2,3\n"));
    assertEquals(
        "CsvReader: t.csv line 2, column 1 ('a'): text after the closing quote of a quoted"
            + " field. Received: '\"1\"x'",
        error(r, "a,b,y\n\"1\"x,2,3\n"));
    // Without a header, the column has no name; skipped rows count as lines.
    assertEquals(
        "CsvReader: t.csv line 2, column 2: expected an integer label (intLabels is on)."
            + " Received: '2.5'",
        error(new CsvReader().skipRows(1).labelColumn(1).intLabels(true), "x\n1,2.5\n"));
  }

  @Test
  void badLabelColumnsAreExplained() {
    assertEquals(
        "CsvReader: t.csv has no column 'MEVD'. Did you mean 'MEDV'? Columns: [RM, MEDV]."
            + " Received: labelColumns=[MEVD]",
        error(new CsvReader().header(true).labelColumn("MEVD"), "RM,MEDV\n1,2\n"));
    assertEquals(
        "CsvReader: label columns given by name need header(true). Received: labelColumns=[y]",
        error(new CsvReader().labelColumn("y"), "1,2\n"));
    assertEquals(
        "CsvReader: label column index 2 is out of range for t.csv, which has 2 columns (valid:"
            + " -2 to 1). Received: labelColumns=[2]",
        error(new CsvReader().labelColumn(2), "1,2\n"));
    assertEquals(
        "CsvReader: label columns must be distinct. Received: labelColumns=[1, -1]",
        error(new CsvReader().labelColumns(1, -1), "1,2\n"));
    assertEquals(
        "CsvReader: every column of t.csv is a label column; at least one input column is"
            + " needed. Received: labelColumns=[0]",
        error(new CsvReader().labelColumn(0), "1\n"));
    assertEquals(
        "CsvReader: t.csv has no data rows (and no header to tell its columns)",
        error(new CsvReader(), "\n\n"));
    var delimiter =
        assertThrows(IllegalArgumentException.class, () -> new CsvReader().delimiter('"'));
    assertTrue(delimiter.getMessage().startsWith("CsvReader: the delimiter cannot be a quote"));
  }

  @Test
  void ioErrorsAreUnchecked(@TempDir Path dir) {
    Path missing = dir.resolve("missing.csv");
    var e = assertThrows(UncheckedIOException.class, () -> new CsvReader().read(missing));
    assertTrue(e.getMessage().startsWith("CsvReader: cannot read " + missing), e.getMessage());
  }

  @Test
  void aHeaderWithoutRowsGivesAnEmptyDataset() {
    Dataset d = read(new CsvReader().header(true).labelColumn("y"), "a,b,y\n");
    assertEquals(0, d.size());
    assertArrayEquals(new int[] {0, 2}, d.x().shape());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
