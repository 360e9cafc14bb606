package io.xspy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xspy.stats.Breakdown;
import io.xspy.stats.Comparison;
import io.xspy.stats.Group;
import io.xspy.stats.PathComparison;
import io.xspy.stats.PathStats;
import io.xspy.stats.SpanRow;
import io.xspy.stats.SpanStats;
import io.xspy.statsview.StatsReport;
import java.util.List;

/**
 * {@code xspy stats --output json}: field names in the X-Ray API's style (PascalCase), durations in
 * seconds as X-Ray gives them, rates as shares 0..1, null where there is no value.
 */
final class StatsJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatsJson() {}

    static ObjectNode header(TraceSample sample, double start, double end) {
        ObjectNode json = F.objectNode();
        json.putObject("Traces").put("Matched", sample.matched()).put("Read", sample.traces().size());
        json.putObject("Window").put("StartTime", start).put("EndTime", end);
        return json;
    }

    static void paths(ObjectNode json, SpanStats stats, boolean spans) {
        json.put("By", stats.split().label());
        ArrayNode list = json.putArray("Paths");
        for (PathStats p : stats.paths()) {
            ObjectNode o = list.addObject();
            o.put("Path", p.path().toString());
            ArrayNode parts = o.putArray("Parts");
            p.path().parts().forEach(parts::add);
            o.set("All", group(p.all()));
            ArrayNode groups = o.putArray("Groups");
            p.groups().forEach(g -> groups.add(group(g)));
            if (spans) {
                ArrayNode rows = o.putArray("Spans");
                for (SpanRow r : p.spans()) {
                    ObjectNode row = rows.addObject();
                    row.put("TraceId", r.traceId()).put("StartTime", r.start()).put("Duration", r.duration());
                    if (!r.key().isEmpty()) row.put("Group", r.key());
                    row.put("HasFault", r.fault()).put("HasError", r.error());
                }
            }
        }
    }

    static ObjectNode group(Group g) {
        ObjectNode o = F.objectNode();
        o.put("Key", g.key()).put("Count", g.count()).put("FaultCount", g.faults()).put("ErrorCount", g.errors());
        number(o, "Min", g.durations().min());
        for (double p : new double[] {50, 90, 95, 99}) number(o, "P" + (int) p, g.durations().percentile(p));
        number(o, "Max", g.durations().max());
        number(o, "Mean", g.durations().mean());
        return o;
    }

    static void comparison(ObjectNode json, String nameA, String nameB, List<PathComparison> all) {
        ObjectNode c = json.putObject("Comparison");
        c.put("A", nameA).put("B", nameB);
        ArrayNode list = c.putArray("Paths");
        for (PathComparison pc : all) {
            Comparison cmp = pc.comparison();
            ObjectNode o = list.addObject();
            o.put("Path", pc.path().toString());
            o.set("A", group(cmp.a()));
            o.set("B", group(cmp.b()));
            ArrayNode ps = o.putArray("Percentiles");
            cmp.percentiles().forEach(d -> ps.add(delta(d).put("Percentile", d.p())));
            o.set("FaultRate", delta(cmp.faultRate()));
            o.set("ErrorRate", delta(cmp.errorRate()));
            o.put("Significant", cmp.anySignificant());
            o.put("Words", StatsReport.verdict(cmp, false));
        }
    }

    private static ObjectNode delta(Comparison.Delta d) {
        ObjectNode o = F.objectNode();
        number(o, "A", d.a());
        number(o, "B", d.b());
        number(o, "Difference", d.difference());
        number(o, "Low", d.low());
        number(o, "High", d.high());
        o.put("Verdict", d.words());
        return o;
    }

    static void breakdowns(ObjectNode json, List<Breakdown> all) {
        ArrayNode list = json.putArray("Breakdown");
        for (Breakdown b : all) {
            ObjectNode o = list.addObject();
            o.put("Function", b.function());
            ArrayNode parts = o.putArray("Parts");
            b.parts().forEach(parts::add);
            o.set("Warm", side(b, b.warm()));
            o.set("Cold", side(b, b.cold()));
        }
    }

    private static ObjectNode side(Breakdown b, Breakdown.Side s) {
        ObjectNode o = F.objectNode();
        o.put("Invocations", s.invocations());
        number(o, "Attempts", s.attempts());
        ObjectNode mean = o.putObject("Mean");
        ObjectNode tail = o.putObject("Tail");
        ObjectNode p95 = o.putObject("P95");
        for (int i = 0; i < b.parts().size(); i++) {
            number(mean, b.parts().get(i), s.invocations() == 0 ? Double.NaN : s.mean()[i]);
            number(tail, b.parts().get(i), s.invocations() == 0 ? Double.NaN : s.tail()[i]);
            number(p95, b.parts().get(i), s.invocations() == 0 ? Double.NaN : s.p95()[i]);
        }
        return o;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(field);
        else o.put(field, v);
    }
}
