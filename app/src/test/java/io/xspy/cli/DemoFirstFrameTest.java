package io.xspy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.xspy.tui.Tui;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's first frame told from the command line alone: only where it is sure, and then the UI's own first frame. */
class DemoFirstFrameTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T05:07:31Z"), ZoneOffset.UTC);
    private static final Map<String, String> UTF8 = Map.of("LANG", "C.UTF-8", "TERM", "xterm-256color");

    @Test
    void onlyThePlainDemoCommandLinesAreDrawnAhead() {
        for (String[] args : List.of(new String[] {"--demo"}, new String[] {"--seed", "7", "--demo"}, new String[] {"--demo", "--seed=42"},
                new String[] {"--ascii", "--demo", "--no-color", "-f"}, new String[] {"--demo", "--follow"})) {
            assertNotNull(DemoFirstFrame.of(UTF8, NOW, args), String.join(" ", args));
        }
        for (String[] args : List.of(new String[] {}, new String[] {"--file", "t.json"}, new String[] {"--demo", "--since", "1h"},
                new String[] {"--demo", "--demo"}, new String[] {"--demo", "-f", "--follow"}, new String[] {"--demo", "--seed"},
                new String[] {"--demo", "--seed", "x"}, new String[] {"--demo", "--seed", "010"}, new String[] {"--demo", "--seed", "-1"},
                new String[] {"--demo", "--seed", "1234567890123456789"}, new String[] {"--demo", "--listen"},
                new String[] {"--demo", "--seed", "1", "--seed", "2"}, new String[] {"--demo", "--color"}, new String[] {"--demo", "x"})) {
            assertNull(DemoFirstFrame.of(UTF8, NOW, args), "left to the UI: " + String.join(" ", args));
        }
    }

    @Test
    void theFrameDrawnAheadIsTheFrameTheUiDrawsFirst() throws IOException {
        List<Map<String, String>> envs = List.of(UTF8, Map.of("LANG", "C", "TERM", "xterm"), Map.of("LANG", "en_US.UTF-8", "NO_COLOR", "1"));
        for (Map<String, String> env : envs) {
            for (String[] args : List.of(new String[] {"--demo"}, new String[] {"--demo", "--seed", "7"},
                    new String[] {"--seed=42", "--demo", "--ascii"}, new String[] {"--demo", "--no-color", "-f"})) {
                String what = String.join(" ", args) + " with " + env;
                DefaultVirtualTerminal ahead = new DefaultVirtualTerminal(new TerminalSize(120, 36));
                DemoFirstFrame.of(env, NOW, args).draw(new TerminalScreen(ahead));
                DefaultVirtualTerminal ui = uiFirstFrame(env, args);
                assertTrue(text(ahead).contains("loading the service map"), what + ":\n" + text(ahead));
                assertTrue(text(ahead).contains("demo (seed " + (args[0].equals("--seed=42") ? 42 : args.length > 2 && args[1].equals("--seed") ? 7 : 1) + ")"),
                        what + ":\n" + text(ahead));
                for (int y = 0; y < 36; y++) {
                    for (int x = 0; x < 120; x++) {
                        assertEquals(ui.getBufferCharacter(x, y), ahead.getBufferCharacter(x, y), what + ", cell " + x + "," + y + ":\n" + text(ui));
                    }
                }
            }
        }
    }

    /** The UI's first frame as `xspy ARGS` opens it: picocli, the source, the UI's options; its loads held, as until that frame. */
    private static DefaultVirtualTerminal uiFirstFrame(Map<String, String> env, String... args) throws IOException {
        XspyCommand command = new XspyCommand();
        command.env = env;
        command.clock = NOW;
        new CommandLine(command).parseArgs(args);
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 36));
        try (Sources.Opened opened = Sources.open(command, new PrintWriter(new StringWriter()))) {
            Terminal.View view = Terminal.view(opened, command);
            Tui tui = new Tui(opened.source(), view.tui(), terminal, view.clock(), task -> { });
            tui.step();
        }
        return terminal;
    }

    private static String text(DefaultVirtualTerminal t) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 120; x++) b.append(t.getBufferCharacter(x, y).getCharacterString());
            b.append('\n');
        }
        return b.toString();
    }
}
