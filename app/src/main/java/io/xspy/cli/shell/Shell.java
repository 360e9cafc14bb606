package io.xspy.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/** Entry point of {@code xspy shell}: an interactive prompt on a terminal, else a script read from standard input. */
public final class Shell {
    private Shell() {}

    /** The shell on {@code in}: a prompt when it is the process's terminal, else a script read from it. */
    public static int run(Host host, Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
        Session session = new Session(host);
        if (in != System.in || !stdinIsTerminal()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Script(session, lines, out, err).run();
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("xspy")
                // Ctrl-C at an odd moment never kills the JVM: the shell handles it while a command runs
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            return new Interactive(session, terminal, History.file(env)).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether standard input is a terminal (test -t 0, as JLine's own provider asks). */
    static boolean stdinIsTerminal() {
        try {
            return new ExecTerminalProvider().isSystemStream(SystemStream.Input);
        } catch (RuntimeException | LinkageError e) {
            return System.console() != null;
        }
    }

    /**
     * The shell's words as a POSIX shell splits them ('…' keeps a filter whole, a backslash in it stays);
     * an unclosed quote or brace means the line goes on.
     */
    static DefaultParser parser() {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(true);
        parser.setEofOnUnclosedBracket(DefaultParser.Bracket.CURLY, DefaultParser.Bracket.ROUND);
        return parser;
    }
}
