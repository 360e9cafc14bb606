package io.xspy.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import picocli.CommandLine;

/**
 * A picture of xspy shell for the README: a short walk over the demo run as a script (what the prompt
 * prints, without the keys typed), laid out on a 120-column virtual terminal as a terminal wraps it,
 * drawn as the TUI's screenshots are (same font and colours), and kept as text beside it:
 * {@code java -Djava.awt.headless=true -cp app/target/xspy.jar io.xspy.cli.ShellScreenshot screenshots/}
 */
public final class ShellScreenshot {
    static final String WALK = "traces --limit 4 --filter 'service(\"xraystarter-py\") { fault }'\ntrace 1\n";
    private static final int COLUMNS = 120;

    private ShellScreenshot() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "screenshots");
        Files.createDirectories(dir);
        String text = walk();
        Files.writeString(dir.resolve("shell.txt"), text, StandardCharsets.UTF_8);
        draw(text, dir.resolve("shell.png"));
        System.out.println("shell screenshot written to " + dir.toAbsolutePath());
    }

    /** What {@code xspy --demo shell} prints for the walk, each command after its prompt. */
    static String walk() {
        StringWriter out = new StringWriter();
        XspyCommand command = new XspyCommand();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LANG", "C.UTF-8");
        env.put("COLUMNS", String.valueOf(COLUMNS));
        command.env = env;
        command.in = new ByteArrayInputStream(WALK.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = Subcommands.all(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        Main.run(cli, "--demo", "shell");
        return out + "xspy> \n";
    }

    private static void draw(String text, Path png) throws IOException {
        int rows = (int) text.lines().mapToLong(l -> Math.max(1, (l.length() + COLUMNS - 1) / COLUMNS)).sum();
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(COLUMNS, rows));
        for (String line : text.split("\n", -1)) {
            for (char c : line.toCharArray()) terminal.putCharacter(c);
            terminal.putCharacter('\n');
        }
        Font font = new Font("DejaVu Sans Mono", Font.PLAIN, 15);
        FontMetrics m = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(font);
        int cw = m.charWidth('M');
        int ch = m.getHeight();
        int pad = 8;
        BufferedImage img = new BufferedImage(COLUMNS * cw + 2 * pad, rows * ch + 2 * pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x1d, 0x1f, 0x21)); // the TUI screenshots' background and foreground
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(0xd0, 0xd0, 0xd0));
        g.setFont(font);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                TextCharacter c = terminal.getBufferCharacter(x, y);
                g.drawString(c.getCharacterString(), pad + x * cw, pad + y * ch + m.getAscent());
                if (c.isDoubleWidth()) x++;
            }
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }
}
