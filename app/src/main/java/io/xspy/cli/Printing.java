package io.xspy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes tables and JSON for the printing commands; all text goes through a canvas first. */
final class Printing {
    /**
     * Pretty JSON with every non-ASCII character escaped: still the same JSON to a script, and no
     * bidi override or C1 control from the data reaches a terminal that shows it.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private Printing() {}

    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column of a text table: header, whether it is right-aligned. */
    record Column(String header, boolean right) {}

    /** A row: its cells and the style of the whole row. */
    record Row(List<String> cells, Style style) {}

    /** Prints a table sized to its content, sanitized through the canvas. */
    static void table(PrintWriter out, List<Column> columns, List<Row> rows, boolean color, boolean ascii) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) widths[c] = Text.width(columns.get(c).header());
        for (Row r : rows) {
            for (int c = 0; c < columns.size(); c++) {
                widths[c] = Math.max(widths[c], Text.width(Text.sanitize(r.cells().get(c), ascii)));
            }
        }
        int total = 0;
        for (int w : widths) total += w + 2;
        Canvas canvas = new Canvas(Math.max(1, total), rows.size() + 1, ascii);
        int x = 0;
        for (int c = 0; c < columns.size(); c++) {
            String h = columns.get(c).header();
            canvas.put(x, 0, columns.get(c).right() ? Text.padLeft(h, widths[c], ascii) : h, Style.HEADER);
            x += widths[c] + 2;
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            x = 0;
            for (int c = 0; c < columns.size(); c++) {
                String cell = Text.sanitize(row.cells().get(c), ascii);
                canvas.put(x, r + 1, columns.get(c).right() ? Text.padLeft(cell, widths[c], ascii) : cell,
                        row.style());
                x += widths[c] + 2;
            }
        }
        out.print(AnsiText.of(canvas, color));
    }
}
