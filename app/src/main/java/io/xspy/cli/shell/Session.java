package io.xspy.cli.shell;

import io.xspy.graph.ServiceGraph;
import io.xspy.timeline.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * One shell's state over a {@link Host}: its own commands beside xspy's, the trace ids of the last
 * listing (what {@code trace 1} means), and the service graph that completion offers names from.
 */
public final class Session {
    /** What {@code open} does to hand the terminal to the full-screen UI and take it back. */
    interface Screen {
        void hand(IoAction ui) throws IOException;
    }

    interface IoAction {
        void run() throws IOException;
    }

    final Host host;
    private volatile List<String> listing = List.of();
    private volatile boolean exitRequested;
    private long generation;
    private long graphGeneration = -1;
    private List<String> serviceNames = List.of();
    Screen screen; // null: no terminal to hand over (a script)
    java.util.function.IntSupplier columns = () -> 0; // the terminal's width, 0 where there is none

    public Session(Host host) {
        this.host = host;
        Builtins.addTo(host.commandLine(), this);
    }

    /** Runs one line's words: {@code 1}, {@code 2}, … in a trace id's place name rows of the last listing. */
    int execute(List<String> words, PrintWriter out, PrintWriter err) {
        if (words.isEmpty()) return 0;
        CommandLine command = host.commandLine().getSubcommands().get(words.get(0));
        if (command == null) {
            err.println("xspy: unknown command \"" + Text.sanitize(words.get(0), false) + "\": help lists the commands");
            err.flush();
            return 2;
        }
        List<String> args;
        try {
            args = RowReferences.resolve(words, command.getCommandSpec(), listing);
            args = fitWidth(args, command.getCommandSpec());
        } catch (IllegalArgumentException e) {
            err.println("xspy: " + Text.sanitize(e.getMessage(), false));
            err.flush();
            return 2;
        }
        ListingCapture capture = new ListingCapture(out);
        PrintWriter captured = new PrintWriter(capture, true);
        try {
            return host.execute(args, captured, err);
        } finally {
            captured.flush();
            // a listing is what a command that takes no trace id printed ids in (traces, stats --traces)
            if (!capture.ids().isEmpty() && !RowReferences.takesTraceId(command.getCommandSpec())) {
                listing = capture.ids();
            }
            synchronized (this) {
                generation++; // the data may have moved on: completion reads the graph again
            }
        }
    }

    /** A command that takes --width (trace) draws as wide as the terminal unless told otherwise. */
    private List<String> fitWidth(List<String> args, picocli.CommandLine.Model.CommandSpec command) {
        int width = columns.getAsInt();
        if (width <= 0 || command.findOption("--width") == null) return args;
        for (String a : args) if (a.equals("--width") || a.startsWith("--width=")) return args;
        List<String> out = new ArrayList<>(args);
        out.addAll(List.of("--width", String.valueOf(Math.max(40, Math.min(400, width)))));
        return out;
    }

    /** The trace ids of the last listing, in its order. */
    List<String> listing() {
        return listing;
    }

    void clearListing() {
        listing = List.of();
    }

    /** The service names of the current graph (read once per command, for completion); none if it cannot be read. */
    synchronized List<String> serviceNames() {
        if (graphGeneration != generation) {
            graphGeneration = generation;
            try {
                ServiceGraph graph = host.source().serviceGraph(host.window());
                Set<String> names = new LinkedHashSet<>();
                for (ServiceGraph.Node n : graph.services()) if (n.id().name() != null) names.add(n.id().name());
                serviceNames = new ArrayList<>(names);
            } catch (RuntimeException e) {
                serviceNames = List.of(); // completion offers what it has; the command will say what is wrong
            }
        }
        return serviceNames;
    }

    /** The window or source changed: what completion knows is stale. */
    synchronized void changed() {
        generation++;
    }

    void requestExit() {
        exitRequested = true;
    }

    boolean exitRequested() {
        return exitRequested;
    }
}
