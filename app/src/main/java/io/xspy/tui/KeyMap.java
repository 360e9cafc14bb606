package io.xspy.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Key bindings: each {@link Screen} lists its own, and {@link #BINDINGS} holds the global ones
 * that apply everywhere after the screen's. The controller looks keys up in these lists and the
 * help screen and the hint line are generated from the same lists, so they cannot disagree.
 */
final class KeyMap {

    /** What a bound key does; it gets the key, for bindings of several keys that differ a little. */
    @FunctionalInterface
    interface Command {
        void run(App app, Key key);
    }

    /**
     * Keys, what they do in words (help shows it whole; the hint line up to a " ("), and how many of
     * the first keys' labels the hint line shows, run together (0: not in the hint line; 2 for "↑↓").
     */
    record Binding(List<String> keys, String help, int hintKeys, Command command) {
        boolean matches(Key key) {
            return keys.contains(key.name());
        }
    }

    static Binding bind(String keys, String help, Command command) {
        return new Binding(List.of(keys.split(" ")), help, 0, command);
    }

    /** A binding the hint line shows with its first key. */
    static Binding hint(String keys, String help, Command command) {
        return new Binding(List.of(keys.split(" ")), help, 1, command);
    }

    /** The global keys, after the screen's own: a screen that binds one of these keys overrides it. */
    static final List<Binding> BINDINGS = List.of(
            bind(":", "command (:trace ID, :service NAME, :filter EXPR, :q)", (app, k) -> app.command()),
            bind("r", "refresh", (app, k) -> app.refresh()),
            bind("F", "follow (refresh every few seconds)", (app, k) -> app.toggleFollow()),
            hint("Esc Backspace", "back (Esc also cancels a load)", (app, k) -> app.back()),
            hint("?", "help", (app, k) -> app.open(new HelpScreen(app.focus()))),
            bind("Ctrl-L", "redraw the screen", (app, k) -> app.repaint = true),
            hint("q Ctrl-C", "quit", (app, k) -> app.quit = true));

    /** Moving in a list or a pane, bound alike on every screen that scrolls. */
    interface Mover {
        void move(App app, int delta);
    }

    static List<Binding> movement(Mover m) {
        return List.of(
                bind("Up k", "move up", (app, k) -> m.move(app, -1)),
                bind("Down j", "move down", (app, k) -> m.move(app, 1)),
                bind("PgUp Ctrl-B", "page up", (app, k) -> m.move(app, -app.pageRows())),
                bind("PgDn Ctrl-F", "page down", (app, k) -> m.move(app, app.pageRows())),
                bind("Home g", "first", (app, k) -> m.move(app, Integer.MIN_VALUE / 2)),
                bind("End G", "last", (app, k) -> m.move(app, Integer.MAX_VALUE / 2)));
    }

    private KeyMap() {}

    static Binding lookup(Key key, List<Binding> bindings) {
        for (Binding b : bindings) if (b.matches(key)) return b;
        return null;
    }

    /** Help lines for a list of bindings: keys, then what they do. */
    static List<String> helpLines(List<Binding> bindings, boolean ascii) {
        List<String> out = new ArrayList<>();
        for (Binding b : bindings) out.add(String.format("%-16s %s", keys(b, ascii), b.help()));
        return out;
    }

    /** The hint line: the bindings marked as worth showing, in order. */
    static String hints(List<Binding> bindings, boolean ascii) {
        StringBuilder s = new StringBuilder();
        for (Binding b : bindings) {
            if (b.hintKeys() == 0) continue;
            if (s.length() > 0) s.append("  ");
            for (int i = 0; i < b.hintKeys(); i++) s.append(Key.label(b.keys().get(i), ascii));
            s.append(' ').append(b.help().split(" \\(")[0]);
        }
        return s.toString();
    }

    private static String keys(Binding b, boolean ascii) {
        List<String> labels = new ArrayList<>();
        for (String k : b.keys()) labels.add(Key.label(k, ascii));
        return String.join(" ", labels);
    }
}
