package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.trace.Segment;
import java.util.List;

/** The x screen: the raw JSON of one segment, over the trace it belongs to. */
final class RawScreen implements Screen {

    final Segment segment;
    private int scroll;
    private final List<KeyMap.Binding> bindings = List.of(
            new KeyMap.Binding(List.of("Esc", "Backspace", "x"), "back", 1, (app, k) -> app.close(this)),
            new KeyMap.Binding(List.of("Up", "Down", "k", "j"), "scroll", 2,
                    (app, k) -> scrollBy(k.name().equals("Up") || k.name().equals("k") ? -1 : 1)),
            KeyMap.bind("PgUp Ctrl-B", "page up", (app, k) -> scrollBy(-app.pageRows())),
            KeyMap.bind("PgDn Ctrl-F", "page down", (app, k) -> scrollBy(app.pageRows())),
            KeyMap.bind("Home g", "first", (app, k) -> scroll = 0),
            KeyMap.bind("End G", "last", (app, k) -> scroll = 1_000_000),
            KeyMap.bind("y", "copy the JSON to the clipboard", (app, k) -> copy(app)),
            KeyMap.hint("q Ctrl-C", "quit", (app, k) -> app.quit = true));

    RawScreen(Segment segment) {
        this.segment = segment;
    }

    @Override public String title() { return "raw JSON"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public boolean overlay() { return true; }

    /** The short line of the raw view: back, scroll, quit. */
    @Override public boolean globalHints() { return false; }

    private void copy(App app) {
        if (segment.json() == null) app.info("no raw document to copy");
        else app.copy("raw JSON of " + segment.name(), json(), false);
    }

    /** The JSON as the pane shows it, one text. */
    private String json() {
        StringBuilder out = new StringBuilder();
        for (Line l : SegmentDetail.raw(segment)) out.append(l.text()).append('\n');
        return out.toString();
    }

    private void scrollBy(int delta) {
        scroll = Math.max(0, Math.min(scroll + delta, 1_000_000));
    }

    @Override
    public void draw(App app, Canvas c) {
        scroll = TracePanes.pane(c, 0, 0, c.width(), c.height(), "raw JSON of " + segment.name() + " (Esc closes)", true,
                SegmentDetail.raw(segment), scroll, app.ascii());
    }
}
