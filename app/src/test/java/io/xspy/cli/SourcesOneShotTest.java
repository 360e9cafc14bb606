package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xspy.source.local.EmbeddedSource;
import io.xspy.source.local.ManyTraces;
import io.xspy.source.local.TraceStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A one-shot command's store keeps no assembled nodes of settled traces; the UI's keeps them for its filters. */
class SourcesOneShotTest {
    @TempDir Path dir;

    private XspyCommand options(Path file) {
        XspyCommand o = new XspyCommand();
        new CommandLine(o).parseArgs("--file", file.toString());
        return o;
    }

    @Test
    void aOneShotCommandKeepsNoNodesOfTheTracesItSettledAndTheUiKeepsThem() throws Exception {
        Path file = dir.resolve("many.ndjson");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ManyTraces.write(out, 1_500); // more than a one-shot store lets wait unsettled
        }
        PrintWriter err = new PrintWriter(new StringWriter());
        XspyCommand o = options(file);
        try (Sources.Opened once = Sources.openOnce(o, err)) {
            List<TraceStore.View> views = once.store().views();
            assertEquals(1_500, views.size());
            assertEquals(false, views.get(0).trace().isHeld(), "settled while the file was read: no nodes");
            assertEquals(EmbeddedSource.PAGE_SIZE, once.source().traceSummaries(once.window(o), "", null).items().size());
            assertEquals(false, views.get(0).trace().isHeld(), "listing read summaries and facts, no nodes");
        }
        try (Sources.Opened ui = Sources.open(options(file), err)) {
            List<TraceStore.View> views = ui.store().views();
            assertEquals(1_500, views.size());
            assertEquals(true, views.get(0).trace().isHeld(), "the UI's store keeps the nodes its filters read");
        }
    }
}
