package io.xspy.source.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.source.local.TraceStore;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that stop half way through a request do not keep serve from answering others. */
class SlowClientsTest {

    /** Opens sockets that each send half a request and then say nothing more. */
    static List<Socket> stall(int port, int count) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket("127.0.0.1", port);
            OutputStream out = s.getOutputStream();
            String half = i % 2 == 0
                    ? "POST /TraceSummaries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty" // stops in the headers
                    : "POST /TraceSummaries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"Sta"; // in the body
            out.write(half.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(s);
        }
        return sockets;
    }

    @Test
    void sixtyFourStalledConnectionsDoNotBlockANormalRequest() throws Exception {
        try (ServeServer serve = ServeServer.start(new TraceStore(), "127.0.0.1", 0, FaultPlan.none())) {
            List<Socket> stalled = stall(serve.port(), 64);
            try {
                // Http's client gives up after 90 s: only a server that is stuck fails this
                Http.Reply r = Http.post(serve.endpoint(), "/TraceSummaries",
                        "{\"StartTime\":1500000000,\"EndTime\":1500000060}");
                assertEquals(200, r.status(), r.body());
            } finally {
                for (Socket s : stalled) s.close();
            }
        }
    }
}
