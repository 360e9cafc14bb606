package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import io.xspy.table.ServiceTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TUI's services screen and {@code xspy services} draw one table definition: the same columns, the same numbers. */
class ServicesTableTest {

    static List<String> words(List<String> lines) {
        return lines.stream().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void theScreenShowsWhatTheCliPrints() {
        FakeSource source = FakeSource.world();
        ServiceGraph graph = source.serviceGraph(TimeWindow.last(TuiOptions.DEFAULT_WINDOW, Fixtures.CLOCK.instant()));
        List<String> printed = ServiceTables.services().print(graph.services(), false).lines();
        try (Harness ui = new Harness(source, Harness.options(), 160, 48)) {
            List<String> screen = ui.screen().lines().toList();
            int header = screen.indexOf(screen.stream().filter(l -> l.strip().startsWith("service")).findFirst().orElseThrow());
            List<String> drawn = screen.subList(header, header + 1 + graph.services().size());
            assertEquals(words(printed), words(drawn), ui.screen());
            String head = words(List.of(drawn.get(0))).get(0);
            assertEquals("service type req 4xx% 429% 5xx% p50 p90 p99", head, "the README's p50 is there");
            // X-Ray counts a throttle (429) as a client error: items' 6 throttles of 40 are in its 4xx% and its 429%
            String items = drawn.stream().filter(l -> l.contains("items")).findFirst().orElseThrow();
            assertTrue(items.matches(".*items\\s+AWS::DynamoDB::Table\\s+40\\s+15\\s+15\\s+0\\s.*"), items);
        }
    }

    @Test
    void anEightyColumnScreenKeepsEveryColumn() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 80, 24)) {
            String header = ui.screen().lines().filter(l -> l.strip().startsWith("service")).findFirst().orElseThrow();
            assertTrue(header.strip().replaceAll("\\s+", " ").equals("service type req 4xx% 429% 5xx% p50 p90 p99"), ui.screen());
            assertTrue(ui.screen().contains("xraystarter-go"), "names are not cut at 80 columns: " + ui.screen());
        }
    }

    @Test
    void aNarrowScreenDropsTheTailPercentilesRatherThanCutNames() {
        try (Harness ui = new Harness(FakeSource.world(), Harness.options(), 60, 20)) {
            String header = ui.screen().lines().filter(l -> l.strip().startsWith("service")).findFirst().orElseThrow();
            assertEquals("service type req 4xx% 429% 5xx% p50", header.strip().replaceAll("\\s+", " "), ui.screen());
            assertTrue(ui.screen().contains("xraystarter-go"), ui.screen());
            assertTrue(ui.screen().contains("14 requests, avg 74.2ms"), "the neighbours' figures stay whole: " + ui.screen());
        }
    }
}
