package io.xspy.tui;

import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.TraceSource;
import io.xspy.timeline.Style;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The stack of {@link Screen}s, the key routing, the timers and what all screens share (the time
 * window, the status line, histories). Runs on the UI thread only; loads go through the
 * {@link Loader} and their results come back through {@link Loader#drain}. Knows nothing of
 * Lanterna: keys come in as {@link Key}s, the frame is drawn by {@link Screens}.
 */
final class App {

    static final int PAGE_TARGET = 100;
    /** At most this many summaries are loaded to sort a list by anything but time. */
    static final int SORT_CAP = 5000;
    /** How often the status line re-reads the source, and a live source's list reloads (as otel-tui does). */
    static final long LIVE_PERIOD_NANOS = 500_000_000L;

    final TraceSource source;
    final TuiOptions options;
    final Clock clock;
    final Loader loader;
    final String description;
    /** Monotonic nanoseconds for the live refresh (not the clock, which a file's view fixes). */
    final LongSupplier ticker;
    private long lastLiveTick;
    /** Whether the status line shows the source's own status (re-read live) rather than a message. */
    private boolean statusFromSource;
    /** Whether the status line shows a live reload's failure, which the next live reload that works clears. */
    private boolean liveFailure;

    Duration span;
    TimeWindow window;
    final ServicesScreen services = new ServicesScreen();
    /** The screens, the one in front first. */
    private final Deque<Screen> stack = new ArrayDeque<>();
    final List<String> filterHistory = new ArrayList<>();
    final List<String> commandHistory = new ArrayList<>();
    final List<String> searchHistory = new ArrayList<>();
    /** Where y copies to; set by the UI for its terminal. */
    Clipboard clipboard = Clipboard.NONE;
    String status = "";
    Style statusStyle = Style.NORMAL;
    boolean follow;
    Instant lastRefresh;
    boolean quit;
    /** The next frame repaints every cell (after a resize, or Ctrl-L), not only what changed. */
    boolean repaint;
    int width = 80;
    int height = 24;

    App(TraceSource source, TuiOptions options, Clock clock, Loader loader, LongSupplier ticker) {
        this.source = source;
        this.ticker = ticker;
        this.lastLiveTick = ticker.getAsLong();
        this.options = options;
        this.clock = clock;
        this.loader = loader;
        this.description = describe(source);
        this.span = options.window();
        this.follow = options.follow();
        this.window = TimeWindow.last(span, clock.instant());
        stack.push(services);
    }

    /** Starts the first loads: the service map, and the traces when an initial filter was given. */
    void start() {
        refresh();
        if (!options.filter().isEmpty()) {
            try {
                source.checkFilter(options.filter());
                Prompt.remember(filterHistory, options.filter());
                open(new TracesScreen("filter", options.filter()));
            } catch (FilterSyntaxException e) {
                error("filter: " + e.getMessage());
            }
        }
    }

    boolean ascii() { return options.ascii(); }

    // ---- the stack -------------------------------------------------------------------------

    /** The screen in front: it gets the keys first and draws the body. */
    Screen focus() { return stack.peek(); }

    /** The page in front: the front screen that is no overlay; it owns the header and the loads. */
    Screen top() {
        for (Screen s : stack) if (!s.overlay()) return s;
        return services;
    }

    /** The screen beneath {@code s} (what an overlay such as a prompt shows through). */
    Screen under(Screen s) {
        Iterator<Screen> it = stack.iterator();
        while (it.hasNext()) if (it.next() == s && it.hasNext()) return it.next();
        return services;
    }

    /** The pages from the bottom (services) to the front, for the breadcrumb. */
    List<Screen> pages() {
        List<Screen> out = new ArrayList<>();
        for (Iterator<Screen> it = stack.descendingIterator(); it.hasNext(); ) {
            Screen s = it.next();
            if (!s.overlay()) out.add(s);
        }
        return out;
    }

    /** Puts a screen in front and starts its load. */
    void open(Screen s) {
        stack.push(s);
        if (!s.overlay()) s.load(this, false);
    }

    /** Takes a screen off the stack (an overlay closing itself). */
    void close(Screen s) {
        if (stack.size() > 1) stack.remove(s);
    }

    /** Esc: the screen in front closes; the first screen stays. */
    void back() {
        if (stack.size() > 1) {
            stack.pop();
            info("");
        } else {
            info("q quits");
        }
    }

    // ---- keys ------------------------------------------------------------------------------

    /** Routes a key: quit and redraw always; then the screen in front; then the global keys. */
    void key(Key key) {
        String name = key.name();
        if (name.equals("Ctrl-C") || name.equals("EOF")) {
            quit = true;
            return;
        }
        if (name.equals("Ctrl-L")) {
            repaint = true; // anywhere, even in a prompt or over help
            return;
        }
        Screen s = focus();
        if (!s.capturesKeys() && name.equals("Esc") && loader.cancel()) {
            info("load cancelled");
            return;
        }
        KeyMap.Binding b = KeyMap.lookup(key, s.bindings());
        if (b != null) {
            b.command().run(this, key);
            return;
        }
        if (s.otherKey(this, key) || s.capturesKeys()) return;
        b = KeyMap.lookup(key, KeyMap.BINDINGS);
        if (b != null) b.command().run(this, key);
    }

    /** Rows a page moves: the body height less headers, at least one. */
    int pageRows() {
        return Math.max(1, height - 8);
    }

    /** The : key: the command line. */
    void command() {
        open(new PromptScreen(new Prompt(Prompt.Kind.COMMAND, "", commandHistory), Commands::run));
    }

    /** The / key on a list: the filter line, with the list's filter to edit. */
    void editFilter() {
        open(new PromptScreen(new Prompt(Prompt.Kind.FILTER, top().filter(), filterHistory), App::applyFilter));
    }

    void toggleFollow() {
        follow = !follow;
        info(follow ? "follow on: refresh every " + Fmt.span(options.followInterval()) : "follow off");
    }

    /** A filter from the prompt: checked, then the traces list shows it (a new list from the services). */
    static void applyFilter(App app, PromptScreen p, String text) {
        try {
            if (!text.isEmpty()) app.source.checkFilter(text);
        } catch (FilterSyntaxException e) {
            p.prompt.error = e.getMessage();
            p.prompt.errorColumn = e.column();
            return;
        }
        app.close(p);
        Prompt.remember(app.filterHistory, text);
        if (app.top() instanceof TracesScreen v) {
            v.filter = text;
            v.load(app, false);
        } else {
            app.open(new TracesScreen(text.isEmpty() ? "all traces" : "filter", text));
        }
    }

    /**
     * y: copies text to the terminal's clipboard and says so; where the terminal cannot take it, a
     * short text (a trace id) is shown whole in the status line, for the mouse.
     */
    void copy(String what, String text, boolean showable) {
        switch (clipboard.copy(text)) {
            case COPIED -> info("copied " + what + (showable ? " " + text : "") + " to the clipboard"
                    + clipboard.note());
            case TOO_LONG -> error(what + " is too long to copy (more than " + Osc52.MAX_BYTES / 1000 + " kB)");
            case UNAVAILABLE -> info(showable ? what + " " + text + " (this terminal takes no copy: select it with the mouse)"
                    : "select the " + what + " with the mouse: this terminal takes no copy (TERM=dumb or XSPY_CLIPBOARD=off)");
        }
    }

    void setSpan(Duration d) {
        span = d;
        info("time window: last " + Fmt.span(d));
        refresh();
    }

    // ---- loads and timers ------------------------------------------------------------------

    /** Reloads what the page in front shows, over a window ending now. */
    void refresh() {
        window = TimeWindow.last(span, clock.instant());
        lastRefresh = clock.instant();
        top().load(this, false);
    }

    /**
     * The timers: every {@link #LIVE_PERIOD_NANOS} the live refresh; in follow mode, a refresh when
     * the interval has passed and nothing is loading. Returns whether anything changed.
     */
    boolean tick() {
        boolean changed = false;
        long now = ticker.getAsLong();
        if (now - lastLiveTick >= LIVE_PERIOD_NANOS) {
            lastLiveTick = now;
            changed = liveTick();
        }
        return followTick() || changed;
    }

    /**
     * Re-reads the source's status (counters such as UDP datagrams and evictions); a live source's
     * list is reloaded quietly, keeping the selection and the scroll. A trace being read stays put.
     */
    private boolean liveTick() {
        boolean changed = false;
        if (statusFromSource) {
            String now = sourceStatus();
            changed = !now.equals(status);
            status = now;
        }
        Screen page = top();
        if (source.live() && loader.idle() && focus() == page && page.reloadsLive()) {
            window = TimeWindow.last(span, clock.instant());
            page.load(this, true);
        }
        return changed;
    }

    private boolean followTick() {
        if (!follow || loader.busy() || focus().capturesKeys()) return false;
        Instant now = clock.instant();
        if (lastRefresh != null && Duration.between(lastRefresh, now).compareTo(options.followInterval()) < 0) return false;
        refresh();
        return true;
    }

    // ---- the status line -------------------------------------------------------------------

    void error(String message) {
        statusFromSource = false;
        liveFailure = false;
        status = message;
        statusStyle = Style.FAULT;
    }

    /** A live reload failed: said as an error until a live reload works again. */
    void liveError(String message) {
        error(message);
        liveFailure = true;
    }

    /** Whether the status line shows a live reload's failure (which a quiet reload that works clears). */
    boolean liveFailure() {
        return liveFailure;
    }

    /** A message for the status line; an empty one shows the source's own status instead. */
    void info(String message) {
        statusFromSource = message.isEmpty();
        liveFailure = false;
        status = message.isEmpty() ? sourceStatus() : message;
        statusStyle = Style.NORMAL;
    }

    private String sourceStatus() {
        try {
            return source.status();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String describe(TraceSource source) {
        try {
            return source.describe();
        } catch (RuntimeException e) {
            return "source";
        }
    }
}
