package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.source.SourceException;
import io.xspy.stats.TraceDiff;
import io.xspy.stats.TraceDiff.Row;
import io.xspy.statsview.TraceDiffView;
import io.xspy.timeline.AnsiText;
import io.xspy.timeline.TimelineLayout;
import io.xspy.trace.LambdaInvocation;
import io.xspy.trace.Segment;
import io.xspy.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code xspy diff ID1 ID2}: two traces aligned by span path, both on one time axis, with each change. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two traces: their spans aligned by path (service and the names below it; repeated "
                + "siblings in order), both bars on the longer trace's time axis, each span's change from the first "
                + "trace (A) to the second (B), and spans only in one of them marked.",
            "Example: a cold and a warm invocation of the same function."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand XspyCommand root;

    @Parameters(index = "0", paramLabel = "ID1", description = "The first trace (A), e.g. the cold invocation.")
    String first;

    @Parameters(index = "1", paramLabel = "ID2", description = "The second trace (B), compared with A.")
    String second;

    @Option(names = "--width", paramLabel = "N", description = "Columns (60..400; default: the terminal's, else 120).")
    Integer width;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json: both traces and one object per aligned row.")
    OutputFormat output;

    @Override
    public Integer call() {
        try (Sources.Opened opened = Sources.openOnce(root, root.err())) {
            List<Trace> found = opened.source().traces(new ArrayList<>(new LinkedHashSet<>(List.of(first, second))));
            Trace a = pick(found, first, opened);
            Trace b = pick(found, second, opened);
            Sources.report(a.diagnostics(), root.err());
            if (b != a) Sources.report(b.diagnostics(), root.err());
            TraceDiff diff = TraceDiff.of(a, b);
            if (output == OutputFormat.json) {
                Printing.json(root.out(), json(diff));
                return 0;
            }
            int columns = Math.max(60, Math.min(400, width != null ? width : TraceCommand.terminalWidth()));
            root.out().print(AnsiText.of(new TraceDiffView(diff).render(columns, root.asciiOnly()), root.colorOnStdout()));
        }
        return 0;
    }

    private static Trace pick(List<Trace> found, String id, Sources.Opened opened) {
        for (Trace t : found) if (t.id().equals(id)) return t;
        throw new SourceException("no trace " + id + " in " + opened.source().describe());
    }

    /**
     * {"A": trace, "B": trace, "deltaMillis", "axisMillis", "rows": [{depth, label, path, presence, a, b, deltaMillis,
     * deltaPercent}]}:
     * a side is {id, name, startMillis, durationMillis, inProgress} with the start from its own trace's
     * start, or null when the node is only in the other trace.
     */
    static ObjectNode json(TraceDiff diff) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("A", trace(diff.a()));
        root.set("B", trace(diff.b()));
        root.put("deltaMillis", millis(diff.deltaSeconds()));
        root.put("axisMillis", millis(diff.axisSeconds()));
        ArrayNode rows = root.putArray("rows");
        List<String> path = new ArrayList<>();
        for (Row r : diff.rows()) {
            while (path.size() > r.depth()) path.remove(path.size() - 1);
            path.add(r.either().name());
            ObjectNode o = rows.addObject();
            o.put("depth", r.depth());
            o.put("label", TimelineLayout.label(r.either(), false)); // "DynamoDB · items PutItem": the call too
            ArrayNode names = o.putArray("path");
            path.forEach(names::add);
            o.put("presence", switch (r.presence()) {
                case BOTH -> "both";
                case ONLY_A -> "onlyA";
                case ONLY_B -> "onlyB";
            });
            side(o, "a", r.a() == null ? null : r.a().id(), r.either().name(), r.aStart(), r.aSeconds(), r.a() != null && open(r.a()));
            side(o, "b", r.b() == null ? null : r.b().id(), r.either().name(), r.bStart(), r.bSeconds(), r.b() != null && open(r.b()));
            if (Double.isNaN(r.deltaSeconds())) o.putNull("deltaMillis");
            else o.put("deltaMillis", millis(r.deltaSeconds()));
            if (Double.isNaN(r.deltaRatio())) o.putNull("deltaPercent");
            else o.put("deltaPercent", Math.round(r.deltaRatio() * 1000) / 10.0);
        }
        return root;
    }

    private static boolean open(Segment s) {
        return s.inProgress() || s.endTime() == null;
    }

    private static ObjectNode trace(Trace t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("Id", t.id()).put("Duration", Math.round(t.duration() * 1e6) / 1e6);
        Set<String> cold = new LinkedHashSet<>();
        for (LambdaInvocation inv : LambdaInvocation.of(t)) if (inv.coldStart()) cold.add(inv.functionName());
        ArrayNode list = o.putArray("ColdStarts");
        cold.forEach(list::add);
        return o;
    }

    private static void side(ObjectNode row, String field, String id, String name, double start, double seconds, boolean open) {
        if (id == null) {
            row.putNull(field);
            return;
        }
        row.putObject(field).put("id", id).put("name", name).put("startMillis", millis(start))
                .put("durationMillis", millis(seconds)).put("inProgress", open);
    }

    /** Seconds to milliseconds, to the microsecond. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1e6) / 1e3;
    }
}
