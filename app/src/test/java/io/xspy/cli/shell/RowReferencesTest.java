package io.xspy.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class RowReferencesTest {
    static final String A = "1-6b0c8d9b-0c5d1d9cacf814c12fb3b1c4";
    static final String B = "1-6b0c8d8e-4d8af7e8e5e0a55239d04028";

    @Command(name = "trace")
    static final class Trace {
        @Parameters(paramLabel = "TRACE_ID") String id;
        @Option(names = "--width") Integer width;
    }

    @Command(name = "diff")
    static final class Diff {
        @Parameters(index = "0", paramLabel = "ID1") String a;
        @Parameters(index = "1", paramLabel = "ID2") String b;
    }

    @Command(name = "traces")
    static final class Traces {
        @Option(names = "--limit") int limit;
    }

    private static List<String> resolve(Object command, String... words) {
        return RowReferences.resolve(List.of(words), new CommandLine(command).getCommandSpec(), List.of(A, B));
    }

    @Test
    void aRowNumberInATraceIdsPlaceIsThatRowsId() {
        assertEquals(List.of("trace", A), resolve(new Trace(), "trace", "1"));
        assertEquals(List.of("trace", "--width", "2", B), resolve(new Trace(), "trace", "--width", "2", "2"));
        assertEquals(List.of("diff", B, A), resolve(new Diff(), "diff", "2", "1"));
        assertEquals(List.of("trace", A), resolve(new Trace(), "trace", A));
    }

    @Test
    void numbersElsewhereStayNumbers() {
        assertEquals(List.of("traces", "--limit", "2"), resolve(new Traces(), "traces", "--limit", "2"));
        assertEquals(List.of("trace", "--width=1", A), resolve(new Trace(), "trace", "--width=1", "1"));
    }

    @Test
    void aRowPastTheListingIsAnErrorInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(new Trace(), "trace", "3"));
        assertEquals("3: the last listing has 2 rows", e.getMessage());
        assertTrue(RowReferences.takesTraceId(new CommandLine(new Diff()).getCommandSpec()));
    }
}
