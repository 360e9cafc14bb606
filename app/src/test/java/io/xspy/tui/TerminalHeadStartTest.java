package io.xspy.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import io.xspy.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The head start's stty calls, with a stty that only notes them: what the UI takes over, what is put back;
 * and a first frame drawn ahead on Lanterna's Unix terminal over byte streams (its stty calls noted too).
 */
class TerminalHeadStartTest {
    private static final String ENTER_PRIVATE = "\u001b[?1049h";
    private static final String EXIT_PRIVATE = "\u001b[?1049l";

    private final List<String> calls = new ArrayList<>();
    /** What the terminal of a frame drawn ahead was sent. */
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private int opened;

    /** The UI's terminal over byte streams, which answers each size request as a terminal of 36 rows, 120 columns. */
    private TuiTerminal open() throws IOException {
        opened++;
        Typed keys = new Typed();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                sent.write(b);
                if (sent.toString(StandardCharsets.US_ASCII).endsWith("\u001b[6n")) keys.type("\u001b[36;120R");
            }
        };
        BufferedUnixTerminal terminal = new BufferedUnixTerminal(keys, out, StandardCharsets.UTF_8);
        return new TuiTerminal(out, terminal, new TerminalScreen(terminal));
    }

    /** What the terminal's keyboard sent, read as Lanterna reads it (only what is available). */
    private static final class Typed extends InputStream {
        private final ArrayDeque<Integer> bytes = new ArrayDeque<>();

        synchronized void type(String s) {
            for (byte b : s.getBytes(StandardCharsets.US_ASCII)) bytes.add(b & 0xff);
        }

        @Override
        public synchronized int available() {
            return bytes.size();
        }

        @Override
        public synchronized int read() {
            Integer b = bytes.poll();
            return b == null ? -1 : b;
        }
    }

    private static void frame(Screen screen) throws IOException {
        screen.startScreen();
        screen.newTextGraphics().putString(0, 0, "xspy-first-frame");
        screen.refresh();
    }

    private String sent() {
        return sent.toString(StandardCharsets.UTF_8);
    }

    private String stty(String... args) {
        synchronized (calls) {
            calls.add(String.join(" ", args));
        }
        return args.length == 1 && args[0].equals("-g") ? "saved:settings" : "";
    }

    private List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @AfterEach
    void noHeadStartLeft() {
        TerminalHeadStart.release();
    }

    @Test
    void theUiTakesOverTheRawModeSetAhead() {
        TerminalHeadStart.begin(() -> true, this::stty, false);
        assertEquals("saved:settings", TerminalHeadStart.settings());
        assertTrue(TerminalHeadStart.claimRawMode());
        TerminalHeadStart.release(); // the terminal restores its settings itself when it closes
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef"), calls());
    }

    @Test
    void rawModeSetAheadForAUiThatDidNotStartIsUndone() {
        TerminalHeadStart.begin(() -> true, this::stty, false);
        TerminalHeadStart.release();
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "saved:settings"), calls());
        assertNull(TerminalHeadStart.settings());
    }

    @Test
    void theLineModeShellGetsNoRawMode() {
        TerminalHeadStart.begin(() -> false, this::stty, false);
        assertFalse(TerminalHeadStart.claimRawMode()); // the terminal would set it itself
        TerminalHeadStart.release();
        assertEquals(List.of("-g"), calls());
    }

    @Test
    void withoutSettingsThereIsNoRawMode() {
        TerminalHeadStart.begin(() -> true, args -> {
            throw new IOException("not a terminal");
        }, false);
        assertNull(TerminalHeadStart.settings());
        assertFalse(TerminalHeadStart.claimRawMode());
        TerminalHeadStart.release();
    }

    @Test
    void theUiTakesOverTheFirstFrameDrawnAhead() throws IOException {
        TerminalHeadStart.begin(() -> true, TerminalHeadStartTest::frame, this::stty, null, this::open, false);
        TerminalHeadStart.awaitFirstFrame(); // as the main thread does before picocli
        assertTrue(sent().contains("xspy-first-frame"), sent());
        TuiTerminal t = TerminalHeadStart.takeTerminal();
        assertNotNull(t);
        assertTrue(sent().contains(ENTER_PRIVATE) && sent().contains("xspy-first-frame"), sent());
        assertFalse(sent().contains(EXIT_PRIVATE), sent());
        assertNull(TerminalHeadStart.takeTerminal(), "taken once");
        TerminalHeadStart.release(); // the UI's terminal now owns raw mode and restores the settings itself at exit
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef"), calls());
        assertFalse(sent().contains(EXIT_PRIVATE), "the frame stays for the UI: " + sent());
        TerminalHeadStart.begin(() -> false, this::stty, false); // the UI's exit, with the noting stty
        TerminalHeadStart.settings(); // (its stty -g done)
        t.putAway();
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "-g", "saved:settings"), calls());
    }

    @Test
    void aFirstFrameNobodyTookIsPutAwayAndTheSettingsRestoredOnce() {
        TerminalHeadStart.begin(() -> true, TerminalHeadStartTest::frame, this::stty, null, this::open, false);
        TerminalHeadStart.release();
        String out = sent();
        assertTrue(out.indexOf(EXIT_PRIVATE) > out.indexOf("xspy-first-frame"), out);
        assertTrue(out.indexOf("xspy-first-frame") > out.indexOf(ENTER_PRIVATE), out);
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "saved:settings"), calls());
        assertNull(TerminalHeadStart.takeTerminal());
    }

    @Test
    void aFirstFrameThatFailsLeavesTheTerminalAsItWas() {
        TerminalHeadStart.begin(() -> true, screen -> {
            screen.startScreen();
            throw new IOException("the terminal went away");
        }, this::stty, null, this::open, false);
        assertNull(TerminalHeadStart.takeTerminal(), "the UI opens its own");
        assertTrue(sent().indexOf(EXIT_PRIVATE) > sent().indexOf(ENTER_PRIVATE), sent());
        assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "saved:settings"), calls());
    }

    @Test
    void theLineModeShellGetsNoFirstFrame() {
        TerminalHeadStart.begin(() -> false, TerminalHeadStartTest::frame, this::stty, null, this::open, false);
        assertNull(TerminalHeadStart.takeTerminal());
        assertEquals(0, opened);
        assertEquals("", sent());
    }

    /** A wrong guess (the command line does not parse, the command fails): the frame goes before the error prints. */
    @Test
    void anErrorPrintsAfterTheFirstFrameIsPutAway() {
        for (String[] args : new String[][] {{"--demo", "--no-such-option"}, {"--file", "/no/such/file.json", "services"}}) {
            calls.clear();
            sent.reset();
            TerminalHeadStart.begin(() -> true, TerminalHeadStartTest::frame, this::stty, null, this::open, false);
            PrintStream err = System.err;
            System.setErr(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (calls) {
                        if (calls.isEmpty() || !calls.get(calls.size() - 1).equals("error printed")) calls.add("error printed");
                    }
                }
            }, true));
            try {
                assertTrue(Main.run(args) != 0);
            } finally {
                System.setErr(err);
            }
            assertEquals(List.of("-g", "-icanon min 1 -echo intr undef", "saved:settings", "error printed"), calls(), String.join(" ", args));
            assertTrue(sent().contains(EXIT_PRIVATE), sent());
            TerminalHeadStart.release();
        }
    }

    @Test
    void theSettingsTheLauncherReadSaveTheFirstStty() {
        TerminalHeadStart.begin(() -> true, null, this::stty, "500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0", null, false);
        assertEquals("500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0", TerminalHeadStart.settings());
        assertTrue(TerminalHeadStart.claimRawMode());
        assertEquals(List.of("-icanon min 1 -echo intr undef"), calls());
    }

    @Test
    void onlySettingsAsSttyPrintsThemAreTaken() {
        assertEquals("500:5:bf:8a3b:3", TerminalHeadStart.savedSettings("500:5:bf:8a3b:3"));
        assertEquals("gfmt1:cflag=4b00:iflag=6b02", TerminalHeadStart.savedSettings("gfmt1:cflag=4b00:iflag=6b02"));
        assertNull(TerminalHeadStart.savedSettings(null));
        assertNull(TerminalHeadStart.savedSettings(""));
        assertNull(TerminalHeadStart.savedSettings("sane; rm -rf x"));
        assertNull(TerminalHeadStart.savedSettings("-echo"));
        assertNull(TerminalHeadStart.savedSettings("500 5"));
    }
}
