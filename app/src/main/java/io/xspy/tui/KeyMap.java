package io.xspy.tui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one table of key bindings: the controller looks keys up here and the help screen and the
 * hint line are generated from it, so they cannot disagree.
 */
final class KeyMap {

    /** Where a binding applies. */
    enum Where { SERVICES, TRACES, TRACE }

    record Binding(List<String> keys, Action action, String help, Set<Where> where, boolean hint) {}

    private static final Set<Where> ALL = EnumSet.allOf(Where.class);
    private static final Set<Where> LISTS = EnumSet.of(Where.SERVICES, Where.TRACES);
    private static final Set<Where> TRACE = EnumSet.of(Where.TRACE);

    static final List<Binding> BINDINGS = List.of(
            new Binding(List.of("Up", "k"), Action.UP, "move up", ALL, false),
            new Binding(List.of("Down", "j"), Action.DOWN, "move down", ALL, false),
            new Binding(List.of("PgUp", "Ctrl-B"), Action.PAGE_UP, "page up", ALL, false),
            new Binding(List.of("PgDn", "Ctrl-F"), Action.PAGE_DOWN, "page down", ALL, false),
            new Binding(List.of("Home", "g"), Action.TOP, "first", ALL, false),
            new Binding(List.of("End", "G"), Action.BOTTOM, "last", ALL, false),
            new Binding(List.of("Enter"), Action.OPEN, "open", LISTS, true),
            new Binding(List.of("Enter", "Space"), Action.FOLD, "fold / unfold", TRACE, true),
            new Binding(List.of("+"), Action.UNFOLD_ALL, "unfold all", TRACE, false),
            new Binding(List.of("-"), Action.FOLD_ALL, "fold all", TRACE, false),
            new Binding(List.of("z"), Action.ZOOM_IN, "zoom in", TRACE, true),
            new Binding(List.of("Z"), Action.ZOOM_OUT, "zoom out", TRACE, false),
            new Binding(List.of("h", "Left"), Action.PAN_LEFT, "pan left", TRACE, false),
            new Binding(List.of("l", "Right"), Action.PAN_RIGHT, "pan right", TRACE, false),
            new Binding(List.of(">"), Action.WIDER_NAMES, "wider name column", TRACE, false),
            new Binding(List.of("<"), Action.NARROWER_NAMES, "narrower name column", TRACE, false),
            new Binding(List.of("Tab"), Action.NEXT_PANE, "next pane", TRACE, true),
            new Binding(List.of("L"), Action.TOGGLE_LOGS, "log pane", TRACE, true),
            new Binding(List.of("x"), Action.RAW, "raw JSON", TRACE, true),
            new Binding(List.of("s"), Action.SORT, "sort", EnumSet.of(Where.TRACES), true),
            new Binding(List.of("/"), Action.FILTER, "filter", LISTS, true),
            new Binding(List.of(":"), Action.COMMAND, "command (:trace ID, :service NAME, :filter EXPR, :q)", ALL, false),
            new Binding(List.of("t"), Action.WINDOW, "time window", LISTS, true),
            new Binding(List.of("r"), Action.REFRESH, "refresh", ALL, false),
            new Binding(List.of("F"), Action.FOLLOW, "follow (refresh every few seconds)", ALL, false),
            new Binding(List.of("Esc", "Backspace"), Action.BACK, "back (Esc also cancels a load)", ALL, true),
            new Binding(List.of("?"), Action.HELP, "help", ALL, true),
            new Binding(List.of("Ctrl-L"), Action.REDRAW, "redraw the screen", ALL, false),
            new Binding(List.of("q", "Ctrl-C"), Action.QUIT, "quit", ALL, true));

    private KeyMap() {}

    static Action lookup(Key key, Where where) {
        for (Binding b : BINDINGS) {
            if (b.where.contains(where) && b.keys.contains(key.name())) return b.action;
        }
        return null;
    }

    /** The help screen: every binding, keys then what they do, with where they apply. */
    static List<String> helpLines(boolean ascii) {
        List<String> out = new ArrayList<>();
        for (Binding b : BINDINGS) {
            out.add(String.format("%-16s %s%s", keys(b, ascii), b.help, b.where.equals(ALL) ? "" : "  (" + places(b) + ")"));
        }
        return out;
    }

    /** The hint line for a screen: the bindings marked as worth showing there. */
    static String hints(Where where, boolean ascii) {
        StringBuilder s = new StringBuilder();
        for (Binding b : BINDINGS) {
            if (!b.hint || !b.where.contains(where)) continue;
            if (s.length() > 0) s.append("  ");
            s.append(Key.label(b.keys.get(0), ascii)).append(' ').append(b.help.split(" \\(")[0]);
        }
        return s.toString();
    }

    private static String keys(Binding b, boolean ascii) {
        List<String> labels = new ArrayList<>();
        for (String k : b.keys) labels.add(Key.label(k, ascii));
        return String.join(" ", labels);
    }

    private static String places(Binding b) {
        List<String> names = new ArrayList<>();
        for (Where w : b.where) names.add(w.name().toLowerCase(java.util.Locale.ROOT));
        return String.join(", ", names);
    }
}
