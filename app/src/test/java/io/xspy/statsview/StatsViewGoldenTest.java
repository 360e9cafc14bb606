package io.xspy.statsview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.query.Filter;
import io.xspy.stats.Breakdown;
import io.xspy.stats.PathComparison;
import io.xspy.stats.SpanSelector;
import io.xspy.stats.SpanStats;
import io.xspy.stats.Split;
import io.xspy.testing.GoldenFiles;
import io.xspy.timeline.Canvas;
import io.xspy.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics views of the demo world at 80 and 160 columns, in Unicode and in ASCII. */
class StatsViewGoldenTest {
    static final List<Trace> DEMO = DemoTraces.all();

    @Test
    void dynamoDbColdAndWarm() {
        SpanStats stats = SpanStats.compute(DEMO, Filter.ALL,
                SpanSelector.of("xraystarter-go > Invocation > write-items > DynamoDB PutItem"), Split.COLD);
        for (int width : new int[] {80, 160}) {
            check("dynamodb-cold-" + width + ".txt", StatsReport.paths(stats, width, false));
            check("dynamodb-cold-" + width + "-ascii.txt", StatsReport.paths(stats, width, true));
        }
    }

    @Test
    void thePythonFunctionBeforeAndAfterItsFix() {
        double fix = DemoTraces.FIX.getEpochSecond();
        SpanSelector py = SpanSelector.of("xraystarter-py");
        SpanStats a = SpanStats.compute(DEMO, t -> t.startTime() < fix, py, Split.NONE);
        SpanStats b = SpanStats.compute(DEMO, t -> t.startTime() >= fix, py, Split.NONE);
        PathComparison c = PathComparison.of(a, b).get(0);
        for (int width : new int[] {80, 160}) {
            check("ab-python-fix-" + width + ".txt", StatsReport.comparison(c, "before 20:10", "from 20:10", width, false));
        }
        check("ab-python-fix-80-ascii.txt", StatsReport.comparison(c, "before 20:10", "from 20:10", 80, true));
    }

    @Test
    void partWholeOfTheGoFunction() {
        List<Breakdown> go = Breakdown.of(DEMO, Filter.ALL, fn -> fn.equals("xraystarter-go"));
        for (int width : new int[] {80, 160}) check("breakdown-go-" + width + ".txt", StatsReport.breakdowns(go, width, false));
        check("breakdown-go-80-ascii.txt", StatsReport.breakdowns(go, 80, true));
    }

    @Test
    void perTraceRows() {
        SpanStats stats = SpanStats.compute(DEMO.subList(0, 8), Filter.ALL,
                SpanSelector.of("xraystarter-go > Invocation > write-items > DynamoDB PutItem"), Split.COLD);
        check("spans-go-dynamodb-80.txt", StatsReport.spans(stats.paths().get(0), 80, false));
    }

    private static void check(String name, Canvas canvas) {
        if (name.contains("ascii")) assertTrue(canvas.toText().chars().allMatch(ch -> ch < 128), name + " is ASCII");
        GoldenFiles.check("stats", name, canvas.toText());
    }
}
