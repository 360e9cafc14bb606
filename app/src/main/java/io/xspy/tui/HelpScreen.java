package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import java.util.ArrayList;
import java.util.List;

/** The ? screen: the keys of the screen it was opened over, then the global keys, from the same bindings that act. */
final class HelpScreen implements Screen {

    private final Screen over;
    private int scroll;
    private final List<KeyMap.Binding> bindings = List.of(
            KeyMap.bind("Up k", "scroll up", (app, k) -> scroll(-1)),
            KeyMap.bind("Down j", "scroll down", (app, k) -> scroll(1)),
            KeyMap.bind("PgUp Ctrl-B", "page up", (app, k) -> scroll(-app.pageRows())),
            KeyMap.bind("PgDn Ctrl-F", "page down", (app, k) -> scroll(app.pageRows())),
            KeyMap.bind("Home g", "first", (app, k) -> scroll = 0));

    HelpScreen(Screen over) {
        this.over = over;
    }

    @Override public String title() { return "help"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public boolean overlay() { return true; }

    /** Any other key closes help, q too (as the hint says); Ctrl-C still quits. */
    @Override
    public boolean otherKey(App app, Key key) {
        app.close(this);
        return true;
    }

    @Override
    public String hints(boolean ascii) {
        return "j k PgUp PgDn scroll   any other key closes help";
    }

    private void scroll(int delta) {
        scroll = Math.max(0, Math.min(lines(false).size() - 1, scroll + delta));
    }

    /** A heading per screen, then its keys; the global keys last. */
    List<String> lines(boolean ascii) {
        List<String> out = new ArrayList<>();
        out.add(over.title() + ":");
        for (String l : KeyMap.helpLines(over.bindings(), ascii)) out.add(" " + l);
        out.add("everywhere:");
        for (String l : KeyMap.helpLines(KeyMap.BINDINGS, ascii)) out.add(" " + l);
        return out;
    }

    @Override
    public void draw(App app, Canvas c) {
        c.put(0, 0, "keys (generated from the key map)", Style.HEADER);
        List<String> lines = lines(app.ascii());
        int rows = c.height() - 1;
        int first = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - rows)));
        for (int i = 0; i < rows && first + i < lines.size(); i++) c.put(1, 1 + i, lines.get(first + i), Style.NORMAL);
    }
}
