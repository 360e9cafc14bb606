package io.xspy.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.xspy.source.TraceSource;
import io.xspy.source.demo.DemoSource;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Drives the real UI over the demo world on a virtual terminal and draws each screen's cells to
 * a PNG in the screen's colours, with DejaVu Sans Mono (or the JDK's monospace font):
 * {@code java -Djava.awt.headless=true -cp app/target/xspy.jar io.xspy.tui.Screenshots screenshots/}
 */
public final class Screenshots {

    private static final Instant NOW = Instant.parse("2026-11-26T14:52:00Z");
    private static final Color BACKGROUND = new Color(0x1d, 0x1f, 0x21);
    private static final Color FOREGROUND = new Color(0xd0, 0xd0, 0xd0);
    private static final Map<TextColor.ANSI, Color> ANSI = Map.ofEntries(
            Map.entry(TextColor.ANSI.BLACK, new Color(0x1d, 0x1f, 0x21)),
            Map.entry(TextColor.ANSI.BLACK_BRIGHT, new Color(0x80, 0x80, 0x80)),
            Map.entry(TextColor.ANSI.RED, new Color(0xe0, 0x5a, 0x4f)),
            Map.entry(TextColor.ANSI.GREEN, new Color(0x8c, 0xc2, 0x65)),
            Map.entry(TextColor.ANSI.YELLOW, new Color(0xe5, 0xc0, 0x7b)),
            Map.entry(TextColor.ANSI.BLUE_BRIGHT, new Color(0x7a, 0xb8, 0xff)),
            Map.entry(TextColor.ANSI.MAGENTA, new Color(0xc6, 0x78, 0xdd)),
            Map.entry(TextColor.ANSI.CYAN, new Color(0x56, 0xb6, 0xc2)),
            Map.entry(TextColor.ANSI.CYAN_BRIGHT, new Color(0x8b, 0xe9, 0xfd)));

    private final DefaultVirtualTerminal terminal;
    private final Tui tui;
    private final Path dir;
    private final Font font;
    private final Font bold;

    private Screenshots(DemoSource source, Path dir, int width, int height) throws IOException {
        this.dir = dir;
        this.terminal = new DefaultVirtualTerminal(new TerminalSize(width, height));
        // the window xspy --demo opens with: the demo's whole history, fault and fix
        Duration history = Duration.between(source.historyStart(), NOW);
        TuiOptions options = new TuiOptions(history, "", false, true, false, null);
        this.tui = new Tui(source, options, terminal, Clock.fixed(NOW, ZoneOffset.UTC), Runnable::run);
        this.font = new Font("DejaVu Sans Mono", Font.PLAIN, 15);
        this.bold = font.deriveFont(Font.BOLD);
        tui.step();
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "screenshots");
        Files.createDirectories(dir);
        try (DemoSource demo = new DemoSource(1, Clock.fixed(NOW, ZoneOffset.UTC))) {
            Screenshots s = new Screenshots(demo, dir, 120, 36);
            s.shot("services");
            // the blog post's story: the Python function's traces sorted by status, faults first
            s.keys("j", "j", "j", "j", "j", "Enter", "s", "s", "s", "g").shot("traces");
            s.keys("Enter").shot("trace-with-logs");
            s.keys("j", "j", "j", "j", "j", "j", "Tab").shot("detail");
            s.keys("x").shot("raw-json");
            s.keys("Esc", "?").shot("help");
            s.keys("Esc", "Esc", "/", "Ctrl-U").type("service(\"xraystarter-py\") { fault ").keys("Enter").shot("filter-error");
            s.tui.close();
            // the map with the Python function (its fault) selected: m; ↓ to items; h, k: its edge from above; h
            Screenshots map = new Screenshots(demo, dir, 120, 36);
            map.keys("m", "j", "h", "k", "h").shot("map");
            map.tui.close();
            // issue 10: the Python function's spans across traces, then before against after its fix
            Screenshots a = new Screenshots(demo, dir, 120, 36);
            a.keys("j", "j", "j", "j", "j", "a").shot("analytics");
            a.keys("B", "t").type("14:40").keys("Enter").shot("ab");
            a.tui.close();
        }
        System.out.println("screenshots written to " + dir.toAbsolutePath());
    }

    private Screenshots keys(String... names) throws IOException {
        for (String n : names) {
            KeyStroke k = switch (n) {
                case "Enter" -> new KeyStroke(KeyType.Enter);
                case "Esc" -> new KeyStroke(KeyType.Escape);
                case "Tab" -> new KeyStroke(KeyType.Tab);
                case "Ctrl-U" -> new KeyStroke('u', true, false);
                default -> new KeyStroke(n.charAt(0), false, false);
            };
            terminal.addInput(k);
            tui.step();
        }
        return this;
    }

    private Screenshots type(String text) throws IOException {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
            tui.step();
        }
        return this;
    }

    /** Draws the virtual terminal's cells, with their colours and reverse video, to NAME.png. */
    private Screenshots shot(String name) throws IOException {
        TerminalSize size = terminal.getTerminalSize();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics m = probe.createGraphics().getFontMetrics(font);
        int cw = m.charWidth('M');
        int ch = m.getHeight();
        int pad = 8;
        BufferedImage img = new BufferedImage(size.getColumns() * cw + 2 * pad, size.getRows() * ch + 2 * pad,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int y = 0; y < size.getRows(); y++) {
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = terminal.getBufferCharacter(x, y);
                Color fg = color(c.getForegroundColor(), FOREGROUND);
                Color bg = color(c.getBackgroundColor(), BACKGROUND);
                if (c.getModifiers().contains(SGR.REVERSE)) {
                    Color t = fg;
                    fg = bg;
                    bg = t;
                }
                int px = pad + x * cw;
                int py = pad + y * ch;
                int cells = c.isDoubleWidth() ? 2 : 1;
                g.setColor(bg);
                g.fillRect(px, py, cw * cells, ch);
                g.setColor(fg);
                g.setFont(c.getModifiers().contains(SGR.BOLD) ? bold : font);
                g.drawString(c.getCharacterString(), px, py + m.getAscent());
                x += cells - 1;
            }
        }
        g.dispose();
        ImageIO.write(img, "png", dir.resolve(name + ".png").toFile());
        return this;
    }

    private static Color color(TextColor c, Color fallback) {
        if (c == null || c == TextColor.ANSI.DEFAULT) return fallback;
        if (c instanceof TextColor.ANSI a && ANSI.containsKey(a)) return ANSI.get(a);
        return c.toColor();
    }
}
