package io.xspy.tui;

import io.xspy.timeline.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Copies to the clipboard of the terminal the UI runs in, over ssh and through tmux (which needs
 * {@code set -g set-clipboard on}): the escape sequence OSC 52 ({@code ESC ] 52 ; c ; BASE64 BEL}).
 * The text is sanitized first (no control or bidi characters reach a paste; line breaks stay) and
 * only its base64 goes into the sequence, so nothing in it can end the sequence early. Lanterna has
 * no call for a sequence of one's own: it is written to the stream the terminal writes to, after
 * the terminal's own output is flushed, under the lock Lanterna takes for its writes, between frames.
 */
final class Osc52 implements Clipboard {

    /** The most text sent (UTF-8 bytes): the whole sequence stays within the 100,000 bytes common terminals accept (hterm's limit; vim-oscyank's). */
    static final int MAX_BYTES = 74_994;

    /** Flushes what the terminal has buffered, so the sequence does not split one of its own. */
    interface Flush {
        void flush() throws IOException;
    }

    /** Lanterna's terminal as the flush (a class: a method reference would be spun up at run time, before the first frame). */
    static final class TerminalFlush implements Flush {
        private final com.googlecode.lanterna.terminal.Terminal terminal;

        TerminalFlush(com.googlecode.lanterna.terminal.Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void flush() throws IOException {
            terminal.flush();
        }
    }

    private final OutputStream out;
    private final Flush terminal;
    private final String note;

    /** {@code inTmux}: the status line reminds that tmux passes the copy on only with set-clipboard on. */
    Osc52(OutputStream out, Flush terminal, boolean inTmux) {
        this.out = out;
        this.terminal = terminal;
        this.note = inTmux ? " (tmux passes it on with set -g set-clipboard on)" : "";
    }

    @Override
    public String note() {
        return note;
    }

    /** Whether the terminal takes OSC 52: not for TERM=dumb (or none), nor when XSPY_CLIPBOARD=off turns it off. */
    static boolean supported(Map<String, String> env) {
        String term = env.getOrDefault("TERM", "");
        String setting = env.getOrDefault("XSPY_CLIPBOARD", "").toLowerCase(Locale.ROOT);
        return !term.isEmpty() && !term.equals("dumb") && !setting.equals("off") && !setting.equals("none");
    }

    /** The text as it goes to the clipboard: each line sanitized, line breaks kept. */
    static String clean(String text) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            out.append(Text.sanitize(lines[i], false));
        }
        return out.toString();
    }

    /** The escape sequence that sets the clipboard to the (clean) text. */
    static byte[] sequence(String text) {
        String payload = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return ("\u001b]52;c;" + payload + "\u0007").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Result copy(String text) {
        String clean = clean(text);
        if (clean.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return Result.TOO_LONG;
        try {
            terminal.flush();
            synchronized (out) {
                out.write(sequence(clean));
                out.flush();
            }
            return Result.COPIED;
        } catch (IOException e) {
            return Result.UNAVAILABLE;
        }
    }
}
