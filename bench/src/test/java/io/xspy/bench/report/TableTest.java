package io.xspy.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    static final Machine MACHINE = new Machine(2, "Test CPU", "OpenJDK 64-Bit Server VM 17.0.15");
    static final Instant WHEN = Instant.parse("2026-11-30T00:30:12Z");

    /** Two JMH entries as `-rf json` writes them: a time in µs with parameters, and a throughput with an aux counter. */
    static final String JMH = """
            [{"benchmark":"io.xspy.bench.TuiFrameBenchmark.scrollOneRow","mode":"avgt","forks":1,"warmupIterations":2,
              "params":{"traces":"100000"},
              "primaryMetric":{"score":1500.0,"scoreError":300.0,"scoreUnit":"us/op","rawData":[[1400.0,1500.0,1600.0]]},
              "secondaryMetrics":{}},
             {"benchmark":"io.xspy.bench.UdpIngestBenchmark.paced10k","mode":"thrpt","forks":1,"warmupIterations":2,
              "primaryMetric":{"score":9990.0,"scoreError":5.0,"scoreUnit":"ops/s","rawData":[[9990.0]]},
              "secondaryMetrics":{"lost":{"score":12.0,"scoreError":"NaN","scoreUnit":"#","rawData":[[12.0]]}}}]
            """;

    static ObjectNode jmhRun(String run, String condition, double loadBefore) throws Exception {
        JsonNode jmh = Record.JSON.readTree(JMH);
        return Record.record(run, condition, loadBefore, 1.5, 0, "jmh X", jmh, List.of(), WHEN, MACHINE);
    }

    @Test
    void jmhEntriesBecomeMetricsInMillisecondsKeyedByClassMethodAndParameters() throws Exception {
        JsonNode metrics = jmhRun("tuiframe", "quiet", 0.2).path("metrics");
        JsonNode scroll = metrics.path("TuiFrameBenchmark.scrollOneRow{traces=100000}");
        assertEquals(1.5, scroll.path("value").asDouble(), 1e-9);
        assertEquals(0.3, scroll.path("error").asDouble(), 1e-9);
        assertEquals("ms", scroll.path("unit").asText());
        assertEquals(3, scroll.path("samples").size());
        assertEquals(12.0, metrics.path("UdpIngestBenchmark.paced10k#lost").path("value").asDouble());
        assertEquals("/s", metrics.path("UdpIngestBenchmark.paced10k").path("unit").asText());
    }

    @Test
    void resultLinesOfAScriptAndItsFailureAreRecorded() {
        ObjectNode ok = Record.record("startup", "busy", 3.0, 4.0, 0, "bench/startup.sh 5", null,
                List.of("round 1/5 done", "result\thello\t123\tms", "result\tversion\t285\tms"), WHEN, MACHINE);
        assertEquals(285.0, ok.path("metrics").path("version").path("value").asDouble());
        assertEquals("busy", ok.path("condition").path("name").asText());
        assertEquals("2026-11-30T00:30:12Z", ok.path("date").asText());
        assertFalse(ok.has("failure"));

        ObjectNode peer = Record.record("peers", "quiet", 0, 0, 0, "bench/peers.sh", null,
                List.of("unavailable\totel-tui did not build: module not served"), WHEN, MACHINE);
        assertEquals("otel-tui did not build: module not served", peer.path("failure").asText());

        ObjectNode crashed = Record.record("otlp", "quiet", 0, 0, 1, "measure X", null, List.of("boom", "FAIL", ""), WHEN, MACHINE);
        assertEquals("exit code 1: FAIL", crashed.path("failure").asText());
    }

    @Test
    void targetsJudgeMetOrByHowMuchTheyMiss() {
        assertEquals("**met**", Target.parse("< 16 ms").verdict(1.5));
        assertEquals("misses by 25%", Target.parse("< 16 ms").verdict(20));
        assertEquals("misses by 41%", Target.parse(">= 100000 /s").verdict(59_269));
        assertEquals("misses: 12 (target 0)", Target.parse("= 0").verdict(12));
        assertEquals("**met**", Target.parse("= 0").verdict(0));
        Target ratio = Target.parse("<= 2.5 x startup:hello");
        assertTrue(ratio.isRatio());
        assertEquals("misses by 9%", ratio.verdict(2.73));
        assertEquals("≤ 2.5× hello", ratio.describe());
        assertFalse(Target.parse("x oteltui.firstFrame").hasBound());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("fast"));
    }

    @Test
    void rowsShowTheFigureTheVerdictTheConditionAndRatiosFromTheResults() throws Exception {
        List<Row> rows = Row.read(List.of(
                "# comment",
                "tuiframe\tTuiFrameBenchmark.scrollOneRow{traces=100000}\trepeat\tscroll by one row\t< 16 ms\t",
                "udp-busy\tUdpIngestBenchmark.paced10k#lost\trepeat\tlost at 10,000/s, cores busy\t= 0\tqueue too small",
                "startup\tversion\tfirst\t--version against hello\t<= 2.5 x hello",
                "peers\txspy.firstFrame\tfirst\tfirst frame against otel-tui\tx oteltui.firstFrame",
                "never\tx\tfirst\tnot run\t-"));
        ObjectNode startup = Record.record("startup", "quiet", 0.4, 0.9, 0, "bench/startup.sh 5", null,
                List.of("result\thello\t100\tms", "result\tversion\t285\tms"), WHEN, MACHINE);
        ObjectNode peers = Record.record("peers", "quiet", 0.4, 0.9, 0, "bench/peers.sh", null,
                List.of("unavailable\totel-tui did not build"), WHEN, MACHINE);
        Map<String, JsonNode> results = Map.of("tuiframe", jmhRun("tuiframe", "quiet", 0.2),
                "udp-busy", jmhRun("udp-busy", "busy", 2.5), "startup", startup, "peers", peers);
        String table = Table.render(rows, results);

        assertTrue(table.contains("Machine: 2 cores, Test CPU, OpenJDK 64-Bit Server VM 17.0.15."), table);
        assertTrue(table.contains("| scroll by one row | repeat | < 16 ms | 1.5 ms (3 iterations: 1.4–1.6) | **met** | quiet, load 0.2→1.5, "
                + "2026-11-30 00:30Z | `jmh X` |"), table);
        assertTrue(table.contains("| 12 | misses: 12 (target 0); queue too small | busy, load 2.5→1.5"), table);
        assertTrue(table.contains("| 285 ms vs 100 ms (hello): **2.85×** | misses by 14% |"), table);
        assertTrue(table.contains("| not measured: otel-tui did not build |"), table);
        assertTrue(table.contains("| not run | first |  | not run yet |"), table);
        // hello is shown as the other side of a ratio; these are in no row
        assertEquals(List.of("tuiframe:UdpIngestBenchmark.paced10k", "tuiframe:UdpIngestBenchmark.paced10k#lost",
                "udp-busy:TuiFrameBenchmark.scrollOneRow{traces=100000}", "udp-busy:UdpIngestBenchmark.paced10k"),
                Table.unlisted(rows, results));
    }

    @Test
    void theTableReplacesOnlyWhatIsBetweenTheMarkers() {
        String readme = "# xspy\nintro\n<!-- bench:begin -->\nold table\n<!-- bench:end -->\nafter\n";
        assertEquals("# xspy\nintro\n<!-- bench:begin -->\nNEW\n<!-- bench:end -->\nafter\n", Table.replace(readme, "NEW\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.replace("no markers", "NEW\n"));
        assertTrue(e.getMessage().contains("<!-- bench:begin -->"));
    }
}
