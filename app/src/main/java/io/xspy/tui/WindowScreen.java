package io.xspy.tui;

import io.xspy.query.TimeWindow;
import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The t screen: choose the time window (ending now) from a short list, or type a custom span. */
final class WindowScreen implements Screen {

    static final List<String> SPANS = List.of("5m", "15m", "1h", "3h", "6h", "custom");

    private int choice;
    private final List<KeyMap.Binding> bindings = List.of(
            KeyMap.bind("Up k", "previous", (app, k) -> choice = Math.max(0, choice - 1)),
            KeyMap.bind("Down j", "next", (app, k) -> choice = Math.min(SPANS.size() - 1, choice + 1)),
            KeyMap.bind("Home g", "first", (app, k) -> choice = 0),
            KeyMap.bind("End G", "last", (app, k) -> choice = SPANS.size() - 1),
            KeyMap.bind("Enter", "choose", (app, k) -> choose(app)),
            KeyMap.bind("Esc Backspace t", "close", (app, k) -> app.close(this)),
            KeyMap.bind("q", "quit", (app, k) -> app.quit = true));

    WindowScreen(Duration current) {
        choice = Math.max(0, SPANS.indexOf(Fmt.span(current)));
    }

    @Override public String title() { return "time window"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public boolean overlay() { return true; }

    /** Other keys do nothing here. */
    @Override public boolean otherKey(App app, Key key) { return true; }

    private void choose(App app) {
        app.close(this);
        String s = SPANS.get(choice);
        if (s.equals("custom")) {
            app.open(new PromptScreen(new Prompt(Prompt.Kind.SPAN, Fmt.span(app.span), new ArrayList<>()), WindowScreen::custom));
        } else {
            app.setSpan(TimeWindow.parseSpan(s));
        }
    }

    private static void custom(App app, PromptScreen p, String text) {
        try {
            Duration d = TimeWindow.parseSpan(text);
            if (d.isZero()) throw new IllegalArgumentException("the time window must be longer than 0");
            app.close(p);
            app.setSpan(d);
        } catch (IllegalArgumentException e) {
            p.prompt.error = e.getMessage();
            p.prompt.errorColumn = 0;
        }
    }

    @Override
    public void draw(App app, Canvas c) {
        c.put(0, 0, "time window (ending now): Enter chooses, Esc closes", Style.HEADER);
        for (int i = 0; i < SPANS.size(); i++) {
            String s = SPANS.get(i);
            String label = (s.equals("custom") ? "custom..." : "last " + s) + (s.equals(Fmt.span(app.span)) ? "  (current)" : "");
            c.put(2, 1 + i, label, Style.NORMAL);
            if (i == choice) c.restyle(0, 1 + i, Math.min(c.width(), 30), Style.SELECTED);
        }
    }
}
