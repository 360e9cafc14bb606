package io.xspy.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * Lanterna's Unix terminal, made quicker to start and to draw: its output is a buffer that Lanterna
 * flushes once a frame (so the caller passes a buffered stream), except that a request the terminal
 * must answer (the cursor position report Lanterna asks for the size) goes out at once; and raw mode
 * is set by one {@code stty} instead of four (each a process, ~5 ms to tens of ms on a busy machine),
 * after the settings to restore were read ahead, or ahead too ({@link TerminalHeadStart}); stty runs
 * without a shell. Ctrl-C reaches the UI as a key.
 */
final class BufferedUnixTerminal extends UnixTerminal {
    /** ESC [ 6 n: "report the cursor position", whose answer Lanterna waits for. */
    private static final byte[] POSITION_REQUEST = {0x1b, '[', '6', 'n'};

    /** What {@code stty -g} printed before raw mode (set from the super constructor: no initializer here). */
    private String saved;

    BufferedUnixTerminal(InputStream in, OutputStream bufferedOut, Charset charset) throws IOException {
        super(in, bufferedOut, charset, CtrlCBehaviour.TRAP);
    }

    @Override
    protected void writeToTerminal(byte... bytes) throws IOException {
        super.writeToTerminal(bytes);
        if (endsWith(bytes, POSITION_REQUEST)) flush();
    }

    static boolean endsWith(byte[] bytes, byte[] tail) {
        if (bytes.length < tail.length) return false;
        for (int i = 0; i < tail.length; i++) {
            if (bytes[bytes.length - tail.length + i] != tail[i]) return false;
        }
        return true;
    }

    /** The settings {@link TerminalHeadStart} read while the command line was parsed, else read now. */
    @Override
    protected void saveTerminalSettings() throws IOException {
        String early = TerminalHeadStart.settings();
        saved = early != null ? early : runSTTYCommand("-g").trim();
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (saved != null) runSTTYCommand(saved);
    }

    /**
     * Lanterna leaves canonical mode first, then turns off echo and the signal keys: all in this one call,
     * or none when {@link TerminalHeadStart} set raw mode already.
     */
    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled) super.canonicalMode(true);
        else if (!TerminalHeadStart.claimRawMode()) runSTTYCommand(TerminalHeadStart.RAW);
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyEchoEnabled(true); // off: done with canonical mode
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        // off: done with canonical mode; on: the settings restored before this hold the signal keys as they were
        if (enabled && saved == null) super.keyStrokeSignalsEnabled(true);
    }

    /** Every stty call through the head start's (the same process, or a stand-in in tests). */
    @Override
    protected String runSTTYCommand(String... parameters) throws IOException {
        try {
            return TerminalHeadStart.stty().run(parameters);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running stty", e);
        }
    }
}
