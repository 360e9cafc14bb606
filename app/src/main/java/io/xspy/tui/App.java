package io.xspy.tui;

import io.xspy.graph.ServiceGraph;
import io.xspy.query.FilterSyntaxException;
import io.xspy.query.TimeWindow;
import io.xspy.source.Page;
import io.xspy.source.SourceException;
import io.xspy.source.TraceSource;
import io.xspy.timeline.Style;
import io.xspy.trace.LogLine;
import io.xspy.trace.Trace;
import io.xspy.trace.TraceSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The state of the whole UI and what keys do to it. Runs on the UI thread only; loads go through
 * the {@link Loader} and their results come back through {@link Loader#drain}. Knows nothing of
 * Lanterna: keys come in as {@link Key}s, the screen is drawn from this state by {@link Screens}.
 */
final class App {

    enum Overlay { NONE, HELP, WINDOW }

    static final int PAGE_TARGET = 100;
    /** At most this many summaries are loaded to sort a list by anything but time. */
    static final int SORT_CAP = 5000;
    /** How often the status line re-reads the source, and a live source's list reloads (as otel-tui does). */
    static final long LIVE_PERIOD_NANOS = 500_000_000L;
    static final List<String> SPANS = List.of("5m", "15m", "1h", "3h", "6h", "custom");

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
    final Views.Services services = new Views.Services();
    final Deque<Object> stack = new ArrayDeque<>();
    Overlay overlay = Overlay.NONE;
    int helpScroll;
    int windowChoice;
    Prompt prompt;
    final List<String> filterHistory = new ArrayList<>();
    final List<String> commandHistory = new ArrayList<>();
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
                openTraces("filter", options.filter());
            } catch (FilterSyntaxException e) {
                error("filter: " + e.getMessage());
            }
        }
    }

    boolean ascii() { return options.ascii(); }

    Object top() { return stack.peek(); }

    KeyMap.Where where() {
        Object top = top();
        if (top instanceof TraceState) return KeyMap.Where.TRACE;
        if (top instanceof Views.Traces) return KeyMap.Where.TRACES;
        return KeyMap.Where.SERVICES;
    }

    // ---- keys ------------------------------------------------------------------------------

    void key(Key key) {
        String name = key.name();
        if (name.equals("Ctrl-C") || name.equals("EOF")) {
            quit = true;
            return;
        }
        if (KeyMap.lookup(key, where()) == Action.REDRAW) {
            repaint = true; // anywhere, even in a prompt or over help
            return;
        }
        if (prompt != null) {
            promptKey(key);
            return;
        }
        if (name.equals("Esc") && loader.cancel()) {
            info("load cancelled");
            return;
        }
        if (overlay == Overlay.HELP) {
            helpKey(key);
            return;
        }
        if (overlay == Overlay.WINDOW) {
            windowKey(key);
            return;
        }
        if (top() instanceof TraceState t && t.raw) {
            rawKey(t, key);
            return;
        }
        Action action = KeyMap.lookup(key, where());
        if (action != null) perform(action);
    }

    private void perform(Action action) {
        switch (action) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-page());
            case PAGE_DOWN -> move(page());
            case TOP -> move(Integer.MIN_VALUE / 2);
            case BOTTOM -> move(Integer.MAX_VALUE / 2);
            case OPEN -> open();
            case FOLD -> { if (top() instanceof TraceState t) t.toggleFold(); }
            case UNFOLD_ALL -> { if (top() instanceof TraceState t) t.foldAll(false); }
            case FOLD_ALL -> { if (top() instanceof TraceState t) t.foldAll(true); }
            case BACK -> back();
            case QUIT -> quit = true;
            case HELP -> {
                overlay = Overlay.HELP;
                helpScroll = 0;
            }
            case FILTER -> prompt = new Prompt(Prompt.Kind.FILTER, currentFilter(), filterHistory);
            case COMMAND -> prompt = new Prompt(Prompt.Kind.COMMAND, "", commandHistory);
            case WINDOW -> {
                overlay = Overlay.WINDOW;
                windowChoice = Math.max(0, SPANS.indexOf(Fmt.span(span)));
            }
            case REFRESH -> refresh();
            case FOLLOW -> {
                follow = !follow;
                info(follow ? "follow on: refresh every " + Fmt.span(options.followInterval()) : "follow off");
            }
            case SORT -> {
                if (top() instanceof Views.Traces v) {
                    v.sort = v.sort.next();
                    v.resort(v.current() == null ? null : v.current().id());
                    // an order other than time needs every match, not the pages loaded so far
                    if (v.sort != Views.Sort.TIME && v.nextToken != null && !loader.busy()) loadTraces(v, true);
                    else info(sortedBy(v));
                }
            }
            case NEXT_PANE -> { if (top() instanceof TraceState t) t.nextPane(); }
            case TOGGLE_LOGS -> {
                if (top() instanceof TraceState t) {
                    t.showLogs = !t.showLogs;
                    if (!t.showLogs && t.focus == Views.Pane.LOGS) t.focus = Views.Pane.TIMELINE;
                }
            }
            case RAW -> {
                if (top() instanceof TraceState t && t.current() != null) {
                    t.raw = true;
                    t.rawScroll = 0;
                }
            }
            case ZOOM_IN -> { if (top() instanceof TraceState t) t.zoom(0.5); }
            case ZOOM_OUT -> { if (top() instanceof TraceState t) t.zoom(2); }
            case PAN_LEFT -> { if (top() instanceof TraceState t) t.pan(-0.25); }
            case PAN_RIGHT -> { if (top() instanceof TraceState t) t.pan(0.25); }
            case WIDER_NAMES, NARROWER_NAMES -> { if (top() instanceof TraceState t) t.widenNames(action == Action.WIDER_NAMES ? 4 : -4); }
        }
    }

    /** Rows a page moves: the body height less headers, at least one. */
    int page() {
        return Math.max(1, height - 8);
    }

    private void move(int delta) {
        Object top = top();
        if (top instanceof Views.Services s) {
            s.move(delta);
        } else if (top instanceof Views.Traces v) {
            v.move(delta);
            if (v.nextToken != null && !loader.busy() && v.selected >= v.items.size() - page()) loadTraces(v, true);
        } else if (top instanceof TraceState t) {
            switch (t.focus) {
                case TIMELINE -> t.move(delta);
                case DETAIL -> t.detailScroll = clampScroll(t.detailScroll + delta);
                case LOGS -> t.logScroll = Math.max(0, Math.min(Math.max(0, t.logLines.size() - 1),
                        clampScroll(t.logScroll + delta)));
            }
        }
    }

    private static int clampScroll(int v) {
        return Math.max(0, Math.min(v, 1_000_000));
    }

    private void open() {
        Object top = top();
        if (top instanceof Views.Services s && s.current() != null) {
            ServiceGraph.Node n = s.current();
            openTraces(n.id().name(), serviceFilter(n));
        } else if (top instanceof Views.Traces v && v.current() != null) {
            openTrace(v.current().id());
        }
    }

    static String serviceFilter(ServiceGraph.Node n) {
        return "service(id(name: \"" + escape(n.id().name()) + "\", type: \"" + escape(n.id().type()) + "\"))";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void back() {
        if (stack.size() > 1) {
            stack.pop();
            info("");
        } else {
            info("q quits");
        }
    }

    private void helpKey(Key key) {
        Action a = KeyMap.lookup(key, KeyMap.Where.SERVICES);
        if (a == Action.UP || a == Action.DOWN || a == Action.PAGE_UP || a == Action.PAGE_DOWN || a == Action.TOP) {
            int delta = switch (a) {
                case UP -> -1;
                case DOWN -> 1;
                case PAGE_UP -> -page();
                case PAGE_DOWN -> page();
                default -> -helpScroll;
            };
            helpScroll = Math.max(0, Math.min(KeyMap.BINDINGS.size() - 1, helpScroll + delta));
        } else {
            overlay = Overlay.NONE; // any other key closes help, q too (as the hint says); Ctrl-C still quits
        }
    }

    private void windowKey(Key key) {
        Action a = KeyMap.lookup(key, KeyMap.Where.SERVICES);
        if (a == Action.UP) windowChoice = Math.max(0, windowChoice - 1);
        else if (a == Action.DOWN) windowChoice = Math.min(SPANS.size() - 1, windowChoice + 1);
        else if (a == Action.TOP) windowChoice = 0;
        else if (a == Action.BOTTOM) windowChoice = SPANS.size() - 1;
        else if (a == Action.QUIT && key.name().equals("q")) quit = true;
        else if (key.name().equals("Enter")) {
            overlay = Overlay.NONE;
            String choice = SPANS.get(windowChoice);
            if (choice.equals("custom")) prompt = new Prompt(Prompt.Kind.SPAN, Fmt.span(span), new ArrayList<>());
            else setSpan(TimeWindow.parseSpan(choice));
        } else if (a == Action.BACK || a == Action.WINDOW) {
            overlay = Overlay.NONE;
        }
    }

    private void rawKey(TraceState t, Key key) {
        Action a = KeyMap.lookup(key, KeyMap.Where.SERVICES);
        if (a == null) {
            if (key.name().equals("x")) t.raw = false;
            return;
        }
        switch (a) {
            case UP -> t.rawScroll = Math.max(0, t.rawScroll - 1);
            case DOWN -> t.rawScroll = clampScroll(t.rawScroll + 1);
            case PAGE_UP -> t.rawScroll = Math.max(0, t.rawScroll - page());
            case PAGE_DOWN -> t.rawScroll = clampScroll(t.rawScroll + page());
            case TOP -> t.rawScroll = 0;
            case BOTTOM -> t.rawScroll = 1_000_000;
            case BACK -> t.raw = false;
            case QUIT -> quit = true;
            case HELP -> overlay = Overlay.HELP;
            default -> { }
        }
    }

    private void setSpan(Duration d) {
        span = d;
        info("time window: last " + Fmt.span(d));
        refresh();
    }

    // ---- prompt ----------------------------------------------------------------------------

    private void promptKey(Key key) {
        Prompt p = prompt;
        if (key.name().equals("Esc")) {
            prompt = null;
            return;
        }
        if (key.name().equals("Enter")) {
            submit(p);
            return;
        }
        if (key.name().equals("Backspace") && p.text.length() == 0) {
            prompt = null;
            return;
        }
        p.edit(key);
    }

    private void submit(Prompt p) {
        String text = p.text().strip();
        switch (p.kind) {
            case FILTER -> applyFilter(p, text);
            case SPAN -> {
                try {
                    Duration d = TimeWindow.parseSpan(text);
                    if (d.isZero()) throw new IllegalArgumentException("the time window must be longer than 0");
                    prompt = null;
                    setSpan(d);
                } catch (IllegalArgumentException e) {
                    p.error = e.getMessage();
                    p.errorColumn = 0;
                }
            }
            case COMMAND -> command(p, text);
        }
    }

    private void applyFilter(Prompt p, String text) {
        try {
            if (!text.isEmpty()) source.checkFilter(text);
        } catch (FilterSyntaxException e) {
            p.error = e.getMessage();
            p.errorColumn = e.column();
            return;
        }
        prompt = null;
        Prompt.remember(filterHistory, text);
        if (top() instanceof Views.Traces v) {
            v.filter = text;
            loadTraces(v, false);
        } else {
            openTraces(text.isEmpty() ? "all traces" : "filter", text);
        }
    }

    private void command(Prompt p, String text) {
        Prompt.remember(commandHistory, text);
        String[] parts = text.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (verb) {
            case "q", "quit", "q!" -> {
                prompt = null;
                quit = true;
            }
            case "trace" -> {
                if (arg.isEmpty()) {
                    p.error = "usage: :trace TRACE_ID";
                    return;
                }
                prompt = null;
                openTrace(arg);
            }
            case "service" -> {
                ServiceGraph.Node n = findService(arg);
                if (n == null) {
                    p.error = services.loaded ? "no service named \"" + arg + "\" in the window" : "the service map is not loaded yet";
                    return;
                }
                prompt = null;
                openTraces(n.id().name(), serviceFilter(n));
            }
            case "filter" -> applyFilter(p, arg);
            case "window" -> {
                try {
                    prompt = null;
                    setSpan(TimeWindow.parseSpan(arg));
                } catch (IllegalArgumentException e) {
                    prompt = p;
                    p.error = e.getMessage();
                }
            }
            case "" -> prompt = null;
            default -> p.error = "unknown command \"" + verb + "\": try :trace ID, :service NAME, :filter EXPR, :window 1h, :q";
        }
    }

    private ServiceGraph.Node findService(String name) {
        ServiceGraph.Node partial = null;
        for (ServiceGraph.Node n : services.nodes) {
            if (n.id().name().equals(name)) return n;
            if (partial == null && n.id().name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) partial = n;
        }
        return name.isEmpty() ? null : partial;
    }

    private String currentFilter() {
        return top() instanceof Views.Traces v ? v.filter : "";
    }

    // ---- loads -----------------------------------------------------------------------------

    void openTraces(String title, String filter) {
        Views.Traces v = new Views.Traces(title, filter);
        stack.push(v);
        loadTraces(v, false);
    }

    void openTrace(String id) {
        TraceState t = new TraceState(id);
        stack.push(t);
        loadTrace(t);
    }

    /** Reloads what the current screen shows, over a window ending now. */
    void refresh() {
        window = TimeWindow.last(span, clock.instant());
        lastRefresh = clock.instant();
        Object top = top();
        if (top instanceof Views.Traces v) loadTraces(v, false);
        else if (top instanceof TraceState t) loadTrace(t);
        else loadServices();
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
        if (source.live() && loader.idle() && prompt == null && overlay == Overlay.NONE) {
            Object top = top();
            if (top instanceof Views.Traces v && v.loaded) {
                window = TimeWindow.last(span, clock.instant());
                loadTraces(v, false, true);
            } else if (top instanceof Views.Services && services.loaded) {
                window = TimeWindow.last(span, clock.instant());
                loadServices(true);
            }
        }
        return changed;
    }

    private boolean followTick() {
        if (!follow || loader.busy() || prompt != null) return false;
        Instant now = clock.instant();
        if (lastRefresh != null && Duration.between(lastRefresh, now).compareTo(options.followInterval()) < 0) return false;
        refresh();
        return true;
    }

    private void loadServices() {
        loadServices(false);
    }

    private void loadServices(boolean quiet) {
        TimeWindow w = window;
        loader.start("loading the service map", progress -> source.serviceGraph(w), graph -> {
            services.set(graph);
            if (!quiet || liveFailure) info("");
        }, quiet ? this::liveError : this::error, quiet);
    }

    private record Batch(List<TraceSummary> items, String next) {}

    private void loadTraces(Views.Traces v, boolean more) {
        loadTraces(v, more, false);
    }

    /** Loads a page more, or the list again; a quiet reload (live) loads as many as are shown. */
    private void loadTraces(Views.Traces v, boolean more, boolean quiet) {
        TimeWindow w = window;
        String filter = v.filter;
        String startToken = more ? v.nextToken : null;
        int have = more ? v.items.size() : 0;
        boolean all = v.sort != Views.Sort.TIME;
        int target = all ? Math.max(SORT_CAP, have + PAGE_TARGET) : Math.max(have + PAGE_TARGET, quiet ? v.items.size() : 0);
        String sortLabel = v.sort.label;
        loader.start(all ? "loading every matching trace to sort by " + sortLabel : "loading traces", progress -> {
            List<TraceSummary> got = new ArrayList<>();
            String token = startToken;
            do {
                progress.report(all ? "loading every matching trace to sort by " + sortLabel + ": " + (have + got.size())
                        + " so far (at most " + target + ")" : "loading " + (have + got.size()) + "/" + target + " traces");
                Page<TraceSummary> page = source.traceSummaries(w, filter, token);
                got.addAll(page.items());
                token = page.nextToken();
            } while (token != null && have + got.size() < target && !progress.cancelled());
            return new Batch(got, token);
        }, batch -> {
            if (more) v.add(batch.items, batch.next);
            else v.replace(batch.items, batch.next);
            if (v != top()) return;
            if (v.sort != Views.Sort.TIME && v.nextToken != null && v.items.size() < SORT_CAP) {
                loadTraces(v, true); // sorted while this page loaded: the order needs the rest too
                return;
            }
            if (quiet) {
                if (liveFailure) info("");
                return;
            }
            if (v.items.isEmpty()) info("no traces match in the last " + Fmt.span(span));
            else if (all) info(sortedBy(v));
            else if (!more) info("");
        }, quiet ? this::liveError : this::error, quiet);
    }

    private static String sortedBy(Views.Traces v) {
        String s = "sorted by " + v.sort.label;
        if (v.sort != Views.Sort.TIME && v.nextToken != null) {
            s += " (the first " + v.items.size() + " matches; narrow the filter or the window to sort the rest)";
        }
        return s;
    }

    private record TraceData(Trace trace, List<LogLine> logs, String logError) {}

    private void loadTrace(TraceState t) {
        String id = t.traceId;
        loader.start("loading trace " + id, progress -> {
            List<Trace> found = source.traces(List.of(id));
            if (found.isEmpty()) throw new SourceException("trace " + id + " not found");
            Trace trace = found.get(0);
            progress.report("loading the logs of " + id);
            try {
                return new TraceData(trace, source.logs(trace), null);
            } catch (RuntimeException e) {
                return new TraceData(trace, List.of(), Loader.message(e));
            }
        }, data -> {
            t.set(data.trace, data.logs, data.logError, ascii());
            if (data.logError != null) error("logs: " + data.logError);
            else info("");
        }, this::error);
    }

    void error(String message) {
        statusFromSource = false;
        liveFailure = false;
        status = message;
        statusStyle = Style.FAULT;
    }

    /** A live reload failed: said as an error until a live reload works again. */
    private void liveError(String message) {
        error(message);
        liveFailure = true;
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
