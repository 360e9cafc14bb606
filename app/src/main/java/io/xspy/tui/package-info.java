/**
 * The terminal UI: a stack of {@link io.xspy.tui.Screen}s driven by {@link io.xspy.tui.App} and
 * drawn by {@link io.xspy.tui.Screens} onto a canvas that {@link io.xspy.tui.Tui} copies to Lanterna.
 *
 * <h2>Adding a screen</h2>
 * <ol>
 * <li>Write {@code FooScreen implements Screen} in a file of its own. It holds its state; its
 *     {@code bindings()} list its keys with a description each ({@code KeyMap.hint(...)} puts one
 *     in the hint line, {@code KeyMap.bind(...)} only in help; {@code KeyMap.movement(...)} gives
 *     the usual ↑↓ j k PgUp PgDn g G); {@code load(app, quiet)} starts its loads through
 *     {@code app.loader} over {@code app.window} (results arrive on the UI thread); {@code draw}
 *     draws the body onto the canvas it is given, every data string through {@code Canvas.put}
 *     (which sanitizes). A screen that sits over another (help, raw JSON) returns true from
 *     {@code overlay()}; the header and breadcrumb then stay those of the page beneath.</li>
 * <li>Open it with a key from another screen: in that screen's {@code bindings()} replace the
 *     {@code // slot: ...} comment for your key with one line, e.g. on the services screen
 *     {@code List.of(KeyMap.bind("a", "analytics of the selected service", (app, k) -> app.open(new AnalyticsScreen(current())))),}
 *     (the slots are kept apart so that parallel additions merge). What is under the cursor:
 *     {@code ServicesScreen.current()}, {@code TracesScreen.current()}, {@code TraceScreen.state.current()}.
 *     Esc (global {@code back}) closes it again. A trace opened from a service (a list row, a node of a
 *     map) lands on that service's node: {@code app.open(new TraceScreen(id, new TraceScreen.Landing(name, type)))}.</li>
 * <li>Test it headless with {@code Harness} (Lanterna's virtual terminal) and goldens at 80×24;
 *     help lists its keys by itself ({@code HelpScreen}), and the hint line changes only where you
 *     used {@code KeyMap.hint}.</li>
 * </ol>
 * Keys are looked up on the front screen first, then in the global set {@code KeyMap.BINDINGS}
 * (: r F Esc ? Ctrl-L q); a screen binding a global key overrides it there.
 */
package io.xspy.tui;
