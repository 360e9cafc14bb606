package io.xspy.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal.CtrlCBehaviour;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The process's terminal as the UI draws on it: the buffered stream to it (Osc52 writes there too),
 * Lanterna's terminal over that stream, and the screen over the terminal. Opened by the UI, or ahead of
 * it by {@link TerminalHeadStart}, which then draws the first frame and hands all three over.
 */
record TuiTerminal(OutputStream tty, Terminal terminal, Screen screen) {

    /** Opens this process's terminal (not yet in its private mode: the screen's start does that). */
    static TuiTerminal open() throws IOException {
        // the terminal's bytes go out when Lanterna flushes (once a frame), not a write(2) per character as
        // through System.out, whose PrintStream flushes every array written
        OutputStream tty = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        Terminal terminal;
        if (File.separatorChar == '/') {
            terminal = new BufferedUnixTerminal(System.in, tty, Charset.defaultCharset());
        } else {
            DefaultTerminalFactory factory = new DefaultTerminalFactory(tty, System.in, Charset.defaultCharset());
            factory.setForceTextTerminal(true);
            // Ctrl-C reaches the UI as a key (a request to quit, exit 0 like q); Lanterna's default
            // would System.exit(1) from its input reader
            factory.setUnixTerminalCtrlCBehaviour(CtrlCBehaviour.TRAP);
            terminal = factory.createTerminal();
        }
        StartupMarks.mark("terminal");
        return new TuiTerminal(tty, terminal, new TerminalScreen(terminal));
    }

    /**
     * Leaves the terminal as it was found, for a UI that will not take it after all: out of the private
     * mode (the screen before it shows again), the settings read before raw mode put back.
     */
    void putAway() {
        try {
            screen.stopScreen();
            terminal.close(); // the settings back; Lanterna's restore at exit is then not needed
            tty.flush();
        } catch (IOException | RuntimeException e) {
            // the terminal is gone: nothing to show on it
        }
    }

    /** Opens the process's terminal for the head start (a class, not a lambda: see {@link TerminalHeadStart}). */
    static final class OfThisProcess implements TerminalHeadStart.Opener {
        @Override
        public TuiTerminal open() throws IOException {
            return TuiTerminal.open();
        }
    }
}
