package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.map.FanOutGraph;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.TraceSource;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many services on an 80×24 screen: the map scrolls to the selection; past fifty, a type becomes one box. */
class MapScrollingTest {

    @Test
    void theViewFollowsTheSelectionThroughFiftyServices() {
        try (Harness ui = new Harness(new GraphSource(fanOut(46)), Harness.options(), 80, 24)) {
            ui.keys("m");
            for (int i = 0; i < 30; i++) ui.keys("j");
            List<String> lines = ui.screen().lines().toList();
            String status = lines.get(lines.size() - 2);
            String name = status.substring(2, status.indexOf(' ', 2));
            assertTrue(name.startsWith("function-"), status);
            List<String> body = lines.subList(2, lines.size() - 2);
            assertTrue(body.stream().anyMatch(l -> l.contains("\u2502" + name + " ")), "the selected box is in view:\n" + ui.screen());
            assertTrue(body.stream().noneMatch(l -> l.contains("function-0 ")), "scrolled away from the top:\n" + ui.screen());
        }
    }

    @Test
    void pastFiftyServicesTheMostNumerousTypeIsOneBox() {
        try (Harness ui = new Harness(new GraphSource(fanOut(60)), Harness.options(), 160, 30)) {
            ui.keys("m");
            assertTrue(ui.screen().contains("60 \u00D7 AWS::Lambda::Fun"), ui.screen());
            // Enter on the collapsed box lists the traces of every service of that type
            assertTrue(statusLine(ui).startsWith("! 60 services of type AWS::Lambda::Function  600 requests"), ui.screen());
            ui.keys("Enter");
            assertTrue(ui.screen().contains("filter service(id(type: \"AWS::Lambda::Function\"))"), ui.screen());
        }
    }

    private static String statusLine(Harness ui) {
        List<String> lines = ui.screen().lines().toList();
        return lines.get(lines.size() - 2);
    }

    /** A topic fanning out to {@code functions} functions, each calling one of three tables. */
    static ServiceGraph fanOut(int functions) {
        return FanOutGraph.of(functions, Fixtures.CLOCK.instant().minusSeconds(900), Fixtures.CLOCK.instant());
    }

    /** A source with a service graph and no traces. */
    private record GraphSource(ServiceGraph graph) implements TraceSource {
        @Override public String describe() { return "graph"; }

        @Override public ServiceGraph serviceGraph(TimeWindow window) { return graph; }

        @Override
        public Page<TraceSummary> traceSummaries(TimeWindow window, String filterExpression, String pageToken) {
            return new Page<>(List.of(), null);
        }

        @Override public List<Trace> traces(Collection<String> traceIds) { return List.of(); }

        @Override public List<LogLine> logs(Trace trace) { return List.of(); }
    }
}
