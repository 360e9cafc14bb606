package io.xspy.tui;

import io.xspy.timeline.Canvas;
import java.util.List;

/**
 * One screen of the UI: it owns its state, binds its keys (help and the hint line are generated
 * from {@link #bindings}), loads what it shows through the app's {@link Loader}, and draws its
 * body. {@link App} keeps the stack of screens, routes each key to the screen in front first and
 * then to the global keys ({@link KeyMap#BINDINGS}), and {@link Screens} draws the frame around
 * the body (header, breadcrumb, status and hint line). See package-info for how to add one.
 *
 * <p>A page (services, traces, a trace) owns the header and breadcrumb; an {@link #overlay()}
 * (help, raw JSON, time window, a prompt) sits over a page and leaves them to it.
 */
interface Screen {

    /** What help calls this screen. */
    String title();

    /** The keys of this screen, in the order help and the hint line show them. */
    List<KeyMap.Binding> bindings();

    /** Draws the body, the part between the breadcrumb and the status line. */
    void draw(App app, Canvas body);

    /** What this page adds to the breadcrumb; {@code front} when it is the page in front. */
    default List<String> crumbs(App app, boolean front) { return List.of(title()); }

    /** The header's count of what the page shows ("7 services"), empty while nothing is loaded. */
    default String counts() { return ""; }

    /** The filter expression the header shows, empty for none. */
    default String filter() { return ""; }

    /**
     * Loads (again) what the page shows over {@link App#window}; App calls it when the screen
     * opens, on r and in follow mode, and quietly (a live source's reload) when {@link #reloadsLive}.
     */
    default void load(App app, boolean quiet) {}

    /** Whether a live source's new data should reload this page quietly now. */
    default boolean reloadsLive() { return false; }

    /** A key none of the screen's bindings took; returns whether it was used (else it goes to the global keys). */
    default boolean otherKey(App app, Key key) { return false; }

    /** An overlay leaves the header, breadcrumb, loads and live reloads to the page beneath it. */
    default boolean overlay() { return false; }

    /** Takes every key before the global ones and before Esc cancels a load (a line being edited). */
    default boolean capturesKeys() { return false; }

    /** Whether the hint line adds the global keys' hints after the screen's own. */
    default boolean globalHints() { return true; }

    /** The hint line, generated from the bindings. */
    default String hints(boolean ascii) {
        if (!globalHints()) return KeyMap.hints(bindings(), ascii);
        List<KeyMap.Binding> all = new java.util.ArrayList<>(bindings());
        all.addAll(KeyMap.BINDINGS);
        return KeyMap.hints(all, ascii);
    }

    /** Draws the bottom two lines: by default the status line and the hint line. */
    default void drawBottom(App app, Canvas c, int hintsY, int statusY) {
        Screens.statusAndHints(app, c, hintsY, statusY, hints(app.ascii()));
    }
}
