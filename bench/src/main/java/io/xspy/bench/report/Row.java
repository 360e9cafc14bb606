package io.xspy.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the performance table, from the catalogue bench/rows.tsv (tab-separated, {@code #}
 * comments): the run whose result it shows, the metric in it, first pass or repeat, what it
 * measures in words, its target, and a note (why it misses, what it includes).
 */
record Row(String run, String metric, String pass, String what, Target target, String note) {

    static List<Row> read(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 5) throw new IllegalArgumentException("rows.tsv line " + n + ": expected run, metric, pass, what, "
                    + "target[, note] separated by tabs, got " + f.length + " fields");
            if (!f[2].equals("first") && !f[2].equals("repeat")) {
                throw new IllegalArgumentException("rows.tsv line " + n + ": pass is \"first\" or \"repeat\", not \"" + f[2] + "\"");
            }
            try {
                rows.add(new Row(f[0].strip(), f[1].strip(), f[2], f[3].strip(), Target.parse(f[4]), f.length > 5 ? f[5].strip() : ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rows.tsv line " + n + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** The run of the metric a ratio target compares with: its own run unless named "run:metric". */
    String otherRun() {
        String other = target.other();
        int colon = other == null ? -1 : other.indexOf(':');
        return colon < 0 ? run : other.substring(0, colon);
    }
}
