package io.xspy.source.aws;

import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.trace.TraceSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;

/**
 * Trace summaries as X-Ray indexes them (GetTraceSummaries). A call takes at most
 * {@link #CALL_LIMIT}, so a longer window is read as consecutive chunks, newest first, and the
 * notice says so; the page token carries the chunk and X-Ray's own NextToken.
 */
final class IndexedSummaries {

    /** The longest window one GetTraceSummaries call accepts. */
    static final Duration CALL_LIMIT = Duration.ofHours(24);
    /** GetTraceSummaries calls made at most for one page while X-Ray returns empty pages with a token. */
    private static final int MAX_EMPTY_PAGES = 5;

    private final XRayClient xray;
    private final AwsCalls calls;
    private final Consumer<String> notice;

    IndexedSummaries(XRayClient xray, AwsCalls calls, Consumer<String> notice) {
        this.xray = xray;
        this.calls = calls;
        this.notice = notice;
    }

    /** One page; {@code expression} is null or already checked. */
    Page<TraceSummary> page(TimeWindow window, String expression, String pageToken) {
        List<TimeWindow> chunks = chunks(window);
        if (chunks.size() > 1) {
            notice.accept("the window of " + human(window.span()) + " is read as " + chunks.size()
                    + " GetTraceSummaries windows of at most 24 h each (X-Ray's limit per call), newest first");
        }
        Cursor cursor = pageToken == null ? new Cursor(0, null) : Cursor.decode(pageToken, chunks.size());
        for (int n = 1; ; n++) {
            TimeWindow chunk = chunks.get(cursor.chunk);
            String sent = cursor.apiToken;
            GetTraceSummariesResponse response = calls.call("xray:GetTraceSummaries", () -> xray.getTraceSummaries(
                    b -> b.startTime(chunk.start()).endTime(chunk.end()).filterExpression(expression).nextToken(sent)));
            List<TraceSummary> items = new ArrayList<>();
            for (var s : response.traceSummaries()) items.add(XrayShapes.summary(s));
            items.sort(Comparator.comparingDouble(TraceSummary::startTime).reversed());
            Cursor next = response.nextToken() != null && !response.nextToken().equals(sent)
                    ? new Cursor(cursor.chunk, response.nextToken())
                    : cursor.chunk + 1 < chunks.size() ? new Cursor(cursor.chunk + 1, null) : null;
            if (!items.isEmpty() || next == null || n >= MAX_EMPTY_PAGES) {
                return new Page<>(items, next == null ? null : next.encode());
            }
            cursor = next;
        }
    }

    /** The window cut into pieces X-Ray accepts, newest first. */
    static List<TimeWindow> chunks(TimeWindow window) {
        List<TimeWindow> out = new ArrayList<>();
        Instant end = window.end();
        do {
            Instant start = end.minus(CALL_LIMIT);
            if (start.isBefore(window.start())) start = window.start();
            out.add(new TimeWindow(start, end));
            end = start;
        } while (end.isAfter(window.start()));
        return out;
    }

    static String human(Duration d) {
        long h = d.toHours();
        return h >= 48 && h % 24 == 0 ? h / 24 + " d" : h >= 1 ? h + " h" : d.toMinutes() + " min";
    }

    /** Our page token: which chunk of the window, and X-Ray's own NextToken within it. */
    private record Cursor(int chunk, String apiToken) {
        String encode() {
            String raw = chunk + "|" + (apiToken == null ? "" : apiToken);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, int chunks) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                int chunk = Integer.parseInt(raw.substring(0, bar));
                if (chunk < 0 || chunk >= chunks) throw new IllegalArgumentException("chunk out of range");
                String api = raw.substring(bar + 1);
                return new Cursor(chunk, api.isEmpty() ? null : api);
            } catch (RuntimeException e) {
                throw new SourceException("page token does not belong to this query: start again from the first page", e);
            }
        }
    }
}
