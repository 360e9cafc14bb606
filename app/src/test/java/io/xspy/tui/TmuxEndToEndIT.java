package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in a real terminal: {@code java -jar target/xspy.jar --demo} in a detached tmux
 * session of 100×30, driven with send-keys and read with capture-pane. Every wait keys on what
 * only the finished screen shows, never on what a loading screen already shows.
 */
class TmuxEndToEndIT {
    /** A list row of the traces screen: a trace id after the start time (a loading screen has none). */
    static final Pattern TRACE_ROW = Pattern.compile("\\d\\d:\\d\\d:\\d\\d +1-[0-9a-f]{8}-");
    /** The traces screen's footer, drawn once a page has loaded. */
    static final Pattern TRACES_FOOTER = Pattern.compile("(?m)^\\d+ traces, sorted by ");
    /** The header's count of services, drawn once the service map has loaded. */
    static final Pattern SERVICES_COUNT = Pattern.compile("\\d+ services");
    /** The header's size of the trace, drawn once the trace has loaded. */
    static final Pattern TRACE_LOADED = Pattern.compile("\\d+ nodes");
    static final String LOADING = "(Esc cancels)";

    static boolean servicesShown(String s) {
        return SERVICES_COUNT.matcher(s).find() && s.contains("xraystarter-py") && !s.contains(LOADING);
    }

    @Test
    void walksTheDemoAndQuits() throws Exception {
        Tmux.require();
        long started = System.nanoTime();
        try (Tmux tmux = Tmux.xspy(100, 30, "--demo")) {
            String services = tmux.waitFor(TmuxEndToEndIT::servicesShown, "the services screen");
            System.out.printf("first services screen after %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertTrue(services.contains("Services"), services);

            tmux.keys("j", "Enter");
            String traces = tmux.waitFor(s -> TRACE_ROW.matcher(s).find() && TRACES_FOOTER.matcher(s).find()
                    && !s.contains(LOADING), "the traces screen with its rows");
            assertTrue(traces.contains("Services \u203A "), traces);

            tmux.keys("Enter");
            String trace = tmux.waitFor(s -> TRACE_LOADED.matcher(s).find() && !s.contains(LOADING), "the trace screen");
            assertTrue(trace.contains("Invocation") || trace.contains("Dwell Time"), trace);

            tmux.keys("Tab", "Tab");
            tmux.waitFor(s -> s.contains("\u25B6 logs"), "the log pane focused");
            tmux.keys("x");
            tmux.waitFor(s -> s.contains("raw JSON of"), "the raw JSON");
            tmux.keys("Escape", "Escape", "Escape");
            tmux.waitFor(s -> servicesShown(s) && !TRACE_ROW.matcher(s).find(), "back on the services screen");

            tmux.keys("q");
            String after = tmux.waitFor(s -> s.contains("xspy exit="), "xspy to end after q");
            assertTrue(after.contains("xspy exit=0"), "q exits 0:\n" + after);
            assertFalse(after.contains("Exception"), after);
        }
    }

    @Test
    void walksServicesToAnalyticsToAbAndBack() throws Exception {
        Tmux.require();
        try (Tmux tmux = Tmux.xspy(100, 30, "--demo")) {
            tmux.waitFor(TmuxEndToEndIT::servicesShown, "the services screen");
            tmux.keys("j", "j", "a");
            String analytics = tmux.waitFor(s -> s.contains("split by cold") && s.contains("span path") && !s.contains(LOADING),
                    "the Analytics screen with its statistics");
            assertTrue(analytics.contains("\u203A analytics: "), analytics);
            tmux.keys("B");
            tmux.waitFor(s -> s.contains("Choose set B"), "the A/B screen asking for set B");
            tmux.keys("t");
            tmux.waitFor(s -> s.contains("split at (+10m"), "the moment prompt");
            tmux.keys("+5m", "Enter");
            String ab = tmux.waitFor(s -> s.contains("95% interval") && !s.contains(LOADING), "the comparison");
            assertTrue(ab.contains("B: from "), ab);
            tmux.keys("Escape");
            tmux.waitFor(s -> s.contains("split by cold") && !s.contains("95% interval"), "back on the Analytics screen");
            tmux.keys("Escape");
            tmux.waitFor(s -> servicesShown(s) && !s.contains("span path"), "back on the services screen");
            tmux.keys("q");
            String after = tmux.waitFor(s -> s.contains("xspy exit="), "xspy to end after q");
            assertTrue(after.contains("xspy exit=0"), "q exits 0:\n" + after);
        }
    }

    @Test
    void ctrlCQuitsCleanlyLikeQ() throws Exception {
        Tmux.require();
        try (Tmux tmux = Tmux.xspy(100, 30, "--demo")) {
            tmux.waitFor(TmuxEndToEndIT::servicesShown, "the services screen");
            tmux.keys("C-c");
            String after = tmux.waitFor(s -> s.contains("xspy exit="), "xspy to end after Ctrl-C");
            assertTrue(after.contains("xspy exit=0"), "Ctrl-C asks to quit, like q:\n" + after);
            assertFalse(after.contains("xraystarter-py"), "the terminal is restored:\n" + after);
        }
    }

    @Test
    void aListenerShowsArrivingTracesAndCountsWithoutAKey() throws Exception {
        Tmux.require();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (Tmux tmux = Tmux.xspy(100, 30, "--listen", "127.0.0.1:" + port);
             DatagramSocket udp = new DatagramSocket()) {
            tmux.waitFor(s -> s.contains("0 services") || s.contains("no services"), "the empty services screen");
            double now = System.currentTimeMillis() / 1000.0;
            String traceId = String.format("1-%08x-%024x", (long) now, System.nanoTime());
            String doc = "{\"format\":\"json\",\"version\":1}\n{\"trace_id\":\"" + traceId + "\",\"id\":\"00000000000000a1\","
                    + "\"name\":\"arrived-live\",\"start_time\":" + now + ",\"end_time\":" + (now + 0.25) + "}";
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            String screen = tmux.waitFor(s -> s.contains("arrived-live") && s.contains("udp: 1 datagram"),
                    "the new service and the datagram count, with no key pressed");
            // one row for the new service, counting its one request
            assertTrue(screen.lines().anyMatch(l -> l.matches(".*arrived-live\\s+client\\s+1\\s.*")), screen);
        }
    }
}
