package io.xspy.cli;

import io.xspy.source.local.DaemonReceiver;
import io.xspy.source.local.OtlpReceiver;
import io.xspy.source.local.TraceStore;
import io.xspy.timeline.Text;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import picocli.CommandLine.ParameterException;

/** {@code --otlp [HOST:]PORT}: the OTLP/HTTP receiver beside (or instead of) --listen, into the same store. */
final class OtlpOption {

    private OtlpOption() {}

    static OtlpReceiver open(XspyCommand o, TraceStore store, List<String> parts, List<AutoCloseable> resources,
            PrintWriter err) {
        InetSocketAddress address = address(o); // a usage error before anything binds
        OtlpReceiver receiver = new OtlpReceiver(address, store, io.xspy.source.otel.SpanTranslator.DEFAULT);
        resources.add(receiver);
        parts.add("OTLP on " + receiver.endpoint());
        if (!receiver.localAddress().getAddress().isLoopbackAddress()) {
            err.println(Text.sanitize("xspy: warning: --otlp " + o.otlp + " takes spans from anyone who can reach TCP port "
                    + receiver.localAddress().getPort() + " (OTLP/HTTP here has no authentication)", false));
        }
        return receiver;
    }

    static InetSocketAddress address(XspyCommand o) {
        try {
            return DaemonReceiver.parseAddress(o.otlp.isBlank() ? OtlpReceiver.DEFAULT_LISTEN : o.otlp);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().replace("--listen", "--otlp").replace("127.0.0.1:2000", OtlpReceiver.DEFAULT_LISTEN);
            throw new ParameterException(o.spec.commandLine(), Text.sanitize(message, false));
        }
    }

    /** The status line: the UDP receiver's, then what OTLP has taken. */
    static String status(String udp, OtlpReceiver otlp) {
        if (otlp == null) return udp;
        OtlpReceiver.Counters c = otlp.counters();
        String s = "otlp: " + c.spans() + (c.spans() == 1 ? " span" : " spans");
        if (c.rejectedSpans() > 0) s += ", " + c.rejectedSpans() + " rejected";
        if (c.refused() > 0) s += ", " + c.refused() + " refused";
        return udp.isEmpty() ? s : udp + " \u00B7 " + s;
    }
}
