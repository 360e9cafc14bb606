package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xspy.trace.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPaneTest {

    @Test
    void aLineBreakInALogGroupsNameStaysInTheFunctionColumn() {
        // a hand-made file may name a log group anything: the function column shows it on the event's one row
        List<Line> lines = LogPane.lines(List.of(new LogLine(10.5, "/aws/lambda/evil\nfn", "s", "hello")), 10.0, false);
        List<String> rows = Wrap.rows(lines.get(0), 80, false);
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("hello"), rows.toString());
    }
}
