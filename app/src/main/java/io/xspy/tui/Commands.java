package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.TimeWindow;
import java.util.Locale;

/** The command line's verbs (:trace ID, :service NAME, :filter EXPR, :window 1h, :q). */
final class Commands {
    private Commands() {}

    static void run(App app, PromptScreen p, String text) {
        Prompt.remember(app.commandHistory, text);
        String[] parts = text.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (verb) {
            case "q", "quit", "q!" -> {
                app.close(p);
                app.quit = true;
            }
            case "trace" -> {
                if (arg.isEmpty()) {
                    p.prompt.error = "usage: :trace TRACE_ID";
                    return;
                }
                app.close(p);
                app.open(new TraceScreen(arg));
            }
            case "service" -> {
                ServiceGraph.Node n = findService(app.services, arg);
                if (n == null) {
                    p.prompt.error = app.services.loaded ? "no service named \"" + arg + "\" in the window" : "the service map is not loaded yet";
                    return;
                }
                app.close(p);
                app.open(TracesScreen.of(n));
            }
            case "filter" -> App.applyFilter(app, p, arg);
            case "window" -> {
                try {
                    java.time.Duration d = TimeWindow.parseSpan(arg);
                    app.close(p);
                    app.setSpan(d);
                } catch (IllegalArgumentException e) {
                    p.prompt.error = e.getMessage();
                }
            }
            case "" -> app.close(p);
            default -> p.prompt.error = "unknown command \"" + verb + "\": try :trace ID, :service NAME, :filter EXPR, :window 1h, :q";
        }
    }

    private static ServiceGraph.Node findService(ServicesScreen services, String name) {
        ServiceGraph.Node partial = null;
        for (ServiceGraph.Node n : services.nodes) {
            if (n.id().name().equals(name)) return n;
            if (partial == null && n.id().name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) partial = n;
        }
        return name.isEmpty() ? null : partial;
    }
}
